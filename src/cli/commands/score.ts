import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { assertGatesKnown, loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { SliceReader } from '../../config/jsonl.js';
import { readTranscriptAt, scanTranscripts, type TranscriptPlace } from '../../config/transcripts.js';
import { UserError } from '../../errors.js';
import { scoreTranscript } from '../../judges/score.js';
import { summarizeConversation } from '../../results/build.js';
import { ScoredConversations } from '../../results/spill.js';
import type { ConversationDigest } from '../../types.js';
import pLimit from 'p-limit';
import { buildJudges, callPolicy, type JudgeFlags } from '../judges.js';
import { gracefulStop } from '../stop.js';
import { configHash, finishRun, newRunId, prepareOutDir, SCRATCH } from '../finish.js';
import { screenOf, type Io } from '../io.js';
import { attuneVersion } from '../version.js';

export interface ScoreFlags extends JudgeFlags {
  out?: string;
  concurrency?: number;
  timeout?: number;
  retries?: number;
  suites: string[];
  rubrics: string[];
  locale?: string;
  config?: string;
}

/** Scores transcripts from a file: attune's own transcripts.jsonl or any OpenAI-format conversations. */
export async function scoreCommand(file: string, flags: ScoreFlags, io: Io): Promise<number> {
  if (flags.locale !== undefined && !/^[a-z]{2,3}-[A-Z]{2}$/.test(flags.locale)) throw new UserError(`--locale: expected a language-REGION tag such as en-GB, found "${flags.locale}"`);
  const startedAt = new Date().toISOString();
  const config = await loadConfig(flags.config);
  const suitePaths = flags.suites.length > 0 ? flags.suites : (config?.suites ?? [BUNDLED.scenarios]);
  const project = await loadProjectOrThrow([...suitePaths, ...(flags.rubrics.length > 0 ? flags.rubrics : (config?.rubrics ?? []))], { bundledDefaults: true });
  assertGatesKnown(config, project.rubrics);
  // One pass checks every line and notes where each transcript is; nothing else is kept of them.
  const lines: TranscriptPlace[] = [];
  const { partialLastLine } = await scanTranscripts(file, project.scenarios, flags.locale, (_t, place) => {
    lines.push(place);
  });
  if (partialLastLine) io.stderr(`note: ${file}:${partialLastLine} is an unfinished last line (a run stopped mid-write); skipped\n`);
  const stopping = gracefulStop(io);
  const run = await buildJudges(flags, config, io.env, callPolicy(flags, config, stopping.cancel)).catch((error: unknown) => {
    stopping.dispose();
    throw error;
  });
  const judges = run.judges;
  const runId = newRunId();
  const outDir = resolve(flags.out ?? join(config?.run.outDir ?? 'reports', runId));
  await prepareOutDir(outDir);
  const scored = await ScoredConversations.create(join(outDir, SCRATCH));
  const places = new Map<ConversationDigest, TranscriptPlace>();
  const reader = new SliceReader(file);
  // An LLM judge waits on the network: transcripts are scored several at once, then put back in file order.
  const limit = pLimit(flags.concurrency ?? config?.run.concurrency ?? 8);
  const rank = new Map<ConversationDigest, number>();
  await Promise.all(
    lines.map((place, i) =>
      limit(async () => {
        if (stopping.drain.aborted) return;
        const t = await readTranscriptAt(reader, place, project.scenarios, flags.locale);
        const digest = await scored.add(summarizeConversation(t, await scoreTranscript(t, project.rubrics, judges)));
        places.set(digest, place);
        rank.set(digest, i);
      }),
    ),
  );
  stopping.dispose();
  scored.sort((d) => rank.get(d)!);
  const targetIds = [...new Set(scored.digests.map((c) => c.target))];
  return finishRun(
    io,
    screenOf(io),
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(),
        configHash: configHash({ file: resolve(file), rubrics: project.rubrics.map(({ at: _at, ...r }) => r) }),
        command: 'score', repeat: scored.digests.reduce((max, c) => Math.max(max, c.repeat), -Infinity), judges: judges.map((j) => j.id), judgeInfo: run.info(),
        ...(scored.digests.length < lines.length ? { interrupted: { planned: lines.length, finished: scored.digests.length } } : {}),
      },
      targets: targetIds.map((id) => ({ id, kind: 'transcripts', description: `transcripts from ${file}` })),
    },
    scored,
    { read: async (c) => (await readTranscriptAt(reader, places.get(c)!, project.scenarios, flags.locale)).messages, close: () => reader.close() },
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}
