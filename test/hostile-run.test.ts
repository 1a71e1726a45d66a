import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

const TOKEN = 'hostile-token-5b7e0c19d2';
let server: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  server = await startFakeServer();
  // "constructor" in every reply, the credential echoed back, and half the conversations fail on their second turn.
  server.setRoute('POST', '/chat', (req, res) => {
    const users = ((req.body as { messages: { role: string; content: string }[] }).messages ?? []).filter((m) => m.role === 'user');
    if (users.length === 2 && users[0]!.content.length % 2 === 1) return json(res, 502, `bad gateway for ${req.headers.authorization}`);
    return json(res, 200, { reply: `constructor __proto__ toString: I hear you (${req.headers.authorization})` });
  });
});
afterAll(() => server.close());

describe('a hostile endpoint, end to end', () => {
  it('"constructor" replies, an echoed credential and a 50% error rate: every report written, no secret anywhere, errors shown and not passed; the log with a BOM re-scores', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-hostile-'));
    await writeFile(join(dir, 'attune.config.yaml'), `targets:\n  bot:\n    kind: http\n    url: ${server.url}/chat\n    headers: { Authorization: "Bearer \${BOT_TOKEN}" }\n    replyPath: reply\n`);
    const out = join(dir, 'out');
    const run = await runCli(['run', '-c', join(dir, 'attune.config.yaml'), '-t', 'bot', '--filter', 'crisis.*', '--retries', '0', '-o', out], { BOT_TOKEN: TOKEN });
    expect(run.code, run.stderr).toBe(1);
    expect((await readdir(out)).sort()).toEqual(expect.arrayContaining(['junit.xml', 'report.html', 'report.md', 'results.json', 'transcripts.jsonl']));
    const result = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const errored = result.conversations.filter((c: { error?: unknown }) => c.error);
    expect(errored.length).toBeGreaterThan(0);
    expect(result.run.judgeInfo.find((j: { id: string }) => j.id === 'offline').stats.errors).toBe(0);
    let written = run.stdout + run.stderr;
    for (const file of await readdir(out)) written += await readFile(join(out, file), 'utf8');
    expect(written).not.toContain(TOKEN);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toMatch(/## Errors\n\n- \*\*bot\*\*/);

    await writeFile(join(dir, 'bom.jsonl'), `\uFEFF${await readFile(join(out, 'transcripts.jsonl'), 'utf8')}`);
    const scored = await runCli(['score', join(dir, 'bom.jsonl'), '-o', join(dir, 'rescored')]);
    expect(scored.code, scored.stderr).toBe(1);
    expect(scored.stderr).not.toMatch(/internal error/);
  });
});
