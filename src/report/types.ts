import type { RunResult } from '../types.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Turns a finished RunResult into files in `outDir`; returns the paths it wrote. */
export interface ReportWriter {
  readonly format: ReportFormat;
  write(result: RunResult, outDir: string): Promise<string[]>;
}

/** How output should look, decided once by the CLI from TTY, CI and NO_COLOR. */
export interface Screen {
  colors: boolean;
  isTTY: boolean;
  width: number;
}
