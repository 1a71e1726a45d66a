import { join } from 'node:path';
import { streamFileAtomic } from './atomic.js';
import type { ReportWriter } from './types.js';

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep in a larger document. */
const indented = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * results.json, byte for byte what `JSON.stringify(result, null, 2)` would give, written one
 * conversation at a time: the head (run, rubrics, targets) from the summary, then each
 * conversation with its messages as the report's stream yields it.
 */
export const jsonWriter: ReportWriter = {
  format: 'json',
  async write(report, outDir) {
    const path = join(outDir, 'results.json');
    const { conversations, ...head } = report.summary;
    const opening = JSON.stringify({ ...head, conversations: [] }, null, 2);
    await streamFileAtomic(path, async (out) => {
      if (conversations.length === 0) {
        await out.write(`${opening}\n`);
        return;
      }
      // The head ends with `"conversations": []\n}`; open the array instead and fill it.
      await out.write(`${opening.slice(0, opening.lastIndexOf('[]'))}[`);
      let first = true;
      for await (const c of report.conversations()) {
        await out.write(`${first ? '' : ','}\n    ${indented(c, 2)}`);
        first = false;
      }
      await out.write('\n  ]\n}\n');
    });
    return [path];
  },
};
