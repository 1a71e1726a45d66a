import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/types.js';
import { json, openAIChat, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

const tmp = () => mkdtemp(join(tmpdir(), 'attune-rel-'));
const read = async (dir: string) => JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResult;
/** What must be equal between two runs of the same plan: every conversation's messages and scores, and the aggregates. */
const essence = (r: RunResult) => JSON.stringify({ targets: r.targets, conversations: r.conversations.map((c) => [c.id, c.messages, c.scores, c.error?.kind ?? null]) });

let server: Awaited<ReturnType<typeof startFakeServer>>;
/** How often each distinct request (its messages) reached the server. */
const seen = new Map<string, number>();
let latencyMs = 0;
beforeAll(async () => {
  server = await startFakeServer();
  server.setRoute('POST', '/v1/chat/completions', (req, res) => {
    const messages = (req.body as { messages: { role: string; content: string }[] }).messages;
    const key = JSON.stringify(messages);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const turn = messages.filter((m) => m.role === 'user').length;
    // Deterministic in the conversation, so any two runs of the same plan must agree.
    setTimeout(() => json(res, 200, openAIChat(`I'm an AI, not a person. That sounds really hard (${turn}, ${key.length}). What happened?`)), latencyMs);
  });
});
afterAll(() => server.close());

async function setup() {
  const dir = await tmp();
  const config = join(dir, 'attune.config.yaml');
  await writeFile(config, `targets:\n  bot: { kind: openai, model: fake, baseURL: "${server.url}/v1", temperature: 0 }\n`);
  const env = { ATTUNE_CACHE_DIR: join(dir, 'cache'), OPENAI_API_KEY: 'sk-test' };
  return { dir, config, env, args: ['run', '-c', config, '-t', 'bot', '--filter', 'grief.*'] };
}

describe('the response cache', () => {
  it('replays a temperature-0 target from disk, says so, and --no-cache bypasses it', async () => {
    const { dir, env, args } = await setup();
    const before = server.requests.length;
    expect((await runCli([...args, '-o', join(dir, 'a')], env)).code).toBe(0);
    const first = server.requests.length - before;
    expect(first).toBeGreaterThan(30);
    const again = await runCli([...args, '-o', join(dir, 'b')], env);
    expect(server.requests.length - before).toBe(first);
    expect(again.stdout).toContain(`${first} replies served from the cache, 0 calls made`);
    expect((await read(join(dir, 'b'))).run.calls).toEqual({ requested: 0, cached: first });
    expect(essence(await read(join(dir, 'b')))).toBe(essence(await read(join(dir, 'a'))));
    await runCli([...args, '--no-cache', '-o', join(dir, 'c')], env);
    expect(server.requests.length - before).toBe(2 * first);
    const stats = await runCli(['cache', 'stats'], env);
    expect(stats.stdout).toContain(`${first} cached replies`);
    // The cache holds replies under hashed names: no key, in a name or in a file.
    const cacheDir = join(dir, 'cache');
    const files = (await readdir(cacheDir, { recursive: true })).map(String).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(first);
    for (const file of files) {
      expect(file).not.toContain('sk-test');
      expect(await readFile(join(cacheDir, file), 'utf8')).not.toContain('sk-test');
    }
    expect((await runCli(['cache', 'clear'], env)).stdout).toContain(`cleared ${first} cached replies`);
  });
});

describe('resume after a stop at a random moment', () => {
  async function killAndResume(signal: 'SIGINT' | 'SIGKILL') {
    const { dir, env, args } = await setup();
    const reference = join(dir, 'reference');
    await runCli([...args, '--no-cache', '-o', reference], env);
    seen.clear();
    latencyMs = 60;
    const out = join(dir, 'run');
    const bin = join(import.meta.dirname, '..', 'bin', 'attune.js');
    const child = spawn(process.execPath, [bin, ...args, '-j', '2', '-o', out], { env: { ...process.env, CI: 'true', ...env }, stdio: 'ignore' });
    // A random moment after the run has really started (its first conversation is on disk).
    const log = join(out, 'transcripts.jsonl');
    for (let waited = 0; waited < 20_000; waited += 25) {
      if ((await readFile(log, 'utf8').catch(() => '')).includes('\n')) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
    child.kill(signal);
    await once(child, 'exit');
    latencyMs = 0;
    const resumed = await runCli([...args, '--resume', out], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    const done = Number(/resuming .*: (\d+) of 16 conversations already done/.exec(resumed.stderr)?.[1]);
    // The stop really happened mid-run: some conversations were left for the resume.
    expect(done).toBeLessThan(16);
    expect(essence(await read(out))).toBe(essence(await read(reference)));
    const lines = (await readFile(join(out, 'transcripts.jsonl'), 'utf8')).trim().split('\n');
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(lines.length);
    return [...seen.values()].filter((n) => n > 1).length;
  }

  it('Ctrl-C: in-flight conversations finish, the rest run on resume, no request is sent twice', async () => {
    expect(await killAndResume('SIGINT')).toBe(0);
  });

  it('kill -9: the log is repaired and the results equal an uninterrupted run; at most the calls in flight are repeated', async () => {
    expect(await killAndResume('SIGKILL')).toBeLessThanOrEqual(2);
  });

  it('refuses to resume with a different plan', async () => {
    const { dir, env, args } = await setup();
    const out = join(dir, 'run');
    await runCli([...args, '-o', out], env);
    const other = await runCli(['run', '-c', join(dir, 'attune.config.yaml'), '-t', 'bot', '--filter', 'crisis.*', '--resume', out], env);
    expect(other.code).toBe(2);
    // run.json names what changed: a resumed run runs what it was started with.
    expect(other.stderr).toContain('--filter: run.json has grief.*, given crisis.*. A resumed run runs what it was started with');
  });
});

describe('shards and merge', () => {
  it('two shards merged equal the unsharded run', async () => {
    const dir = await tmp();
    const base = ['run', '--filter', 'crisis.*', '--repeat', '2'];
    await runCli([...base, '-o', join(dir, 'whole')]);
    await runCli([...base, '--shard', '1/2', '-o', join(dir, 's1')]);
    await runCli([...base, '--shard', 'auto/2', '-o', join(dir, 's2')], { JOB_COMPLETION_INDEX: '1' });
    const shard1 = await read(join(dir, 's1'));
    expect(shard1.conversations.length).toBe(36);
    const merged = await runCli(['merge', join(dir, 's1'), join(dir, 's2'), '-o', join(dir, 'merged')]);
    expect(merged.code).toBe(0);
    expect(essence(await read(join(dir, 'merged')))).toBe(essence(await read(join(dir, 'whole'))));
  });

  it('refuses shards of different plans, the same shard twice, and a bad --shard', async () => {
    const dir = await tmp();
    await runCli(['run', '--filter', 'grief.*', '--shard', '1/2', '-o', join(dir, 'a')]);
    await runCli(['run', '--filter', 'crisis.*', '--shard', '2/2', '-o', join(dir, 'b')]);
    expect((await runCli(['merge', join(dir, 'a'), join(dir, 'b')])).stderr).toContain('a different plan');
    expect((await runCli(['merge', join(dir, 'a'), join(dir, 'a')])).stderr).toContain('shard 1/2 is given twice');
    expect((await runCli(['run', '--shard', '3/2'])).stderr).toContain('--shard: the index must be from 1 to 2');
    expect((await runCli(['run', '--shard', 'auto/2'])).stderr).toContain('needs JOB_COMPLETION_INDEX');
  });
});
