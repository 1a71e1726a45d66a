import { contextOf } from '../domain/context.js';
import type { Target } from '../targets/types.js';
import type { Message, RunEvent, TurnMark, TurnMeta, Transcript } from '../types.js';
import type { ResponseCache } from './cache.js';
import { callTarget } from './call.js';
import type { RateLimiter } from './rate-limit.js';
import type { PlannedConversation } from './plan.js';
import type { RetryPolicy } from './retry.js';
import { scriptedUser, simulatedUser, type Simulator } from './simulate.js';

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
  /** Plays the user of scenarios that have `simulate`; without it every scenario uses its scripted turns. */
  simulator?: Simulator;
  /** Replies longer than this are cut and the cut recorded on the turn (run.maxReplyChars). */
  maxReplyChars?: number;
}

/**
 * Plays one conversation: each user turn in order, scripted or written by the simulator, each reply
 * recorded with its timing, usage and attempts. A call (to the target or the simulator) that still
 * fails after the retries ends the conversation, and the transcript keeps the error and everything
 * before it.
 */
export async function runConversation(planned: PlannedConversation, target: Target, options: ConversationOptions): Promise<Transcript> {
  const messages: Message[] = [];
  const turns: TurnMeta[] = [];
  const startedAt = new Date().toISOString();
  const sessionId = `attune-${planned.scenario.id}-${planned.repeat}-${Math.random().toString(36).slice(2, 10)}`;
  let error: Transcript['error'];
  const { scenario } = planned;
  const ctx = { conversationId: planned.id, sessionId, locale: scenario.locale };
  const simulated = options.simulator && scenario.simulate
    ? simulatedUser(scenario, scenario.simulate, options.simulator, { ...ctx, sessionId: `${sessionId}-user` }, {
      ...options, repeat: planned.repeat,
      onRetry: (attempt, delayMs, failure) => options.emit?.({ kind: 'retry', conversation: planned.id, turn: turns.length + 1, attempt, delayMs, failure: { ...failure, message: `simulator: ${failure.message}` } }),
    })
    : undefined;
  const user = simulated ?? scriptedUser(scenario.turns);
  const userMarks: TurnMark[][] = [];
  const replies: string[] = [];
  const cacheable = target.cacheIdentity !== undefined && (options.cacheAll || target.deterministic);

  for (let turn = 1; ; turn++) {
    const next = await user.next(turn, replies);
    if (next.kind === 'end') break;
    if (next.kind === 'failure') {
      error = { ...next.failure, turn, attempts: next.attempts, source: 'simulator' };
      break;
    }
    messages.push({ role: 'user', content: next.text });
    userMarks.push(next.marks);
    const turnStarted = new Date().toISOString();
    const result = await callTarget(target, messages, ctx, {
      ...options,
      ...(cacheable ? { cacheIdentity: target.cacheIdentity } : { cache: undefined }),
      onRetry: (attempt, delayMs, failure) => options.emit?.({ kind: 'retry', conversation: planned.id, turn, attempt, delayMs, failure }),
    });
    if (result.kind === 'failure') {
      error = { ...result.failure, turn, attempts: result.attempts };
      break;
    }
    messages.push({ role: 'assistant', content: result.text });
    replies.push(result.text);
    turns.push({
      turn, startedAt: turnStarted, latencyMs: result.latencyMs, attempts: result.attempts, ...(result.cached ? { cached: true } : {}), ...(result.cutFrom ? { cutFrom: result.cutFrom } : {}),
      ...(result.usage ? { usage: result.usage } : {}), ...(result.model ? { model: result.model } : {}),
    });
    if (next.last) break;
  }
  return {
    id: planned.id,
    target: planned.target,
    scenario: scenario.id,
    repeat: planned.repeat,
    // A simulated conversation's marks are those of the turns that happened (a reveal may never come).
    context: simulated ? contextOf(scenario, userMarks.map((marks) => ({ marks }))) : contextOf(scenario),
    messages,
    turns,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(error ? { error } : {}),
    ...(simulated ? { simulator: options.simulator!.target.id, simulatorTurns: simulated.meta } : {}),
  };
}
