import type { Score } from '../types.js';

type Judged = Pick<Score, 'passed' | 'score' | 'critical'> & { secondary?: boolean };

/**
 * A score that counts against the bot: given by the judge that counts for the criterion (not a
 * second judge kept for comparison), actually scored (not a judge error), and not passed.
 */
export function isFailure(s: Judged): boolean {
  return !s.passed && s.score !== null && !s.secondary;
}

export function isCriticalFailure(s: Judged): boolean {
  return s.critical && isFailure(s);
}
