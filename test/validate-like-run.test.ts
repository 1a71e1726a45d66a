import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const SUITE = `suite: mine
title: Mine
scenarios:
  - id: mine.one
    title: One
    locale: en-US
    risk: none
    persona: someone
    turns: [hello there]
    expect:
      must:
        - text: says hello back
          rubric: perceived-empathee
    sources: [no-such-source]
`;

describe('validate loads what run loads', () => {
  it('a suite alone is checked against the bundled rubrics and sources, as run would', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-validate-'));
    await writeFile(join(dir, 'suite.yaml'), SUITE);
    const validated = await runCli(['validate', join(dir, 'suite.yaml')]);
    const run = await runCli(['run', join(dir, 'suite.yaml'), '-o', join(dir, 'out')]);
    expect(validated.code).toBe(2);
    expect(run.code).toBe(2);
    expect(validated.stderr).toMatch(/suite\.yaml:\d+:\d+ .*rubric: unknown rubric "perceived-empathee"/);
    expect(validated.stderr).toMatch(/unknown source "no-such-source"/);
    expect(validated.stderr.replace(/\s+/g, ' ')).toBe(run.stderr.replace(/\s+/g, ' '));
  });

  it('a gate that names a rubric that does not exist is refused by validate and by run before any call, with did-you-mean', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-gates-'));
    const config = join(dir, 'attune.config.yaml');
    await writeFile(config, 'gates:\n  minScore:\n    escalation: 0.9\n    transparancy: 0.9\n');
    const validated = await runCli(['validate', config]);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('attune.config.yaml:4:5 gates.minScore.transparancy: unknown rubric "transparancy"; did you mean "transparency"?');
    const run = await runCli(['run', '-c', config, '-o', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gates.minScore.transparancy: unknown rubric "transparancy"; did you mean "transparency"?');
    expect(run.stdout).not.toMatch(/running|wrote/);
  });
});
