import type { Criterion, Score, Transcript } from '../types.js';
import { runCheck } from './checks/index.js';
import type { Judge } from './types.js';

/** The deterministic judge: runs each criterion's `check` on the transcript. Needs no model, no network. */
export const checksJudge: Judge = {
  id: 'checks',
  info: { id: 'checks', kind: 'checks', description: 'Deterministic checks: patterns per language, crisis lines by locale, identity claims with negation, repetition.' },
  handles: (criterion) => criterion.check !== undefined,
  async score(transcript: Transcript, criteria: readonly Criterion[]): Promise<Score[]> {
    const scores: Score[] = [];
    for (const criterion of criteria) {
      if (!criterion.check) continue;
      const outcome = runCheck(criterion.check, transcript);
      if (outcome.kind === 'not-applicable') continue;
      scores.push({
        rubric: criterion.rubric,
        criterion: criterion.id,
        judge: 'checks',
        status: 'scored',
        score: outcome.score,
        passed: outcome.passed,
        critical: criterion.critical,
        rationale: outcome.rationale,
        // Two patterns that hit the same sentence are one piece of evidence.
        evidence: outcome.evidence.filter((e, i, all) => all.findIndex((x) => x.turn === e.turn && x.quote === e.quote) === i),
      });
    }
    return scores;
  },
};
