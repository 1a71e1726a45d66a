import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { RunError, UserError } from '../../errors.js';
import { judgeById } from '../../judges/registry.js';
import { scoreTranscript } from '../../judges/score.js';
import { createProgress } from '../../report/terminal.js';
import type { ScoredTranscript } from '../../results/build.js';
import { TranscriptLog } from '../../runner/checkpoint.js';
import { planConversations, selectScenarios } from '../../runner/plan.js';
import { DEFAULT_RETRY } from '../../runner/retry.js';
import { runPlan } from '../../runner/run.js';
import { createTargets } from '../../targets/registry.js';
import { redactUrl } from '../../targets/redact.js';
import { resolveTargetSpecs } from '../../targets/spec.js';
import type { TargetSpec } from '../../types.js';
import { configHash, finishRun, newRunId, prepareOutDir } from '../finish.js';
import { screenOf, type Io } from '../io.js';
import { attuneVersion } from '../version.js';

export interface RunFlags {
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
}

/** What may be stored about a target: never a key, never a header value. */
function publicSpec(spec: TargetSpec): unknown {
  const { headers, ...rest } = spec as TargetSpec & { headers?: Record<string, string> };
  const withUrl = 'url' in rest ? { ...rest, url: redactUrl(rest.url) } : 'baseURL' in rest && rest.baseURL ? { ...rest, baseURL: redactUrl(rest.baseURL) } : rest;
  return { ...withUrl, ...(headers ? { headers: Object.keys(headers) } : {}) };
}

const DRAIN_MS = 10_000;

/**
 * First Ctrl-C (or SIGTERM): start no new conversations, give those in flight 10 s, then cancel them.
 * Second: cancel at once. Cancelling kills exec bots' process groups; what finished is still written.
 */
function gracefulStop(io: Io) {
  const drain = new AbortController();
  const cancel = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (drain.signal.aborted) {
      io.stderr(`\n${signal} again: cancelling the conversations in flight\n`);
      cancel.abort(new Error(signal));
      return;
    }
    io.stderr(`\n${signal}: starting no new conversations; finishing those in flight (up to ${DRAIN_MS / 1000} s, ${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to cancel them)\n`);
    drain.abort(new Error(signal));
    timer = setTimeout(() => cancel.abort(new Error('drain timeout')), DRAIN_MS);
    timer.unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    drain: drain.signal,
    cancel: cancel.signal,
    dispose() {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

export async function runCommand(paths: string[], flags: RunFlags, io: Io): Promise<number> {
  const startedAt = new Date().toISOString();
  const config = await loadConfig(flags.config);
  const suitePaths = paths.length > 0 ? paths : (config?.suites ?? [BUNDLED.scenarios]);
  const rubricPaths = flags.rubrics.length > 0 ? flags.rubrics : (config?.rubrics ?? []);
  const project = await loadProjectOrThrow([...suitePaths, ...rubricPaths], { bundledDefaults: true });
  if (project.scenarios.length === 0) throw new UserError(`no scenarios found in ${suitePaths.join(', ')}; give suite files or folders`);
  const scenarios = selectScenarios(project.scenarios, flags.filter, flags.tag);
  if (scenarios.length === 0) throw new UserError(`no scenario matches --filter ${flags.filter.join(', ') || '(none)'} --tag ${flags.tag.join(', ') || '(none)'}; see attune list`);

  const specs = resolveTargetSpecs(flags.target, config);
  const targets = await createTargets(specs, io.env);
  const repeat = flags.repeat ?? config?.run.repeat ?? 1;
  const runId = newRunId();
  const outDir = resolve(flags.out ?? join(config?.run.outDir ?? 'reports', runId));
  await prepareOutDir(outDir);

  const screen = screenOf(io);
  const progress = createProgress(screen, io.stderr);
  const judges = [judgeById('checks')];
  const log = await TranscriptLog.open(join(outDir, 'transcripts.jsonl')).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`cannot write ${join(outDir, 'transcripts.jsonl')} (${error.code ?? error.message}); choose another folder with -o`);
  });
  const scored: ScoredTranscript[] = [];
  const plan = planConversations(targets.map((t) => t.id), scenarios, repeat);
  const stopping = gracefulStop(io);
  await runPlan(plan, new Map(targets.map((t) => [t.id, t])), {
    concurrency: flags.concurrency ?? config?.run.concurrency ?? 8,
    timeoutMs: flags.timeout ?? config?.run.timeoutMs ?? 60_000,
    retry: { ...DEFAULT_RETRY, retries: flags.retries ?? config?.run.retries ?? DEFAULT_RETRY.retries },
    stop: stopping.cancel,
    drain: stopping.drain,
    emit: progress.onEvent,
    onTranscript: async (transcript) => {
      log.append(transcript);
      scored.push({ transcript, scores: await scoreTranscript(transcript, project.rubrics, judges) });
    },
  });
  stopping.dispose();
  await log.close().catch((error: Error) => {
    throw new RunError(`transcripts.jsonl could not be written completely (${error.message}); results below are complete, the log is not`);
  });
  progress.finish();

  const order = new Map(plan.map((p, i) => [p.id, i]));
  scored.sort((a, b) => order.get(a.transcript.id)! - order.get(b.transcript.id)!);
  const hash = configHash({ specs: specs.map(publicSpec), scenarios: scenarios.map(({ at: _at, ...s }) => s), rubrics: project.rubrics.map(({ at: _at, ...r }) => r), repeat });
  return finishRun(
    io,
    screen,
    {
      run: {
        id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(), configHash: hash, command: 'run', repeat, judges: judges.map((j) => j.id),
        ...(stopping.drain.aborted ? { interrupted: { planned: plan.length, finished: scored.length } } : {}),
      },
      targets: targets.map((t) => ({ id: t.id, kind: t.kind, description: t.description })),
    },
    scored,
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}
