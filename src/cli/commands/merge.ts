import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { assertGatesKnown, loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { SliceReader } from '../../config/jsonl.js';
import { readTranscriptAt, scanTranscripts, type TranscriptPlace } from '../../config/transcripts.js';
import { UserError } from '../../errors.js';
import { scoreTranscript } from '../../judges/score.js';
import { LOG, readManifest, type RunManifest } from '../../runner/manifest.js';
import { TranscriptLog } from '../../runner/checkpoint.js';
import { summarizeConversation } from '../../results/build.js';
import { ScoredConversations } from '../../results/spill.js';
import { buildJudges, callPolicy, type JudgeFlags } from '../judges.js';
import { configHash, finishRun, messagesInLog, newRunId, prepareOutDir, SCRATCH } from '../finish.js';
import { screenOf, type Io } from '../io.js';
import { plannedIds, writeManifest } from '../plan-state.js';

/** Joins the folders of `attune run --shard i/n` into one run, refusing shards of another plan or version. */
export async function mergeCommand(dirs: string[], flags: { out?: string; rubrics: string[]; config?: string } & JudgeFlags, io: Io): Promise<number> {
  if (dirs.length < 2) throw new UserError('attune merge needs two or more shard folders');
  const manifests: RunManifest[] = [];
  for (const dir of dirs) {
    const manifest = await readManifest(dir);
    if (!manifest) throw new UserError(`${dir}: no run.json; attune merge takes folders that attune run --shard wrote`);
    manifests.push(manifest);
  }
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    if (m.planHash !== first.planHash) throw new UserError(`${dirs[i]}: a different plan from ${dirs[0]} (targets, scenarios or --repeat differ); merge only shards of one run`);
    if (m.attuneVersion !== first.attuneVersion) throw new UserError(`${dirs[i]}: written by attune ${m.attuneVersion}, ${dirs[0]} by ${first.attuneVersion}; run every shard with the same version`);
    if (JSON.stringify([m.judges, m.judgeSamples]) !== JSON.stringify([first.judges, first.judgeSamples])) {
      throw new UserError(`${dirs[i]}: judged by ${m.judges?.join(', ') ?? 'checks only'}, ${dirs[0]} by ${first.judges?.join(', ') ?? 'checks only'}; run every shard with the same --judge`);
    }
  });
  const shards = manifests.map((m) => (m.shard ? `${m.shard.index}/${m.shard.count}` : 'whole'));
  const repeated = shards.find((s, i) => shards.indexOf(s) !== i);
  if (repeated) throw new UserError(`shard ${repeated} is given twice; give each shard folder once`);

  const config = await loadConfig(flags.config);
  const project = await loadProjectOrThrow(flags.rubrics.length > 0 ? flags.rubrics : (config?.rubrics ?? [BUNDLED.rubrics]), { bundledDefaults: true });
  assertGatesKnown(config, project.rubrics);
  const order = new Map(((await plannedIds(dirs[0]!)) ?? []).map((id, i) => [id, i]));
  // One pass over each shard's log keeps only where each transcript is; they are read again one at a time below.
  const byId = new Map<string, { reader: SliceReader; place: TranscriptPlace }>();
  for (const dir of dirs) {
    const file = join(dir, LOG);
    const reader = new SliceReader(file);
    await scanTranscripts(file, [], 'en-US', (t, place) => {
      if (byId.has(t.id)) throw new UserError(`${dir}: conversation ${t.id} is also in another shard; these shards overlap`);
      byId.set(t.id, { reader, place });
    }).catch((error: unknown) => {
      if (error instanceof UserError && /no transcripts in file|cannot read file/.test(error.message)) return;
      throw error;
    });
  }
  const ids = [...byId.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));

  const runId = newRunId();
  const outDir = resolve(flags.out ?? join('reports', `merged-${runId}`));
  await prepareOutDir(outDir);
  const planned = order.size || ids.length;
  const startedAt = manifests.map((m) => m.startedAt).sort()[0]!;
  const { shard: _shard, ...whole } = first;
  await writeManifest(outDir, { ...whole, runId, startedAt, planned, planIds: [...order.keys()] });
  // Shards are judged again as they were judged when run, unless --judge says otherwise.
  const judgeFlags = flags.judge.length > 0 || !first.judges ? flags : { ...flags, judge: first.judges, ...(first.judgeSamples ? { judgeSamples: first.judgeSamples } : {}) };
  const run = await buildJudges(judgeFlags, config, io.env, callPolicy({}, config, new AbortController().signal));
  const judges = run.judges;
  const log = await TranscriptLog.open(join(outDir, LOG));
  const scored = await ScoredConversations.create(join(outDir, SCRATCH));
  for (const id of ids) {
    const { reader, place } = byId.get(id)!;
    const t = await readTranscriptAt(reader, place, [], 'en-US');
    const written = log.append(t);
    await scored.add(summarizeConversation(t, await scoreTranscript(t, project.rubrics, judges)));
    await written;
  }
  await log.close();
  await Promise.all([...new Set([...byId.values()].map((v) => v.reader))].map((r) => r.close()));
  io.stderr(`merged ${dirs.length} shards: ${ids.length} of ${planned} planned conversations\n`);
  return finishRun(
    io,
    screenOf(io),
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: first.attuneVersion,
        configHash: configHash({ planHash: first.planHash, rubrics: project.rubrics.map(({ at: _at, ...r }) => r) }),
        command: 'run', repeat: first.repeat, judges: judges.map((j) => j.id), judgeInfo: run.info(),
        ...(ids.length < planned ? { interrupted: { planned, finished: ids.length } } : {}),
      },
      targets: first.targets,
    },
    scored,
    await messagesInLog(join(outDir, LOG)),
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}
