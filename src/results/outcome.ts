import type { Score } from '../types.js';

/** What outcome rules need of a score (a digest or a full score). */
export type Judged = Pick<Score, 'status' | 'passed' | 'score' | 'critical'> & { secondary?: boolean; unverified?: readonly unknown[] };

/**
 * Whether a score counts in aggregates, gates and outcomes: it is the score of the judge that counts
 * for the criterion (not a second opinion kept for comparison), and none of its quotes were flagged as
 * missing from the transcript (a judge's mistake set aside for review, neither pass nor failure).
 */
export function counts(s: Judged): boolean {
  return !s.secondary && !(s.unverified && s.unverified.length > 0);
}

/** A score that counts against the bot: it counts, a judge decided it (not "not judged", not a judge error), and it did not pass. */
export function isFailure(s: Judged): boolean {
  return s.status === 'scored' && !s.passed && counts(s);
}

export function isCriticalFailure(s: Judged): boolean {
  return s.critical && isFailure(s);
}

/**
 * Whether a conversation's rubric scores go into means and comparisons: only one that ran to its end.
 * A conversation that ended in an error was scored on a partial transcript, and the turn that errored
 * may be the one that would have failed; its critical failures still count, its means do not.
 */
export function completed(c: { error?: unknown }): boolean {
  return !c.error;
}
