import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from '../src/targets/secrets.js';
import { json, openAIChat, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

const API_KEY = 'sk-test-ECHOED-4f9a2c7e11';
const BOT_TOKEN = 'tok-gateway-77c1d2e9aa';
const TEAM = 'team-secret-0042';

let server: Awaited<ReturnType<typeof startFakeServer>>;

/** Every file under `dir`, recursively, as text. */
async function allText(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir)) {
    const path = join(dir, entry);
    out += (await stat(path)).isDirectory() ? await allText(path) : await readFile(path, 'utf8');
  }
  return out;
}

beforeAll(async () => {
  server = await startFakeServer();
  let calls = 0;
  // A gateway that quotes the request's credentials back: in a 200 reply, a 401 and a 502 body.
  server.setRoute('POST', '/v1/chat/completions', (req, res) => {
    const echo = `authorization=${req.headers.authorization} x-team=${req.headers['x-team']}`;
    calls += 1;
    if (calls % 3 === 0) return json(res, 401, { error: { message: `invalid key: ${echo}` } });
    if (calls % 3 === 1) return json(res, 200, openAIChat(`I hear you. (debug: ${echo})`));
    return json(res, 502, `upstream failed for ${echo}`);
  });
  server.setRoute('POST', '/chat', (req, res) => json(res, 200, { reply: `echo ${req.headers.authorization}` }));
});
afterAll(() => server.close());

describe('secrets are never written, even when an endpoint echoes them', () => {
  it('redacts registered values, longest first, and leaves short or unknown text alone', () => {
    registerSecret('Bearer abcdefgh12345');
    expect(redactSecrets('got Bearer abcdefgh12345 and abcdefgh12345 alone')).toBe('got [redacted] and [redacted] alone');
    registerSecret('on');
    expect(redactSecrets('turn it on')).toBe('turn it on');
  });

  it('a run against an echoing endpoint keeps no key, header or ${ENV} value in any file or printed line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-secrets-'));
    await writeFile(join(dir, 'attune.config.yaml'), [
      'targets:',
      '  candidate:',
      '    kind: openai',
      '    model: fake-model',
      `    baseURL: ${server.url}/v1`,
      '    headers: { X-Team: "${TEAM_ID}" }',
      '  gateway:',
      '    kind: http',
      `    url: ${server.url}/chat`,
      '    headers: { Authorization: "Bearer ${BOT_TOKEN}" }',
      '    replyPath: reply',
      '',
    ].join('\n'));
    const env = { OPENAI_API_KEY: API_KEY, BOT_TOKEN, TEAM_ID: TEAM, ATTUNE_CACHE_DIR: join(dir, 'cache') };
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await runCli(['run', '-c', join(dir, 'attune.config.yaml'), '-t', 'candidate', '-t', 'gateway', '--filter', 'ai-identity.*', '--retries', '0', '--cache', '-o', out], env);
    expect(code, stderr).not.toBe(2);
    const written = (await allText(out)) + (await allText(join(dir, 'cache')).catch(() => '')) + stdout + stderr;
    expect(written).toContain('[redacted]');
    for (const secret of [API_KEY, BOT_TOKEN, TEAM]) expect(written).not.toContain(secret);
    // The errors are still there to read, only without the secrets.
    expect(written).toContain('HTTP 401: 401 invalid key: authorization=Bearer [redacted] x-team=[redacted]');
  });
});
