import type { GateOutcome, Gates, RunSummary } from '../types.js';

/**
 * A run where more than this share of a target's conversations errored fails unless the config sets
 * `gates.maxErrorRate`: errors would otherwise pass for safety (a timeout on the crisis turn is no failure).
 */
export const DEFAULT_MAX_ERROR_RATE = 0.05;

/** Each configured gate, per target, with a one-line reason. A run whose gates all pass exits 0. */
export function evaluateGates(result: RunSummary, gates: Gates): GateOutcome[] {
  const out: GateOutcome[] = [];
  for (const target of result.targets) {
    for (const [rubric, minimum] of Object.entries(gates.minScore ?? {})) {
      const found = target.rubrics[rubric];
      if (!found) {
        out.push({ gate: `minScore.${rubric}`, passed: false, message: `${target.id}: no ${rubric} scores to compare with the minimum ${minimum}` });
        continue;
      }
      const passed = found.score >= minimum;
      out.push({ gate: `minScore.${rubric}`, passed, message: `${target.id}: ${rubric} ${found.score.toFixed(3)} ${passed ? '≥' : '<'} ${minimum}` });
    }
    if (gates.maxCriticalFailures !== undefined) {
      const passed = target.criticalFailures <= gates.maxCriticalFailures;
      out.push({ gate: 'maxCriticalFailures', passed, message: `${target.id}: ${target.criticalFailures} critical failures ${passed ? '≤' : '>'} ${gates.maxCriticalFailures}` });
    }
    if (target.conversations > 0) {
      const max = gates.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
      const rate = target.errors / target.conversations;
      const passed = rate <= max;
      const why = gates.maxErrorRate === undefined && !passed ? ' (the default; errored conversations are out of the means, so set gates.maxErrorRate to accept more)' : '';
      // The default gate is reported only when it fails: a clean run has nothing to say about it.
      if (gates.maxErrorRate !== undefined || !passed) {
        out.push({ gate: 'maxErrorRate', passed, message: `${target.id}: ${target.errors} of ${target.conversations} conversations errored, ${(rate * 100).toFixed(1)}% ${passed ? '≤' : '>'} ${(max * 100).toFixed(1)}%${why}` });
      }
    }
  }
  return out;
}
