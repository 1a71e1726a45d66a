import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Which top-level folders of src/ each folder may import (ARCHITECTURE.md: one direction of flow). */
const ALLOWED: Record<string, string[]> = {
  cli: ['*'],
  config: ['types', 'errors', 'domain'],
  targets: ['types', 'errors', 'domain'],
  runner: ['types', 'targets', 'domain'],
  judges: ['types', 'domain', 'stats'],
  results: ['types', 'stats'],
  report: ['types', 'errors', 'stats', 'results'],
  stats: [],
  domain: ['types'],
  types: [],
};
const SDKS = ['openai', '@anthropic-ai/sdk'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('import direction', () => {
  const src = join(import.meta.dirname, '..', 'src');
  it('every folder imports only what it may', () => {
    const violations: string[] = [];
    for (const file of files(src)) {
      const folder = relative(src, file).split('/')[0]!.replace(/\.ts$/, '');
      const allowed = ALLOWED[folder];
      if (!allowed) continue;
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        if (SDKS.includes(spec!) && folder !== 'targets') violations.push(`${relative(src, file)} imports the ${spec} SDK`);
        if (!spec!.startsWith('.')) continue;
        const target = relative(src, join(file, '..', spec!)).split('/')[0]!.replace(/\.js$/, '');
        if (target !== folder && !allowed.includes('*') && !allowed.includes(target)) violations.push(`${relative(src, file)} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('report/ only writes through the terminal writer (no console, no process.stdout elsewhere)', () => {
    const offenders = files(src)
      .filter((f) => !relative(src, f).startsWith('cli/') && !f.endsWith('report/terminal.ts'))
      .filter((f) => /\bconsole\.|process\.stdout|process\.stderr/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
});
