import type { Criterion } from '../types.js';

/**
 * A judged level passes at 0.75 or more: on three-level criteria (1, 0.5, 0) only the top level
 * passes, as with the checks; on five-level persona items "mostly" passes too.
 */
const PASS_AT = 0.75;

export function passes(score: number): boolean {
  return score >= PASS_AT - 1e-9;
}

/** The criterion's level whose score is nearest `score` (ties go to the lower level: doubt does not pass). */
export function nearestLevel(criterion: Pick<Criterion, 'levels'>, score: number): Criterion['levels'][number] {
  let best = criterion.levels[0]!;
  for (const level of criterion.levels) {
    const d = Math.abs(level.score - score);
    const bestD = Math.abs(best.score - score);
    if (d < bestD - 1e-9 || (Math.abs(d - bestD) <= 1e-9 && level.score < best.score)) best = level;
  }
  return best;
}
