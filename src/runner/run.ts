import pLimit from 'p-limit';
import type { Target } from '../targets/types.js';
import type { RunEvent, Transcript } from '../types.js';
import { runConversation, type ConversationOptions } from './conversation.js';
import { RateLimiters } from './rate-limit.js';
import type { PlannedConversation } from './plan.js';

export interface RunOptions extends Omit<ConversationOptions, 'emit'> {
  concurrency: number;
  /** Aborted to start no new conversations while in-flight ones finish (`stop` cancels those too). */
  drain?: AbortSignal;
  emit?: (event: RunEvent) => void;
  /** Called as each conversation ends, in the order they end. */
  onTranscript: (transcript: Transcript) => void | Promise<void>;
  /** The run's limiters, shared with its judges; the run's own when not given. */
  limiters?: RateLimiters;
}

/** Runs every planned conversation, at most `concurrency` at once across all targets. */
export async function runPlan(plan: readonly PlannedConversation[], targets: ReadonlyMap<string, Target>, options: RunOptions): Promise<{ done: number; errors: number }> {
  const limit = pLimit(options.concurrency);
  let done = 0;
  let errors = 0;
  const limiters = options.limiters ?? new RateLimiters();
  // The simulator's limit is shared by every conversation, and with the target of the same id if it is one too.
  const sim = options.simulator;
  const simulatorLimiter = sim && !sim.limiter ? limiters.of(sim.target.id, sim.target.rateLimit) : undefined;
  const simulator = simulatorLimiter ? { ...sim!, limiter: simulatorLimiter } : sim;
  options.emit?.({ kind: 'start', total: plan.length });
  await Promise.all(
    plan.map((planned) =>
      limit(async () => {
        if (options.stop.aborted || options.drain?.aborted) return;
        const target = targets.get(planned.target);
        if (!target) throw new Error(`no target built for ${planned.target}`);
        const limiter = limiters.of(target.id, target.rateLimit);
        const transcript = await runConversation(planned, target, { ...options, ...(limiter ? { limiter } : {}), ...(simulator ? { simulator } : {}) });
        const doneNow = ++done;
        const errorsNow = transcript.error ? ++errors : errors;
        await options.onTranscript(transcript);
        options.emit?.({ kind: 'done', transcript, done: doneNow, total: plan.length, errors: errorsNow });
      }),
    ),
  );
  return { done, errors };
}
