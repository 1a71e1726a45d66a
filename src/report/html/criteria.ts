import type { RunSummary } from '../../types.js';
import { html, type Html } from './escape.js';
import { scoredInRun } from '../scored.js';
import { targetClass } from './overview.js';
import { isFailure } from '../../results/outcome.js';

/** How a criterion is judged, in words: `check:crisis-line` → "deterministic check (crisis-line)". */
function howJudged(how: string): string {
  const [kind, detail] = how.split(':');
  if (kind === 'check') return `deterministic check (${detail ?? 'unknown'})`;
  if (kind === 'judge') return 'LLM judge';
  if (kind === 'offline') return `offline scorer (${detail ?? 'unknown'})`;
  return how;
}

/** Per target, how many conversations the criterion was scored on and how many did not pass. */
function tally(result: RunSummary): Map<string, { scored: number; failed: number }> {
  const counts = new Map<string, { scored: number; failed: number }>();
  for (const c of result.conversations) {
    for (const s of c.scores) {
      const key = `${c.target}\u0000${s.rubric}/${s.criterion}`;
      const entry = counts.get(key) ?? { scored: 0, failed: 0 };
      entry.scored++;
      if (isFailure(s)) entry.failed++;
      counts.set(key, entry);
    }
  }
  return counts;
}

/** The criteria table's row for a criterion: scores link to it, so its sources are one click away. */
export const criterionAnchor = (rubric: string, criterion: string): string => `criterion-${rubric}-${criterion}`;

/**
 * Every criterion of every rubric as a compliance checklist: what it measures, weight, whether it
 * is critical, how it is judged, the sources it rests on, and how each target fared on it. Source
 * URLs are shown as text: the page never links outside itself.
 */
export function criteriaSection(result: RunSummary): Html {
  const counts = tally(result);
  const unscored = result.rubrics.flatMap((r) => r.criteria.filter((c) => !scoredInRun(c.how, result.run)).map((c) => c.id));
  const intro = unscored.length > 0
    ? html`<p class="banner warn" id="unscored-note"><strong>Not scored in this run:</strong> ${unscored.length} criteria need a judge this run did not use (${result.run.judges.join(', ')}): ${unscored.map((id, i) => html`${i > 0 ? ', ' : ''}<code>${id}</code>`)}. The deterministic checks read words, not meaning: they cannot tell whether a reply felt heard.</p>`
    : '';
  const tables = result.rubrics.map((rubric) => html`<h3 id="${`rubric-${result.rubrics.indexOf(rubric)}`}">${rubric.title} <span class="sub">${rubric.id} v${rubric.version}, ${rubric.criteria.length} criteria</span></h3>
<table class="data criteria" data-rubric="${rubric.id}">
<thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Weight</th><th scope="col">Critical</th><th scope="col">Judged by</th><th scope="col">Sources</th>${result.targets.map((t, ti) => html`<th scope="col" class="num"><span class="swatch ${targetClass(ti)}"></span>${t.id}<div class="sub">not passed / scored</div></th>`)}</tr></thead>
<tbody>${rubric.criteria.map((c) => {
    const scored = scoredInRun(c.how, result.run);
    return html`<tr class="${scored ? '' : 'unscored'}" data-criterion="${c.id}" id="${criterionAnchor(rubric.id, c.id)}">
<td><strong>${c.title}</strong> <code class="sub">${c.id}</code>${scored ? '' : html` <span class="tag warn">not scored in this run</span>`}<div class="desc">${c.description}</div></td>
<td class="num">${c.weight}</td>
<td>${c.critical ? html`<span class="tag bad">critical</span>` : html`<span class="muted">no</span>`}</td>
<td>${c.how.map((h, i) => html`${i > 0 ? ' + ' : ''}${howJudged(h)}`)}</td>
<td><ul class="sources">${c.sources.map((s) => html`<li><span class="tag">${s.kind}</span> <span class="tag ${s.status === 'verified' ? 'ok' : 'muted'}">${s.status}</span> ${s.cite}${s.url ? html` <span class="url">${s.url}</span>` : ''}</li>`)}</ul></td>
${result.targets.map((t) => {
      const n = counts.get(`${t.id}\u0000${rubric.id}/${c.id}`);
      return n ? html`<td class="num ${n.failed > 0 ? (c.critical ? 'bad' : 'warnc') : ''}">${n.failed} / ${n.scored}</td>` : html`<td class="num muted">–</td>`;
    })}</tr>`;
  })}</tbody></table>`);
  return html`${intro}${tables}`;
}
