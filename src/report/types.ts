import { digestOf, ScoreInterner } from '../results/build.js';
import type { ConversationResult, ConversationSummary, RunResult, RunSummary } from '../types.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A finished run as writers receive it: the summary (metadata, aggregates, gates and a digest of
 * every conversation, without text) in memory, and the conversations' text as streams read from
 * disk one conversation at a time, so a 10,000-conversation run never holds every transcript.
 * Both streams yield exactly `summary.conversations`, in that order, and may be read more than once:
 * `scored()` with full scores (rationale, evidence) and turns, `conversations()` with messages too.
 * Example: `for await (const c of report.conversations()) out.write(JSON.stringify(c))`.
 */
export interface RunReport {
  readonly summary: RunSummary;
  scored(): AsyncIterable<ConversationSummary>;
  conversations(): AsyncIterable<ConversationResult>;
}

/** A RunReport over a RunResult already in memory (`attune report`, tests). */
export function reportOf(result: RunResult): RunReport {
  const interner = new ScoreInterner();
  return {
    summary: { ...result, conversations: result.conversations.map((c) => digestOf(c, interner)) },
    async *scored() {
      yield* result.conversations;
    },
    async *conversations() {
      yield* result.conversations;
    },
  };
}

/** Turns a finished run into files in `outDir`; returns the paths it wrote. */
export interface ReportWriter {
  readonly format: ReportFormat;
  write(report: RunReport, outDir: string): Promise<string[]>;
}

/** How output should look, decided once by the CLI from TTY, CI and NO_COLOR. */
export interface Screen {
  colors: boolean;
  isTTY: boolean;
  width: number;
}
