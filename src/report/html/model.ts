import type { ConversationDigest, RubricSummary, RunSummary } from '../../types.js';
import { counts, isCriticalFailure, type Judged } from '../../results/outcome.js';

/**
 * How a conversation (or one score) turned out, worst first: `error` (the conversation ended early),
 * `critical` (a critical criterion did not pass), `fail` (only non-critical criteria failed), `pass`.
 * Follows `passed` and `critical` as the run's aggregates do, so the counts agree with results.json.
 */
export const OUTCOMES = ['pass', 'fail', 'critical', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How one score turned out: a conversation's outcomes, or `unscored` (not judged, or a judge error): neither pass nor fail. */
export type ScoreOutcome = Exclude<Outcome, 'error'> | 'unscored';

export const OUTCOME_LABEL: Record<Outcome | 'unscored', string> = {
  pass: 'pass',
  fail: 'fail (non-critical)',
  critical: 'critical failure',
  error: 'error',
  unscored: 'not judged or judge error (neither pass nor fail)',
};

/** A one-character sign for each outcome, so the grid does not rely on colour alone. */
export const OUTCOME_SIGN: Record<Outcome | 'unscored', string> = { pass: '✓', fail: '!', critical: '✗', error: 'E', unscored: '–' };


/**
 * A score's badge. Only a failure that counts (results/outcome.ts) is critical or failed; a judge
 * error, a flagged score or a second opinion that did not pass shows as `fail`, never critical.
 */
export function scoreOutcome(score: Judged): ScoreOutcome {
  if (score.status !== 'scored') return 'unscored';
  if (score.passed) return 'pass';
  return isCriticalFailure(score) ? 'critical' : 'fail';
}

export function conversationOutcome(c: { error?: unknown; scores: readonly Judged[] }): Outcome {
  if (c.error) return 'error';
  const outcomes = c.scores.filter((s) => counts(s) && s.status === 'scored').map(scoreOutcome);
  if (outcomes.includes('critical')) return 'critical';
  return outcomes.includes('fail') ? 'fail' : 'pass';
}

export const OUTCOME_RANK: Record<Outcome | 'unscored', number> = { error: 0, critical: 1, fail: 2, unscored: 3, pass: 4 };

/** A criterion as results.json describes it, with the id of its rubric. */
export type CriterionInfo = RubricSummary['criteria'][number] & { rubric: string };

/** Criteria by `rubric/criterion`, for titles beside scores. */
export function criteriaById(result: RunSummary): Map<string, CriterionInfo> {
  return new Map(result.rubrics.flatMap((r) => r.criteria.map((c) => [`${r.id}/${c.id}`, { ...c, rubric: r.id }] as const)));
}


/** Values of a field in first-seen order (or the given order), for filter options. */
export function distinct<T>(values: readonly T[], order?: readonly T[]): T[] {
  const seen = [...new Set(values)];
  return order ? [...order.filter((v) => seen.includes(v)), ...seen.filter((v) => !order.includes(v))] : seen;
}

/** Conversations of one scenario and one target, in repeat order. */
export function cellConversations(result: RunSummary): Map<string, { index: number; c: ConversationDigest }[]> {
  const cells = new Map<string, { index: number; c: ConversationDigest }[]>();
  result.conversations.forEach((c, index) => {
    const key = `${c.scenario}\u0000${c.target}`;
    const list = cells.get(key) ?? [];
    list.push({ index, c });
    cells.set(key, list);
  });
  for (const list of cells.values()) list.sort((a, b) => a.c.repeat - b.c.repeat);
  return cells;
}

/** The id the page gives conversation `index`; used for links from the grid. */
export const conversationAnchor = (index: number): string => `c${index}`;
