import { emptyJudgeStats, type JudgeInfo, type RunResult } from '../types.js';

type RunJudges = Pick<RunResult['run'], 'judges' | 'judgeInfo'>;


const KIND_OF_HOW: Record<string, JudgeInfo['kind']> = { check: 'checks', judge: 'llm', offline: 'offline' };

/**
 * Whether any judge of a run scores a criterion judged `how` (`check:<kind>` by the checks,
 * `judge` by an LLM judge, `offline:<measure>` by the offline scorer): the reports list the
 * criteria no judge of the run could score.
 */
export function scoredInRun(how: readonly string[], run: RunJudges): boolean {
  const kinds = new Set(judgeRows(run).map((j) => j.kind));
  return how.some((h) => kinds.has(KIND_OF_HOW[h.split(':')[0]!]!));
}

/** `12 sent (3 cached), 45,210 tokens in, 3,020 out`; a dash for judges that call no model. */
export function callsText(stats: NonNullable<JudgeInfo['stats']>): string {
  const c = stats.calls;
  if (!c) return '—';
  return `${c.requested} sent${c.cached ? ` (${c.cached} cached)` : ''}, ${c.inputTokens.toLocaleString('en-US')} tokens in, ${c.outputTokens.toLocaleString('en-US')} out`;
}

/** One line per judge for the reports: what it is, what it did in the run, what it cannot do. */
export function judgeRows(run: RunJudges): (JudgeInfo & { stats: NonNullable<JudgeInfo['stats']> })[] {
  // Results written before judges described themselves name them only.
  const infos = run.judgeInfo ?? run.judges.map((id): JudgeInfo => ({ id, kind: id === 'checks' ? 'checks' : id === 'offline' ? 'offline' : 'llm', description: id }));
  return infos.map((info) => ({ ...info, stats: info.stats ?? emptyJudgeStats() }));
}
