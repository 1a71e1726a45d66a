import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { RunInvocation } from '../runner/manifest.js';
import type { RunFlags } from './commands/run.js';

/** Checks and restores a run's RunInvocation (run.json) for `attune run --resume DIR`. */
const LISTS = ['paths', 'target', 'filter', 'tag', 'rubrics', 'judge'] as const;
const SCALARS = ['repeat', 'config', 'shard', 'simulator', 'judgeSamples'] as const;
const FLAG: Record<(typeof LISTS)[number] | (typeof SCALARS)[number], string> = {
  paths: 'suite paths', target: '--target', filter: '--filter', tag: '--tag', rubrics: '--rubrics', judge: '--judge',
  repeat: '--repeat', config: '--config', shard: '--shard', simulator: '--simulator', judgeSamples: '--judge-samples',
};

/** The invocation as run.json stores it: paths made absolute, so a resume from another folder finds the same files. */
export function invocationOf(paths: readonly string[], flags: RunFlags, shard: { index: number; count: number } | undefined): RunInvocation {
  return {
    paths: paths.map((p) => resolve(p)),
    target: [...flags.target], filter: [...flags.filter], tag: [...flags.tag], rubrics: flags.rubrics.map((p) => resolve(p)), judge: [...flags.judge],
    ...(flags.repeat === undefined ? {} : { repeat: flags.repeat }),
    ...(flags.config === undefined ? {} : { config: resolve(flags.config) }),
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    ...(flags.simulator === undefined ? {} : { simulator: flags.simulator }),
    ...(flags.judgeSamples === undefined ? {} : { judgeSamples: flags.judgeSamples }),
  };
}

/**
 * The paths and flags of a resumed run: what run.json recorded, with the how-to-run flags of this
 * invocation. A what-to-run flag given again must say the same, or the resume is refused naming it.
 */
export function resumedInvocation(dir: string, stored: RunInvocation, paths: readonly string[], flags: RunFlags, shard: { index: number; count: number } | undefined): { paths: string[]; flags: RunFlags } {
  const given = invocationOf(paths, flags, shard);
  const differences: string[] = [];
  for (const key of LISTS) {
    if (given[key].length > 0 && JSON.stringify(given[key]) !== JSON.stringify(stored[key])) differences.push(`${FLAG[key]}: run.json has ${show(stored[key])}, given ${show(given[key])}`);
  }
  for (const key of SCALARS) {
    if (given[key] !== undefined && given[key] !== stored[key]) differences.push(`${FLAG[key]}: run.json has ${show(stored[key])}, given ${show(given[key])}`);
  }
  if (differences.length > 0) {
    throw new UserError(`--resume ${dir}: ${differences.join('; ')}. A resumed run runs what it was started with: leave these flags out (or start a new run)`);
  }
  const { paths: storedPaths, shard: storedShard, ...rest } = stored;
  return { paths: storedPaths, flags: { ...flags, ...rest, ...(storedShard ? { shard: storedShard } : {}) } };
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return Array.isArray(value) ? (value.length ? value.join(', ') : '(none)') : String(value);
}
