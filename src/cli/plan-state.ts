import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTranscripts } from '../config/transcripts.js';
import { UserError } from '../errors.js';
import { LOG, MANIFEST, readManifest, repairLog, type RunManifest } from '../runner/manifest.js';
import type { PlannedConversation } from '../runner/plan.js';
import type { Transcript } from '../types.js';
import type { Io } from './io.js';

/** `--shard 2/4` → the 2nd of 4 slices; `auto/4` takes the index from JOB_COMPLETION_INDEX (0-based, Kubernetes Indexed Jobs). */
export function parseShard(text: string | undefined, env: Io['env']): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(auto|\d+)\/(\d+)$/.exec(text.trim());
  const count = Number(match?.[2]);
  if (!match || !Number.isInteger(count) || count < 1) throw new UserError(`--shard: expected i/n (e.g. 2/4) or auto/n, found "${text}"`);
  let index: number;
  if (match[1] === 'auto') {
    const fromEnv = env.JOB_COMPLETION_INDEX;
    if (fromEnv === undefined || !/^\d+$/.test(fromEnv)) throw new UserError('--shard auto/n needs JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job); give the index instead, e.g. --shard 1/4');
    index = Number(fromEnv) + 1;
  } else {
    index = Number(match[1]);
  }
  if (index < 1 || index > count) throw new UserError(`--shard: the index must be from 1 to ${count}, found ${index}${match[1] === 'auto' ? ' (JOB_COMPLETION_INDEX + 1)' : ''}`);
  return { index, count };
}

/** The same deterministic slice on every machine: every n-th conversation of the full plan. */
export function sliceOf(plan: readonly PlannedConversation[], shard: { index: number; count: number } | undefined): PlannedConversation[] {
  return shard ? plan.filter((_, i) => i % shard.count === shard.index - 1) : [...plan];
}

export async function writeManifest(dir: string, manifest: RunManifest & { planIds: string[] }): Promise<void> {
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest)}\n`, 'utf8');
}

/**
 * What an interrupted run already has: its manifest (checked against the plan of this invocation)
 * and the finished transcripts, the last line repaired if a crash cut it. Duplicates keep the last.
 */
export async function resumeState(dir: string, planHash: string, shard: RunManifest['shard'], io: Io): Promise<{ manifest: RunManifest; done: Transcript[] }> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new UserError(`${dir}: no run.json; --resume takes a folder that attune run wrote`);
  if (manifest.planHash !== planHash || JSON.stringify(manifest.shard) !== JSON.stringify(shard)) {
    throw new UserError(`${dir}: this run was started with a different plan (targets, scenarios, --repeat or --shard); resume with the same flags as the first time`);
  }
  const log = join(dir, LOG);
  const dropped = await repairLog(log);
  if (dropped > 0) io.stderr(`note: dropped a half-written last line (${dropped} bytes) from ${log}\n`);
  const size = (await stat(log).catch(() => undefined))?.size ?? 0;
  const done = size === 0 ? [] : (await readTranscripts(log, [], 'en-US')).transcripts;
  const byId = new Map(done.map((t) => [t.id, t]));
  return { manifest, done: [...byId.values()] };
}

/** The full plan's conversation ids, in order, as the manifest recorded them. */
export async function plannedIds(dir: string): Promise<string[] | undefined> {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
  return text ? ((JSON.parse(text) as { planIds?: string[] }).planIds ?? undefined) : undefined;
}
