import type { Message, RateLimitSpec, TargetFailure, TargetKind, Usage } from '../types.js';

/** What a target may know about the conversation besides the messages. */
export interface ReplyContext {
  conversationId: string;
  /** Stable per conversation; bots that keep history server-side key on it. */
  sessionId: string;
  /** The person's locale (as a deployed app knows its user's region), e.g. en-GB. */
  locale: string;
  /** Aborted on the per-request timeout or when the run stops. */
  signal: AbortSignal;
}

/** The outcome of one call: a reply, or a classified failure the runner may retry. */
export type ReplyOutcome =
  | { readonly kind: 'reply'; readonly text: string; readonly usage?: Usage; readonly model?: string }
  | { readonly kind: 'failure'; readonly failure: TargetFailure };

/** Anything that answers a conversation. */
export interface Target {
  readonly id: string;
  readonly kind: TargetKind;
  /** For reports: what this target is, with no secret in it (`openai gpt-4o-mini @ http://127.0.0.1:8000/v1`). */
  readonly description: string;
  /**
   * What determines this target's answers besides the messages (kind, model, endpoint, parameters),
   * never a secret; undefined when replies cannot be replayed (a bot that keeps state server-side).
   */
  readonly cacheIdentity?: string;
  /** Whether the same messages give the same answer (temperature 0): the cache is on by default then. */
  readonly deterministic?: boolean;
  /** Requests and tokens per minute, shared by every conversation with this target. */
  readonly rateLimit?: RateLimitSpec;
  /** Per-request timeout of this target, when its config sets one; else the run's. */
  readonly timeoutMs?: number;
  reply(messages: readonly Message[], ctx: ReplyContext): Promise<ReplyOutcome>;
  /** Checks what can be known before the first conversation (reachable endpoint); throws a UserError. */
  preflight?(): Promise<void>;
}

export type Env = Readonly<Record<string, string | undefined>>;
