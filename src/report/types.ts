import type { RunResult } from '../types.js';

/** Turns a finished RunResult into files in `outDir`; returns the paths it wrote. */
export interface ReportWriter {
  readonly format: 'json' | 'md';
  write(result: RunResult, outDir: string): Promise<string[]>;
}

/** How output should look, decided once by the CLI from TTY, CI and NO_COLOR. */
export interface Screen {
  colors: boolean;
  isTTY: boolean;
  width: number;
}
