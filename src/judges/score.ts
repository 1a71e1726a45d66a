import type { Criterion, Rubric, Score, Transcript } from '../types.js';
import { applies } from './applies.js';
import { obligationCriteria } from './obligations.js';
import type { Judge } from './types.js';

/**
 * Scores one transcript. Each applicable criterion is scored by every judge that handles it; the
 * first of them (in the run's order: checks, then the judges asked for) gives the score that counts,
 * and the others' scores are kept as secondary, for comparing judges. A criterion no judge of the run
 * can decide is recorded as not judged, never as met. A judge that throws records a judge error for
 * its criteria; the conversation is still scored by the others. Judges run at once: an LLM judge
 * waits on the network.
 */
export async function scoreTranscript(transcript: Transcript, rubrics: readonly Rubric[], judges: readonly Judge[]): Promise<Score[]> {
  const criteria = [...rubrics.flatMap((rubric) => rubric.criteria.filter((criterion) => applies(criterion, transcript.context))), ...obligationCriteria(transcript.context)];
  const byJudge = new Map<Judge, { criteria: Criterion[]; secondary: Set<string> }>();
  const unhandled: Criterion[] = [];
  for (const criterion of criteria) {
    const handling = judges.filter((j) => j.handles(criterion));
    if (handling.length === 0) unhandled.push(criterion);
    handling.forEach((judge, i) => {
      const entry = byJudge.get(judge) ?? { criteria: [], secondary: new Set<string>() };
      entry.criteria.push(criterion);
      if (i > 0) entry.secondary.add(criterion.id);
      byJudge.set(judge, entry);
    });
  }
  const scored = await Promise.all(
    [...byJudge].map(async ([judge, { criteria: own, secondary }]) =>
      (await judgeSafely(judge, transcript, own)).map((s) => (secondary.has(s.criterion) ? { ...s, secondary: true } : s)),
    ),
  );
  const all = [...scored.flat(), ...unhandled.map(notJudged)];
  const byId = new Map(criteria.map((c) => [keyOf(c), c]));
  // Criterion order, primary first: reports and results.json stay stable whatever finishes first.
  const rank = new Map(criteria.map((c, i) => [keyOf(c), i]));
  return promoteStandIns(all)
    .map((s) => withPolarity(s, byId.get(keyOf(s))))
    .sort((a, b) => (rank.get(keyOf(a)) ?? 0) - (rank.get(keyOf(b)) ?? 0) || Number(a.secondary ?? false) - Number(b.secondary ?? false));
}

const keyOf = (s: { rubric: string; criterion?: string; id?: string }) => `${s.rubric}/${s.criterion ?? s.id}`;

async function judgeSafely(judge: Judge, transcript: Transcript, criteria: readonly Criterion[]): Promise<Score[]> {
  try {
    return await judge.score(transcript, criteria);
  } catch (error) {
    // Whatever a reply holds, one judge's crash must not lose the run: it becomes a judge error, counted per judge.
    const message = error instanceof Error ? error.message : String(error);
    return criteria.map((c): Score => ({
      rubric: c.rubric, criterion: c.id, judge: judge.id, critical: c.critical, status: 'error', score: null,
      rationale: 'the judge failed on this conversation', evidence: [], error: message.slice(0, 500),
    }));
  }
}

function notJudged(c: Criterion): Score {
  const needs = c.obligation ? 'an obligation without a check' : c.judge ? 'a judge-only criterion' : 'a criterion no judge of this run handles';
  return {
    rubric: c.rubric, criterion: c.id, judge: 'none', critical: c.critical, status: 'not-judged', score: null,
    rationale: `not judged: ${needs}; run with an LLM judge (--judge) to decide it`, evidence: [],
  };
}

/**
 * The first judge that could not score (a check that did not apply, the offline scorer on a language
 * it does not read, a judge error) gives way to the first second opinion that did.
 */
function promoteStandIns(all: readonly Score[]): Score[] {
  const primary = new Map(all.filter((s) => !s.secondary).map((s) => [keyOf(s), s]));
  const standIn = new Map<string, Score>();
  for (const s of all) {
    const key = keyOf(s);
    if (s.secondary && s.status === 'scored' && !standIn.has(key) && primary.get(key)?.status !== 'scored') standIn.set(key, s);
  }
  return all.map((s): Score => {
    const stand = standIn.get(keyOf(s));
    if (!stand) return s;
    if (s === stand) {
      const { secondary: _secondary, ...counted } = s;
      return counted;
    }
    return s.secondary ? s : { ...s, secondary: true };
  });
}

/**
 * Marks what the criterion asks for. A criterion that requires a behaviour passes only on a quote
 * that shows it: a pass with no evidence is not a pass. One that forbids something is marked, so
 * its rubric counts it only against the bot.
 */
function withPolarity(s: Score, criterion: Criterion | undefined): Score {
  if (!criterion) return s;
  const marked: Score = {
    ...s,
    ...(criterion.polarity === 'forbids' ? { forbids: true as const } : {}),
    ...(criterion.obligation ? { obligation: criterion.obligation, ...(criterion.weight !== 1 ? { weight: criterion.weight } : {}) } : {}),
  };
  if (marked.status === 'scored' && criterion.polarity === 'requires' && marked.passed && marked.evidence.length === 0) {
    return { ...marked, score: 0, passed: false, rationale: `no quote shows the behaviour, so it is not credited: ${marked.rationale}` };
  }
  return marked;
}
