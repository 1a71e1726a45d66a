/** How to reach targets, configuration and live run events. */
import type { TargetFailure, Transcript } from './transcript.js';

/** Requests and tokens per minute a target accepts, shared across the run's concurrency. */
export interface RateLimitSpec {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

/** What the two chat-model providers share in a target spec. */
interface ChatModelSpec {
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

/** How to reach a target; built from a spec string (`openai:gpt-4o-mini`) or a config entry. */
export type TargetSpec =
  | ({ kind: 'openai'; seed?: number } & ChatModelSpec)
  | ({ kind: 'anthropic' } & ChatModelSpec)
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
    /** Replies longer than this many characters are cut, and the cut is recorded on the turn. */
    maxReplyChars?: number;
  };
  /** Named targets; each spec is missing only its `id`, which is the name. */
  targets: Record<string, TargetSpec>;
  gates: Gates;
  /** Where each `gates.minScore` rubric name is written, for messages that point at it. */
  gateLines?: Record<string, { line: number; column: number }>;
}

/** Progress of a run, for the live display. Plain data; the runner never prints. */
export type RunEvent =
  | { readonly kind: 'start'; readonly total: number }
  | { readonly kind: 'retry'; readonly conversation: string; readonly turn: number; readonly attempt: number; readonly delayMs: number; readonly failure: TargetFailure }
  | { readonly kind: 'done'; readonly transcript: Transcript; readonly done: number; readonly total: number; readonly errors: number };
