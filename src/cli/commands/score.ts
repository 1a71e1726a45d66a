import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { readTranscripts } from '../../config/transcripts.js';
import { UserError } from '../../errors.js';
import { judgeById } from '../../judges/registry.js';
import { scoreTranscript } from '../../judges/score.js';
import { configHash, finishRun, newRunId, prepareOutDir } from '../finish.js';
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
  const { transcripts, partialLastLine } = await readTranscripts(file, project.scenarios, flags.locale);
  if (partialLastLine) io.stderr(`note: ${file}:${partialLastLine} is an unfinished last line (a run stopped mid-write); skipped\n`);
  const runId = newRunId();
  const outDir = resolve(flags.out ?? join(config?.run.outDir ?? 'reports', runId));
  await prepareOutDir(outDir);
  const judges = [judgeById('checks')];
  const scored = await Promise.all(transcripts.map(async (transcript) => ({ transcript, scores: await scoreTranscript(transcript, project.rubrics, judges) })));
  const targetIds = [...new Set(transcripts.map((t) => t.target))];
  return finishRun(
    io,
    screenOf(io),
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(),
        configHash: configHash({ file: resolve(file), rubrics: project.rubrics.map(({ at: _at, ...r }) => r) }),
        command: 'score', repeat: Math.max(...transcripts.map((t) => t.repeat)), judges: judges.map((j) => j.id),
      },
      targets: targetIds.map((id) => ({ id, kind: 'transcripts', description: `transcripts from ${file}` })),
    },
    scored,
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}
