/** Conversations as they happened, and the scores judges give them. */
import type { Message, ScenarioContext } from './scenario.js';

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

/** Why a call to a target (or judge) failed, classified once by the target so the runner can decide on retries. */
export interface TargetFailure {
  kind: 'rate_limit' | 'server' | 'network' | 'timeout' | 'auth' | 'bad_request' | 'bad_response' | 'cancelled';
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  message: string;
}

/** Timing and usage of one reply; `turn` is 1-based and matches `Evidence.turn`. */
export interface TurnMeta {
  turn: number;
  startedAt: string;
  latencyMs: number;
  attempts: number;
  usage?: Usage;
  model?: string;
  /** Served from the response cache, not requested again. */
  cached?: boolean;
  /** The reply was longer than the cap (`run.maxReplyChars`) and was cut: its length before the cut. */
  cutFrom?: number;
}

/**
 * One conversation as it happened. `messages` is OpenAI-style; turn N is the N-th user message and
 * the N-th assistant reply.
 */
export interface Transcript {
  id: string;
  target: string;
  scenario: string;
  repeat: number;
  context: ScenarioContext;
  messages: Message[];
  turns: TurnMeta[];
  startedAt: string;
  finishedAt: string;
  /** Why the conversation ended early; `source: 'simulator'` when the model playing the user failed, not the target. */
  error?: TargetFailure & { turn: number; attempts: number; source?: 'simulator' };
  /** The target id of the model that played the user (`openai:gpt-4o`); absent when the turns were scripted. */
  simulator?: string;
  /** One entry per user turn the simulator wrote: its call's timing and usage, and the reveals (1-based) it made. */
  simulatorTurns?: (TurnMeta & { revealed: number[] })[];
}

/** A verbatim quote from the assistant reply of `turn` (1-based; 0 = a greeting before the first user message). */
export interface Evidence {
  turn: number;
  quote: string;
  /** The quote only shows where the expected behaviour was looked for (the reply's opening): what is evidence is its absence. */
  missing?: true;
}

/** What every score carries, whatever its outcome. */
interface ScoreBase {
  rubric: string;
  criterion: string;
  judge: string;
  critical: boolean;
  rationale: string;
  evidence: Evidence[];
  /** The criterion forbids something: it can take points away from its rubric, never add them. */
  forbids?: true;
  /** Set when the criterion is one of the scenario's obligations (`expect.must` / `mustNot`). */
  obligation?: { kind: 'must' | 'mustNot'; text: string };
  /** An obligation's weight in its rubric when not 1 (a rubric criterion's weight is in the rubric). */
  weight?: number;
  /** Quotes the judge gave that do not occur in the turn they name; a score with any does not pass. */
  unverified?: Evidence[];
  /** The k sample scores behind a score aggregated over `--judge-samples k` (median), for their spread. */
  samples?: (number | null)[];
  /** Scored by a second judge of the run for comparison (attune calibrate); not in aggregates or outcomes. */
  secondary?: boolean;
}

/** A judge decided the criterion: `score` 0–1 and whether it passed. */
export interface DecidedScore extends ScoreBase {
  status: 'scored';
  score: number;
  passed: boolean;
}

/**
 * No judge of the run could decide the criterion (it needs an LLM judge, or the judge does not read the
 * language): neither passed nor failed, and out of every aggregate. `rationale` says why.
 */
export interface NotJudgedScore extends ScoreBase {
  status: 'not-judged';
  score: null;
  passed?: never;
}

/** The judge failed (invalid output after its retries, a failed call, a scorer that threw): `error` says how. */
export interface JudgeErrorScore extends ScoreBase {
  status: 'error';
  score: null;
  passed?: never;
  error: string;
}

/**
 * One criterion judged on one transcript: decided, not judged, or a judge error. Only a decided score
 * counts as passed or failed; a critical criterion that was decided and did not pass is a critical failure.
 */
export type Score = DecidedScore | NotJudgedScore | JudgeErrorScore;
export type ScoreStatus = Score['status'];

/** Who scored a run, for reports: what each judge is, what it cannot do, and how far it agrees with people. */
export interface JudgeInfo {
  id: string;
  kind: 'checks' | 'offline' | 'llm';
  description: string;
  /** Stated in every report that uses the judge. */
  limits?: string[];
  /** Measured agreement with human labels, e.g. "weighted kappa 0.61 on 120 labelled replies (test/fixtures/labels/…)". */
  agreement?: string;
  /** What the judge did in this run: scores given, judge errors, quotes not found in the transcript, model calls. */
  stats?: JudgeStats;
}

export const emptyJudgeStats = (): JudgeStats => ({ scores: 0, errors: 0, unverifiedQuotes: 0, flaggedScores: 0 });

export interface JudgeStats {
  scores: number;
  errors: number;
  /** Quotes not found in the turn they named, and the scores that gave them (flagged, not passed). */
  unverifiedQuotes: number;
  flaggedScores: number;
  /** Calls sent and replayed from the cache, and the tokens the sent ones used (as the provider reported them). */
  calls?: JudgeCalls;
}

export interface JudgeCalls {
  requested: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
}
