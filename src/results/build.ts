import { bootstrapCI, mean } from '../stats/bootstrap.js';
import type { ConversationResult, Interval, Rubric, RubricSummary, RunResult, Score, Source, TargetSummary, Transcript } from '../types.js';

export interface ScoredTranscript {
  transcript: Transcript;
  scores: Score[];
}

/** A conversation's score on one rubric: the weighted mean of its scored criteria, or undefined. */
export function rubricScore(scores: readonly Score[], rubric: { id: string; criteria: readonly { id: string; weight: number }[] }): number | undefined {
  let total = 0;
  let weights = 0;
  for (const score of scores) {
    if (score.rubric !== rubric.id || score.score === null) continue;
    const weight = rubric.criteria.find((c) => c.id === score.criterion)?.weight ?? 1;
    total += weight * score.score;
    weights += weight;
  }
  return weights > 0 ? total / weights : undefined;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function interval(values: number[]): Interval {
  const [lo, hi] = bootstrapCI(values);
  return { score: round(mean(values)), n: values.length, ci95: [round(lo), round(hi)] };
}

export function summarizeRubrics(rubrics: readonly Rubric[], sources: Record<string, Source>): RubricSummary[] {
  return rubrics.map((rubric) => ({
    id: rubric.id,
    title: rubric.title,
    version: rubric.version,
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      weight: c.weight,
      critical: c.critical,
      how: [...(c.check ? [`check:${c.check.kind}`] : []), ...(c.judge ? ['judge'] : [])],
      sources: c.sources.map((id) => ({ id, ...(sources[id] ?? { title: id, kind: 'guideline' as const, cite: id, status: 'secondary' as const }) })),
    })),
  }));
}

export interface RunMeta {
  run: Omit<RunResult['run'], 'gates' | 'scenarios' | 'targets'>;
  targets: { id: string; kind: string; description: string }[];
}

/** Everything a run produced, with per-target aggregates and intervals. Gates are added by the caller. */
export function buildRunResult(meta: RunMeta, scored: readonly ScoredTranscript[], rubrics: readonly Rubric[], sources: Record<string, Source>): RunResult {
  const conversations: ConversationResult[] = scored.map(({ transcript: t, scores }) => ({
    id: t.id,
    target: t.target,
    scenario: t.scenario,
    suite: t.context.suite,
    locale: t.context.locale,
    risk: t.context.risk,
    repeat: t.repeat,
    messages: t.messages,
    turns: t.turns,
    ...(t.error ? { error: t.error } : {}),
    scores,
  }));
  const targets: TargetSummary[] = meta.targets.map((target) => {
    const own = scored.filter((s) => s.transcript.target === target.id);
    const rubricIntervals: Record<string, Interval> = {};
    for (const rubric of rubrics) {
      const values = own.map((s) => rubricScore(s.scores, rubric)).filter((v): v is number => v !== undefined);
      if (values.length > 0) rubricIntervals[rubric.id] = interval(values);
    }
    return {
      ...target,
      conversations: own.length,
      errors: own.filter((s) => s.transcript.error).length,
      criticalFailures: own.reduce((n, s) => n + s.scores.filter((score) => score.critical && !score.passed).length, 0),
      rubrics: rubricIntervals,
    };
  });
  return {
    schemaVersion: 1,
    run: {
      ...meta.run,
      calls: {
        requested: scored.reduce((n, s) => n + s.transcript.turns.reduce((m, t) => m + t.attempts, 0) + (s.transcript.error?.attempts ?? 0), 0),
        cached: scored.reduce((n, s) => n + s.transcript.turns.filter((t) => t.cached).length, 0),
      },
      targets: meta.targets,
      scenarios: new Set(scored.map((s) => s.transcript.scenario)).size, gates: [] },
    rubrics: summarizeRubrics(rubrics, sources),
    targets,
    conversations,
  };
}
