import { contextOf } from '../domain/context.js';
import type { Target } from '../targets/types.js';
import type { Message, RunEvent, TurnMeta, Transcript } from '../types.js';
import type { ResponseCache } from './cache.js';
import { callTarget } from './call.js';
import type { RateLimiter } from './rate-limit.js';
import type { PlannedConversation } from './plan.js';
import type { RetryPolicy } from './retry.js';

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
  const messages: Message[] = [];
  const turns: TurnMeta[] = [];
  const startedAt = new Date().toISOString();
  const sessionId = `attune-${planned.scenario.id}-${planned.repeat}-${Math.random().toString(36).slice(2, 10)}`;
  let error: Transcript['error'];

  for (const [index, turn] of planned.scenario.turns.entries()) {
    messages.push({ role: 'user', content: turn.user });
    const turnStarted = new Date().toISOString();
    const cacheable = target.cacheIdentity !== undefined && (options.cacheAll || target.deterministic);
    const result = await callTarget(target, messages, { conversationId: planned.id, sessionId, locale: planned.scenario.locale }, {
      ...options,
      ...(cacheable ? { cacheIdentity: target.cacheIdentity } : { cache: undefined }),
      onRetry: (attempt, delayMs, failure) => options.emit?.({ kind: 'retry', conversation: planned.id, turn: index + 1, attempt, delayMs, failure }),
    });
    if (result.kind === 'failure') {
      error = { ...result.failure, turn: index + 1, attempts: result.attempts };
      break;
    }
    messages.push({ role: 'assistant', content: result.text });
    turns.push({
      turn: index + 1, startedAt: turnStarted, latencyMs: result.latencyMs, attempts: result.attempts, ...(result.cached ? { cached: true } : {}),
      ...(result.usage ? { usage: result.usage } : {}), ...(result.model ? { model: result.model } : {}),
    });
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
