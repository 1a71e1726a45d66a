import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message, Usage } from '../types.js';

let writes = 0;

/** A cached reply: what the target said, and what it reported about the call. */
export interface CachedReply {
  text: string;
  usage?: Usage;
  model?: string;
  cutFrom?: number;
}

/**
 * Replies on disk, one small JSON file per call, keyed by a hash of everything that determines the
 * answer (the target's identity and parameters, and the messages), never by a key or header value.
 */
export class ResponseCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  static keyOf(identity: string, messages: readonly Message[]): string {
    return createHash('sha256').update(identity).update('\u0000').update(JSON.stringify(messages)).digest('hex');
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  async get(key: string): Promise<CachedReply | undefined> {
    const text = await readFile(this.pathOf(key), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const value = JSON.parse(text) as CachedReply;
        if (typeof value.text === 'string') {
          this.hits++;
          return value;
        }
      } catch {
        /* a torn file from a crash: treat as a miss and overwrite */
      }
    }
    this.misses++;
    return undefined;
  }

  /** Written before the conversation goes on, so a crash right after a reply does not pay for it again. */
  async set(key: string, value: CachedReply): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // Unique per write: two conversations that begin alike may store the same key at the same moment.
    const temp = `${path}.${process.pid}.${++writes}.tmp`;
    await writeFile(temp, JSON.stringify(value), 'utf8');
    await rename(temp, path);
  }
}

export async function cacheStats(dir: string): Promise<{ entries: number; bytes: number }> {
  let entries = 0;
  let bytes = 0;
  for (const shard of await readdir(dir).catch(() => [] as string[])) {
    for (const file of await readdir(join(dir, shard)).catch(() => [] as string[])) {
      if (!file.endsWith('.json')) continue;
      entries++;
      bytes += (await stat(join(dir, shard, file)).catch(() => undefined))?.size ?? 0;
    }
  }
  return { entries, bytes };
}

export async function clearCache(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** `ATTUNE_CACHE_DIR`, else `$XDG_CACHE_HOME/attune/responses`, else `~/.cache/attune/responses`. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.ATTUNE_CACHE_DIR) return env.ATTUNE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(env.HOME || env.USERPROFILE || '.', '.cache');
  return join(base, 'attune', 'responses');
}
