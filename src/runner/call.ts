import type { ReplyContext, Target } from '../targets/types.js';
import type { Message, TargetFailure, Usage } from '../types.js';
import { ResponseCache } from './cache.js';
import { estimateTokens, type RateLimiter } from './rate-limit.js';
import { retryDelayMs, type RetryPolicy } from './retry.js';

export interface CallOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  /** Aborted when the run stops: the call in flight is cancelled and no retry follows. */
  stop: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Replay and store the reply here under `cacheIdentity` (the target's, or a judge's with its prompt version). */
  cache?: ResponseCache;
  cacheIdentity?: string;
  limiter?: RateLimiter;
  onRetry?: (attempt: number, delayMs: number, failure: TargetFailure) => void;
  /** Longer replies are cut here (DEFAULT_MAX_REPLY_CHARS unless set) and say so in `cutFrom`. */
  maxReplyChars?: number;
}

/**
 * No real chat reply comes near this (a long one is a few thousand characters); a runaway or hostile
 * endpoint's 10 MB body would otherwise be stored, scored and rendered in full.
 */
export const DEFAULT_MAX_REPLY_CHARS = 100_000;

export type CallResult =
  | { kind: 'reply'; text: string; usage?: Usage; model?: string; attempts: number; latencyMs: number; cached: boolean; cutFrom?: number }
  | { kind: 'failure'; failure: TargetFailure; attempts: number };

/**
 * One request to a target under the run's policy: replayed from the cache when it holds the answer,
 * else sent within the rate limit and the per-request timeout, and retried as `retryDelayMs` says.
 * Conversations, simulated users and LLM judges all call models through here.
 */
export async function callTarget(target: Target, messages: readonly Message[], ctx: Omit<ReplyContext, 'signal'>, options: CallOptions): Promise<CallResult> {
  const sleep = options.sleep ?? abortableSleep;
  const cacheKey = options.cache && options.cacheIdentity !== undefined ? ResponseCache.keyOf(options.cacheIdentity, messages) : undefined;
  const cached = cacheKey ? await options.cache!.get(cacheKey) : undefined;
  if (cached) return { kind: 'reply', text: cached.text, ...(cached.usage ? { usage: cached.usage } : {}), ...(cached.model ? { model: cached.model } : {}), ...(cached.cutFrom ? { cutFrom: cached.cutFrom } : {}), attempts: 0, latencyMs: 0, cached: true };
  for (let attempt = 1; ; attempt++) {
    const estimate = options.limiter ? estimateTokens(messages) : 0;
    if (options.limiter) {
      const waited = await options.limiter.acquire(estimate, options.stop).then(() => true, () => false);
      if (!waited) return { kind: 'failure', failure: { kind: 'cancelled', retryable: false, message: 'cancelled: the run is stopping' }, attempts: attempt - 1 };
    }
    const deadline = callDeadline(options.stop, target.timeoutMs ?? options.timeoutMs);
    const t0 = performance.now();
    const outcome = await target.reply(messages, { ...ctx, signal: deadline.signal }).finally(deadline.dispose);
    const latencyMs = Math.round(performance.now() - t0);
    if (options.limiter && outcome.kind === 'reply' && outcome.usage) {
      options.limiter.settle(estimate, (outcome.usage.inputTokens ?? 0) + (outcome.usage.outputTokens ?? 0));
    }
    if (outcome.kind === 'reply') {
      const max = options.maxReplyChars ?? DEFAULT_MAX_REPLY_CHARS;
      const cutFrom = outcome.text.length > max ? outcome.text.length : undefined;
      const stored = { text: cutFrom === undefined ? outcome.text : outcome.text.slice(0, max).replace(/[\uD800-\uDBFF]$/, ''), ...(cutFrom === undefined ? {} : { cutFrom }), ...(outcome.usage ? { usage: outcome.usage } : {}), ...(outcome.model ? { model: outcome.model } : {}) };
      if (cacheKey) await options.cache!.set(cacheKey, stored);
      return { kind: 'reply', ...stored, attempts: attempt, latencyMs, cached: false };
    }
    const delayMs = options.stop.aborted ? undefined : retryDelayMs(outcome.failure, attempt, options.retry);
    if (delayMs === undefined) return { kind: 'failure', failure: outcome.failure, attempts: attempt };
    options.onRetry?.(attempt, delayMs, outcome.failure);
    await sleep(delayMs, options.stop).catch(() => undefined);
    if (options.stop.aborted) return { kind: 'failure', failure: outcome.failure, attempts: attempt };
  }
}

/** In-flight calls per stop signal: one listener on the signal aborts them all, however many run at once. */
const inFlight = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * A signal that aborts when the run stops or after `ms` (reason: a TimeoutError, as AbortSignal.timeout
 * gives). Unlike AbortSignal.any + AbortSignal.timeout, `dispose` releases the timer at once, so a long
 * run does not hold a pending timer and signal per call for `ms` after the call ended.
 */
function callDeadline(stop: AbortSignal, ms: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let calls = inFlight.get(stop);
  if (!calls) {
    const all = new Set<AbortController>();
    stop.addEventListener('abort', () => all.forEach((c) => c.abort(stop.reason)), { once: true });
    inFlight.set(stop, all);
    calls = all;
  }
  if (stop.aborted) controller.abort(stop.reason);
  else calls.add(controller);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      calls.delete(controller);
    },
  };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
