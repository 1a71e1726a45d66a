import type { Criterion, Score, Transcript } from '../types.js';
import { runCheck } from './checks/index.js';
import { independentAgreement } from './independent-agreement.js';
import type { Judge } from './types.js';

/** The deterministic judge: runs each criterion's `check` on the transcript. Needs no model, no network. */
export const checksJudge: Judge = {
  id: 'checks',
  info: {
    id: 'checks',
    kind: 'checks',
    description: 'Deterministic checks: phrase lexicons and patterns per language, crisis lines by locale, identity claims with negation, repetition.',
    limits: [
      'Phrase lists find what is said in the words they know: a behaviour said another way is missed, and a quoted or ironic phrase can be misread.',
      "Risk, locale and marks of a transcript from elsewhere are inferred from the user's words; when risk is inferred too low, criteria that need risk do not apply.",
    ],
    agreement: independentAgreement('checks'),
  },
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
