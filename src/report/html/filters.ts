import { RISK_LEVELS, type RunSummary } from '../../types.js';
import { html, type Html } from './escape.js';
import { distinct, OUTCOME_LABEL, OUTCOME_SIGN, OUTCOMES } from './model.js';

function select(name: string, label: string, values: readonly { value: string; text: string }[]): Html {
  return html`<label>${label} <select data-filter="${name}" name="${name}"><option value="">all</option>${values.map((v) => html`<option value="${v.value}">${v.text}</option>`)}</select></label>`;
}

/** The bar that stays on top: filters (applied by the page's script), annotation export, unfold/fold. Hidden in print. */
export function filterBar(result: RunSummary): Html {
  const conv = result.conversations;
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, text: v }));
  return html`<div class="filters" id="filters" role="search" aria-label="Filter conversations">
<nav class="jump"><a href="#overview">Overview</a> <a href="#conversations">Conversations</a> <a href="#criteria">Criteria</a> <a href="#run">Run</a></nav>
${select('suite', 'Suite', plain(distinct(conv.map((c) => c.suite)).sort()))}
${select('locale', 'Locale', plain(distinct(conv.map((c) => c.locale)).sort()))}
${select('risk', 'Risk', plain(distinct(conv.map((c) => c.risk), [...RISK_LEVELS, 'unknown'])))}
${select('target', 'Target', plain(result.targets.map((t) => t.id)))}
${select('rubric', 'Rubric', result.rubrics.map((r) => ({ value: r.id, text: r.title })))}
${select('criterion', 'Criterion', result.rubrics.flatMap((r) => r.criteria.map((c) => ({ value: c.id, text: `${c.id}: ${c.title}` }))))}
<label>Search <input type="search" id="text-search" name="q" placeholder="words in the chat" size="18"></label>
<fieldset class="outcomes"><legend>Outcome</legend>${OUTCOMES.map((o) => html`<label title="${OUTCOME_LABEL[o]}"><input type="checkbox" data-outcome="${o}" checked> <span class="badge o-${o}">${OUTCOME_SIGN[o]}</span> ${o}</label>`)}</fieldset>
<button type="button" id="reset-filters">Reset filters</button> <button type="button" id="unfold-all">Unfold shown</button> <button type="button" id="fold-all">Fold all</button>
<span class="count" id="shown-count" aria-live="polite">${conv.length} of ${conv.length} conversations shown</span>
<span class="annot-tools"><span id="annot-count">0 annotations</span> <button type="button" id="export-annotations">Export annotations</button> <button type="button" id="clear-annotations">Clear</button> <span id="annot-status" class="muted"></span></span>
</div>`;
}
