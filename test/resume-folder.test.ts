import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('attune run --resume DIR takes the plan from run.json', () => {
  it('resumes from the folder alone, and refuses flags that would change what runs, naming them', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'attune-resume-')), 'run');
    const first = await runCli(['run', '-t', 'builtin:good', '-t', 'builtin:bad', '--filter', 'grief.*', '--repeat', '2', '-o', dir]);
    expect(first.code, first.stderr).toBeLessThanOrEqual(1);
    const full = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    // Interrupted: only the first third of the conversations reached the log.
    const lines = (await readFile(join(dir, 'transcripts.jsonl'), 'utf8')).trim().split('\n');
    await writeFile(join(dir, 'transcripts.jsonl'), lines.slice(0, Math.floor(lines.length / 3)).join('\n') + '\n');

    const resumed = await runCli(['run', '--resume', dir]);
    expect(resumed.code, resumed.stderr).toBe(first.code);
    expect(resumed.stderr).toMatch(new RegExp(`already done, ${lines.length - Math.floor(lines.length / 3)} to go`));
    const again = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    expect(again.conversations.map((c: { id: string }) => c.id)).toEqual(full.conversations.map((c: { id: string }) => c.id));
    expect(again.targets.map((t: { rubrics: unknown }) => t.rubrics)).toEqual(full.targets.map((t: { rubrics: unknown }) => t.rubrics));

    // The same flags again are fine; a different one is refused before anything runs.
    expect((await runCli(['run', '--resume', dir, '--repeat', '2', '-t', 'builtin:good', '-t', 'builtin:bad', '-j', '2'])).code).toBeLessThanOrEqual(1);
    const refused = await runCli(['run', '--resume', dir, '--repeat', '3', '--filter', 'crisis.*']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--resume .*: --filter: run\.json has grief\.\*, given crisis\.\*; --repeat: run\.json has 2, given 3\. A resumed run runs what it was started with/);
  });
});
