import type { Evidence } from '../types.js';
import { scoringWork } from '../domain/scan-work.js';

const MAX_QUOTE = 240;
const SENTENCE_END = /[.!?。！？\n]/;

/**
 * The sentence of `text` around the match at [start, end), as a verbatim substring, trimmed to at
 * most ~240 characters around the match. Quotes must be findable in the transcript as written.
 */
export function quoteAround(text: string, start: number, end: number): string {
  // A sentence boundary further than MAX_QUOTE away is never used (the quote is trimmed around the match),
  // so the scans stop there: one quote costs O(MAX_QUOTE), not the length of a 1 MB sentence.
  let from = start;
  while (from > 0 && start - from <= MAX_QUOTE && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end <= MAX_QUOTE && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && SENTENCE_END.test(text[to]!)) to++;
  scoringWork.steps += to - from;
  if (to - from > MAX_QUOTE) {
    from = Math.max(from, start - 80);
    to = Math.min(to, Math.max(end + 80, from + MAX_QUOTE));
  }
  return text.slice(from, to).trim();
}

/** The opening of a reply (verbatim), for evidence of what was said instead of what was expected. */
export function opening(text: string, max = 160): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > 40 ? cut.slice(0, space) : cut).trim();
}

export function evidence(turn: number, quote: string): Evidence {
  return { turn, quote };
}
