import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/types.js';
import { runCli } from './helpers/run-cli.js';

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);

describe('junit.xml, the step summary and attune report', () => {
  let dir: string;
  let result: RunResult;
  let summary: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attune-ci-'));
    await writeFile(join(dir, 'summary.md'), '# earlier step\n');
    const run = await runCli(['run', '--repeat', '2', '--filter', 'ai-identity.*', '-o', join(dir, 'run')], { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
    expect(run.code).toBe(0);
    result = JSON.parse(await readFile(join(dir, 'run', 'results.json'), 'utf8')) as RunResult;
    summary = await readFile(join(dir, 'summary.md'), 'utf8');
  });

  it('junit.xml has the shape CI systems read: testsuites > testsuite > testcase with failure', async () => {
    const text = await readFile(join(dir, 'run', 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as { testsuites: Node };
    const suites = list(doc.testsuites.testsuite);
    expect(suites.map((s) => s.name)).toEqual(['builtin:good', 'builtin:bad']);
    let failures = 0;
    for (const suite of suites) {
      for (const key of ['tests', 'failures', 'errors', 'time']) expect(suite[key], key).toMatch(/^\d+(\.\d+)?$/);
      const cases = list(suite.testcase);
      // One test case per target × scenario, repeats together.
      expect(cases).toHaveLength(14);
      expect(Number(suite.tests)).toBe(cases.length);
      expect(Number(suite.failures)).toBe(cases.filter((c) => c.failure).length);
      for (const c of cases) {
        expect(c.classname).toMatch(/^attune\./);
        expect(c.time).toMatch(/^\d+\.\d{3}$/);
        if (c.failure) expect((c.failure as Node).message).toMatch(/^[a-z]{2}\.[a-z-]+: /);
      }
      failures += Number(suite.failures);
    }
    expect(Number(doc.testsuites.failures)).toBe(failures);
    const bad = suites[1]!;
    expect(Number(bad.failures)).toBeGreaterThan(Number(suites[0]!.failures));
  });

  it('junit.xml survives control characters and markup in a transcript', async () => {
    const hostile = structuredClone(result);
    const c = hostile.conversations[0]!;
    c.scores.push({ rubric: 'transparency', criterion: 'tr.no-human-claim', judge: 'checks', status: 'scored', score: 0, passed: false, critical: true, rationale: 'bad \u0001 </testcase> & "quotes"', evidence: [{ turn: 1, quote: '<![CDATA[ ]]> \u0000 \u001b[31m' }] });
    await writeFile(join(dir, 'hostile.json'), JSON.stringify(hostile));
    const out = join(dir, 'hostile-out');
    const run = await runCli(['report', join(dir, 'hostile.json'), '--format', 'junit', '-o', out]);
    expect(run.code).toBe(0);
    const text = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('&lt;/testcase&gt; &amp; &quot;quotes&quot;');
  });

  it('appends a short summary to GITHUB_STEP_SUMMARY, keeping what was there', () => {
    expect(summary.startsWith('# earlier step\n')).toBe(true);
    expect(summary).toContain('## Scores by target');
    expect(summary).toContain('## Critical failures');
    expect(summary).not.toContain('## Criteria and their sources');
  });

  it('attune report re-renders a run byte for byte, without the run folder being touched otherwise', async () => {
    const out = join(dir, 'again');
    const run = await runCli(['report', join(dir, 'run'), '--format', 'md,junit', '-o', out]);
    expect(run.code).toBe(0);
    for (const file of ['report.md', 'junit.xml']) {
      expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(dir, 'run', file), 'utf8'));
    }
  });

  it('attune report refuses an unknown format and a file that is not a results file', async () => {
    expect((await runCli(['report', join(dir, 'run'), '--format', 'pdf'])).stderr).toMatch(/unknown format "pdf"; expected a comma-separated list of json, md/);
    await writeFile(join(dir, 'other.json'), '{"schemaVersion": 3}');
    const wrong = await runCli(['report', join(dir, 'other.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('schemaVersion 3; this attune reads schemaVersion 1 and 2');
  });
});
