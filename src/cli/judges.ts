import pLimit from 'p-limit';
import { UserError } from '../errors.js';
import { createLlmJudge, DEFAULT_LLM_JUDGE } from '../judges/llm/judge.js';
import type { JudgeModel } from '../judges/llm/model.js';
import { PROMPT_VERSION } from '../judges/llm/prompt.js';
import { judgeById } from '../judges/registry.js';
import type { Judge } from '../judges/types.js';
import { defaultCacheDir, ResponseCache } from '../runner/cache.js';
import { callTarget } from '../runner/call.js';
import { RateLimiters } from '../runner/rate-limit.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../runner/retry.js';
import { createTarget } from '../targets/registry.js';
import { chatModelSpec } from '../targets/spec.js';
import type { Env } from '../targets/types.js';
import { emptyJudgeStats, type AttuneConfig, type JudgeCalls, type JudgeInfo, type TargetSpec } from '../types.js';

export interface JudgeFlags {
  /** `offline`, or a model spec / config target name; the first one's scores count, the others are kept for comparison. */
  judge: string[];
  judgeSamples?: number;
  /** false: neither replay nor store judgements. */
  cache?: boolean;
}

export interface CallPolicy {
  /** One rate limiter per model id for the whole run, shared by targets, the simulator and judges. */
  limiters: RateLimiters;
  /** Calls in flight per judge at most (perspectives × samples × conversations would otherwise multiply). */
  concurrency: number;
  timeoutMs: number;
  retry: RetryPolicy;
  stop: AbortSignal;
}

/** The run's judges, and what to say of them in results.json once the run is over (with call counts). */
export interface RunJudges {
  judges: Judge[];
  info(): JudgeInfo[];
}

/** The judges after the checks as asked for: `--judge`, else the config's `run.judges`, else the offline scorer. */
export function requestedJudges(flags: JudgeFlags, config: AttuneConfig | undefined): { judges: string[]; samples: number; fromConfig: boolean } {
  const fromConfig = flags.judge.length === 0 && config?.run.judges !== undefined;
  return { judges: flags.judge.length > 0 ? flags.judge : (config?.run.judges ?? ['offline']), samples: flags.judgeSamples ?? config?.run.judgeSamples ?? 1, fromConfig };
}

/** How a run calls models (targets, judges): `-j`, `--timeout`, `--retries`, else the config's run defaults. */
export function callPolicy(flags: { concurrency?: number; timeout?: number; retries?: number }, config: AttuneConfig | undefined, stop: AbortSignal): CallPolicy {
  return {
    concurrency: flags.concurrency ?? config?.run.concurrency ?? 8,
    timeoutMs: flags.timeout ?? config?.run.timeoutMs ?? 60_000,
    retry: { ...DEFAULT_RETRY, retries: flags.retries ?? config?.run.retries ?? DEFAULT_RETRY.retries },
    stop,
    limiters: new RateLimiters(),
  };
}

/** The checks first (deterministic, and the ones that decide crisis lines), then the judges asked for. */
export async function buildJudges(flags: JudgeFlags, config: AttuneConfig | undefined, env: Env, policy: CallPolicy): Promise<RunJudges> {
  const { judges: requested, samples, fromConfig } = requestedJudges(flags, config);
  // Say where a judge was asked for: the flag, or the config entry.
  const origin = (i: number) => (fromConfig ? `${config!.file ?? 'attune.config.yaml'} run.judges[${i}] "${requested[i]}"` : `--judge ${requested[i]}`);
  const counters = new Map<string, JudgeCalls>();
  const judges: Judge[] = [judgeById('checks')];
  for (const [i, name] of requested.entries()) {
    if (name === 'offline') {
      judges.push(judgeById('offline'));
      continue;
    }
    if (name === 'checks') throw new UserError(`${origin(i)}: the deterministic checks always run; name offline or a model (openai:<model>, anthropic:<model>)`);
    const spec = chatModelSpec(name, config, origin(i), 'a judge is offline, or');
    const calls: JudgeCalls = { requested: 0, cached: 0, inputTokens: 0, outputTokens: 0 };
    counters.set(spec.id, calls);
    judges.push(createLlmJudge(await judgeModel(judgeSpec(spec, samples), flags, env, policy, calls), { ...DEFAULT_LLM_JUDGE, samples }));
  }
  const ids = judges.map((j) => j.id);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw new UserError(`${origin(twice - 1)} is given twice; use --judge-samples for repeated judgements`);
  return {
    judges,
    info: () => judges.map((j) => (counters.has(j.id) ? { ...j.info, stats: { ...emptyJudgeStats(), calls: counters.get(j.id)! } } : j.info)),
  };
}

/** Temperature 0 unless set; k samples of the same prompt need some variety, so they default to 1. */
function judgeSpec(spec: Extract<TargetSpec, { kind: 'openai' | 'anthropic' }>, samples: number): TargetSpec {
  return { ...spec, temperature: spec.temperature ?? (samples > 1 ? 1 : 0), maxTokens: spec.maxTokens ?? 2048 };
}

async function judgeModel(spec: TargetSpec, flags: JudgeFlags, env: Env, policy: CallPolicy, calls: JudgeCalls): Promise<JudgeModel> {
  const target = await createTarget(spec, env);
  await target.preflight?.();
  const cache = flags.cache === false || target.cacheIdentity === undefined ? undefined : new ResponseCache(defaultCacheDir(env));
  const limiter = policy.limiters.of(target.id, target.rateLimit);
  const inFlight = pLimit(policy.concurrency);
  return {
    id: target.id,
    description: target.description,
    async complete(messages, sample) {
      const result = await inFlight(() => callTarget(target, messages, { conversationId: 'judge', sessionId: 'judge', locale: 'en' }, {
        timeoutMs: policy.timeoutMs,
        retry: policy.retry,
        stop: policy.stop,
        ...(cache ? { cache, cacheIdentity: JSON.stringify(['judge', PROMPT_VERSION, target.cacheIdentity, sample]) } : {}),
        ...(limiter ? { limiter } : {}),
      }));
      if (result.kind === 'failure') return { kind: 'failure', message: `${result.failure.kind}${result.failure.status ? ` ${result.failure.status}` : ''}: ${result.failure.message} (after ${result.attempts} attempts)` };
      if (result.cached) calls.cached++;
      else {
        calls.requested++;
        calls.inputTokens += result.usage?.inputTokens ?? 0;
        calls.outputTokens += result.usage?.outputTokens ?? 0;
      }
      return { kind: 'reply', text: result.text };
    },
  };
}
