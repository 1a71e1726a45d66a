import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../errors.js';

/** The package's own folders, wherever attune is installed. */
export const BUNDLED = {
  scenarios: fileURLToPath(new URL('../../scenarios', import.meta.url)),
  rubrics: fileURLToPath(new URL('../../rubrics', import.meta.url)),
};

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'reports']);

/** Files and folders → the YAML files in them (sorted, so plans are stable), plus an issue per missing path. */
export async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; issues: Issue[] }> {
  const files = new Set<string>();
  const issues: Issue[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      issues.push({ at: { file: path }, message: 'no such file or folder; check the path' });
    } else if (info.isDirectory()) {
      for (const file of await walk(absolute, issues)) files.add(file);
    } else {
      files.add(absolute);
    }
  }
  return { files: [...files].sort(), issues };
}

async function walk(dir: string, issues: Issue[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    issues.push({ at: { file: dir }, message: `cannot read folder (${error.code ?? error.message}); check its permissions` });
    return [];
  });
  const out: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...(await walk(full, issues)));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}
