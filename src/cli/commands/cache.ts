import { UserError } from '../../errors.js';
import { cacheStats, clearCache, defaultCacheDir } from '../../runner/cache.js';
import type { Io } from '../io.js';

export async function cacheCommand(action: string, io: Io): Promise<number> {
  const dir = defaultCacheDir(io.env);
  if (action === 'stats') {
    const { entries, bytes } = await cacheStats(dir);
    io.stdout(`${dir}: ${entries} cached replies, ${(bytes / 1024).toFixed(1)} KiB\n`);
    return 0;
  }
  if (action === 'clear') {
    const { entries } = await cacheStats(dir);
    await clearCache(dir);
    io.stdout(`${dir}: cleared ${entries} cached replies\n`);
    return 0;
  }
  throw new UserError(`attune cache: unknown action "${action}"; expected stats or clear`);
}
