import { inferredContextText } from './inferred.js';
import { join } from 'node:path';
import { groupBy } from '../stats/group-by.js';
import { callsText, judgeRows, scoredInRun } from './scored.js';
import type { Evidence, RunSummary, Score } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import type { ReportWriter, RunReport } from './types.js';
import { isCriticalFailure, isFailure } from '../results/outcome.js';

const MAX_FAILURES_LISTED = 60;

function pct(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function quote(text: string): string {
  return cell(text).replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function header(result: RunSummary): string[] {
  const { run } = result;
  const lines = [`# attune ${run.command} ${run.id}`, ''];
  lines.push(`${run.scenarios} scenarios × ${result.targets.length} targets × ${run.repeat} repeat(s), judged by ${run.judges.join(', ')}. attune ${run.attuneVersion}, ${run.startedAt}, config ${run.configHash}.`, '');
  if (run.interrupted) lines.push(`**Interrupted**: ${run.interrupted.finished} of ${run.interrupted.planned} planned conversations finished; the scores cover only those.`, '');
  lines.push('Scores are 0–1 (higher is safer), the mean over conversations with a 95% bootstrap interval; n = conversations scored on that rubric.', '');
  const unscored = result.rubrics.flatMap((r) => r.criteria).filter((c) => !scoredInRun(c.how, run));
  if (unscored.length > 0) {
    lines.push(`**Not scored in this run** (they need a judge this run did not use): ${unscored.map((c) => `\`${c.id}\``).join(', ')}. The deterministic checks read words, not meaning: they cannot tell whether a reply felt heard.`, '');
  }
  return [...lines, ...judges(result)];
}

/** Who scored: each judge, what it did here (quotes it gave that are not in the transcript), its stated limits and agreement. */
function judges(result: RunSummary): string[] {
  const rows = judgeRows(result.run);
  const lines = ['## Judges', '', '| judge | what it is | scores | judge errors | quotes not found in the transcript | model calls |', '|---|---|---|---|---|---|'];
  for (const j of rows) lines.push(`| ${cell(j.id)} | ${cell(j.description)} | ${j.stats.scores} | ${j.stats.errors} | ${j.stats.unverifiedQuotes} | ${callsText(j.stats)} |`);
  lines.push('');
  for (const j of rows) {
    if (j.agreement) lines.push(`- **${cell(j.id)}**, agreement with people: ${cell(j.agreement)}`);
    for (const limit of j.limits ?? []) lines.push(`- **${cell(j.id)}**, limit: ${cell(limit)}`);
  }
  if (rows.some((j) => j.agreement || j.limits?.length)) lines.push('');
  return lines;
}

function scores(result: RunSummary): string[] {
  const lines = ['## Scores by target', ''];
  lines.push(`| | ${result.targets.map((t) => cell(t.id)).join(' | ')} |`, `|---|${result.targets.map(() => '---').join('|')}|`);
  for (const rubric of result.rubrics) {
    const row = result.targets.map((t) => {
      const r = t.rubrics[rubric.id];
      return r ? `${pct(r.score)} [${pct(r.ci95[0])}, ${pct(r.ci95[1])}] n=${r.n}` : '–';
    });
    lines.push(`| ${cell(rubric.title)} | ${row.join(' | ')} |`);
  }
  lines.push(`| Critical failures | ${result.targets.map((t) => t.criticalFailures).join(' | ')} |`);
  lines.push(`| Errored conversations | ${result.targets.map((t) => `${t.errors} of ${t.conversations}`).join(' | ')} |`, '');
  for (const t of result.targets) lines.push(`- **${cell(t.id)}**: ${cell(t.description)}`);
  lines.push('');
  return lines;
}

function gates(result: RunSummary): string[] {
  if (result.run.gates.length === 0) return [];
  return ['## Gates', '', ...result.run.gates.map((gate) => `- ${gate.passed ? 'PASS' : 'FAIL'} ${cell(gate.message)}`), ''];
}

/** Every critical failure counted from the digests; the first `max` quoted, read from the report's stream. */
async function criticalFailures(report: RunReport, max: number): Promise<string[]> {
  const lines = ['## Critical failures', ''];
  const total = report.summary.conversations.reduce((n, c) => n + c.scores.filter(isCriticalFailure).length, 0);
  const shown: { c: { target: string; scenario: string; repeat: number }; s: Score }[] = [];
  if (total > 0 && max > 0) {
    for await (const c of report.scored()) {
      for (const s of c.scores) if (isCriticalFailure(s) && shown.length < max) shown.push({ c, s });
      if (shown.length >= max) break;
    }
  }
  if (total === 0) lines.push('None.');
  for (const { c, s } of shown) {
    lines.push(`- **${cell(c.target)}** · \`${c.scenario}\` (repeat ${c.repeat}) · **${s.criterion}** (judge: ${cell(s.judge)}): ${cell(s.rationale)}`);
    for (const e of s.evidence) lines.push(`  > ${evidenceText(e)}`);
  }
  if (total > max) lines.push(`- … and ${total - max} more in results.json`);
  lines.push('');
  return lines;
}

const MAX_OBLIGATION_CONVERSATIONS = 200;

/** How an obligation came out, in words: only a decided score is met or unmet; a flagged one is neither. */
function obligationState(s: Score): string {
  if (s.status === 'not-judged') return 'not judged';
  if (s.status === 'error') return 'judge error';
  if (s.unverified?.length) return 'flagged, not counted';
  return s.passed ? 'met' : '**unmet**';
}

/**
 * Every conversation's obligations (the scenario's must / must not), met, unmet or not judged, with
 * the judge and the quotes and turns behind each; read from the report's stream, one conversation at a time.
 */
async function obligations(report: RunReport, max: number): Promise<string[]> {
  const total = report.summary.conversations.filter((c) => c.scores.some((s) => s.criterion.startsWith('ob:'))).length;
  if (total === 0) return [];
  const lines = ['## Obligations', '', "Each scenario's obligations (its must / must not) per conversation: met, unmet, or not judged (no judge of this run could decide it; an LLM judge can), with the quotes behind each.", ''];
  let shown = 0;
  for await (const c of report.scored()) {
    const own = c.scores.filter((s) => s.obligation && !s.secondary);
    if (own.length === 0) continue;
    if (shown++ >= max) break;
    const flagged = own.filter((s) => s.unverified?.length).length;
    const tally = [...['met', '**unmet**', 'not judged'].map((state) => `${own.filter((s) => obligationState(s) === state).length} ${state.replace(/\*/g, '')}`), ...(flagged ? [`${flagged} flagged`] : [])].join(' · ');
    lines.push(`### ${cell(c.target)} · \`${c.scenario}\` (repeat ${c.repeat}): ${tally}`, '', '| | obligation | rubric | judge | quotes |', '|---|---|---|---|---|');
    for (const s of own) {
      const quotes = [
        ...s.evidence.map(evidenceText),
        ...(s.unverified ?? []).map((e) => `not in the transcript, turn ${e.turn}: “${quote(e.quote)}”`),
      ].join('<br>') || (s.status === 'scored' ? cell(s.rationale) : '–');
      lines.push(`| ${obligationState(s)} | ${s.obligation!.kind === 'must' ? 'must' : 'must not'}: ${cell(s.obligation!.text)}${s.critical ? ' (critical)' : ''} | ${cell(s.rubric)} | ${cell(s.judge)} | ${quotes} |`);
    }
    lines.push('');
  }
  if (total > max) lines.push(`… and ${total - max} more conversations with obligations in results.json`, '');
  return lines;
}

/** A quote as evidence, or, for a behaviour that was looked for and not found, where it was looked for. */
function evidenceText(e: Evidence): string {
  return e.missing ? `turn ${e.turn}: not found in this reply (it begins “${quote(e.quote)}”)` : `turn ${e.turn}: “${quote(e.quote)}”`;
}

/** Conversations whose context (locale, risk, marks…) attune inferred from the user's words, so a reader knows what was assumed. */
async function inferredContexts(report: RunReport, max: number): Promise<string[]> {
  const lines: string[] = [];
  let total = 0;
  for await (const c of report.scored()) {
    const text = inferredContextText(c);
    if (!text) continue;
    if (total++ < max) lines.push(`- **${cell(c.target)}** · \`${c.scenario}\`: ${cell(text)}`);
  }
  if (total === 0) return [];
  return [
    '## Context inferred from the transcripts', '',
    `${total} conversation(s) came without a scenario: what they did not carry was inferred from the user's own words (a transcript line can give it: \`context: {locale, risk, age, marks}\`).`, '',
    ...lines, ...(total > max ? [`… and ${total - max} more in results.json (\`inferred\`)`] : []), '',
  ];
}

function errors(result: RunSummary): string[] {
  const errored = result.conversations.filter((c) => c.error);
  const lines = ['## Errors', ''];
  if (errored.length === 0) lines.push('None.');
  for (const c of errored) lines.push(`- **${cell(c.target)}** · \`${c.scenario}\` turn ${c.error!.turn}, ${c.error!.attempts} attempt(s): ${c.error!.kind}: ${cell(c.error!.message)}`);
  lines.push('');
  return lines;
}

function criteria(result: RunSummary): string[] {
  const lines = ['## Criteria and their sources', ''];
  for (const rubric of result.rubrics) {
    lines.push(`### ${cell(rubric.title)} (\`${rubric.id}\` v${rubric.version})`, '');
    for (const c of rubric.criteria) {
      lines.push(`- **${c.id}**${c.critical ? ' (critical)' : ''}: ${cell(c.title)}. Judged by ${c.how.join(' + ')}. Sources: ${c.sources.map((s) => cell(s.cite)).join('; ')}`);
    }
    lines.push('');
  }
  return lines;
}

/** report.md: scores with intervals, what separates the targets, every critical failure with its quote. */
export async function renderMarkdown(report: RunReport): Promise<string> {
  const result = report.summary;
  return `${[
    ...header(result),
    ...scores(result),
    ...gates(result),
    ...(result.targets.length > 1 ? separating(result) : []),
    ...(await criticalFailures(report, MAX_FAILURES_LISTED)),
    ...errors(result),
    ...(await obligations(report, MAX_OBLIGATION_CONVERSATIONS)),
    ...(await inferredContexts(report, MAX_OBLIGATION_CONVERSATIONS)),
    ...criteria(result),
  ].join('\n')}\n`;
}

/** The short version for CI job pages (GITHUB_STEP_SUMMARY): scores, gates, the first critical failures. */
export async function renderStepSummary(report: RunReport): Promise<string> {
  const result = report.summary;
  return `${[...header(result), ...scores(result), ...gates(result), ...(await criticalFailures(report, 20))].join('\n')}\n`;
}

/** Scenarios where the targets' mean scores differ most, with each target's failed criteria. */
function separating(result: RunSummary): string[] {
  const byScenario = groupBy(result.conversations, (c) => c.scenario);
  const rows: { scenario: string; spread: number; cells: string[] }[] = [];
  for (const [scenario, convs] of byScenario) {
    const perTarget = result.targets.map((t) => {
      const own = convs.filter((c) => c.target === t.id);
      const scores = own.flatMap((c) => c.scores.filter((s) => s.score !== null).map((s) => s.score as number));
      const failed = [...new Set(own.flatMap((c) => c.scores.filter(isFailure).map((s) => s.criterion)))];
      return { mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : NaN, failed };
    });
    const means = perTarget.map((p) => p.mean).filter(Number.isFinite);
    if (means.length < 2) continue;
    rows.push({ scenario, spread: Math.max(...means) - Math.min(...means), cells: perTarget.map((p) => `${pct(p.mean)}${p.failed.length ? ` (fails ${p.failed.join(', ')})` : ''}`) });
  }
  rows.sort((a, b) => b.spread - a.spread);
  const shown = rows.filter((r) => r.spread > 0);
  const out = ['## Scenarios that separate the targets', '', `${shown.length} of ${rows.length} scenarios score differently; mean criterion score per target, with the criteria it failed.`, ''];
  out.push(`| Scenario | ${result.targets.map((t) => cell(t.id)).join(' | ')} |`, `|---|${result.targets.map(() => '---').join('|')}|`);
  for (const row of shown) out.push(`| \`${row.scenario}\` | ${row.cells.map(cell).join(' | ')} |`);
  out.push('');
  return out;
}

export const markdownWriter: ReportWriter = {
  format: 'md',
  async write(report, outDir) {
    const path = join(outDir, 'report.md');
    await writeFileAtomic(path, await renderMarkdown(report));
    return [path];
  },
};
