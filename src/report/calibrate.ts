import { accuracy, categories, confusion, krippendorffAlpha, spearman, weightedKappa } from '../stats/agreement.js';
import { groupBy } from '../stats/group-by.js';
import type { RunResult } from '../types.js';
import { criticalValidity, rubricValidity, type CriticalValidity, type RubricValidity } from './validity.js';

export interface HumanLabel {
  conversation: string;
  criterion: string;
  score: number;
  note: string;
}

export interface Agreement {
  n: number;
  accuracy: number;
  kappa: number;
  spearman: number | null;
}

export interface JudgeCalibration extends Agreement {
  judge: string;
  categories: number[];
  /** confusion[i][j]: items the people rated categories[i] and the judge categories[j]. */
  confusion: number[][];
  criteria: (Agreement & { criterion: string })[];
  disagreements: { conversation: string; criterion: string; human: number; judge: number; note: string }[];
}

export interface CalibrationResult {
  labels: number;
  matched: number;
  unmatched: { conversation: string; criterion: string }[];
  judges: JudgeCalibration[];
  /** Krippendorff's alpha (interval) over every rater, people and judges, on the items they share. */
  alphaAll: number | null;
  /** The same between judges only, when there are two or more. */
  alphaJudges: number | null;
  /** Rubric labels (criterion = a rubric id) against the run's rubric scores: AUC and kappa per rubric. */
  rubrics: RubricValidity[];
  /** Critical-criterion labels against the run's critical failures: recall and precision. Null without any. */
  critical: CriticalValidity | null;
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

function agreement(human: number[], judge: number[]): Agreement {
  return { n: human.length, accuracy: accuracy(human, judge), kappa: weightedKappa(human, judge, categories(human, judge)), spearman: finite(spearman(human, judge)) };
}

/** People's labels against each judge's scores in a run, per judge and per criterion. */
export function calibrate(result: RunResult, labels: readonly HumanLabel[], judgeIds?: readonly string[]): CalibrationResult {
  const judgeScores = new Map<string, Map<string, number>>();
  for (const c of result.conversations) {
    for (const s of c.scores) {
      if (s.status !== 'scored' || (judgeIds && judgeIds.length > 0 && !judgeIds.includes(s.judge))) continue;
      const map = judgeScores.get(s.judge) ?? new Map<string, number>();
      map.set(`${c.id}\u0000${s.criterion}`, s.score);
      judgeScores.set(s.judge, map);
    }
  }
  // The last label for an item wins (a reviewer who changed their mind).
  const human = new Map(labels.map((l) => [`${l.conversation}\u0000${l.criterion}`, l]));
  const rubricIds = new Set(result.rubrics.map((r) => r.id));
  const conversationIds = new Set(result.conversations.map((c) => c.id));
  // A rubric label matches its conversation; a criterion label matches a judge's score of that criterion.
  const matchedKeys = new Set([...human.entries()].filter(([k, l]) => (rubricIds.has(l.criterion) ? conversationIds.has(l.conversation) : [...judgeScores.values()].some((m) => m.has(k)))).map(([k]) => k));
  const critical = criticalValidity(result, labels);
  const judges = [...judgeScores.entries()].map(([judge, scores]): JudgeCalibration => {
    const keys = [...human.keys()].filter((k) => scores.has(k));
    const h = keys.map((k) => human.get(k)!.score);
    const j = keys.map((k) => scores.get(k)!);
    const cats = categories(h, j);
    const byCriterion = groupBy(keys.keys(), (i) => human.get(keys[i]!)!.criterion);
    return {
      judge,
      ...agreement(h, j),
      categories: cats,
      confusion: confusion(h, j, cats),
      criteria: [...byCriterion.entries()].map(([criterion, idx]) => ({ criterion, ...agreement(idx.map((i) => h[i]!), idx.map((i) => j[i]!)) })).sort((a, b) => a.kappa - b.kappa),
      disagreements: keys
        .map((k, i) => ({ conversation: human.get(k)!.conversation, criterion: human.get(k)!.criterion, human: h[i]!, judge: j[i]!, note: human.get(k)!.note }))
        .filter((d) => d.human !== d.judge)
        .sort((a, b) => Math.abs(b.human - b.judge) - Math.abs(a.human - a.judge))
        .slice(0, 20),
    };
  });
  const units = (withHumans: boolean) =>
    [...new Set([...human.keys(), ...[...judgeScores.values()].flatMap((m) => [...m.keys()])])].map((k) => [
      ...(withHumans && human.has(k) ? [human.get(k)!.score] : []),
      ...[...judgeScores.values()].filter((m) => m.has(k)).map((m) => m.get(k)!),
    ]);
  return {
    labels: human.size,
    matched: matchedKeys.size,
    unmatched: [...human.values()].filter((l) => !matchedKeys.has(`${l.conversation}\u0000${l.criterion}`)).slice(0, 20).map(({ conversation, criterion }) => ({ conversation, criterion })),
    judges,
    alphaAll: finite(krippendorffAlpha(units(true))),
    alphaJudges: judges.length > 1 ? finite(krippendorffAlpha(units(false))) : null,
    rubrics: rubricValidity(result, [...human.values()]),
    critical: critical.labelled > 0 || critical.reported > 0 ? critical : null,
  };
}
