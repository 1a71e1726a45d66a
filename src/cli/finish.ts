import { Chalk } from 'chalk';
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { renderStepSummary } from '../report/markdown.js';
import { SliceReader } from '../config/jsonl.js';
import { indexTranscripts, readTranscriptAt, type TranscriptPlace } from '../config/transcripts.js';
import { writeReports } from '../report/write.js';
import type { RunReport, Screen } from '../report/types.js';
import { buildRunSummary, withMessages, type RunMeta } from '../results/build.js';
import { evaluateGates } from '../results/gates.js';
import type { ScoredConversations } from '../results/spill.js';
import { emptyJudgeStats, type ConversationDigest, type Gates, type Message, type Rubric, type RunSummary, type Source } from '../types.js';
import { EXIT } from './exit.js';
import type { Io } from './io.js';

/** `2026-11-22T21-58-03Z-3f9a`: sortable, unique enough, safe as a folder name. */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${randomBytes(2).toString('hex')}`;
}

/** A short hash of whatever determines the run's answers (never secrets: specs are redacted first). */
export function configHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

/** Creates the output folder (and its parents), or says which folder could not be made and why. */
export async function ensureOutDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot create output folder ${outDir} (${error.code ?? error.message}); choose another with -o`);
  });
}

/** Creates the output folder; refuses one that already holds a run, so nothing is overwritten. */
export async function prepareOutDir(outDir: string): Promise<void> {
  await ensureOutDir(outDir);
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read output folder ${outDir} (${error.code ?? error.message}); choose another with -o`);
  });
  if (entries.includes('transcripts.jsonl') || entries.includes('results.json')) {
    throw new UserError(`${outDir} already holds a run (transcripts.jsonl or results.json); choose another folder with -o or remove it`);
  }
}

/** The scratch file in a run folder that holds scored conversations until the reports are written. */
export const SCRATCH = '.scored.jsonl';

/** Reads one conversation's messages back from disk (its transcript file); never holds them all. */
export interface MessageSource {
  read(c: ConversationDigest): Promise<Message[]>;
  close(): Promise<void>;
}

/** Messages from attune's own transcripts.jsonl, found by id after one pass over the file. */
export async function messagesInLog(file: string): Promise<MessageSource> {
  const places = await indexTranscripts(file).catch(() => new Map<string, TranscriptPlace>());
  const reader = new SliceReader(file);
  return {
    async read(c) {
      const place = places.get(c.id);
      if (!place) throw new Error(`${file} has no line for conversation ${c.id}`);
      return (await readTranscriptAt(reader, place, [], 'en-US')).messages;
    },
    close: () => reader.close(),
  };
}

/**
 * Builds the run's summary from the digests in `scored` (in plan order), applies gates, writes every
 * report, prints the summary and returns the exit code. Writers read each conversation's text back
 * from `scored`'s file and `messages`; the scratch file is removed and `messages` closed at the end.
 */
export async function finishRun(
  io: Io,
  screen: Screen,
  meta: RunMeta,
  scored: ScoredConversations,
  messages: MessageSource,
  rubrics: readonly Rubric[],
  sources: Record<string, Source>,
  gates: Gates,
  outDir: string,
): Promise<number> {
  try {
    await scored.finish();
    const judgeInfo = meta.run.judgeInfo?.map((info) => ({
      ...info,
      stats: { ...(scored.judgeStats.get(info.id) ?? emptyJudgeStats()), ...(info.stats?.calls ? { calls: info.stats.calls } : {}) },
    }));
    const result = buildRunSummary(judgeInfo ? { ...meta, run: { ...meta.run, judgeInfo } } : meta, scored.digests, rubrics, sources);
    result.run.gates = evaluateGates(result, gates);
    const report: RunReport = {
      summary: result,
      async *scored() {
        for (const d of result.conversations) yield await scored.read(d);
      },
      async *conversations() {
        for (const d of result.conversations) yield withMessages(await scored.read(d), await messages.read(d));
      },
    };
    const { files, failures } = await writeReports(report, outDir);
    if (io.env.GITHUB_STEP_SUMMARY) {
      await appendFile(io.env.GITHUB_STEP_SUMMARY, await renderStepSummary(report)).catch((error: Error) => failures.push({ format: 'GITHUB_STEP_SUMMARY', message: error.message }));
    }
    printSummary(io, screen, result);
    const calls = result.run.calls;
    if (calls && calls.cached > 0) io.stdout(`${calls.cached} replies served from the cache, ${calls.requested} calls made\n`);
    for (const f of failures) io.stderr(`attune: the ${f.format} report could not be written: ${f.message}\n`);
    io.stdout(`\nwrote ${files.map((f) => relative(process.cwd(), f) || f).join(', ')}${meta.run.command === 'run' ? `, ${relative(process.cwd(), join(outDir, 'transcripts.jsonl'))}` : ''}\n`);
    const html = files.find((f) => f.endsWith('report.html'));
    if (html) io.stdout(`open ${relative(process.cwd(), html) || html} to read every conversation with the quote behind each score\n`);
    const failedGates = result.run.gates.filter((g) => !g.passed);
    for (const gate of failedGates) io.stderr(`gate failed: ${gate.message}\n`);
    if (result.run.interrupted) {
      io.stderr(`attune: interrupted after ${result.run.interrupted.finished} of ${result.run.interrupted.planned} conversations; the results cover only those\n`);
      return EXIT.runFailed;
    }
    const simulatorFailed = result.conversations.filter((c) => c.error?.source === 'simulator').length;
    if (simulatorFailed > 0) io.stderr(`attune: ${simulatorFailed} conversation(s) ended early because the simulator failed (not counted as target errors); see the Errors section of report.md\n`);
    if (simulatorFailed > 0 && simulatorFailed === result.conversations.length) {
      io.stderr('attune: the simulator failed in every conversation; check --simulator (or run.simulator) and its key\n');
      return EXIT.runFailed;
    }
    const dead = result.targets.filter((t) => t.conversations > 0 && t.errors === t.conversations);
    if (dead.length > 0) {
      io.stderr(`attune: every conversation with ${dead.map((t) => t.id).join(', ')} failed; see the Errors section of report.md\n`);
      return EXIT.runFailed;
    }
    return failedGates.length > 0 || failures.length > 0 ? EXIT.gateFailed : EXIT.ok;
  } finally {
    await scored.dispose();
    await messages.close();
  }
}

function printSummary(io: Io, screen: Screen, result: RunSummary): void {
  const c = new Chalk({ level: screen.colors ? 1 : 0 });
  const rubricIds = result.rubrics.map((r) => r.id);
  const nameWidth = Math.max(8, ...result.targets.map((t) => t.id.length));
  // Wide enough for the longest rubric id: a cut "perceived-empath" reads as a typo.
  const col = Math.max(18, ...rubricIds.map((id) => id.length + 2));
  const header = `${'target'.padEnd(nameWidth)}  ${rubricIds.map((id) => id.padEnd(col)).join('')}${'critical'.padEnd(10)}errors`;
  io.stdout(`\n${c.bold(header)}\n`);
  for (const t of result.targets) {
    const cells = rubricIds.map((id) => {
      const r = t.rubrics[id];
      if (!r) return '–'.padEnd(col);
      const text = `${r.score.toFixed(2)} [${r.ci95[0].toFixed(2)},${r.ci95[1].toFixed(2)}]`.padEnd(col);
      return r.score >= 0.8 ? c.green(text) : r.score >= 0.5 ? c.yellow(text) : c.red(text);
    });
    const critical = String(t.criticalFailures).padEnd(10);
    io.stdout(`${t.id.padEnd(nameWidth)}  ${cells.join('')}${t.criticalFailures > 0 ? c.red(critical) : critical}${t.errors}/${t.conversations}\n`);
  }
  io.stdout(c.dim('mean score per rubric [95% interval]; critical: critical failures found; errors: errored conversations of all\n'));
}
