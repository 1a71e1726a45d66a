import { relative } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadFiles } from '../../config/load.js';
import { UserError } from '../../errors.js';
import type { Io } from '../io.js';

/** Validates every file under the paths and reports all problems at once. */
export async function validateCommand(paths: string[], io: Io): Promise<number> {
  const targets = paths.length > 0 ? paths : [BUNDLED.scenarios, BUNDLED.rubrics];
  const { project, issues, files } = await loadFiles(targets, { bundledDefaults: false });
  if (issues.length > 0) throw new UserError(issues);
  if (files.length === 0) throw new UserError(`no YAML files found in ${targets.join(', ')}`);
  const criteria = project.rubrics.reduce((n, r) => n + r.criteria.length, 0);
  io.stdout(
    `ok: ${files.length} files (${project.suites.length} suites with ${project.scenarios.length} scenarios, ${project.rubrics.length} rubrics with ${criteria} criteria, ${Object.keys(project.sources).length} sources, ${project.configs.length} configs)\n`,
  );
  for (const file of files) io.stdout(`  ${relative(process.cwd(), file) || file}\n`);
  return 0;
}
