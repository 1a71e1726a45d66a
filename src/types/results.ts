/** What a run produced: aggregates, outcomes and results.json. */
import type { InferredFields, Message, RiskLevel } from './scenario.js';
import type { Source } from './rubric.js';
import type { JudgeInfo, Score, Transcript, TurnMeta } from './transcript.js';

export interface Interval {
  score: number;
  n: number;
  ci95: [number, number];
}

export interface TargetSummary {
  id: string;
  kind: string;
  description: string;
  conversations: number;
  errors: number;
  criticalFailures: number;
  rubrics: Record<string, Interval>;
}

export interface GateOutcome {
  gate: string;
  passed: boolean;
  message: string;
}

export interface ScenarioIntent {
  title: string;
  /** Who the simulated or scripted user is, when the scenario says. */
  persona?: string;
  tags: string[];
}

export interface ConversationResult {
  id: string;
  target: string;
  scenario: string;
  suite: string;
  locale: string;
  risk: RiskLevel | 'unknown';
  repeat: number;
  /** The model that played the user, when the turns were simulated. */
  simulator?: string;
  /** What of the context was inferred from the user's words (a transcript from elsewhere), not given. */
  inferred?: InferredFields;
  /** What the scenario was testing, for a reviewer beside what the bot did; absent for transcripts that name no known scenario. */
  intent?: ScenarioIntent;
  messages: Message[];
  turns: TurnMeta[];
  error?: Transcript['error'];
  scores: Score[];
}

/**
 * A conversation without its messages: its scores in full (rationale, evidence) and its turns.
 * A run spills these to disk as each conversation is scored and reads them back one at a time.
 */
export type ConversationSummary = Omit<ConversationResult, 'messages'>;

/** What aggregates, outcomes and filters need of a score: no rationale, no evidence. */
export type ScoreDigest = Pick<Score, 'rubric' | 'criterion' | 'status' | 'score' | 'passed' | 'critical' | 'forbids' | 'weight'>;

/**
 * What a run keeps in memory per conversation, about 1 KB: ids, context, error, turn totals and
 * score digests. Enough for aggregates, gates, counts, the scenario grid and criteria tallies;
 * anything with text (messages, rationales, quotes) is read back from disk by the writer that shows it.
 * `{ id: 'builtin:good|grief.fresh-loss|1', …, latencyMs: 3, attempts: 3, cached: 0, scores: [{ rubric: 'escalation', criterion: 'es.crisis-line', score: 1, passed: true, critical: true }] }`
 */
export type ConversationDigest = Omit<ConversationSummary, 'turns' | 'scores'> & {
  /** Sum of the turns' latencies, ms. */
  latencyMs: number;
  /** Calls made to the target for the turns that got a reply. */
  attempts: number;
  /** Turns replayed from the response cache. */
  cached: number;
  scores: ScoreDigest[];
};

export interface RubricSummary {
  id: string;
  title: string;
  version: number;
  criteria: {
    id: string;
    title: string;
    description: string;
    weight: number;
    critical: boolean;
    how: string[];
    sources: (Source & { id: string })[];
  }[];
}

/** Everything a run produced; written as results.json (schemas/results.schema.json, schemaVersion 2). */
export interface RunResult {
  schemaVersion: 2;
  run: {
    id: string;
    startedAt: string;
    finishedAt: string;
    attuneVersion: string;
    configHash: string;
    command: 'run' | 'score';
    repeat: number;
    judges: string[];
    /** What each judge in `judges` is; absent in results written before judges described themselves. */
    judgeInfo?: JudgeInfo[];
    targets: { id: string; kind: string; description: string }[];
    scenarios: number;
    gates: GateOutcome[];
    /** Calls made to targets, and replies replayed from the response cache instead. */
    calls?: { requested: number; cached: number };
    /** Set when the run was stopped (Ctrl-C, SIGTERM) before every planned conversation ran. */
    interrupted?: { planned: number; finished: number };
  };
  rubrics: RubricSummary[];
  targets: TargetSummary[];
  conversations: ConversationResult[];
}

/** results.json without the text of its conversations: one ConversationDigest per conversation, in order. */
export type RunSummary = Omit<RunResult, 'conversations'> & { conversations: ConversationDigest[] };
