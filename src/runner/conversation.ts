import { contextOf } from '../domain/context.js';
import type { Target } from '../targets/types.js';
import type { Message, RunEvent, TurnMeta, Transcript } from '../types.js';
import { ResponseCache } from './cache.js';
import { estimateTokens, type RateLimiter } from './rate-limit.js';
import type { PlannedConversation } from './plan.js';
import { retryDelayMs, type RetryPolicy } from './retry.js';

export interface ConversationOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  /** Aborted when the run stops: in-flight calls are cancelled. */
  stop: AbortSignal;
  emit?: (event: RunEvent) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Where replies are replayed from and stored: for deterministic targets, or for every cacheable one when `cacheAll`. */
  cache?: ResponseCache;
  cacheAll?: boolean;
  /** This target's rate limiter, shared with its other conversations. */
  limiter?: RateLimiter;
}

/**
 * Plays one scripted conversation: each user turn in order, each reply recorded with its timing,
 * usage and attempts. A turn that still fails after the retries ends the conversation, and the
 * transcript keeps the error and everything before it.
 */
export async function runConversation(planned: PlannedConversation, target: Target, options: ConversationOptions): Promise<Transcript> {
  const sleep = options.sleep ?? abortableSleep;
  const messages: Message[] = [];
  const turns: TurnMeta[] = [];
  const startedAt = new Date().toISOString();
  const sessionId = `attune-${planned.scenario.id}-${planned.repeat}-${Math.random().toString(36).slice(2, 10)}`;
  let error: Transcript['error'];

  conversation: for (const [index, turn] of planned.scenario.turns.entries()) {
    messages.push({ role: 'user', content: turn.user });
    const turnStarted = new Date().toISOString();
    const cacheable = options.cache && target.cacheIdentity !== undefined && (options.cacheAll || target.deterministic);
    const cacheKey = cacheable ? ResponseCache.keyOf(target.cacheIdentity!, messages) : undefined;
    const cached = cacheKey ? await options.cache!.get(cacheKey) : undefined;
    if (cached) {
      messages.push({ role: 'assistant', content: cached.text });
      turns.push({ turn: index + 1, startedAt: turnStarted, latencyMs: 0, attempts: 0, cached: true, ...(cached.usage ? { usage: cached.usage } : {}), ...(cached.model ? { model: cached.model } : {}) });
      continue;
    }
    for (let attempt = 1; ; attempt++) {
      const estimate = options.limiter ? estimateTokens(messages) : 0;
      if (options.limiter) {
        const waited = await options.limiter.acquire(estimate, options.stop).then(() => true, () => false);
        if (!waited) {
          error = { kind: 'cancelled', retryable: false, message: 'cancelled: the run is stopping', turn: index + 1, attempts: attempt - 1 };
          break conversation;
        }
      }
      const deadline = turnDeadline(options.stop, target.timeoutMs ?? options.timeoutMs);
      const t0 = performance.now();
      const outcome = await target.reply(messages, { conversationId: planned.id, sessionId, locale: planned.scenario.locale, signal: deadline.signal }).finally(deadline.dispose);
      const latencyMs = Math.round(performance.now() - t0);
      if (options.limiter && outcome.kind === 'reply' && outcome.usage) {
        options.limiter.settle(estimate, (outcome.usage.inputTokens ?? 0) + (outcome.usage.outputTokens ?? 0));
      }
      if (outcome.kind === 'reply') {
        if (cacheKey) await options.cache!.set(cacheKey, { text: outcome.text, ...(outcome.usage ? { usage: outcome.usage } : {}), ...(outcome.model ? { model: outcome.model } : {}) });
        messages.push({ role: 'assistant', content: outcome.text });
        turns.push({ turn: index + 1, startedAt: turnStarted, latencyMs, attempts: attempt, ...(outcome.usage ? { usage: outcome.usage } : {}), ...(outcome.model ? { model: outcome.model } : {}) });
        break;
      }
      const delayMs = options.stop.aborted ? undefined : retryDelayMs(outcome.failure, attempt, options.retry);
      if (delayMs === undefined) {
        error = { ...outcome.failure, turn: index + 1, attempts: attempt };
        break conversation;
      }
      options.emit?.({ kind: 'retry', conversation: planned.id, turn: index + 1, attempt, delayMs, failure: outcome.failure });
      await sleep(delayMs, options.stop).catch(() => undefined);
      if (options.stop.aborted) {
        error = { ...outcome.failure, turn: index + 1, attempts: attempt };
        break conversation;
      }
    }
  }
  return {
    id: planned.id,
    target: planned.target,
    scenario: planned.scenario.id,
    repeat: planned.repeat,
    context: contextOf(planned.scenario),
    messages,
    turns,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(error ? { error } : {}),
  };
}

/** In-flight turns per stop signal: one listener on the signal aborts them all, however many run at once. */
const inFlight = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * A signal that aborts when the run stops or after `ms` (reason: a TimeoutError, as AbortSignal.timeout
 * gives). Unlike AbortSignal.any + AbortSignal.timeout, `dispose` releases the timer at once, so a long
 * run does not hold a pending timer and signal per turn for `ms` after the turn ended.
 */
function turnDeadline(stop: AbortSignal, ms: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let turns = inFlight.get(stop);
  if (!turns) {
    const all = new Set<AbortController>();
    stop.addEventListener('abort', () => all.forEach((c) => c.abort(stop.reason)), { once: true });
    inFlight.set(stop, all);
    turns = all;
  }
  if (stop.aborted) controller.abort(stop.reason);
  else turns.add(controller);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      turns.delete(controller);
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
