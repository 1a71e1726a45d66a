import { relative, resolve } from 'node:path';
import { readRunResult } from '../../config/results.js';
import { RunError, UserError } from '../../errors.js';
import { REPORT_FORMATS, reportOf, type ReportFormat } from '../../report/types.js';
import { writeReports } from '../../report/write.js';
import { ensureOutDir } from '../finish.js';
import type { Io } from '../io.js';

/**
 * Re-renders a finished run's reports from its results.json; never calls a model. It reads
 * results.json whole (about 9 KB per conversation), unlike attune run, which streams.
 */
export async function reportCommand(path: string, flags: { format: string; out?: string }, io: Io): Promise<number> {
  const formats = flags.format.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UserError(`--format: unknown format ${unknown.map((f) => `"${f}"`).join(', ') || '(none)'}; expected a comma-separated list of ${REPORT_FORMATS.join(', ')}`);
  }
  const { result, dir } = await readRunResult(path);
  const outDir = resolve(flags.out ?? dir);
  await ensureOutDir(outDir);
  const { files, failures } = await writeReports(reportOf(result), outDir, formats as ReportFormat[]);
  if (failures.length > 0) throw new RunError(failures.map((f) => `the ${f.format} report could not be written: ${f.message}`).join('; '));
  io.stdout(`wrote ${files.map((f) => relative(process.cwd(), f) || f).join(', ')}\n`);
  return 0;
}
