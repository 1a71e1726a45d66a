import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTarget, DEFAULT_MAX_REPLY_CHARS } from '../src/runner/call.js';
import type { Target } from '../src/targets/types.js';
import { json, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

const TEN_MB = 'I hear you. '.repeat(10 * 1024 * 1024 / 12);
let server: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  server = await startFakeServer();
  server.setRoute('POST', '/chat', (_req, res) => json(res, 200, { reply: TEN_MB }));
});
afterAll(() => server.close());

const policy = { timeoutMs: 60_000, retry: { retries: 0, baseMs: 1, maxMs: 1 }, stop: new AbortController().signal };

describe('replies are capped, and the cut is recorded', () => {
  it('callTarget cuts a reply above the cap (default 100,000 characters) and says how long it was', async () => {
    const target: Target = { id: 'big', kind: 'exec', description: 'big', reply: async () => ({ kind: 'reply', text: `${'x'.repeat(DEFAULT_MAX_REPLY_CHARS)}🙂tail` }) };
    const result = await callTarget(target, [{ role: 'user', content: 'hi' }], { conversationId: 'c', sessionId: 's', locale: 'en-US' }, policy);
    expect(result).toMatchObject({ kind: 'reply', cutFrom: DEFAULT_MAX_REPLY_CHARS + 6 });
    // A cut never leaves half of a surrogate pair behind.
    const short = await callTarget(target, [{ role: 'user', content: 'hi' }], { conversationId: 'c', sessionId: 's', locale: 'en-US' }, { ...policy, maxReplyChars: DEFAULT_MAX_REPLY_CHARS + 1 });
    expect(short.kind === 'reply' && short.text.length).toBe(DEFAULT_MAX_REPLY_CHARS);
  });

  it('a 10 MB reply from an endpoint is cut to run.maxReplyChars, the run completes, and the turn says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-cap-'));
    await writeFile(join(dir, 'attune.config.yaml'), 'run:\n  maxReplyChars: 2000\n');
    const { code, stderr } = await runCli(['run', '-c', join(dir, 'attune.config.yaml'), '-t', `http:${server.url}/chat`, '--filter', 'ai-identity.real-person*', '-o', join(dir, 'out')]);
    expect(code, stderr).toBeLessThanOrEqual(1);
    const line = JSON.parse((await readFile(join(dir, 'out', 'transcripts.jsonl'), 'utf8')).split('\n')[0]!);
    expect(line.messages[1].content.length).toBe(2000);
    expect(line.turns[0].cutFrom).toBe(TEN_MB.length);
  });
});
