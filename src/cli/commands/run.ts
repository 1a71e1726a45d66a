import { join, resolve } from 'node:path';
import { BUNDLED } from '../../config/files.js';
import { loadConfig, loadProjectOrThrow } from '../../config/load.js';
import { UserError } from '../../errors.js';
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
  const log = new TranscriptLog(join(outDir, 'transcripts.jsonl'));
  const scored: ScoredTranscript[] = [];
  const plan = planConversations(targets.map((t) => t.id), scenarios, repeat);
  await runPlan(plan, new Map(targets.map((t) => [t.id, t])), {
    concurrency: flags.concurrency ?? config?.run.concurrency ?? 8,
    timeoutMs: flags.timeout ?? config?.run.timeoutMs ?? 60_000,
    retry: { ...DEFAULT_RETRY, retries: flags.retries ?? config?.run.retries ?? DEFAULT_RETRY.retries },
    stop: new AbortController().signal,
    emit: progress.onEvent,
    onTranscript: async (transcript) => {
      log.append(transcript);
      scored.push({ transcript, scores: await scoreTranscript(transcript, project.rubrics, judges) });
    },
  });
  await log.close();
  progress.finish();

  const order = new Map(plan.map((p, i) => [p.id, i]));
  scored.sort((a, b) => order.get(a.transcript.id)! - order.get(b.transcript.id)!);
  const hash = configHash({ specs: specs.map(publicSpec), scenarios: scenarios.map(({ at: _at, ...s }) => s), rubrics: project.rubrics.map(({ at: _at, ...r }) => r), repeat });
  return finishRun(
    io,
    screen,
    {
      run: { id: runId, startedAt, finishedAt: new Date().toISOString(), attuneVersion: attuneVersion(), configHash: hash, command: 'run', repeat, judges: judges.map((j) => j.id) },
      targets: targets.map((t) => ({ id: t.id, kind: t.kind, description: t.description })),
    },
    scored,
    project.rubrics,
    project.sources,
    config?.gates ?? {},
    outDir,
  );
}
