import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * run.json, written when a run starts: what `--resume` and `attune merge` need to know that they
 * continue the same plan. It holds hashes and public target descriptions, never a key.
 */
export interface RunManifest {
  schemaVersion: 1;
  runId: string;
  startedAt: string;
  attuneVersion: string;
  /** Hash of the targets' public specs, the scenarios and the repeat count. */
  planHash: string;
  planned: number;
  repeat: number;
  targets: { id: string; kind: string; description: string }[];
  shard?: { index: number; count: number };
  /** The model that played simulated users, when any scenario had one. */
  simulator?: { id: string; kind: string; description: string };
  /** The judges after the checks, as asked for (`offline`, model specs, config names), so attune merge judges shards alike. */
  judges?: string[];
  judgeSamples?: number;
  /** The suites, targets and flags that chose the plan (src/cli/invocation.ts): `--resume DIR` needs nothing else. */
  invocation?: RunInvocation;
}

/**
 * What `attune run` was asked to run, kept in run.json so `attune run --resume DIR` needs nothing else:
 * the suites, targets, selection, repeat, config, shard, simulator and judges. How it runs (-j,
 * --timeout, --retries, --cache) may change on resume; what it runs may not.
 */
export interface RunInvocation {
  paths: string[];
  target: string[];
  filter: string[];
  tag: string[];
  rubrics: string[];
  judge: string[];
  repeat?: number;
  config?: string;
  shard?: string;
  simulator?: string;
  judgeSamples?: number;
}

export const MANIFEST = 'run.json';
export const LOG = 'transcripts.jsonl';

export async function readManifest(dir: string): Promise<RunManifest | undefined> {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const value = JSON.parse(text) as RunManifest;
  return value?.schemaVersion === 1 && typeof value.planHash === 'string' ? value : undefined;
}

/**
 * Cuts a half-written last line (power loss mid-write) off the log so that appending continues it
 * cleanly; returns how many bytes were dropped.
 */
export async function repairLog(path: string): Promise<number> {
  const handle = await open(path, 'r+').catch(() => undefined);
  if (!handle) return 0;
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const buffer = await readFile(path);
    const end = buffer.lastIndexOf(0x0a) + 1;
    if (end === size) return 0;
    await handle.truncate(end);
    return size - end;
  } finally {
    await handle.close();
  }
}
