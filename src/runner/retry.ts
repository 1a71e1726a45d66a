import { MAX_RETRY_AFTER_MS } from '../targets/classify.js';
import type { TargetFailure } from '../types.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 8000 };

/**
 * The one retry policy (the SDKs' own retries are off): retry what the target classified as
 * retryable, waiting for Retry-After when given (capped at 60 s), else min(0.5·2^n, 8) s ± 25 %.
 */
export function retryDelayMs(failure: TargetFailure, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (!failure.retryable || attempt > policy.retries) return undefined;
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_MS);
  const base = Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
  return Math.round(base * (0.75 + random() * 0.5));
}
