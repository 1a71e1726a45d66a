import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { RunResult } from '../types.js';
import { validatorFor } from './schema-issues.js';

/** results.json from a run folder (or the file itself), checked against its published schema. */
export async function readRunResult(path: string): Promise<{ result: RunResult; dir: string; file: string }> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UserError([{ at: { file: path }, message: 'no such run folder or results.json; give the folder attune run wrote (-o)' }]);
  const file = info.isDirectory() ? join(path, 'results.json') : path;
  const dir = info.isDirectory() ? path : join(path, '..');
  let value: unknown;
  try {
    value = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError([{ at: { file }, message: code ? `cannot read results (${code}); is this a finished run folder?` : `not valid JSON (${(error as Error).message})` }]);
  }
  upgradeV1(value);
  const validate = validatorFor('results');
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const version = (value as { schemaVersion?: unknown })?.schemaVersion;
    const hint = version !== 2 ? `schemaVersion ${JSON.stringify(version)}; this attune reads schemaVersion 1 and 2` : `${first?.instancePath || '(top level)'} ${first?.message}`;
    throw new UserError([{ at: { file }, message: `not an attune results file: ${hint}` }]);
  }
  return { result: value as RunResult, dir, file };
}

/**
 * Version 1 scores had no status: a null score was "not scored" (with `error` when the judge failed)
 * and carried `passed: false`. They become version 2 scores in place; aggregates are recomputed by
 * whoever reads them, so only the scores change.
 */
function upgradeV1(value: unknown): void {
  const v = value as { schemaVersion?: unknown; conversations?: { scores?: Record<string, unknown>[] }[] } | null;
  if (!v || v.schemaVersion !== 1 || !Array.isArray(v.conversations)) return;
  v.schemaVersion = 2;
  for (const c of v.conversations) {
    for (const s of Array.isArray(c?.scores) ? c.scores : []) {
      if (!s || typeof s !== 'object') continue;
      if (s.score === null || s.score === undefined) {
        s.status = typeof s.error === 'string' ? 'error' : 'not-judged';
        delete s.passed;
      } else s.status = 'scored';
    }
  }
}
