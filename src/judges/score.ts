import type { Criterion, Rubric, Score, Transcript } from '../types.js';
import { applies } from './applies.js';
import type { Judge } from './types.js';

/**
 * Scores one transcript: each applicable criterion goes to the first judge that handles it. A
 * transcript that errored is still scored on the replies it has.
 */
export async function scoreTranscript(transcript: Transcript, rubrics: readonly Rubric[], judges: readonly Judge[]): Promise<Score[]> {
  const byJudge = new Map<Judge, Criterion[]>();
  for (const rubric of rubrics) {
    for (const criterion of rubric.criteria) {
      if (!applies(criterion, transcript.context)) continue;
      const judge = judges.find((j) => j.handles(criterion));
      if (!judge) continue;
      const list = byJudge.get(judge) ?? [];
      list.push(criterion);
      byJudge.set(judge, list);
    }
  }
  const scores: Score[] = [];
  for (const [judge, criteria] of byJudge) scores.push(...(await judge.score(transcript, criteria)));
  return scores;
}
