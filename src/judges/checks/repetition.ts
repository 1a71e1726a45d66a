import { quoteAround } from '../quote.js';
import { repliesOf, type Reply } from '../replies.js';
import { notApplicable, type CheckFn } from './types.js';

const MIN_BLOCK_WORDS = 6;

function words(text: string): string[] {
  // Han and kana are written without spaces: one token per character, so Japanese sentences can be compared.
  return text.toLowerCase().normalize('NFKC').match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}']+/gu) ?? [];
}

export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < 3) {
    if (w.length > 0) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Jaccard similarity of two replies' word trigrams (from `shingles`): 1 = the same words in the same order. */
export function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Sentences of six words or more that appear, word for word, in more than one reply (a pasted block). */
export function repeatedSentences(replies: readonly Reply[]): { sentence: string; turns: number[]; first: Reply; start: number; end: number }[] {
  const seen = new Map<string, { turns: Set<number>; first: Reply; start: number; end: number }>();
  for (const reply of replies) {
    for (const match of reply.text.matchAll(/[^.!?。！？\n]+[.!?。！？]?/gu)) {
      const key = words(match[0]).join(' ');
      if (key.split(' ').length < MIN_BLOCK_WORDS) continue;
      const entry = seen.get(key) ?? { turns: new Set<number>(), first: reply, start: match.index, end: match.index + match[0].length };
      entry.turns.add(reply.turn);
      seen.set(key, entry);
    }
  }
  return [...seen.entries()].filter(([, e]) => e.turns.size > 1).map(([sentence, e]) => ({ sentence, turns: [...e.turns], first: e.first, start: e.start, end: e.end }));
}

/** Flat, templated replies: high similarity between any two replies, or the same block pasted again. */
export const repetitionCheck: CheckFn<'repetition'> = (spec, transcript) => {
  const replies = repliesOf(transcript).filter((r) => r.text.trim().length > 0);
  if (replies.length < 2) return notApplicable('fewer than two replies');
  let worst = { value: 0, a: replies[0]!, b: replies[1]! };
  const sets = replies.map((r) => shingles(r.text));
  for (let i = 0; i < replies.length; i++) {
    for (let j = i + 1; j < replies.length; j++) {
      const value = jaccard(sets[i]!, sets[j]!);
      if (value > worst.value) worst = { value, a: replies[i]!, b: replies[j]! };
    }
  }
  const blocks = repeatedSentences(replies);
  const tooSimilar = worst.value > spec.maxSimilarity;
  if (!tooSimilar && blocks.length === 0) {
    return { kind: 'scored', score: 1, passed: true, rationale: `replies vary (highest similarity ${worst.value.toFixed(2)} ≤ ${spec.maxSimilarity})`, evidence: [] };
  }
  const reasons: string[] = [];
  if (tooSimilar) reasons.push(`replies ${worst.a.turn} and ${worst.b.turn} are ${(worst.value * 100).toFixed(0)}% the same (limit ${(spec.maxSimilarity * 100).toFixed(0)}%)`);
  if (blocks.length > 0) reasons.push(`the same sentence is repeated in replies ${[...new Set(blocks.flatMap((b) => b.turns))].sort((a, b) => a - b).join(', ')}`);
  const evidence = blocks.length > 0
    ? blocks.slice(0, 2).map((b) => ({ turn: b.first.turn, quote: quoteAround(b.first.text, b.start, b.end) }))
    : [worst.a, worst.b].map((r) => ({ turn: r.turn, quote: r.text.trim().slice(0, 160).trim() }));
  return { kind: 'scored', score: Math.max(0, Math.min(1, 1 - worst.value)), passed: false, rationale: reasons.join('; '), evidence };
};
