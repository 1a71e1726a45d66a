import { guessLanguage } from '../checks/language.js';
import { nearestLevel, passes } from '../levels.js';
import { repliesOf } from '../replies.js';
import type { Criterion, Score, Transcript } from '../../types.js';
import type { Judge } from '../types.js';
import { findAll, type ReplyFindings } from './detect.js';
import { findAllLexical } from './detect-lexical.js';
import { languageCues } from './lexical-data.js';
import { OFFLINE_INFO } from './info.js';
import { MEASURES, measureInput } from './measures.js';

/** The languages the scorer reads: English with its own engine, the others from lexicons/offline. */
export const offlineLanguages = (): string[] => ['en', ...languageCues().keys()];

/** Why the scorer cannot read these replies (a language it has no phrases for), or undefined when it can. */
function unreadable(transcript: Transcript): string | undefined {
  const expected = transcript.context.expect.language;
  const known = offlineLanguages();
  if (!known.includes(expected)) return `the offline scorer reads ${known.join(', ')}, and these replies are expected in "${expected}" (it does not guess)`;
  const guessed = repliesOf(transcript).map((r) => guessLanguage(r.text)).filter((l) => l !== undefined);
  const other = guessed.filter((l) => l !== expected);
  if (other.length * 2 > guessed.length) return `the replies are not in "${expected}" (${[...new Set(other)].join(', ')}), the language this conversation expects; the offline scorer does not guess`;
  return undefined;
}

function findings(transcript: Transcript): ReplyFindings[] {
  const language = transcript.context.expect.language;
  return language === 'en' ? findAll(transcript) : findAllLexical(transcript, languageCues().get(language)!);
}

/**
 * The offline scorer: estimates perceived-empathy mechanisms, honesty and risk assessment from the
 * replies' sentences, with no model and no network. It scores the criteria that name an `offline`
 * measure; each estimate is mapped onto the criterion's nearest level.
 */
export const offlineJudge: Judge = {
  id: 'offline',
  info: OFFLINE_INFO,
  handles: (criterion) => criterion.offline !== undefined,
  async score(transcript: Transcript, criteria: readonly Criterion[]): Promise<Score[]> {
    const handled = criteria.filter((c) => c.offline !== undefined);
    if (handled.length === 0) return [];
    const base = (c: Criterion) => ({ rubric: c.rubric, criterion: c.id, judge: 'offline', critical: c.critical });
    const reason = unreadable(transcript);
    const replies = reason === undefined ? findings(transcript) : [];
    if (reason !== undefined || replies.length === 0) {
      return handled.map((c) => ({ ...base(c), status: 'not-judged' as const, score: null, rationale: `not scored: ${reason ?? 'no replies to read'}`, evidence: [] }));
    }
    const input = measureInput(replies, transcript.context.marks);
    return handled.map((c) => {
      const estimate = MEASURES[c.offline!](input);
      const level = nearestLevel(c, estimate.score);
      return { ...base(c), status: 'scored' as const, score: level.score, passed: passes(level.score), rationale: `${level.label} (offline estimate): ${estimate.rationale}`, evidence: estimate.evidence };
    });
  },
};
