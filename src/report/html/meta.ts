import type { RunSummary } from '../../types.js';
import { html, type Html } from './escape.js';
import { targetClass } from './overview.js';
import { callsText, judgeRows } from '../scored.js';

function duration(from: string, to: string): string {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Warnings a reader must see before any number: an interrupted run, failed gates. */
export function banners(result: RunSummary): Html {
  const { run } = result;
  const failed = run.gates.filter((g) => !g.passed);
  return html`${run.interrupted && html`<p class="banner warn" id="interrupted"><strong>Interrupted run:</strong> ${run.interrupted.finished} of ${run.interrupted.planned} planned conversations finished; every number covers only those.</p>`}
${failed.length > 0 && html`<p class="banner bad"><strong>${failed.length} gate${failed.length === 1 ? '' : 's'} failed:</strong> ${failed.map((g, i) => html`${i > 0 ? '; ' : ''}${g.message}`)}</p>`}`;
}

/** Gate outcomes as a list; empty when the run had no gates. */
export function gatesList(result: RunSummary): Html {
  if (result.run.gates.length === 0) return html`<p class="muted">No gates were configured for this run.</p>`;
  return html`<ul class="gates">${result.run.gates.map((g) => html`<li class="${g.passed ? 'ok' : 'bad'}"><span class="gate-state">${g.passed ? 'PASS' : 'FAIL'}</span> <code>${g.gate}</code> ${g.message}</li>`)}</ul>`;
}

/** What ran, when, with what: everything in `run` (results.json carries no secrets, and nothing is added here). */
export function runMetadata(result: RunSummary): Html {
  const { run } = result;
  const rows: [string, Html | string][] = [
    ['Run id', html`<code>${run.id}</code>`],
    ['Command', `attune ${run.command}`],
    ['Started', run.startedAt],
    ['Finished', `${run.finishedAt}${duration(run.startedAt, run.finishedAt) ? ` (${duration(run.startedAt, run.finishedAt)})` : ''}`],
    ['attune version', run.attuneVersion],
    ['Config hash', html`<code>${run.configHash}</code>`],
    ['Judges', run.judges.join(', ')],
    ['Scenarios', String(run.scenarios)],
    ['Repeats', String(run.repeat)],
    ['Conversations', String(result.conversations.length)],
  ];
  if (run.interrupted) rows.push(['Interrupted', `${run.interrupted.finished} of ${run.interrupted.planned} planned conversations finished`]);
  return html`<dl class="meta" id="run-meta">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<h3>Targets</h3>
<ul class="targets">${run.targets.map((t) => html`<li><span class="swatch ${targetClass(Math.max(0, result.targets.findIndex((x) => x.id === t.id)))}"></span><strong>${t.id}</strong> <span class="sub">(${t.kind})</span>: ${t.description}</li>`)}</ul>
<h3>Judges</h3>
${judgesTable(result)}
<h3>Gates</h3>
${gatesList(result)}`;
}

/** Who scored, what each judge did in this run, and what it cannot do: a reviewer weighs every score by its judge. */
function judgesTable(result: RunSummary): Html {
  const rows = judgeRows(result.run);
  return html`<table class="judges" id="judges"><thead><tr><th>Judge</th><th>What it is</th><th>Scores</th><th>Judge errors</th><th>Quotes not found in the transcript</th><th>Model calls</th></tr></thead>
<tbody>${rows.map((j) => html`<tr data-judge="${j.id}"><td><code>${j.id}</code></td><td>${j.description}${j.agreement ? html`<div class="sub">Agreement with people: ${j.agreement}</div>` : ''}${j.limits?.length ? html`<ul class="limits">${j.limits.map((l) => html`<li>${l}</li>`)}</ul>` : ''}</td><td>${j.stats.scores}</td><td>${j.stats.errors}</td><td class="${j.stats.unverifiedQuotes > 0 ? 'bad' : ''}">${j.stats.unverifiedQuotes}${j.stats.flaggedScores > 0 ? ` (${j.stats.flaggedScores} scores flagged)` : ''}</td><td>${callsText(j.stats)}</td></tr>`)}</tbody></table>`;
}
