import type { Interval, RunSummary } from '../../types.js';
import { fmt, html, type Html } from './escape.js';
import { cellConversations, conversationAnchor, conversationOutcome, OUTCOME_LABEL, OUTCOME_SIGN, OUTCOMES } from './model.js';
import { isFailure } from '../../results/outcome.js';

/** Bar width in SVG units for a score of 1. */
const SCALE = 240;

/** Colour class of the i-th target (the stylesheet defines eight, then they repeat). */
export const targetClass = (i: number): string => `t${i % 8}`;

/** A 0–1 score as a bar, its 95% interval as a whisker; numbers only go into attributes. */
function bar(interval: Interval, colour: string): Html {
  const x = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * SCALE * 10) / 10;
  const [lo, hi] = [x(interval.ci95[0]), x(interval.ci95[1])];
  return html`<svg class="bar" viewBox="0 0 ${SCALE + 4} 20" width="${SCALE + 4}" height="20" role="img" aria-label="${`${fmt(interval.score)}, 95% interval ${fmt(interval.ci95[0])} to ${fmt(interval.ci95[1])}`}">
<line class="grid" x1="2" x2="2" y1="0" y2="20"/><line class="grid" x1="${SCALE / 2 + 2}" x2="${SCALE / 2 + 2}" y1="0" y2="20"/><line class="grid" x1="${SCALE + 2}" x2="${SCALE + 2}" y1="0" y2="20"/>
<rect class="${colour}" x="2" y="4" height="12" width="${x(interval.score)}"/>
<line class="whisker" x1="${lo + 2}" x2="${hi + 2}" y1="10" y2="10"/><line class="whisker" x1="${lo + 2}" x2="${lo + 2}" y1="5" y2="15"/><line class="whisker" x1="${hi + 2}" x2="${hi + 2}" y1="5" y2="15"/>
</svg>`;
}

function axis(): Html {
  return html`<svg class="axis" viewBox="0 0 ${SCALE + 4} 14" width="${SCALE + 4}" height="14" aria-hidden="true"><text x="2" y="11">0</text><text x="${SCALE / 2 + 2}" y="11" text-anchor="middle">0.5</text><text x="${SCALE + 2}" y="11" text-anchor="end">1</text></svg>`;
}

/** Every target on every rubric, side by side on one axis, with mean, interval and n. */
export function scoresTable(result: RunSummary): Html {
  const rows = result.rubrics.map((rubric) =>
    result.targets.map((t, ti) => {
      const interval = t.rubrics[rubric.id];
      const head = ti === 0 ? html`<th scope="rowgroup" rowspan="${result.targets.length}">${rubric.title}<div class="sub">${rubric.id} v${rubric.version}</div></th>` : '';
      const cells = interval
        ? html`<td>${bar(interval, targetClass(ti))}</td><td class="num strong">${fmt(interval.score)}</td><td class="num">[${fmt(interval.ci95[0])}, ${fmt(interval.ci95[1])}]</td><td class="num">${interval.n}</td>`
        : html`<td class="muted" colspan="4">not scored</td>`;
      return html`<tr class="${ti === 0 ? 'group-start' : ''}">${head}<td><span class="swatch ${targetClass(ti)}"></span>${t.id}</td>${cells}</tr>`;
    }),
  );
  return html`<table id="scores" class="data scores">
<caption>Score per rubric, 0–1 (higher is safer): mean over conversations of the weighted criterion scores; the whisker is the 95% bootstrap interval, n the conversations scored.</caption>
<thead><tr><th scope="col">Rubric</th><th scope="col">Target</th><th scope="col">${axis()}</th><th scope="col" class="num">Score</th><th scope="col" class="num">95% interval</th><th scope="col" class="num">n</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Conversations, errors and critical failures per target, with how the conversations turned out. */
export function targetsTable(result: RunSummary): Html {
  const rows = result.targets.map((t, ti) => {
    const own = result.conversations.filter((c) => c.target === t.id);
    const counts = OUTCOMES.map((o) => own.filter((c) => conversationOutcome(c) === o).length);
    return html`<tr data-target="${t.id}"><th scope="row"><span class="swatch ${targetClass(ti)}"></span>${t.id}<div class="sub">${t.description}</div></th>
<td class="num">${t.conversations}</td><td class="num ${t.errors > 0 ? 'bad' : ''}" data-count="errors">${t.errors}</td><td class="num ${t.criticalFailures > 0 ? 'bad' : ''}" data-count="critical">${t.criticalFailures}</td>
${counts.map((n, i) => html`<td class="num" data-outcome-count="${OUTCOMES[i]!}">${n}</td>`)}</tr>`;
  });
  return html`<table id="targets" class="data">
<caption>Critical failures count failed critical criteria (a conversation can have several); the last four columns count conversations by their worst outcome.</caption>
<thead><tr><th scope="col">Target</th><th scope="col" class="num">Conversations</th><th scope="col" class="num">Errored</th><th scope="col" class="num">Critical failures</th>
${OUTCOMES.map((o) => html`<th scope="col" class="num"><span class="badge o-${o}">${OUTCOME_SIGN[o]}</span> ${OUTCOME_LABEL[o]}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Scenario × target: one linked sign per conversation (several with repeats), grouped by suite. */
export function scenarioGrid(result: RunSummary): Html {
  const cells = cellConversations(result);
  const scenarios = new Map<string, { suite: string; locale: string; risk: string }>();
  for (const c of result.conversations) if (!scenarios.has(c.scenario)) scenarios.set(c.scenario, { suite: c.suite, locale: c.locale, risk: c.risk });
  const suites = [...new Set([...scenarios.values()].map((s) => s.suite))];
  const body = suites.map((suite) => {
    const own = [...scenarios].filter(([, s]) => s.suite === suite);
    return html`<tbody data-suite="${suite}"><tr class="suite-row"><th scope="rowgroup" colspan="${3 + result.targets.length}">${suite} <span class="sub">${own.length} scenarios</span></th></tr>
${own.map(([id, s]) => html`<tr data-scenario="${id}"><th scope="row" class="scenario-id">${id}</th><td>${s.locale}</td><td>${s.risk}</td>
${result.targets.map((t) => html`<td class="cell">${(cells.get(`${id}\u0000${t.id}`) ?? []).map(({ index, c }) => {
      const outcome = conversationOutcome(c);
      const failed = c.scores.filter(isFailure).map((sc) => sc.criterion);
      const title = `${t.id}, repeat ${c.repeat}: ${OUTCOME_LABEL[outcome]}${c.error ? ` (${c.error.kind} at turn ${c.error.turn})` : ''}${failed.length ? `: ${failed.join(', ')}` : ''}`;
      return html`<a class="badge o-${outcome}" href="#${conversationAnchor(index)}" data-conv="${index}" data-outcome="${outcome}" title="${title}" aria-label="${title}">${OUTCOME_SIGN[outcome]}</a>`;
    })}</td>`)}</tr>`)}</tbody>`;
  });
  return html`<p class="caption">Each sign is one conversation; follow it to read the transcript. ${OUTCOMES.map((o) => html`<span class="legend"><span class="badge o-${o}">${OUTCOME_SIGN[o]}</span> ${OUTCOME_LABEL[o]}</span>`)}</p>
<table id="grid" class="data grid">
<thead><tr><th scope="col">Scenario</th><th scope="col">Locale</th><th scope="col">Risk</th>${result.targets.map((t, ti) => html`<th scope="col"><span class="swatch ${targetClass(ti)}"></span>${t.id}</th>`)}</tr></thead>
${body}</table>`;
}
