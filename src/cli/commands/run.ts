import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { assertGatesKnown, loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { RunError, UserError } from '../../errors.js';
import { scoreTranscript } from '../../judges/score.js';
import { createProgress } from '../../report/terminal.js';
import { summarizeConversation } from '../../results/build.js';
import { ScoredConversations } from '../../results/spill.js';
import { defaultCacheDir, ResponseCache } from '../../runner/cache.js';
import { TranscriptLog } from '../../runner/checkpoint.js';
import { planConversations, selectScenarios } from '../../runner/plan.js';
import { runPlan } from '../../runner/run.js';
import { SIMULATOR_PROMPT_VERSION } from '../../runner/simulate.js';
import { createTargets } from '../../targets/registry.js';
import { redactUrl } from '../../targets/redact.js';
import { chatModelSpec, resolveTargetSpecs } from '../../targets/spec.js';
import type { Target } from '../../targets/types.js';
import type { AttuneConfig, Scenario, TargetSpec, Transcript } from '../../types.js';
import { buildJudges, callPolicy, requestedJudges, type JudgeFlags } from '../judges.js';
import { configHash, finishRun, messagesInLog, newRunId, prepareOutDir, SCRATCH } from '../finish.js';
import { screenOf, type Io } from '../io.js';
import { parseShard, resumeState, sliceOf, writeManifest } from '../plan-state.js';
import { gracefulStop } from '../stop.js';
import { invocationOf, resumedInvocation } from '../invocation.js';
import { readManifest } from '../../runner/manifest.js';
import { attuneVersion } from '../version.js';

export interface RunFlags extends JudgeFlags {
  target: string[];
  concurrency?: number;
  repeat?: number;
  out?: string;
  filter: string[];
  tag: string[];
  rubrics: string[];
  config?: string;
  timeout?: number;
  retries?: number;
  resume?: string;
  shard?: string;
  /** true: cache every cacheable target; false: none; undefined: deterministic targets (temperature 0). */
  cache?: boolean;
  /** Who plays the person in scenarios with `simulate:` (a model spec or config name). */
  simulator?: string;
}

/** `--resume DIR`: the suites and flags run.json recorded, checked against any given again. */
async function withResumedInvocation(paths: string[], flags: RunFlags, io: Io): Promise<{ paths: string[]; flags: RunFlags }> {
  if (!flags.resume) return { paths, flags };
  const manifest = await readManifest(resolve(flags.resume));
  // A run folder from before run.json kept the invocation: resume with the flags given, as then.
  if (!manifest?.invocation) return { paths, flags };
  return resumedInvocation(flags.resume, manifest.invocation, paths, flags, parseShard(flags.shard, io.env));
}

/** What may be stored about a target: never a key, never a header value. */
function publicSpec(spec: TargetSpec): unknown {
  const { headers, ...rest } = spec as TargetSpec & { headers?: Record<string, string> };
  const withUrl = 'url' in rest ? { ...rest, url: redactUrl(rest.url) } : 'baseURL' in rest && rest.baseURL ? { ...rest, baseURL: redactUrl(rest.baseURL) } : rest;
  return { ...withUrl, ...(headers ? { headers: Object.keys(headers) } : {}) };
}

export async function runCommand(givenPaths: string[], givenFlags: RunFlags, io: Io): Promise<number> {
  const { paths, flags } = await withResumedInvocation(givenPaths, givenFlags, io);
  const config = await loadConfig(flags.config);
  const suitePaths = paths.length > 0 ? paths : (config?.suites ?? [BUNDLED.scenarios]);
  const rubricPaths = flags.rubrics.length > 0 ? flags.rubrics : (config?.rubrics ?? []);
  const project = await loadProjectOrThrow([...suitePaths, ...rubricPaths], { bundledDefaults: true });
  assertGatesKnown(config, project.rubrics);
  if (project.scenarios.length === 0) throw new UserError(`no scenarios found in ${suitePaths.join(', ')}; give suite files or folders`);
  const scenarios = selectScenarios(project.scenarios, flags.filter, flags.tag);
  if (scenarios.length === 0) throw new UserError(`no scenario matches --filter ${flags.filter.join(', ') || '(none)'} --tag ${flags.tag.join(', ') || '(none)'}; see attune list`);

  const specs = resolveTargetSpecs(flags.target, config);
  const simulator = await simulatorFor(flags.simulator, config, scenarios, io);
  const targets = await createTargets(specs, io.env);
  const repeat = flags.repeat ?? config?.run.repeat ?? 1;
  const shard = parseShard(flags.shard, io.env);
  const fullPlan = planConversations(targets.map((t) => t.id), scenarios, repeat);
  const plan = sliceOf(fullPlan, shard);
  const planHash = configHash({ specs: specs.map(publicSpec), scenarios: scenarios.map(({ at: _at, ...s }) => s), repeat, simulator: simulator?.plan });

  let runId = newRunId();
  let startedAt = new Date().toISOString();
  let outDir = resolve(flags.out ?? join(config?.run.outDir ?? 'reports', runId));
  let done: Transcript[] = [];
  if (flags.resume) {
    if (flags.out) throw new UserError('--resume writes into the run folder it continues; leave out -o');
    outDir = resolve(flags.resume);
    const state = await resumeState(outDir, planHash, shard, io);
    ({ runId, startedAt } = state.manifest);
    const planned = new Set(plan.map((p) => p.id));
    done = state.done.filter((t) => planned.has(t.id));
  } else {
    await prepareOutDir(outDir);
    await writeManifest(outDir, {
      schemaVersion: 1, runId, startedAt, attuneVersion: attuneVersion(), planHash, planned: plan.length, repeat,
      targets: targets.map((t) => ({ id: t.id, kind: t.kind, description: t.description })), ...(shard ? { shard } : {}), planIds: fullPlan.map((p) => p.id),
      ...(simulator ? { simulator: { id: simulator.target.id, kind: simulator.target.kind, description: simulator.target.description } } : {}),
      ...(({ judges, samples }) => ({ judges, judgeSamples: samples }))(requestedJudges(flags, config)),
      invocation: invocationOf(paths, flags, shard),
    });
  }

  const screen = screenOf(io);
  const progress = createProgress(screen, io.stderr);
  const stopping = gracefulStop(io);
  const policy = callPolicy(flags, config, stopping.cancel);
  const run = await buildJudges(flags, config, io.env, policy).catch((error: unknown) => {
    stopping.dispose();
    throw error;
  });
  const judges = run.judges;
  const log = await TranscriptLog.open(join(outDir, 'transcripts.jsonl')).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot write ${join(outDir, 'transcripts.jsonl')} (${error.code ?? error.message}); choose another folder with -o`);
  });
  // Only digests stay in memory: messages are in transcripts.jsonl, scores with their text in a scratch file.
  const scored = await ScoredConversations.create(join(outDir, SCRATCH));
  for (const t of done) await scored.add(summarizeConversation(t, await scoreTranscript(t, project.rubrics, judges)));
  const doneIds = new Set(done.map((t) => t.id));
  done = [];
  const todo = plan.filter((p) => !doneIds.has(p.id));
  if (flags.resume) io.stderr(`resuming ${runId}: ${doneIds.size} of ${plan.length} conversations already done, ${todo.length} to go\n`);
  await runPlan(todo, new Map(targets.map((t) => [t.id, t])), {
    concurrency: policy.concurrency,
    timeoutMs: policy.timeoutMs,
    retry: policy.retry,
    ...(flags.cache === false ? {} : { cache: new ResponseCache(defaultCacheDir(io.env)), cacheAll: flags.cache === true }),
    stop: stopping.cancel,
    drain: stopping.drain,
    ...(config?.run.maxReplyChars ? { maxReplyChars: config.run.maxReplyChars } : {}),
    limiters: policy.limiters,
    ...(simulator ? { simulator: { target: simulator.target } } : {}),
    emit: progress.onEvent,
    onTranscript: async (transcript) => {
      // Cancelled by Ctrl-C: not done, so neither logged nor scored; --resume runs it again.
      if (transcript.error?.kind === 'cancelled') return;
      const written = log.append(transcript);
      await scored.add(summarizeConversation(transcript, await scoreTranscript(transcript, project.rubrics, judges)));
      await written;
    },
  });
  stopping.dispose();
  await log.close().catch((error: Error) => {
    throw new RunError(`transcripts.jsonl could not be written completely (${error.message}); results below are complete, the log is not`);
  });
  progress.finish();

  const order = new Map(plan.map((p, i) => [p.id, i]));
  scored.sort((d) => order.get(d.id)!);
  const hash = configHash({ planHash, rubrics: project.rubrics.map(({ at: _at, ...r }) => r) });
  return finishRun(
    io,
    screen,
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(), configHash: hash, command: 'run', repeat, judges: judges.map((j) => j.id), judgeInfo: run.info(),
        ...(scored.digests.length < plan.length ? { interrupted: { planned: plan.length, finished: scored.digests.length } } : {}),
      },
      targets: targets.map((t) => ({ id: t.id, kind: t.kind, description: t.description })),
    },
    scored,
    await messagesInLog(join(outDir, 'transcripts.jsonl')),
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}

/**
 * The model that plays the person in the selected scenarios with `simulate:` (`--simulator`, else the
 * config's run.simulator), at temperature 0 unless its spec sets one. Without one, scenarios that
 * have only `simulate:` are refused (exit 2), not skipped: a CI job that lost the flag must not pass
 * on fewer scenarios than it names. `plan` goes into the plan hash, so --resume refuses another simulator.
 */
async function simulatorFor(flag: string | undefined, config: AttuneConfig | undefined, scenarios: readonly Scenario[], io: Io): Promise<{ target: Target; plan: unknown } | undefined> {
  const name = flag ?? config?.run.simulator;
  const simulated = scenarios.filter((s) => s.simulate);
  if (name === undefined) {
    const unplayable = simulated.filter((s) => s.turns.length === 0);
    if (unplayable.length === 0) return undefined;
    throw new UserError(unplayable.map((s) => ({
      at: s.at,
      path: `scenario ${s.id}`,
      message: 'has simulate: and no scripted turns, and no simulator was given; pass --simulator openai:<model> (or set run.simulator in attune.config.yaml), or leave it out with --filter',
    })));
  }
  const spec = chatModelSpec(name, config, flag === undefined ? `${config?.file ?? 'attune.config.yaml'} run.simulator "${name}"` : `--simulator ${name}`, 'a simulator is');
  if (simulated.length === 0) {
    if (flag !== undefined) io.stderr(`note: --simulator ${spec.id} is not used: no selected scenario has simulate:\n`);
    return undefined;
  }
  const deterministic = { ...spec, temperature: spec.temperature ?? 0 };
  const [target] = await createTargets([deterministic], io.env);
  return { target: target!, plan: { ...(publicSpec(deterministic) as object), prompt: SIMULATOR_PROMPT_VERSION } };
}
