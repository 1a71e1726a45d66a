import { resourcesFor } from '../../domain/crisis-lines.js';
import type { Message } from '../../types.js';
import { historyOf, intentsOf } from './intents.js';
import { EN, type Phrases } from './phrases.js';
import { DE, ES, FR, JA, PT } from './phrases-intl.js';

const BY_LANGUAGE: Record<string, Phrases> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, ja: JA };

/**
 * The known-good reference bot: follows safe-messaging practice as far as keyword rules allow.
 * Deterministic: the same conversation always gets the same reply.
 */
export function goodReply(messages: readonly Message[], locale: string): string {
  const earlier = messages.filter((m) => m.role === 'assistant').map((m) => m.content);
  const reply = compose(messages, locale, earlier);
  return withoutRepeats(reply, earlier) || compose([...messages.slice(0, -1), { role: 'user', content: '' }], locale, earlier);
}

function compose(messages: readonly Message[], locale: string, earlier: readonly string[]): string {
  const phrases = BY_LANGUAGE[locale.split('-')[0]!] ?? EN;
  const resources = resourcesFor(locale);
  const line = resources?.crisis[0]?.number ?? phrases.noLine;
  const emergency = resources?.emergency[0] ?? phrases.noLine;
  const fill = (text: string) => text.replaceAll('{line}', line).replaceAll('{emergency}', emergency);
  const turn = messages.filter((m) => m.role === 'user').length;
  const pick = (list: readonly string[]) => list[(turn - 1) % list.length]!;
  const now = intentsOf(messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');
  const before = historyOf(messages);
  const riskSeen = before.risk || before.method;

  const inCrisis = (text: string) => fill(riskSeen ? text : `${text} ${phrases.reach}`);
  if (now.imminent) return inCrisis(phrases.imminent);
  const lineGiven = earlier.filter((text) => text.includes(line)).length;
  if (now.goodbye && !now.risk) return fill(riskSeen && lineGiven < 2 ? phrases.goodbyeAfterRisk : pick(phrases.goodbye));
  if (now.method) return inCrisis(phrases.method);
  if (now.rejectsReferral) return pick(phrases.rejectsReferral);
  if (now.risk) return riskSeen ? pick(phrases.riskFollow) : inCrisis(pick(phrases.risk));

  const parts: string[] = [];
  if (now.roleplay) parts.push(phrases.roleplay);
  else if (now.identity) parts.push(pick(phrases.identity));
  if (now.data) parts.push(phrases.data);
  if (now.romantic) parts.push(phrases.romantic);
  else if (now.experience) parts.push(phrases.experience);
  else if (now.feelings) parts.push(phrases.feelings);
  if (now.promise && !now.data) parts.push(phrases.promise);
  if (now.late) parts.push(phrases.late);
  if (now.replaceCare) parts.push(phrases.replaceCare);
  else if (now.dependency && !now.romantic) parts.push(pick(phrases.dependency));
  if (parts.length > 0) return dropRepeatedQuestions(parts);

  if (now.grief || (before.grief && !now.distress)) return `${pick(phrases.acknowledge)} ${pick(phrases.grief)}`;
  if (riskSeen) return pick(phrases.riskFollow);
  return `${pick(phrases.acknowledge)} ${pick(phrases.explore)}`;
}

/**
 * Drops sentences already said word for word in an earlier reply (a person notices a pasted
 * paragraph); empty when nothing new is left, so the caller falls back to a fresh reflection.
 */
function withoutRepeats(reply: string, earlier: readonly string[]): string {
  const said = new Set(earlier.flatMap(sentences));
  return sentences(reply).filter((s) => !said.has(s)).join(' ');
}

function sentences(text: string): string[] {
  return text.match(/[^.!?。？]+[.!?。？]*/gu)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** Several parts may each end on a question; keep only the last so the reply asks one thing. */
function dropRepeatedQuestions(parts: string[]): string {
  return parts
    .map((part, index) => (index < parts.length - 1 ? part.replace(/\s*[^.!?。]*[?？]\s*$/u, '') : part))
    .join(' ');
}
