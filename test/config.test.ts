import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../src/config/load.js';
import { formatIssue } from '../src/errors.js';

async function issuesFor(files: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'attune-config-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const { issues } = await loadFiles([dir], { bundledDefaults: true });
  return issues.map((i) => formatIssue(i).replace(`${dir}/`, ''));
}

const scenario = (body: string) => `suite: grief
title: Grief
scenarios:
  - id: grief.one
    title: One
    locale: en-US
    risk: none
    persona: someone
${body}`;

describe('suite files: every error names file:line:column, the field, what was found and what was expected', () => {
  it('a turn of the wrong type', async () => {
    const issues = await issuesFor({ 'grief.yaml': scenario('    turns:\n      - hello\n      - user: hi\n      - 42\n') });
    expect(issues).toEqual(['grief.yaml:12:9 scenarios[0].turns[2]: expected a string or {user: string, marks?: [...]}, found a number (42)']);
  });

  it('a turn object with a wrong field type points inside the object', async () => {
    const issues = await issuesFor({ 'grief.yaml': scenario('    turns:\n      - user: 5\n') });
    expect(issues).toEqual(['grief.yaml:10:15 scenarios[0].turns[0].user: expected a string, found a number (5)']);
  });

  it('an unknown key, with a suggestion', async () => {
    const issues = await issuesFor({ 'grief.yaml': scenario('    turns: [hi]\n    persnoa: typo\n') });
    expect(issues).toEqual(['grief.yaml:10:5 scenarios[0].persnoa: unknown field "persnoa"; did you mean "persona"?']);
  });

  it('a missing field, an enum and a pattern, all at once', async () => {
    const text = `suite: grief
title: Grief
scenarios:
  - id: Grief One
    title: One
    locale: english
    risk: severe
    turns: [hi]
`;
    const issues = await issuesFor({ 'grief.yaml': text });
    expect(issues).toContain('grief.yaml:4:5 scenarios[0]: missing required field "persona"; add it');
    expect(issues).toContain('grief.yaml:4:9 scenarios[0].id: expected a lower-case id of letters, digits, dots and dashes (e.g. crisis.job-loss-bridges), found "Grief One"');
    expect(issues).toContain('grief.yaml:6:13 scenarios[0].locale: expected a language-REGION tag such as en-US, en-GB, es-MX, ja-JP (the region picks the crisis lines), found "english"');
    expect(issues.some((i) => i.startsWith('grief.yaml:7:11 scenarios[0].risk: expected one of "none", "low"'))).toBe(true);
  });

  it('broken YAML syntax', async () => {
    const issues = await issuesFor({ 'grief.yaml': 'suite: grief\ntitle: [unclosed\nscenarios: []\n' });
    expect(issues[0]).toMatch(/^grief\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('duplicate keys are errors, not silently merged', async () => {
    const issues = await issuesFor({ 'grief.yaml': 'suite: grief\nsuite: grief2\ntitle: x\nscenarios: []\n' });
    expect(issues[0]).toMatch(/^grief\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });

  it('cross-file rules: duplicate ids, risk without a risk mark, unknown sources', async () => {
    const one = scenario('    turns: [hi]\n    sources: [no-such-source]\n');
    const issues = await issuesFor({
      'a.yaml': one,
      'b.yaml': one.replace('suite: grief', 'suite: grief2').replace('risk: none', 'risk: moderate'),
    });
    expect(issues.some((i) => /^b\.yaml:4:5 scenario grief\.one: duplicate scenario id; first defined at .*a\.yaml:4/.test(i))).toBe(true);
    expect(issues.some((i) => /b\.yaml:4:5 scenario grief\.one: risk is moderate but no turn has marks: \[risk\]/.test(i))).toBe(true);
    expect(issues.some((i) => /unknown source "no-such-source"/.test(i))).toBe(true);
  });

  it('a file that is not an attune file', async () => {
    expect(await issuesFor({ 'x.yaml': 'hello: world\n' })).toEqual([expect.stringMatching(/^x\.yaml:1:1: not an attune file/)]);
  });

  it('an alias bomb fails fast with a clear message', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const issues = await issuesFor({ 'bomb.yaml': bomb });
    expect(issues[0]).toMatch(/^bomb\.yaml.*(alias|Excessive)/i);
  });
});

describe('rubric files', () => {
  const rubric = (check: string) => `rubric: r
title: R
version: 1
criteria:
  - id: r.one
    title: One
    description: d
    sources: [vera-mh]
    levels:
      - { score: 1, label: good, description: good }
      - { score: 0, label: bad, description: bad }
    check: ${check}
`;
  it('an invalid regular expression is named with the reason', async () => {
    const issues = await issuesFor({ 'r.yaml': rubric("{ kind: pattern, mustNotMatch: ['(unclosed'] }") });
    expect(issues).toEqual([expect.stringMatching(/^r\.yaml:12:44 criteria\[0\]\.check\.mustNotMatch\[0\]: invalid regular expression "\(unclosed": .*/)]);
  });
  it('an unknown check kind lists the known ones', async () => {
    const issues = await issuesFor({ 'r.yaml': rubric('{ kind: vibes }') });
    expect(issues).toEqual([expect.stringMatching(/^r\.yaml:12:\d+ criteria\[0\]\.check\.kind: unknown kind "vibes"; expected one of pattern, crisis-line, wrong-number, emergency-number, identity, repetition, language, resource-repetition$/)]);
  });
  it('a missing parameter of a known kind', async () => {
    const issues = await issuesFor({ 'r.yaml': rubric('{ kind: crisis-line }') });
    expect(issues).toEqual([expect.stringMatching(/criteria\[0\]\.check: missing required field "when"/)]);
  });
});
