import { bootstrapCI, mean } from '../stats/bootstrap.js';
import { completed, counts, isCriticalFailure } from './outcome.js';
import type { ConversationDigest, ConversationResult, ConversationSummary, Interval, Message, Rubric, RubricSummary, RunResult, RunSummary, Score, ScoreDigest, Source, TargetSummary, Transcript } from '../types.js';

/**
 * A conversation's score on one rubric, from the scores that count:
 * - a critical failure sets it to 0;
 * - criteria that require a behaviour give the base, their weighted mean;
 * - criteria that forbid something only take points away: each failed one subtracts its share of the
 *   weight (weight × (1 − score) over the weight of everything scored); when nothing required was
 *   scored the base is 1, so a rubric with only forbidding criteria scores below 1 or not at all;
 * - undefined when nothing shows the rubric either way (nothing required was scored and nothing
 *   forbidden was found): the rubric is not relevant to the conversation.
 */
export function rubricScore(scores: readonly (ScoreDigest & Pick<Score, 'secondary' | 'unverified'>)[], rubric: { id: string; criteria: readonly { id: string; weight: number }[] }): number | undefined {
  let required = 0;
  let requiredWeight = 0;
  let lost = 0;
  let forbiddenWeight = 0;
  for (const score of scores) {
    if (score.rubric !== rubric.id || score.status !== 'scored' || score.score === null || !counts(score)) continue;
    if (score.critical && !score.passed) return 0;
    const weight = score.weight ?? rubric.criteria.find((c) => c.id === score.criterion)?.weight ?? 1;
    if (score.forbids) {
      forbiddenWeight += weight;
      lost += weight * (1 - score.score);
    } else {
      required += weight * score.score;
      requiredWeight += weight;
    }
  }
  if (requiredWeight === 0 && lost === 0) return undefined;
  const base = requiredWeight > 0 ? required / requiredWeight : 1;
  return Math.max(0, base - lost / (requiredWeight + forbiddenWeight));
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
      how: [...(c.check ? [`check:${c.check.kind}`] : []), ...(c.judge ? ['judge'] : []), ...(c.offline ? [`offline:${c.offline}`] : [])],
      sources: c.sources.map((id) => ({ id, ...(sources[id] ?? { title: id, kind: 'guideline' as const, cite: id, status: 'secondary' as const }) })),
    })),
  }));
}

export interface RunMeta {
  run: Omit<RunResult['run'], 'gates' | 'scenarios' | 'targets'>;
  targets: { id: string; kind: string; description: string }[];
}

/** What a run keeps of a scored transcript: everything but its messages. */
export function summarizeConversation(t: Transcript, scores: Score[]): ConversationSummary {
  return {
    id: t.id,
    target: t.target,
    scenario: t.scenario,
    suite: t.context.suite,
    locale: t.context.locale,
    risk: t.context.risk,
    repeat: t.repeat,
    ...(t.simulator ? { simulator: t.simulator } : {}),
    ...(t.context.inferred ? { inferred: t.context.inferred } : {}),
    ...(!t.context.external ? { intent: { title: t.context.title, ...(t.context.persona ? { persona: t.context.persona } : {}), tags: [...t.context.tags] } } : {}),
    turns: t.turns,
    ...(t.error ? { error: t.error } : {}),
    scores,
  };
}

/** What a run keeps in memory of a conversation (see ConversationDigest); takes a summary or a full conversation. */
export function digestOf(c: ConversationSummary, interner: ScoreInterner): ConversationDigest {
  const { id, target, scenario, suite, locale, risk, repeat, error, turns, scores } = c;
  // `inferred` stays in the spilled summary: reports read it back with the text.
  return {
    id, target, scenario, suite, locale, risk, repeat,
    ...(error ? { error } : {}),
    latencyMs: turns.reduce((n, t) => n + t.latencyMs, 0),
    attempts: turns.reduce((n, t) => n + t.attempts, 0),
    cached: turns.filter((t) => t.cached).length,
    // Second opinions and flagged scores stay in the spilled summary (reports, calibrate), out of aggregates.
    scores: interner.intern(scores.every(counts) ? scores : scores.filter(counts)),
  };
}

/**
 * Score digests repeat (a criterion has few distinct outcomes), so within one run equal ones are one
 * frozen object and equal lists one frozen list: memory then grows by about a pointer per
 * conversation, not by its scores (measured: 20,160 conversations peak at 273 MB with it, 364 MB
 * without). Each run has its own tables; they stop growing at 50,000 entries (continuous judge
 * scores rarely repeat).
 */
export class ScoreInterner {
  private static readonly MAX = 50_000;
  private readonly scores = new Map<string, { id: number; digest: ScoreDigest }>();
  private readonly lists = new Map<string, ScoreDigest[]>();

  intern(scores: readonly ScoreDigest[]): ScoreDigest[] {
    const ids: number[] = [];
    const list = scores.map((s) => {
      const key = JSON.stringify([s.rubric, s.criterion, s.status, s.score, s.passed, s.critical, s.forbids, s.weight]);
      let entry = this.scores.get(key);
      if (!entry) {
        const digest: ScoreDigest = Object.freeze({
          rubric: s.rubric, criterion: s.criterion, status: s.status, score: s.score, critical: s.critical,
          ...(s.passed === undefined ? {} : { passed: s.passed }),
          ...(s.forbids ? { forbids: s.forbids } : {}),
          ...(s.weight === undefined ? {} : { weight: s.weight }),
        });
        entry = { id: this.scores.size < ScoreInterner.MAX ? this.scores.size : -1, digest };
        if (entry.id >= 0) this.scores.set(key, entry);
      }
      ids.push(entry.id);
      return entry.digest;
    });
    Object.freeze(list);
    if (ids.includes(-1)) return list;
    const key = ids.join(',');
    const known = this.lists.get(key);
    if (known) return known;
    if (this.lists.size < ScoreInterner.MAX) this.lists.set(key, list);
    return list;
  }
}

/** A summary with its messages put back, keys in the order results.json has always had them. */
export function withMessages(c: ConversationSummary, messages: Message[]): ConversationResult {
  const { id, target, scenario, suite, locale, risk, repeat, simulator, inferred, intent, turns, error, scores } = c;
  return { id, target, scenario, suite, locale, risk, repeat, ...(simulator ? { simulator } : {}), ...(inferred ? { inferred } : {}), ...(intent ? { intent } : {}), messages, turns, ...(error ? { error } : {}), scores };
}

/**
 * Everything a run produced but the text of its conversations, with per-target aggregates and
 * intervals (they need only score digests). Conversations keep the order given. Gates are added by the caller.
 */
export function buildRunSummary(meta: RunMeta, conversations: ConversationDigest[], rubrics: readonly Rubric[], sources: Record<string, Source>): RunSummary {
  const targets: TargetSummary[] = meta.targets.map((target) => {
    const own = conversations.filter((c) => c.target === target.id);
    const rubricIntervals: Record<string, Interval> = {};
    for (const rubric of rubrics) {
      const values = own.filter(completed).map((c) => rubricScore(c.scores, rubric)).filter((v): v is number => v !== undefined);
      if (values.length > 0) rubricIntervals[rubric.id] = interval(values);
    }
    return {
      ...target,
      conversations: own.length,
      // The target's own failures: a simulator that failed says nothing about the chatbot under test.
      errors: own.filter((c) => c.error && c.error.source !== 'simulator').length,
      criticalFailures: own.reduce((n, c) => n + c.scores.filter(isCriticalFailure).length, 0),
      rubrics: rubricIntervals,
    };
  });
  return {
    schemaVersion: 2,
    run: {
      ...meta.run,
      calls: {
        requested: conversations.reduce((n, c) => n + c.attempts + (c.error?.attempts ?? 0), 0),
        cached: conversations.reduce((n, c) => n + c.cached, 0),
      },
      targets: meta.targets,
      scenarios: new Set(conversations.map((c) => c.scenario)).size, gates: [] },
    rubrics: summarizeRubrics(rubrics, sources),
    targets,
    conversations,
  };
}
