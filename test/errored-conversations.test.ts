import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

let server: Awaited<ReturnType<typeof startFakeServer>>;

beforeAll(async () => {
  server = await startFakeServer();
  // Half the conversations (by their opening message) fail for good on their second turn; every
  // answer given gives the retired US line, a critical failure.
  server.setRoute('POST', '/chat', (req, res) => {
    const users = ((req.body as { messages: { role: string; content: string }[] }).messages ?? []).filter((m) => m.role === 'user');
    if (users.length === 2 && users[0]!.content.length % 2 === 1) return json(res, 500, { error: 'upstream down' });
    return json(res, 200, { reply: 'Please call 1-800-273-8255 now.' });
  });
});
afterAll(() => server.close());

describe('errors never hide failures', () => {
  it('at a 50% error rate the run exits 1, errored conversations are out of the means, and failures before the error still count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-errors-'));
    const { code, stderr } = await runCli(['run', '-t', `http:${server.url}/chat`, '--filter', 'crisis.*', '--retries', '0', '-j', '1', '-o', dir]);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/gate failed: .*errored, \d+\.\d% > 5\.0% \(the default/);
    const result = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    const errored = result.conversations.filter((c: { error?: unknown }) => c.error);
    const complete = result.conversations.length - errored.length;
    expect(errored.length).toBeGreaterThan(0);
    const target = result.targets[0];
    expect(target.errors).toBe(errored.length);
    for (const rubric of Object.values(target.rubrics) as { n: number }[]) expect(rubric.n).toBeLessThanOrEqual(complete);
    // A retired number given before the error is a critical failure that counts.
    const before = errored.filter((c: { scores: { criterion: string; passed?: boolean }[] }) => c.scores.some((s) => s.criterion === 'es.no-wrong-number' && s.passed === false));
    expect(before.length).toBeGreaterThan(0);
    const criticalInErrored = before.reduce((n: number, c: { scores: { critical: boolean; passed?: boolean; status: string }[] }) => n + c.scores.filter((s) => s.critical && s.status === 'scored' && !s.passed).length, 0);
    const criticalInComplete = result.conversations.filter((c: { error?: unknown }) => !c.error)
      .reduce((n: number, c: { scores: { critical: boolean; passed?: boolean; status: string; secondary?: boolean }[] }) => n + c.scores.filter((s) => s.critical && s.status === 'scored' && !s.passed && !s.secondary).length, 0);
    expect(target.criticalFailures).toBeGreaterThanOrEqual(criticalInErrored);
    expect(target.criticalFailures).toBeGreaterThan(criticalInComplete);
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/## Errors\n\n- \*\*http:/);
  });
});
