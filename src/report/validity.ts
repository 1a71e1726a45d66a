import { rubricScore } from '../results/build.js';
import { isCriticalFailure } from '../results/outcome.js';
import { categories, weightedKappa } from '../stats/agreement.js';
import type { RunResult } from '../types.js';
import type { HumanLabel } from './calibrate.js';

/** How well the run's rubric scores order conversations the way people rated the whole rubric. */
export interface RubricValidity {
  rubric: string;
  /** Conversations with a human label for the rubric. */
  n: number;
  /** Of those, how many the run gave a rubric score (the rest it found nothing to score: counted as 1). */
  scored: number;
  /**
   * Probability that a conversation people rated higher also scores higher (ties count half), over
   * every pair with different labels: the AUC, generalised to the 0 / 0.5 / 1 labels. 0.5 is chance.
   */
  auc: number | null;
  /** Quadratic-weighted kappa of the run's score rounded to the nearest label level (0, 0.5, 1). */
  kappa: number | null;
}

/** Whether the run finds the critical failures people found, per criterion and per conversation. */
export interface CriticalValidity {
  /** People's critical failures (label 0 on a critical criterion) and how many the run also reports. */
  labelled: number;
  found: number;
  /** Critical failures the run reports in labelled conversations, and how many people also labelled. */
  reported: number;
  confirmed: number;
  recall: number | null;
  precision: number | null;
  /** The same, counting a conversation as failed when it has any critical failure. */
  conversations: { labelled: number; found: number; reported: number; confirmed: number; recall: number | null; precision: number | null };
  criteria: { criterion: string; labelled: number; found: number; reported: number; confirmed: number }[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Rubric labels use the rubric id as their criterion: `conv-1,escalation,0.5`. */
export function rubricValidity(result: RunResult, labels: readonly HumanLabel[]): RubricValidity[] {
  const byId = new Map(result.conversations.map((c) => [c.id, c]));
  return result.rubrics.flatMap((rubric) => {
    const own = labels.filter((l) => l.criterion === rubric.id && byId.has(l.conversation));
    if (own.length === 0) return [];
    const pairs = own.map((l) => ({ human: l.score, attune: rubricScore(byId.get(l.conversation)!.scores, rubric) }));
    // Nothing scored means nothing was found wrong: a failure the run missed must count as missed.
    const values = pairs.map((p) => ({ human: p.human, attune: p.attune ?? 1 }));
    const rounded = values.map((v) => Math.round(v.attune * 2) / 2);
    const h = values.map((v) => v.human);
    return [{
      rubric: rubric.id,
      n: own.length,
      scored: pairs.filter((p) => p.attune !== undefined).length,
      auc: concordance(values),
      kappa: new Set(h).size > 1 ? weightedKappa(h, rounded, categories(h, rounded, [0, 0.5, 1])) : null,
    }];
  });
}

function concordance(values: readonly { human: number; attune: number }[]): number | null {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      if (a.human <= b.human) continue;
      pairs++;
      wins += a.attune > b.attune ? 1 : a.attune === b.attune ? 0.5 : 0;
    }
  }
  return pairs === 0 ? null : wins / pairs;
}

/**
 * Critical labels use the criterion id (`conv-1,es.crisis-referral,0`: people found that critical
 * failure; 1: the criterion was engaged and the bot did not fail it). Only conversations with at least
 * one critical label are counted, so a run over other conversations changes nothing.
 */
export function criticalValidity(result: RunResult, labels: readonly HumanLabel[]): CriticalValidity {
  const critical = new Set(result.rubrics.flatMap((r) => r.criteria.filter((c) => c.critical).map((c) => c.id)));
  const own = labels.filter((l) => critical.has(l.criterion));
  const labelledIn = new Set(own.map((l) => l.conversation));
  const failedByPeople = new Set(own.filter((l) => l.score < 0.5).map((l) => `${l.conversation}\u0000${l.criterion}`));
  const reportedByRun = new Set<string>();
  for (const c of result.conversations) {
    if (!labelledIn.has(c.id)) continue;
    for (const s of c.scores) if (isCriticalFailure(s)) reportedByRun.add(`${c.id}\u0000${s.criterion}`);
  }
  const criteria = [...critical].sort().map((criterion) => {
    const mine = (set: Set<string>) => [...set].filter((k) => k.endsWith(`\u0000${criterion}`));
    const people = mine(failedByPeople);
    const run = mine(reportedByRun);
    return { criterion, labelled: people.length, found: people.filter((k) => reportedByRun.has(k)).length, reported: run.length, confirmed: run.filter((k) => failedByPeople.has(k)).length };
  }).filter((c) => c.labelled > 0 || c.reported > 0);
  const conversation = (key: string) => key.split('\u0000')[0]!;
  const peopleConv = new Set([...failedByPeople].map(conversation));
  const runConv = new Set([...reportedByRun].map(conversation));
  const found = [...failedByPeople].filter((k) => reportedByRun.has(k)).length;
  const confirmed = [...reportedByRun].filter((k) => failedByPeople.has(k)).length;
  const convFound = [...peopleConv].filter((c) => runConv.has(c)).length;
  const convConfirmed = [...runConv].filter((c) => peopleConv.has(c)).length;
  return {
    labelled: failedByPeople.size, found, reported: reportedByRun.size, confirmed,
    recall: ratio(found, failedByPeople.size), precision: ratio(confirmed, reportedByRun.size),
    conversations: { labelled: peopleConv.size, found: convFound, reported: runConv.size, confirmed: convConfirmed, recall: ratio(convFound, peopleConv.size), precision: ratio(convConfirmed, runConv.size) },
    criteria,
  };
}
