import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/report/compare.js';
import type { RunResult } from '../src/types.js';
import { bootstrapCI } from '../src/stats/bootstrap.js';
import { comparePaired, holmAdjusted } from '../src/stats/paired.js';
import { runCli } from './helpers/run-cli.js';

describe('statistics on known numbers', () => {
  it('the exact sign-flip test: 4 pairs all +1 gives p = 2/16', () => {
    const result = comparePaired([0, 0, 0, 0], [1, 1, 1, 1]);
    expect(result).toMatchObject({ diff: 1, n: 4, p: 0.125 });
  });
  it('no difference gives p = 1 and a zero-width interval', () => {
    expect(comparePaired([0.5, 0.7], [0.5, 0.7])).toMatchObject({ diff: 0, p: 1, ci95: [0, 0] });
  });
  it('a mixed difference is not significant', () => {
    expect(comparePaired([1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 1, 0]).p).toBe(1);
  });
  it('a consistent drop over many pairs is, and its interval excludes 0', () => {
    const base = Array.from({ length: 40 }, (_, i) => 0.8 + (i % 5) * 0.04);
    const cand = base.map((v, i) => v - 0.1 - (i % 3) * 0.02);
    const r = comparePaired(base, cand);
    expect(r.p).toBeLessThan(0.001);
    expect(r.p).toBeGreaterThan(0);
    expect(r.ci95[1]).toBeLessThan(0);
  });
  it("Holm's adjustment on known numbers: ranked, multiplied by what is left, kept monotone, capped at 1", () => {
    expect(holmAdjusted([0.01, 0.04, 0.03, 0.005]).map((p) => Number(p.toFixed(4)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjusted([0.5, 0.9])).toEqual([1, 1]);
    const withGap = holmAdjusted([0.01, Number.NaN, 0.02]);
    expect(withGap[1]).toBeNaN();
    expect(withGap.filter(Number.isFinite).map((p) => Number(p.toFixed(4)))).toEqual([0.02, 0.02]);
  });
  it('the bootstrap interval brackets the mean and is reproducible', () => {
    const values = [0, 1, 1, 0, 1, 1, 1, 0, 1, 1];
    const [lo, hi] = bootstrapCI(values);
    expect(lo).toBeLessThan(0.7);
    expect(hi).toBeGreaterThan(0.7);
    expect(bootstrapCI(values)).toEqual([lo, hi]);
  });
});

describe('attune compare', () => {
  const dirs: Record<string, string> = {};
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'attune-compare-'));
    for (const [name, args] of Object.entries({ good: ['-t', 'builtin:good'], bad: ['-t', 'builtin:bad'], good2: ['-t', 'builtin:good'], both: ['-t', 'builtin:good', '-t', 'builtin:bad'] })) {
      dirs[name] = join(root, name);
      expect((await runCli(['run', ...args, '--repeat', '2', '--filter', 'crisis.*', '-o', dirs[name]!])).code).toBeLessThan(2);
    }
    dirs.out = root;
  });

  it('a worse second run exits 1 under --fail-on-regression, with intervals, new critical failures first', async () => {
    const out = join(dirs.out!, 'c1');
    const run = await runCli(['compare', dirs.good!, dirs.bad!, '-o', out, '--fail-on-regression']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/regression: builtin:bad vs builtin:good: escalation dropped by 0\.\d+ \[0\.\d+, 0\.\d+\]/);
    const result = JSON.parse(await readFile(join(out, 'compare.json'), 'utf8')) as CompareResult;
    const escalation = result.comparisons[0]!.rubrics.find((r) => r.id === 'escalation')!;
    // 18 crisis scenarios; in the 3 over-escalation traps the good bot does nothing the rubric can score (no
    // risk, no script), so escalation is not relevant there and those scenarios are not paired.
    expect(escalation.paired).toMatchObject({ regression: true, n: 15 });
    expect(escalation.paired.ci95[1]).toBeLessThan(0);
    expect(result.comparisons[0]!.newCriticalFailures.length).toBeGreaterThan(0);
    expect(result.sides.map((s) => s.passAllK.k)).toEqual([2, 2]);
    expect(result.sides[0]!.passAllK.value).toBeGreaterThan(result.sides[1]!.passAllK.value);
    const md = await readFile(join(out, 'compare.md'), 'utf8');
    expect(md.indexOf('### New critical failures')).toBeLessThan(md.indexOf('### Other regressions'));
    expect(md).toMatch(/> turn \d+: “/);
    // Markdown, not HTML: a p-value or a score comparison is not written as an entity.
    expect(md).not.toMatch(/&lt;|&gt;/);
    // Dozens of criteria are compared at once: the page says the p-values are corrected, and how.
    expect(md).toContain('| p (Holm) |');
    expect(md).toMatch(/adjusted by Holm's method within its family/);
    expect(escalation.paired.pAdjusted).toBeGreaterThanOrEqual(escalation.paired.p);
  });

  it('the same target run twice does not regress', async () => {
    const run = await runCli(['compare', dirs.good!, dirs.good2!, '-o', join(dirs.out!, 'c2'), '--fail-on-regression']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('says when the runs were judged differently, since a difference may then come from the judges', async () => {
    const relabelled = join(dirs.out!, 'judged-otherwise');
    await mkdir(relabelled, { recursive: true });
    const result = JSON.parse(await readFile(join(dirs.good2!, 'results.json'), 'utf8')) as RunResult;
    result.run.judges = ['checks', 'openai:judge-model'];
    await writeFile(join(relabelled, 'results.json'), JSON.stringify(result));
    const out = join(dirs.out!, 'c-judges');
    const run = await runCli(['compare', dirs.good!, relabelled, '-o', out]);
    expect(run.stderr).toMatch(/^note: the runs used different judges \(.* judged by checks, offline; .* judged by checks, openai:judge-model\): differences may come from them, not from the bots$/m);
    expect(await readFile(join(out, 'compare.md'), 'utf8')).toContain('> **Note:** the runs used different judges');
    expect((JSON.parse(await readFile(join(out, 'compare.json'), 'utf8')) as CompareResult).warnings).toHaveLength(1);
  });

  it('one run with several targets compares them against the first', async () => {
    const out = join(dirs.out!, 'c3');
    const run = await runCli(['compare', dirs.both!, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^builtin:bad vs builtin:good: /);
  });

  it('nothing to compare, or not a run folder, is exit 2', async () => {
    expect((await runCli(['compare', dirs.good!])).stderr).toContain('nothing to compare');
    const bad = await runCli(['compare', dirs.good!, join(dirs.out!, 'nope')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no such run folder');
  });
});
