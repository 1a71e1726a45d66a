import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import type { ReportWriter } from './types.js';

export const jsonWriter: ReportWriter = {
  format: 'json',
  async write(result, outDir) {
    const path = join(outDir, 'results.json');
    await writeFileAtomic(path, `${JSON.stringify(result, null, 2)}\n`);
    return [path];
  },
};
