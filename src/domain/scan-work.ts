/**
 * Steps the scorer's scans take over a reply's text: characters scanned for a quote's sentence, words
 * tried against cue groups, sentences searched, words looked back for a negation. A test holds scoring
 * linear in reply length by this count (test/scoring-linear.test.ts), which a clock on a loaded machine
 * could not.
 */
export const scoringWork = { steps: 0 };

/**
 * The first index in [0, length) where `past(i)` holds, or `length` when none does; `past` must be
 * false up to some index and true from there on. One binary search for every "which sentence, which
 * token, which span holds this offset" question the scorer asks of a long reply; each probe is a step.
 */
export function firstIndex(length: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    scoringWork.steps++;
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
