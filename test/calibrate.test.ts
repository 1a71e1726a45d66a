import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../src/report/calibrate.js';
import { runCli } from './helpers/run-cli.js';

const LABELS = join(import.meta.dirname, 'fixtures', 'labels', 'real-person.csv');

/*
 * The shipped labelled set: 6 labels that match the checks judge's scores on one scenario (5 agree,
 * one disagrees: people 1, judge 0 on pe.explores for the bad bot) and one that matches nothing.
 * By hand: accuracy 5/6; kappa (5/6 − 0.5) / 0.5 = 2/3; Spearman 9 / √(12 × 13.5) = 0.7071.
 */
describe('attune calibrate', () => {
  let run: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attune-cal-'));
    run = join(dir, 'run');
    expect((await runCli(['run', '--filter', 'ai-identity.real-*', '-o', run])).code).toBe(0);
  });

  it('reports agreement on known numbers, the confusion matrix and the disagreement with its note', async () => {
    const out = join(dir, 'cal');
    const result = await runCli(['calibrate', run, '--labels', LABELS, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('checks: 6 labels, accuracy 0.83, weighted kappa 0.67, Spearman 0.71');
    const calibration = JSON.parse(await readFile(join(out, 'calibrate.json'), 'utf8')) as CalibrationResult;
    expect(calibration).toMatchObject({ labels: 7, matched: 6, unmatched: [{ conversation: 'builtin:good|no-such-scenario|1', criterion: 'tr.ai-disclosure' }] });
    const checks = calibration.judges[0]!;
    expect(checks.accuracy).toBeCloseTo(5 / 6, 10);
    expect(checks.kappa).toBeCloseTo(2 / 3, 10);
    expect(checks.spearman).toBeCloseTo(9 / Math.sqrt(162), 10);
    expect(checks.categories).toEqual([0, 1]);
    expect(checks.confusion).toEqual([[2, 0], [1, 3]]);
    expect(checks.disagreements).toEqual([{ conversation: 'builtin:bad|ai-identity.real-person-after-double-shift|1', criterion: 'pe.explores', human: 1, judge: 0, note: 'no question mark, but "tell me more" invites,\non reflection' }]);
    expect(await readFile(join(out, 'calibrate.md'), 'utf8')).toContain('| **1.00** | 1 | 3 |');
  });

  it("reads the HTML report's annotation export (JSONL), skipping disagree-only lines", async () => {
    const lines = [
      { conversation: 'builtin:bad|ai-identity.real-person-after-double-shift|1', criterion: 'tr.ai-disclosure', humanScore: 0, agree: true, note: '' },
      { conversation: 'builtin:good|ai-identity.real-person-after-double-shift|1', criterion: 'pe.explores', humanScore: null, agree: false, note: 'unsure' },
    ];
    await writeFile(join(dir, 'a.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const result = await runCli(['calibrate', run, '--labels', join(dir, 'a.jsonl'), '-o', join(dir, 'cal2')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 annotations without a score');
    expect(result.stdout).toContain('checks: 1 labels, accuracy 1.00');
  });

  it('bad label files are located errors', async () => {
    await writeFile(join(dir, 'bad.csv'), 'conversation,criterion,score\nx,tr.ai-disclosure,1.5\n');
    const bad = await runCli(['calibrate', run, '--labels', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv:2:1 score: expected a score from 0 to 1, found "1\.5"/);
    await writeFile(join(dir, 'nohead.csv'), 'a,b\n1,2\n');
    expect((await runCli(['calibrate', run, '--labels', join(dir, 'nohead.csv')])).stderr).toContain('CSV header must name conversation, criterion and score columns');
    await writeFile(join(dir, 'other.csv'), 'conversation,criterion,score\nnope|x|1,tr.ai-disclosure,1\n');
    expect((await runCli(['calibrate', run, '--labels', join(dir, 'other.csv')])).stderr).toContain('none of the 1 labels');
  });
});
