import { RunError } from '../errors.js';
import { htmlWriter } from './html/render.js';
import { jsonWriter } from './json.js';
import { junitWriter } from './junit.js';
import { markdownWriter } from './markdown.js';
import type { ReportFormat, ReportWriter, RunReport } from './types.js';

const WRITERS = { json: jsonWriter, md: markdownWriter, html: htmlWriter, junit: junitWriter } satisfies Record<ReportWriter['format'], ReportWriter>;

/**
 * Writes results.json first (when asked for), then every other format. A writer that throws is
 * recorded and named; the others still write. Writers that show messages (json, html) each read
 * the report's conversations once more from disk rather than sharing one copy in memory.
 */
export async function writeReports(
  report: RunReport,
  outDir: string,
  formats: readonly ReportFormat[] = Object.keys(WRITERS) as ReportFormat[],
): Promise<{ files: string[]; failures: { format: string; message: string }[] }> {
  const files = formats.includes('json')
    ? await WRITERS.json.write(report, outDir).catch((error: Error) => {
        throw new RunError(`results.json could not be written to ${outDir}: ${error.message}`);
      })
    : [];
  const failures: { format: string; message: string }[] = [];
  for (const writer of formats.filter((f) => f !== 'json').map((f) => WRITERS[f])) {
    try {
      files.push(...(await writer.write(report, outDir)));
    } catch (error) {
      failures.push({ format: writer.format, message: (error as Error).message });
    }
  }
  return { files, failures };
}
