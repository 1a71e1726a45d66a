/** Requests and tokens per minute for one target, as its config sets them. */
export interface RateLimit {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

interface Bucket {
  perMs: number;
  capacity: number;
  level: number;
  at: number;
}

function bucket(perMinute: number, now: number): Bucket {
  // One second's worth of burst: a steady pace keeps clear of providers' 429s.
  const capacity = Math.max(1, perMinute / 60);
  return { perMs: perMinute / 60_000, capacity, level: capacity, at: now };
}

function refill(b: Bucket, now: number): void {
  b.level = Math.min(b.capacity, b.level + (now - b.at) * b.perMs);
  b.at = now;
}

/**
 * One target's rate limit, shared by every conversation in flight: callers wait their turn in
 * order, and token use is corrected from the usage the provider reports.
 */
export class RateLimiter {
  private readonly requests?: Bucket;
  private readonly tokens?: Bucket;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (limit.requestsPerMinute) this.requests = bucket(limit.requestsPerMinute, now());
    if (limit.tokensPerMinute) this.tokens = bucket(limit.tokensPerMinute, now());
  }

  /** Waits until one request of about `estimatedTokens` may go out. */
  acquire(estimatedTokens: number, signal: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitFor(estimatedTokens, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** After the reply: charge the difference between the estimate and what the provider counted. */
  settle(estimatedTokens: number, actualTokens: number | undefined): void {
    if (!this.tokens || actualTokens === undefined) return;
    refill(this.tokens, this.now());
    this.tokens.level -= actualTokens - estimatedTokens;
  }

  private async waitFor(tokens: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      if (this.requests) refill(this.requests, now);
      if (this.tokens) refill(this.tokens, now);
      const needTokens = this.tokens ? Math.min(tokens, this.tokens.capacity) : 0;
      const waitRequests = this.requests && this.requests.level < 1 ? (1 - this.requests.level) / this.requests.perMs : 0;
      const waitTokens = this.tokens && this.tokens.level < needTokens ? (needTokens - this.tokens.level) / this.tokens.perMs : 0;
      const wait = Math.max(waitRequests, waitTokens);
      if (wait <= 0) {
        if (this.requests) this.requests.level -= 1;
        if (this.tokens) this.tokens.level -= tokens;
        return;
      }
      if (signal.aborted) throw signal.reason;
      await this.sleep(Math.ceil(wait));
    }
  }
}

/** A rough token count before the call (about four characters a token), corrected afterwards. */
export function estimateTokens(messages: readonly { content: string }[]): number {
  return Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4) + 4 * messages.length;
}

/**
 * The run's rate limiters, one per model id: a target, the simulator and an LLM judge that are the same
 * configured model share one budget instead of each spending the whole of it.
 */
export class RateLimiters {
  private readonly byId = new Map<string, RateLimiter>();

  of(id: string, limit: RateLimit | undefined): RateLimiter | undefined {
    if (!limit) return undefined;
    let limiter = this.byId.get(id);
    if (!limiter) {
      limiter = new RateLimiter(limit);
      this.byId.set(id, limiter);
    }
    return limiter;
  }
}
