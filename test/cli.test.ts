import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../src/config/files.js';
import { loadProjectOrThrow } from '../src/config/load.js';
import { validatorFor } from '../src/config/schema-issues.js';
import type { RunResult } from '../src/types.js';
import { json, openAIChat, startFakeServer } from './helpers/fake-llm-server.js';
import { runCli } from './helpers/run-cli.js';

const tmp = () => mkdtemp(join(tmpdir(), 'attune-cli-'));
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as RunResult;

describe('attune run on the built-in targets (the README quick start)', () => {
  let result: RunResult;
  let out: string;
  let code: number;
  let stdout: string;
  beforeAll(async () => {
    out = join(await tmp(), 'run');
    ({ code, stdout } = await runCli(['run', '-o', out]));
    result = await readJson(join(out, 'results.json'));
  });

  it('exits 0 and writes a schema-valid results.json, transcripts.jsonl and report.md', async () => {
    expect(code).toBe(0);
    const validate = validatorFor('results');
    expect(validate(result), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const lines = (await readFile(join(out, 'transcripts.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(result.conversations.length);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('## Scenarios that separate the targets');
  });

  it('prints a summary a newcomer can read: whole rubric names, what the brackets are, which file to open', () => {
    const header = stdout.split('\n').find((line) => line.startsWith('target'))!;
    for (const id of ['dependency', 'escalation', 'perceived-empathy', 'transparency']) expect(header).toMatch(new RegExp(`\\b${id}\\b`));
    expect(stdout).toContain('[95% interval]');
    expect(stdout).toMatch(/^open .*report\.html to read every conversation/m);
  });

  it('every conversation says what its scenario was testing, in results.json and beside the chat in report.html', async () => {
    const { scenarios } = await loadProjectOrThrow([BUNDLED.scenarios], { bundledDefaults: false });
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    for (const c of result.conversations) {
      const scenario = byId.get(c.scenario)!;
      expect(c.intent, c.id).toEqual({ title: scenario.title, ...(scenario.persona ? { persona: scenario.persona } : {}), tags: scenario.tags });
    }
    const page = await readFile(join(out, 'report.html'), 'utf8');
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(page).toContain(`<strong>${escaped(result.conversations[0]!.intent!.title)}</strong>`);
    expect(page.match(/<p class="intent">/g)?.length).toBe(result.conversations.length);
  });

  it('the known-good bot scores higher than the known-bad bot on every bundled rubric', () => {
    const [good, bad] = ['builtin:good', 'builtin:bad'].map((id) => result.targets.find((t) => t.id === id)!);
    expect(Object.keys(good!.rubrics).sort()).toEqual(['dependency', 'escalation', 'perceived-empathy', 'transparency']);
    for (const rubric of Object.keys(good!.rubrics)) {
      expect(good!.rubrics[rubric]!.score, rubric).toBeGreaterThan(bad!.rubrics[rubric]!.score);
      // Separated beyond noise: the intervals do not overlap.
      expect(good!.rubrics[rubric]!.ci95[0], rubric).toBeGreaterThan(bad!.rubrics[rubric]!.ci95[1]);
    }
    expect(bad!.criticalFailures).toBeGreaterThan(good!.criticalFailures * 10);
  });

  it('every evidence quote occurs verbatim in the reply it names', () => {
    let checked = 0;
    for (const c of result.conversations) {
      const replies = c.messages.filter((m) => m.role === 'assistant');
      for (const s of c.scores) {
        for (const e of s.evidence) {
          expect(replies[e.turn - 1]?.content, `${c.id} ${s.criterion}`).toContain(e.quote);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('attune score re-scores the transcripts to the same scores', async () => {
    const again = join(await tmp(), 'score');
    const scored = await runCli(['score', join(out, 'transcripts.jsonl'), '-o', again]);
    expect(scored.code).toBe(0);
    const rescored = await readJson(join(again, 'results.json'));
    const key = (r: RunResult) => r.conversations.map((c) => `${c.id}:${c.scores.map((s) => `${s.criterion}=${s.score}`).join(',')}`).sort();
    expect(key(rescored)).toEqual(key(result));
  });
});

describe('attune run against an OpenAI-compatible server on localhost', () => {
  let server: Awaited<ReturnType<typeof startFakeServer>>;
  beforeAll(async () => {
    server = await startFakeServer();
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => json(res, 200, openAIChat("I'm an AI, not a person. That sounds really hard. What happened?")));
  });
  afterAll(() => server.close());

  it('runs the bundled suites through the SDK and writes the three files', async () => {
    const out = join(await tmp(), 'run');
    const run = await runCli(['run', '-t', 'openai:local-model', '--filter', 'ai-identity.*', '-o', out], { OPENAI_BASE_URL: `${server.url}/v1` });
    expect(run.stderr).not.toMatch(/internal error/);
    const result = await readJson(join(out, 'results.json'));
    expect(result.targets[0]).toMatchObject({ id: 'openai:local-model', errors: 0 });
    expect(result.conversations.length).toBeGreaterThan(10);
    expect(JSON.stringify(result)).not.toContain('no-key');
    expect([0, 1]).toContain(run.code);
  });

  it('exits 3 and says so when every call fails, keeping the errored transcripts', async () => {
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => json(res, 400, { error: { message: 'model not found' } }));
    const out = join(await tmp(), 'run');
    const run = await runCli(['run', '-t', 'openai:missing', '--filter', 'grief.*', '-o', out], { OPENAI_BASE_URL: `${server.url}/v1` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('every conversation with openai:missing failed');
    const result = await readJson(join(out, 'results.json'));
    expect(result.conversations.every((c) => c.error?.kind === 'bad_request')).toBe(true);
  });
});

describe('usage and configuration errors exit 2 with one clear line and no stack', () => {
  it.each([
    [['run', '-t', 'nope:x'], /unknown target kind "nope"/],
    [['run', '-t', 'openai:gpt-4o'], /OPENAI_API_KEY is not set/],
    [['run', '-t', 'anthropic:claude-x'], /ANTHROPIC_API_KEY is not set/],
    [['run', '--filter', 'no-such-*'], /no scenario matches --filter no-such-\*/],
    [['run', '-j', 'zero'], /--concurrency must be a whole number from 1 to/],
    [['run', 'no/such/dir'], /no\/such\/dir: no such file or folder/],
    [['score', 'no-such.jsonl'], /no-such\.jsonl: cannot read file/],
    [['frobnicate'], /unknown command/],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad suite file: file:line:col, exit 2, nothing run', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'bad.yaml'), 'suite: s\ntitle: t\nscenarios:\n  - id: s.one\n    title: x\n    locale: en-US\n    risk: none\n    persona: p\n    turns: [hi, 42]\n');
    const run = await runCli(['run', join(dir, 'bad.yaml'), '-o', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.yaml:9:17 scenarios[0].turns[1]: expected a string or {user: string, marks?: [...]}, found a number (42)');
  });

  it('a transcripts file with a bad line names the line and field', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 't.jsonl'), '{"messages":[{"role":"user","content":"hi"}]}\n{"messages":[{"role":"bot","content":"x"}]}\n{"messages":[]}\n');
    const run = await runCli(['score', join(dir, 't.jsonl'), '-o', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('t.jsonl:2:1 messages[0].role: expected "system", "user" or "assistant", found "bot"');
  });

  it('skips an unfinished last line (a crash mid-write) and says so, but not a broken line in the middle', async () => {
    const dir = await tmp();
    const good = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"Hello, what is on your mind?"}]}';
    await writeFile(join(dir, 'cut.jsonl'), `${good}\n{"messages":[{"role":"us`);
    const cut = await runCli(['score', join(dir, 'cut.jsonl'), '-o', join(dir, 'a')]);
    expect(cut.code).toBe(0);
    expect(cut.stderr).toContain('cut.jsonl:2 is an unfinished last line');
    await writeFile(join(dir, 'mid.jsonl'), `{"messages":[{"role":"us\n${good}\n`);
    const mid = await runCli(['score', join(dir, 'mid.jsonl'), '-o', join(dir, 'b')]);
    expect(mid.code).toBe(2);
    expect(mid.stderr).toMatch(/mid\.jsonl:1:1: not valid JSON/);
  });

  it('refuses to overwrite an earlier run', async () => {
    const out = join(await tmp(), 'run');
    expect((await runCli(['run', '--filter', 'grief.trap-*', '-o', out])).code).toBe(0);
    const again = await runCli(['run', '--filter', 'grief.trap-*', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a run');
  });
});

describe('gates and config', () => {
  it('exits 1 when a gate fails and says which, and 0 when they pass', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'attune.config.yaml'), 'run:\n  targets: [careless]\ntargets:\n  careless: { kind: builtin, name: bad }\ngates:\n  minScore: { escalation: 0.9 }\n  maxCriticalFailures: 0\n');
    const failed = await runCli(['run', '-c', join(dir, 'attune.config.yaml'), '--filter', 'crisis.*', '-o', join(dir, 'a')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/gate failed: careless: escalation 0\.\d+ < 0\.9/);
    expect(failed.stderr).toMatch(/gate failed: careless: \d+ critical failures > 0/);
    await writeFile(join(dir, 'lenient.yaml'), 'gates:\n  minScore: { escalation: 0.5, transparency: 0.5 }\n  maxErrorRate: 0\n');
    const passed = await runCli(['run', '-c', join(dir, 'lenient.yaml'), '-t', 'builtin:good', '--filter', 'crisis.*', '-o', join(dir, 'b')]);
    expect(passed.stderr).not.toContain('gate failed');
    expect(passed.code).toBe(0);
  });

  it('a config with an unknown target field is a clear error', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'c.yaml'), 'targets:\n  bot: { kind: openai, model: m, temprature: 0 }\n');
    const run = await runCli(['run', '-c', join(dir, 'c.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('c.yaml:2:34 targets.bot.temprature: unknown field "temprature"; did you mean "temperature"?');
  });
});

describe('attune validate and list', () => {
  it('validate passes on everything bundled', async () => {
    const run = await runCli(['validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: 9 files \(4 suites with \d+ scenarios, 4 rubrics with \d+ criteria, \d+ sources/);
  });
  it('list counts by suite, locale and risk', async () => {
    const run = await runCli(['list', '--format', 'json']);
    const listed = JSON.parse(run.stdout) as { total: number; bySuite: Record<string, number>; byRisk: Record<string, number> };
    expect(Object.keys(listed.bySuite).sort()).toEqual(['ai-identity', 'crisis-disclosure', 'dependency', 'grief']);
    expect(Object.values(listed.bySuite).every((n) => n >= 12)).toBe(true);
    expect(Object.values(listed.byRisk).reduce((a, b) => a + b, 0)).toBe(listed.total);
  });
});

describe('the installed binary', () => {
  it('prints its version and a user error without a stack trace', () => {
    const bin = join(import.meta.dirname, '..', 'bin', 'attune.js');
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = spawnSync(process.execPath, [bin, 'run', '-t', 'nope:x'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('target "nope:x": unknown target kind "nope"; expected openai:<model>, anthropic:<model>, http:<url>, exec:<command>, builtin:good or builtin:bad, or a target name from attune.config.yaml');
  });
});
