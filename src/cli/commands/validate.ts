import { relative } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadFiles } from '../../config/load.js';
import { UserError } from '../../errors.js';
import type { Obligation, Scenario } from '../../types.js';
import type { Io } from '../io.js';

export interface ValidateOptions {
  /** List every obligation with what decides it. */
  verbose?: boolean;
}

/** Validates every file under the paths and reports all problems at once. */
export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const targets = paths.length > 0 ? paths : [BUNDLED.scenarios, BUNDLED.rubrics];
  // What run loads: the bundled rubrics and sources stand in for any the paths do not bring.
  const { project, issues, files } = await loadFiles(targets, { bundledDefaults: true });
  if (issues.length > 0) throw new UserError(issues);
  if (files.length === 0) throw new UserError(`no YAML files found in ${targets.join(', ')}`);
  const criteria = project.rubrics.reduce((n, r) => n + r.criteria.length, 0);
  io.stdout(
    `ok: ${files.length} files (${project.suites.length} suites with ${project.scenarios.length} scenarios, ${project.rubrics.length} rubrics with ${criteria} criteria, ${Object.keys(project.sources).length} sources, ${project.configs.length} configs)\n`,
  );
  for (const file of files) io.stdout(`  ${relative(process.cwd(), file) || file}\n`);
  if (project.suites.length > 0) io.stdout('obligations:\n');
  for (const suite of project.suites) {
    const scenarios = project.scenarios.filter((s) => s.suite === suite.id);
    const all = scenarios.flatMap((s) => s.expect.obligations);
    const byCheck = all.filter(decidedByCheck).length;
    io.stdout(`  ${suite.id}: ${all.length} obligations, ${byCheck} decided by a check, ${all.length - byCheck} by a judge only\n`);
    if (options.verbose) for (const scenario of scenarios) io.stdout(obligationLines(scenario));
  }
  return 0;
}

/** A named criterion counts as a check even when no rubrics were loaded to resolve it. */
const decidedByCheck = (o: Obligation): boolean => o.check !== undefined || o.criterion !== undefined;

function decider(o: Obligation): string {
  if (o.criterion) return `check ${o.criterion}${o.check ? ` (${o.check.kind}${windowText(o.check)})` : ''}`;
  if (o.check) return `check ${o.check.kind}${windowText(o.check)}`;
  return 'judge only';
}

function windowText(check: NonNullable<Obligation['check']>): string {
  const window = 'window' in check ? check.window : undefined;
  if (!window) return '';
  return `, from ${window.from ?? 1}${window.replies === undefined ? '' : ` for ${window.replies} ${window.replies === 1 ? 'reply' : 'replies'}`}`;
}

function obligationLines(scenario: Scenario): string {
  if (scenario.expect.obligations.length === 0) return '';
  const lines = [`    ${scenario.id}`];
  for (const o of scenario.expect.obligations) {
    const flags = [o.critical ? 'critical' : '', o.weight !== 1 ? `weight ${o.weight}` : ''].filter(Boolean).join(', ');
    lines.push(`      ${o.kind === 'must' ? 'must    ' : 'must not'} ${o.id} [${o.rubric}] ${decider(o)}${flags ? ` (${flags})` : ''}: ${o.text}`);
  }
  return `${lines.join('\n')}\n`;
}
