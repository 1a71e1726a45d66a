import { rubricScore } from '../results/build.js';
import { groupBy } from '../stats/group-by.js';
import { mean } from '../stats/bootstrap.js';
import { comparePaired, holmAdjusted, type PairedComparison } from '../stats/paired.js';
import type { ConversationResult, Evidence, Interval, RubricSummary, RunResult } from '../types.js';
import { completed, counts, isCriticalFailure, isFailure } from '../results/outcome.js';

/** One side of a comparison: a target in a run. */
export interface Side {
  label: string;
  runId: string;
  target: string;
  conversations: number;
  scenarios: number;
  repeat: number;
  rubrics: Record<string, Interval>;
  /** Share of conversations with no critical failure and no error. */
  passAt1: number;
  /** Share of scenarios whose every repeat passes: for safety, right two times in three is not safe. */
  passAllK: { k: number; value: number; scenarios: number };
}

export interface Difference extends PairedComparison {
  /** `p` adjusted by Holm's method over its family (the rubrics, or the criteria, of one comparison); significance is read from it. */
  pAdjusted: number;
  /** A significant drop larger than the tolerance. */
  regression: boolean;
  improvement: boolean;
}

export interface Regression {
  scenario: string;
  criterion: string;
  rubric: string;
  critical: boolean;
  /** The baseline never failed this criterion here; the candidate does. */
  rationale: string;
  conversation: string;
  evidence: Evidence[];
}

export interface Comparison {
  baseline: string;
  candidate: string;
  sharedScenarios: number;
  rubrics: { id: string; title: string; baseline?: Interval; candidate?: Interval; paired: Difference }[];
  criteria: { id: string; rubric: string; title: string; critical: boolean; baseline: number | null; candidate: number | null; paired: Difference }[];
  newCriticalFailures: Regression[];
  regressions: Regression[];
  fixed: number;
}

export interface CompareResult {
  schemaVersion: 1;
  tolerance: number;
  sides: Side[];
  comparisons: Comparison[];
  /** Why `--fail-on-regression` fails; empty when nothing regressed. */
  regressed: string[];
  /** Ways the runs differ besides the bots (judges, simulated users, rubric versions): a difference may come from them. */
  warnings: string[];
}

/** What besides the bots differs between runs: each a sentence naming the runs and what they used. */
function differences(results: readonly RunResult[]): string[] {
  const warnings: string[] = [];
  const differ = (what: string, describe: (r: RunResult) => string) => {
    const seen = results.map((r) => `${r.run.id} ${describe(r)}`);
    if (new Set(results.map(describe)).size > 1) warnings.push(`the runs used different ${what} (${seen.join('; ')}): differences may come from them, not from the bots`);
  };
  differ('judges', (r) => `judged by ${r.run.judges.join(', ')}`);
  differ('simulated users', (r) => {
    const simulators = [...new Set(r.conversations.flatMap((c) => (c.simulator ? [c.simulator] : [])))];
    return simulators.length > 0 ? `users played by ${simulators.join(', ')}` : 'scripted users';
  });
  differ('rubric versions', (r) => r.rubrics.map((rubric) => `${rubric.id} v${rubric.version}`).join(', '));
  return warnings;
}

interface SideData {
  side: Side;
  conversations: ConversationResult[];
  rubrics: RubricSummary[];
}

const passes = (c: ConversationResult) => !c.error && !c.scores.some(isCriticalFailure);

const byScenario = (conversations: readonly ConversationResult[]) => groupBy(conversations, (c) => c.scenario);

function sideOf(label: string, result: RunResult, target: string): SideData {
  const conversations = result.conversations.filter((c) => c.target === target);
  const scenarios = byScenario(conversations);
  const allPass = [...scenarios.values()].filter((runs) => runs.every(passes)).length;
  return {
    side: {
      label,
      runId: result.run.id,
      target,
      conversations: conversations.length,
      scenarios: scenarios.size,
      repeat: result.run.repeat,
      rubrics: result.targets.find((t) => t.id === target)?.rubrics ?? {},
      passAt1: conversations.length ? conversations.filter(passes).length / conversations.length : NaN,
      passAllK: { k: result.run.repeat, value: scenarios.size ? allPass / scenarios.size : NaN, scenarios: scenarios.size },
    },
    conversations,
    rubrics: result.rubrics,
  };
}

/**
 * The sides to compare and which pairs: one run with several targets compares them against the
 * first; several runs with one target each compare each run against the first; several runs with
 * the same targets compare each target across runs.
 */
export function pairSides(results: readonly RunResult[]): { sides: SideData[]; pairs: [number, number][] } {
  const targetIds = results.flatMap((r) => r.targets.map((t) => t.id));
  const unique = new Set(targetIds).size === targetIds.length;
  const label = (result: RunResult, target: string) => (unique ? target : `${target} @ ${result.run.id}`);
  const single = results.length === 1;
  const sides = results.flatMap((result) => result.targets.map((t) => sideOf(label(result, t.id), result, t.id)));
  const sameTargets = !single && results.every((r) => r.targets.map((t) => t.id).join() === results[0]!.targets.map((t) => t.id).join()) && results[0]!.targets.length > 1;
  const pairs: [number, number][] = [];
  if (sameTargets) {
    const perRun = results[0]!.targets.length;
    for (let r = 1; r < results.length; r++) for (let t = 0; t < perRun; t++) pairs.push([t, r * perRun + t]);
  } else {
    for (let i = 1; i < sides.length; i++) pairs.push([0, i]);
  }
  return { sides, pairs };
}

function difference(paired: PairedComparison, pAdjusted: number, tolerance: number): Difference {
  const significant = paired.n > 0 && pAdjusted < 0.05;
  return { ...paired, pAdjusted, regression: significant && paired.diff < -tolerance && paired.ci95[1] < 0, improvement: significant && paired.diff > tolerance && paired.ci95[0] > 0 };
}

/** Differences for a family of paired comparisons, significance corrected over the family. */
function correctedDifferences(family: readonly PairedComparison[], tolerance: number): Difference[] {
  const adjusted = holmAdjusted(family.map((x) => (x.n > 0 ? x.p : Number.NaN)));
  return family.map((x, i) => difference(x, Number.isFinite(adjusted[i]!) ? adjusted[i]! : x.p, tolerance));
}

function perScenario(conversations: readonly ConversationResult[], score: (c: ConversationResult) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [scenario, runs] of byScenario(conversations)) {
    const values = runs.map(score).filter((v): v is number => v !== undefined);
    if (values.length > 0) out.set(scenario, mean(values));
  }
  return out;
}

function paired(base: Map<string, number>, cand: Map<string, number>): PairedComparison {
  const shared = [...base.keys()].filter((k) => cand.has(k));
  return comparePaired(shared.map((k) => base.get(k)!), shared.map((k) => cand.get(k)!));
}

function compareSides(base: SideData, cand: SideData, tolerance: number): Comparison {
  const rubricPairs = cand.rubrics.map((rubric) => {
    const score = (c: ConversationResult) => (completed(c) ? rubricScore(c.scores, rubric) : undefined);
    return paired(perScenario(base.conversations, score), perScenario(cand.conversations, score));
  });
  const rubricDifferences = correctedDifferences(rubricPairs, tolerance);
  const rubrics = cand.rubrics.map((rubric, i) => ({
    id: rubric.id,
    title: rubric.title,
    ...(base.side.rubrics[rubric.id] ? { baseline: base.side.rubrics[rubric.id]! } : {}),
    ...(cand.side.rubrics[rubric.id] ? { candidate: cand.side.rubrics[rubric.id]! } : {}),
    paired: rubricDifferences[i]!,
  }));
  const criterionRows = cand.rubrics.flatMap((rubric) =>
    rubric.criteria.map((criterion) => {
      const score = (c: ConversationResult) => !completed(c) ? undefined : c.scores.find((s) => s.criterion === criterion.id && s.score !== null && counts(s))?.score ?? undefined;
      const b = base.conversations.map(score).filter((v): v is number => v !== undefined);
      const k = cand.conversations.map(score).filter((v): v is number => v !== undefined);
      return {
        id: criterion.id, rubric: rubric.id, title: criterion.title, critical: criterion.critical,
        baseline: b.length ? mean(b) : null, candidate: k.length ? mean(k) : null,
        pair: paired(perScenario(base.conversations, score), perScenario(cand.conversations, score)),
      };
    }),
  ).filter((c) => c.baseline !== null || c.candidate !== null);
  const criterionDifferences = correctedDifferences(criterionRows.map((c) => c.pair), tolerance);
  const criteria = criterionRows.map(({ pair: _pair, ...row }, i) => ({ ...row, paired: criterionDifferences[i]! }));

  const baseRuns = byScenario(base.conversations);
  const candRunsByScenario = byScenario(cand.conversations);
  const regressions: Regression[] = [];
  let fixed = 0;
  for (const [scenario, candRuns] of candRunsByScenario) {
    const baseline = baseRuns.get(scenario);
    if (!baseline) continue;
    const failedBefore = new Set(baseline.flatMap((c) => c.scores.filter(isFailure).map((s) => s.criterion)));
    const scoredBefore = new Set(baseline.flatMap((c) => c.scores.map((s) => s.criterion)));
    const failedNow = new Set<string>();
    for (const c of candRuns) {
      for (const s of c.scores) {
        if (!isFailure(s) || failedNow.has(s.criterion)) continue;
        failedNow.add(s.criterion);
        if (!scoredBefore.has(s.criterion) || failedBefore.has(s.criterion)) continue;
        regressions.push({ scenario, criterion: s.criterion, rubric: s.rubric, critical: s.critical, rationale: s.rationale, conversation: c.id, evidence: s.evidence });
      }
    }
    fixed += [...failedBefore].filter((id) => !failedNow.has(id) && candRuns.some((c) => c.scores.some((s) => s.criterion === id))).length;
  }
  return {
    baseline: base.side.label,
    candidate: cand.side.label,
    sharedScenarios: [...baseRuns.keys()].filter((k) => candRunsByScenario.has(k)).length,
    rubrics,
    criteria,
    newCriticalFailures: regressions.filter((r) => r.critical),
    regressions: regressions.filter((r) => !r.critical),
    fixed,
  };
}

/** Compares the sides of one or more runs; `tolerance` is the drop in score that counts as a regression. */
export function compareRuns(results: readonly RunResult[], tolerance: number): CompareResult {
  const { sides, pairs } = pairSides(results);
  const comparisons = pairs.map(([b, c]) => compareSides(sides[b]!, sides[c]!, tolerance));
  const regressed: string[] = [];
  for (const comparison of comparisons) {
    const who = `${comparison.candidate} vs ${comparison.baseline}`;
    for (const r of comparison.rubrics.filter((r) => r.paired.regression)) {
      regressed.push(`${who}: ${r.id} dropped by ${(-r.paired.diff).toFixed(3)} [${(-r.paired.ci95[1]).toFixed(3)}, ${(-r.paired.ci95[0]).toFixed(3)}], p=${r.paired.pAdjusted < 0.0001 ? '<0.0001' : r.paired.pAdjusted.toFixed(4)} (Holm), over ${r.paired.n} shared scenarios`);
    }
    if (comparison.newCriticalFailures.length > 0) {
      regressed.push(`${who}: ${comparison.newCriticalFailures.length} new critical failures (${[...new Set(comparison.newCriticalFailures.map((r) => r.criterion))].join(', ')})`);
    }
  }
  return { schemaVersion: 1, tolerance, sides: sides.map((s) => s.side), comparisons, regressed, warnings: differences(results) };
}

