import { join, relative, resolve } from 'node:path';
import { readLabels } from '../../config/labels.js';
import { readRunResult } from '../../config/results.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../report/atomic.js';
import { calibrate } from '../../report/calibrate.js';
import { renderCalibrationMarkdown } from '../../report/calibrate-markdown.js';
import { ensureOutDir, newRunId } from '../finish.js';
import type { Io } from '../io.js';

/** Human labels against the judges' scores of a run: calibrate.md and calibrate.json. */
export async function calibrateCommand(run: string, flags: { labels: string; judge: string[]; out?: string }, io: Io): Promise<number> {
  const [{ labels, skipped }, { result }] = await Promise.all([readLabels(flags.labels), readRunResult(run)]);
  const calibration = calibrate(result, labels, flags.judge);
  if (calibration.matched === 0) {
    throw new UserError(`none of the ${calibration.labels} labels in ${flags.labels} matches a scored conversation and criterion in ${run}${flags.judge.length ? ` for judge ${flags.judge.join(', ')}` : ''}; are they from this run?`);
  }
  const outDir = resolve(flags.out ?? join('reports', `calibrate-${newRunId()}`));
  await ensureOutDir(outDir);
  await writeFileAtomic(join(outDir, 'calibrate.json'), `${JSON.stringify(calibration, null, 2)}\n`);
  await writeFileAtomic(join(outDir, 'calibrate.md'), renderCalibrationMarkdown(calibration, flags.labels, result.run.id));
  if (skipped > 0) io.stderr(`note: ${skipped} annotations without a score (disagree only) are not labels; skipped\n`);
  for (const j of calibration.judges) {
    io.stdout(`${j.judge}: ${j.n} labels, accuracy ${j.accuracy.toFixed(2)}, weighted kappa ${j.kappa.toFixed(2)}, Spearman ${j.spearman === null ? '–' : j.spearman.toFixed(2)}\n`);
  }
  for (const r of calibration.rubrics) {
    io.stdout(`rubric ${r.rubric}: ${r.n} labels, AUC ${r.auc === null ? '–' : r.auc.toFixed(2)}, weighted kappa ${r.kappa === null ? '–' : r.kappa.toFixed(2)}\n`);
  }
  const c = calibration.critical;
  if (c) {
    const f = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    io.stdout(`critical failures: recall ${f(c.recall)} (${c.found}/${c.labelled}), precision ${f(c.precision)} (${c.confirmed}/${c.reported}); by conversation recall ${f(c.conversations.recall)}, precision ${f(c.conversations.precision)}\n`);
  }
  io.stdout(`wrote ${relative(process.cwd(), join(outDir, 'calibrate.md'))}, calibrate.json\n`);
  return 0;
}
