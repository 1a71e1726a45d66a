import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { SliceReader } from '../../config/jsonl.js';
import { readTranscriptAt, scanTranscripts, type TranscriptPlace } from '../../config/transcripts.js';
import { UserError } from '../../errors.js';
import { judgeById } from '../../judges/registry.js';
import { scoreTranscript } from '../../judges/score.js';
import { summarizeConversation } from '../../results/build.js';
import { ScoredConversations } from '../../results/spill.js';
import type { ConversationDigest } from '../../types.js';
import { configHash, finishRun, newRunId, prepareOutDir, SCRATCH } from '../finish.js';
import { screenOf, type Io } from '../io.js';
import { attuneVersion } from '../version.js';

export interface ScoreFlags {
  out?: string;
  suites: string[];
  rubrics: string[];
  locale: string;
  config?: string;
}

/** Scores transcripts from a file: attune's own transcripts.jsonl or any OpenAI-format conversations. */
export async function scoreCommand(file: string, flags: ScoreFlags, io: Io): Promise<number> {
  if (!/^[a-z]{2,3}-[A-Z]{2}$/.test(flags.locale)) throw new UserError(`--locale: expected a language-REGION tag such as en-GB, found "${flags.locale}"`);
  const startedAt = new Date().toISOString();
  const config = await loadConfig(flags.config);
  const suitePaths = flags.suites.length > 0 ? flags.suites : (config?.suites ?? [BUNDLED.scenarios]);
  const project = await loadProjectOrThrow([...suitePaths, ...(flags.rubrics.length > 0 ? flags.rubrics : (config?.rubrics ?? []))], { bundledDefaults: true });
  const judges = [judgeById('checks')];
  // One pass checks every line and notes where each transcript is; nothing else is kept of them.
  const lines: TranscriptPlace[] = [];
  const { partialLastLine } = await scanTranscripts(file, project.scenarios, flags.locale, (_t, place) => {
    lines.push(place);
  });
  if (partialLastLine) io.stderr(`note: ${file}:${partialLastLine} is an unfinished last line (a run stopped mid-write); skipped\n`);
  const runId = newRunId();
  const outDir = resolve(flags.out ?? join(config?.run.outDir ?? 'reports', runId));
  await prepareOutDir(outDir);
  const scored = await ScoredConversations.create(join(outDir, SCRATCH));
  const places = new Map<ConversationDigest, TranscriptPlace>();
  const reader = new SliceReader(file);
  for (const place of lines) {
    const t = await readTranscriptAt(reader, place, project.scenarios, flags.locale);
    places.set(await scored.add(summarizeConversation(t, await scoreTranscript(t, project.rubrics, judges))), place);
  }
  const targetIds = [...new Set(scored.digests.map((c) => c.target))];
  return finishRun(
    io,
    screenOf(io),
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(),
        configHash: configHash({ file: resolve(file), rubrics: project.rubrics.map(({ at: _at, ...r }) => r) }),
        command: 'score', repeat: scored.digests.reduce((max, c) => Math.max(max, c.repeat), -Infinity), judges: judges.map((j) => j.id),
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
