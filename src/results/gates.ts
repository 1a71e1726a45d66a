import type { GateOutcome, Gates, RunSummary } from '../types.js';

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
    if (gates.maxErrorRate !== undefined && target.conversations > 0) {
      const rate = target.errors / target.conversations;
      const passed = rate <= gates.maxErrorRate;
      out.push({ gate: 'maxErrorRate', passed, message: `${target.id}: error rate ${(rate * 100).toFixed(1)}% ${passed ? '≤' : '>'} ${(gates.maxErrorRate * 100).toFixed(1)}%` });
    }
  }
  return out;
}
