import type { TargetFailure } from '../types.js';
import { redactUrlsIn } from './redact.js';

export const MAX_RETRY_AFTER_MS = 60_000;

/** Retry-After as milliseconds: `retry-after-ms` first, then `retry-after` (seconds or an HTTP date), capped at 60 s. */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/** An HTTP status → a failure: 408/409/429/5xx are retried, auth and other 4xx are not. */
export function classifyStatus(status: number, message: string, headers?: { get(name: string): string | null }): TargetFailure {
  const retryAfter = retryAfterMs(headers);
  const base = { status, message: `HTTP ${status}: ${oneLine(redactUrlsIn(message))}`, ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }) };
  if (status === 429) return { kind: 'rate_limit', retryable: true, ...base };
  if (status === 408) return { kind: 'timeout', retryable: true, ...base };
  if (status === 409 || status >= 500) return { kind: 'server', retryable: true, ...base };
  if (status === 401 || status === 403) return { kind: 'auth', retryable: false, ...base };
  return { kind: 'bad_request', retryable: false, ...base };
}

/**
 * Any error thrown while calling a target → a failure. Handles the OpenAI and Anthropic SDK error
 * classes by shape (both have `status` and `headers`), fetch/undici errors and aborts.
 */
export function classifyError(error: unknown, signal?: AbortSignal): TargetFailure {
  if (signal?.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError'
      ? { kind: 'timeout', retryable: true, message: 'request timed out' }
      : { kind: 'cancelled', retryable: false, message: 'cancelled: the run is stopping' };
  }
  const err = error as { name?: string; status?: unknown; headers?: { get(name: string): string | null }; message?: string; cause?: { code?: string; message?: string } };
  const name = err?.name ?? '';
  if (name === 'APIConnectionTimeoutError' || name === 'TimeoutError') return { kind: 'timeout', retryable: true, message: 'request timed out' };
  if (typeof err?.status === 'number') return classifyStatus(err.status, err.message ?? '', typeof err.headers?.get === 'function' ? err.headers : undefined);
  const code = err?.cause?.code;
  const detail = oneLine(redactUrlsIn([code, err?.cause?.message ?? err?.message].filter(Boolean).join(': ') || String(error)));
  // Only a connection that failed is worth another try; anything else (a bad header, a bad URL) fails the same way again.
  if (name === 'SyntaxError') return { kind: 'bad_response', retryable: false, message: `response is not valid JSON: ${detail}` };
  const connection = name === 'APIConnectionError' || typeof code === 'string' || err?.message === 'fetch failed';
  return connection ? { kind: 'network', retryable: true, message: detail } : { kind: 'bad_request', retryable: false, message: detail };
}

export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
