import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, RateLimiters } from '../src/runner/rate-limit.js';
import { json, openAIChat, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

describe('RateLimiter', () => {
  it('lets one second of burst through, then paces at the limit, in order', async () => {
    // A virtual clock: sleeping moves it, so the pace is exact whatever the machine's load.
    let now = 0;
    const limiter = new RateLimiter({ requestsPerMinute: 600 }, () => now, async (ms) => void (now += ms));
    const times: number[] = [];
    await Promise.all(Array.from({ length: 25 }, () => limiter.acquire(0, new AbortController().signal).then(() => times.push(now))));
    expect(times.filter((t) => t === 0)).toHaveLength(10);
    // 15 more at 10 per second, 100 ms apart: the last at 1.5 s.
    expect(times.slice(10)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * 100));
  });

  it('waits for tokens and corrects the estimate from reported usage', async () => {
    let now = 0;
    // 6000 tokens a minute = 100 a second, one second of burst.
    const limiter = new RateLimiter({ tokensPerMinute: 6000 }, () => now);
    const signal = new AbortController().signal;
    await limiter.acquire(100, signal);
    const state = { done: false };
    const next = limiter.acquire(50, signal).then(() => (state.done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(state.done).toBe(false);
    now = 600;
    await next;
    // The estimate was 10 but the provider counted 110: 100 tokens are owed before the next call.
    await limiter.acquire(10, signal);
    limiter.settle(10, 110);
    const owed = { done: false };
    const later = limiter.acquire(20, signal).then(() => (owed.done = true));
    now += 1000;
    await new Promise((r) => setTimeout(r, 30));
    expect(owed.done).toBe(false);
    now += 300;
    await later;
  });

  it('a stopped run stops waiting', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 1 });
    const stop = new AbortController();
    await limiter.acquire(0, stop.signal);
    const waiting = limiter.acquire(0, stop.signal);
    stop.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('rate limits from the config, shared across the run', () => {
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  const arrivals: number[] = [];
  beforeAll(async () => {
    server = await startFakeServer();
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => {
      arrivals.push(performance.now());
      json(res, 200, openAIChat("I'm an AI. What happened?"));
    });
  });
  afterAll(() => server.close());

  it('no more requests per second reach the server than the limit allows, at any concurrency', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-rl-'));
    await writeFile(join(dir, 'c.yaml'), `targets:\n  bot: { kind: openai, model: m, baseURL: "${server.url}/v1", rateLimit: { requestsPerMinute: 1200 } }\n`);
    const spawned = performance.now();
    const run = await runCli(['run', '-c', join(dir, 'c.yaml'), '-t', 'bot', '--filter', 'grief.*', '-j', '16', '--no-cache', '-o', join(dir, 'out')], { OPENAI_API_KEY: 'k' });
    expect(run.code).toBe(0);
    expect(arrivals.length).toBeGreaterThan(40);
    // 20 per second after one second of burst, shared by all 16 conversations: the last request cannot
    // arrive before (n - 20) / 20 seconds have passed since the CLI started. Only a lower bound is held:
    // a loaded machine makes requests later, never earlier (per-window counts bunch up under load).
    expect(arrivals.at(-1)! - spawned).toBeGreaterThanOrEqual(((arrivals.length - 20) / 20) * 1000);
  });
});

describe('the run\'s limiters', () => {
  it('give a target, the simulator and a judge that are the same model one budget, and unlimited ones none', () => {
    const limiters = new RateLimiters();
    const target = limiters.of('shared', { requestsPerMinute: 60 });
    expect(target).toBeInstanceOf(RateLimiter);
    expect(limiters.of('shared', { requestsPerMinute: 60 })).toBe(target);
    expect(limiters.of('other', { requestsPerMinute: 60 })).not.toBe(target);
    expect(limiters.of('free', undefined)).toBeUndefined();
  });
});
