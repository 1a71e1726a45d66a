/**
 * Plain data shared by every stage. Each value here is JSON-safe so that any stage's output can be
 * written to disk and read back by the next one (`attune score`, `attune report`).
 */

export type Role = 'system' | 'user' | 'assistant';

/** One OpenAI-style chat message, e.g. `{ role: 'user', content: 'rough day' }`. */
export interface Message {
  role: Role;
  content: string;
}

export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
/** C-SSRS-based risk of a scenario; `imminent` = plan + intent within 24 h + access to means. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const TURN_MARKS = [
  'risk', 'risk-rises', 'method-request', 'rejects-referral',
  'identity-question', 'data-question', 'experience-question', 'feelings-question', 'roleplay-pressure',
  'promise-request', 'replace-care', 'isolation', 'romantic', 'goodbye', 'age-disclosure',
] as const;
/** What a scripted user turn does, so checks can look at the replies that answer it. */
export type TurnMark = (typeof TURN_MARKS)[number];

export interface ScriptedTurn {
  user: string;
  marks: TurnMark[];
}

export type CrisisLineExpectation = 'required' | 'optional' | 'forbidden';

/** Scenario-specific expectations, resolved from the scenario file and its risk level. */
export interface Expectations {
  crisisLine: CrisisLineExpectation;
  emergency: boolean;
  /** Extra numbers accepted as the right crisis line beside the locale's verified ones. */
  crisisLines: string[];
  /** ISO 639 language the replies should be in, e.g. `es`. */
  language: string;
  must: string[];
  mustNot: string[];
}

/** Where a value came from, for messages and reports: `scenarios/grief.yaml:14:7`. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Something the simulated user keeps back until a condition holds, and the marks of the user turn
 * that reveals it: `{ fact: 'pills saved for Saturday', when: 'only if asked directly about suicide', marks: ['risk-rises'] }`.
 */
export interface SimulatedReveal {
  fact: string;
  when: string;
  marks: TurnMark[];
}

/**
 * A person for a model to play (`attune run --simulator`), instead of or besides scripted turns.
 * The simulator sees this and the persona, never the rubric or `expect`.
 */
export interface SimulatedUser {
  /** A fixed first message, so turn 1 is the same for every target. */
  opening?: string;
  /** Marks of the opening turn. */
  openingMarks: TurnMark[];
  goal: string;
  reveals: SimulatedReveal[];
  /** User turns at most, opening included (1–20). */
  maxTurns: number;
  stopWhen: string;
}

export interface Scenario {
  id: string;
  title: string;
  suite: string;
  tags: string[];
  locale: string;
  risk: RiskLevel;
  age?: number;
  persona: string;
  /** Scripted user turns; empty when the scenario only has `simulate`. Used when no simulator is given. */
  turns: ScriptedTurn[];
  simulate?: SimulatedUser;
  expect: Expectations;
  sources: string[];
  at: SourcePosition;
}

/**
 * What a judge may know about the scenario a transcript came from. Carried inside the transcript so
 * judges never read suite files. `marks` maps a mark to the 1-based user turns that carry it:
 * `{ risk: [3], 'method-request': [3] }`.
 */
export interface ScenarioContext {
  id: string;
  suite: string;
  title: string;
  locale: string;
  risk: RiskLevel | 'unknown';
  tags: string[];
  age?: number;
  persona?: string;
  marks: Partial<Record<TurnMark, number[]>>;
  expect: Expectations;
}

/** Regexes keyed by language (`en`, `es`, …) or `*` for every language. */
export type LangPatterns = Record<string, string[]>;

/**
 * Which replies a check looks at: starting at the reply to the first user turn marked `from` (or
 * turn number), for `replies` replies. `{ from: 'risk', replies: 2 }` = the reply to the risk turn
 * and the one after it. Omitted: every reply.
 */
export interface ReplyWindow {
  from?: TurnMark | number;
  replies?: number;
}

export type CheckSpec =
  | {
      kind: 'pattern';
      /** At least one must match (in `require: any` replies, or in every reply). */
      mustMatch?: LangPatterns;
      /** None may match in any reply of the window. */
      mustNotMatch?: LangPatterns;
      require: 'any' | 'every';
      window?: ReplyWindow;
    }
  | { kind: 'crisis-line'; when: 'required' | 'forbidden'; withinReplies: number }
  | { kind: 'wrong-number' }
  | { kind: 'emergency-number'; withinReplies: number }
  | { kind: 'identity'; expect: 'discloses-ai' | 'never-claims-human'; window?: ReplyWindow }
  | { kind: 'repetition'; maxSimilarity: number }
  | { kind: 'resource-repetition'; maxReplies: number }
  | { kind: 'language'; minShare: number };

export type CheckKind = CheckSpec['kind'];

/** Which scenarios a criterion applies to; every field given must match (AND), values within one field OR. */
export interface Applicability {
  suites?: string[];
  tags?: string[];
  risk?: RiskLevel[];
  /** Applies only when the scenario has a user turn with one of these marks. */
  marks?: TurnMark[];
  /** Applies only when the scenario's crisis-line expectation is one of these. */
  crisisLine?: CrisisLineExpectation[];
}

export interface Level {
  score: number;
  label: string;
  description: string;
}

/**
 * What the offline scorer estimates for a criterion no LLM judge scores in the run: a measure of
 * perceived-empathy mechanisms, honesty or risk assessment, read from the replies' sentences.
 */
export const OFFLINE_MEASURES = [
  'warmth', 'collaboration', 'validation', 'honest-and-kind', 'risk-assessment',
  'emotional-responsiveness', 'understanding', 'trust',
] as const;
export type OfflineMeasure = (typeof OFFLINE_MEASURES)[number];

/** A worked example for an LLM judge: a reply (or exchange) and the level it deserves, and why. */
export interface JudgeExample {
  text: string;
  score: number;
  why: string;
}

export interface Criterion {
  id: string;
  rubric: string;
  title: string;
  description: string;
  weight: number;
  critical: boolean;
  sources: string[];
  appliesTo: Applicability;
  levels: Level[];
  check?: CheckSpec;
  /** Instructions for an LLM judge; used by judges that read prose. */
  judge?: string;
  /** Who the LLM judge reads the conversation as: a reviewer (default) or the scenario's persona (PETS items). */
  perspective?: 'reviewer' | 'persona';
  examples?: JudgeExample[];
  /** The offline scorer's measure for this criterion, when no LLM judge scores it. */
  offline?: OfflineMeasure;
}

export interface Rubric {
  id: string;
  title: string;
  description: string;
  version: number;
  criteria: Criterion[];
  at: SourcePosition;
}

export interface Source {
  title: string;
  kind: 'regulation' | 'guideline' | 'paper' | 'benchmark' | 'instrument';
  cite: string;
  url?: string;
  status: 'verified' | 'secondary';
}

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
  error?: TargetFailure & { turn: number; attempts: number };
  /** The target id of the model that played the user (`openai:gpt-4o`); absent when the turns were scripted. */
  simulator?: string;
  /** One entry per user turn the simulator wrote: its call's timing and usage, and the reveals (1-based) it made. */
  simulatorTurns?: (TurnMeta & { revealed: number[] })[];
}

/** A verbatim quote from the assistant reply of `turn` (1-based; 0 = a greeting before the first user message). */
export interface Evidence {
  turn: number;
  quote: string;
}

/**
 * One criterion judged on one transcript. `score` is 0–1, or null when the judge could not score
 * (excluded from aggregates). A critical criterion that did not pass is a critical failure.
 */
export interface Score {
  rubric: string;
  criterion: string;
  judge: string;
  score: number | null;
  passed: boolean;
  critical: boolean;
  rationale: string;
  evidence: Evidence[];
  /** Why the judge could not score (invalid output after its retries, a failed call): `score` is null then. */
  error?: string;
  /** Quotes the judge gave that do not occur in the turn they name; a score with any does not pass. */
  unverified?: Evidence[];
  /** The k sample scores behind a score aggregated over `--judge-samples k` (median), for their spread. */
  samples?: (number | null)[];
  /** Scored by a second judge of the run for comparison (attune calibrate); not in aggregates or outcomes. */
  secondary?: boolean;
}

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

export interface JudgeStats {
  scores: number;
  errors: number;
  /** Quotes not found in the turn they named, and the scores that gave them (flagged, not passed). */
  unverifiedQuotes: number;
  flaggedScores: number;
  calls?: { requested: number; cached: number };
}

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

export interface ConversationResult {
  id: string;
  target: string;
  scenario: string;
  suite: string;
  locale: string;
  risk: RiskLevel | 'unknown';
  repeat: number;
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
export type ScoreDigest = Pick<Score, 'rubric' | 'criterion' | 'score' | 'passed' | 'critical'>;

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

/** Everything a run produced; written as results.json (schemas/results.schema.json, schemaVersion 1). */
export interface RunResult {
  schemaVersion: 1;
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

/** Requests and tokens per minute a target accepts, shared across the run's concurrency. */
export interface RateLimitSpec {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

/** How to reach a target; built from a spec string (`openai:gpt-4o-mini`) or a config entry. */
export type TargetSpec =
  | {
      kind: 'openai';
      id: string;
      model: string;
      baseURL?: string;
      apiKeyEnv?: string;
      systemPrompt?: string;
      temperature?: number;
      maxTokens?: number;
      seed?: number;
      headers?: Record<string, string>;
      timeoutMs?: number;
      rateLimit?: RateLimitSpec;
    }
  | {
      kind: 'anthropic';
      id: string;
      model: string;
      baseURL?: string;
      apiKeyEnv?: string;
      systemPrompt?: string;
      temperature?: number;
      maxTokens?: number;
      headers?: Record<string, string>;
      timeoutMs?: number;
      rateLimit?: RateLimitSpec;
    }
  | {
      kind: 'http';
      id: string;
      url: string;
      method?: 'POST' | 'PUT';
      headers?: Record<string, string>;
      body?: unknown;
      replyPath?: string;
      mode?: 'history' | 'session';
      timeoutMs?: number;
      rateLimit?: RateLimitSpec;
    }
  | { kind: 'exec'; id: string; command: string; cwd?: string; timeoutMs?: number; rateLimit?: RateLimitSpec }
  | { kind: 'builtin'; id: string; name: 'good' | 'bad' };

export type TargetKind = TargetSpec['kind'];

export interface Gates {
  minScore?: Record<string, number>;
  maxCriticalFailures?: number;
  maxErrorRate?: number;
}

/** attune.config.yaml after validation; paths resolved against the config file's folder. */
export interface AttuneConfig {
  file?: string;
  suites?: string[];
  rubrics?: string[];
  run: {
    targets?: string[]; concurrency?: number; repeat?: number; timeoutMs?: number; retries?: number; outDir?: string;
    /** Who plays simulated users (`--simulator`): a target name from `targets:` or a spec string. */
    simulator?: string;
    /** Judges after the checks (`--judge`): `offline`, or target names / model specs; the first one's scores count. */
    judges?: string[];
    judgeSamples?: number;
  };
  /** Named targets; each spec is missing only its `id`, which is the name. */
  targets: Record<string, TargetSpec>;
  gates: Gates;
}

/** Progress of a run, for the live display. Plain data; the runner never prints. */
export type RunEvent =
  | { readonly kind: 'start'; readonly total: number }
  | { readonly kind: 'retry'; readonly conversation: string; readonly turn: number; readonly attempt: number; readonly delayMs: number; readonly failure: TargetFailure }
  | { readonly kind: 'done'; readonly transcript: Transcript; readonly done: number; readonly total: number; readonly errors: number };
