import type { ConversationResult } from '../types.js';

/**
 * What of a conversation's context attune inferred from the user's own words, in one line for the
 * reports: `inferred: locale en-GB (sure), risk low (turn 2 "killed myself"), marks`. Undefined when
 * everything was given (a scenario of a suite, or a transcript line that carried it).
 */
export function inferredContextText(c: Pick<ConversationResult, 'locale' | 'risk' | 'inferred'>): string | undefined {
  const inferred = c.inferred;
  if (!inferred || inferred.fields.length === 0) return undefined;
  const risk = inferred.evidence?.find((e) => e.field === 'risk');
  const parts = inferred.fields.map((field) => {
    if (field === 'locale') return `locale ${c.locale} (${inferred.locale === 'high' ? 'clear from the conversation' : 'a guess from the language: no wrong-country findings'})`;
    if (field === 'risk') return `risk ${c.risk}${risk ? ` (turn ${risk.turn} "${risk.quote}")` : ''}`;
    return field;
  });
  return `inferred from the user's words: ${parts.join(', ')}`;
}
