import { join, relative, resolve } from 'node:path';
import { readRunResult } from '../../config/results.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../report/atomic.js';
import { compareRuns } from '../../report/compare.js';
import { renderCompareMarkdown } from '../../report/compare-markdown.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { ensureOutDir, newRunId } from '../finish.js';

export interface CompareFlags {
  out?: string;
  failOnRegression?: boolean;
  tolerance: number;
}

/** Compares runs (or the targets of one run); exits 1 under --fail-on-regression when something got worse. */
export async function compareCommand(paths: string[], flags: CompareFlags, io: Io): Promise<number> {
  const runs = await Promise.all(paths.map(readRunResult));
  const sides = runs.reduce((n, r) => n + r.result.targets.length, 0);
  if (sides < 2) throw new UserError(`nothing to compare: ${paths.join(', ')} holds one target; give two run folders, or a run with several targets`);
  const result = compareRuns(runs.map((r) => r.result), flags.tolerance);
  const outDir = resolve(flags.out ?? join('reports', `compare-${newRunId()}`));
  await ensureOutDir(outDir);
  const markdown = renderCompareMarkdown(result);
  await writeFileAtomic(join(outDir, 'compare.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFileAtomic(join(outDir, 'compare.md'), markdown);
  for (const c of result.comparisons) {
    const rubrics = c.rubrics.map((r) => `${r.id} ${r.paired.diff >= 0 ? '+' : ''}${r.paired.diff.toFixed(3)}${r.paired.regression ? ' WORSE' : r.paired.improvement ? ' better' : ''}`).join(', ');
    io.stdout(`${c.candidate} vs ${c.baseline}: ${rubrics}; ${c.newCriticalFailures.length} new critical failures\n`);
  }
  for (const w of result.warnings) io.stderr(`note: ${w}\n`);
  io.stdout(`wrote ${relative(process.cwd(), join(outDir, 'compare.md'))}, compare.json\n`);
  if (flags.failOnRegression && result.regressed.length > 0) {
    for (const r of result.regressed) io.stderr(`regression: ${r}\n`);
    return EXIT.gateFailed;
  }
  return EXIT.ok;
}
