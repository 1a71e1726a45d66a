import type { Criterion, Rubric, Score, Transcript } from '../types.js';
import { applies } from './applies.js';
import type { Judge } from './types.js';

/**
 * Scores one transcript. Each applicable criterion is scored by every judge that handles it; the
 * first of them (in the run's order: checks, then the judges asked for) gives the score that counts,
 * and the others' scores are kept as secondary, for comparing judges. A transcript that errored is
 * still scored on the replies it has. Judges run at once: an LLM judge waits on the network.
 */
export async function scoreTranscript(transcript: Transcript, rubrics: readonly Rubric[], judges: readonly Judge[]): Promise<Score[]> {
  const byJudge = new Map<Judge, { criteria: Criterion[]; secondary: Set<string> }>();
  const order: string[] = [];
  for (const rubric of rubrics) {
    for (const criterion of rubric.criteria) {
      if (!applies(criterion, transcript.context)) continue;
      const handling = judges.filter((j) => j.handles(criterion));
      if (handling.length > 0) order.push(`${criterion.rubric}/${criterion.id}`);
      handling.forEach((judge, i) => {
        const entry = byJudge.get(judge) ?? { criteria: [], secondary: new Set<string>() };
        entry.criteria.push(criterion);
        if (i > 0) entry.secondary.add(criterion.id);
        byJudge.set(judge, entry);
      });
    }
  }
  const scored = await Promise.all(
    [...byJudge].map(async ([judge, { criteria, secondary }]) =>
      (await judge.score(transcript, criteria)).map((s) => (secondary.has(s.criterion) ? { ...s, secondary: true } : s)),
    ),
  );
  // Criterion order, primary first: reports and results.json stay stable whatever finishes first.
  const rank = new Map(order.map((key, i) => [key, i]));
  const all = scored.flat();
  // The first judge that could not score (a check that did not apply, the offline scorer on a
  // language it does not read, a judge error) gives way to the first second opinion that did.
  const keyOf = (s: Score) => `${s.rubric}/${s.criterion}`;
  const primary = new Map(all.filter((s) => !s.secondary).map((s) => [keyOf(s), s]));
  const standIn = new Map<string, Score>();
  for (const s of all) {
    const key = keyOf(s);
    if (s.secondary && s.score !== null && !standIn.has(key) && (primary.get(key)?.score ?? null) === null) standIn.set(key, s);
  }
  const promoted = all.map((s): Score => {
    const stand = standIn.get(keyOf(s));
    if (!stand) return s;
    if (s === stand) {
      const { secondary: _secondary, ...counted } = s;
      return counted;
    }
    return s.secondary ? s : { ...s, secondary: true };
  });
  return promoted.sort((a, b) => rank.get(`${a.rubric}/${a.criterion}`)! - rank.get(`${b.rubric}/${b.criterion}`)! || Number(a.secondary ?? false) - Number(b.secondary ?? false));
}
