import type { ConversationResult, Score } from '../../types.js';
import { fmt, html, type Html } from './escape.js';
import { bubbles, evidenceByMessage, highlighted, type Bubble, type Located } from './highlight.js';
import { conversationAnchor, conversationOutcome, OUTCOME_LABEL, OUTCOME_RANK, OUTCOME_SIGN, scoreOutcome, type CriterionInfo } from './model.js';
import { criterionAnchor } from './criteria.js';
import { obligationsBlock, obligationTag, obligationTitle } from './obligations.js';
import { targetClass } from './overview.js';
import { counts } from '../../results/outcome.js';
import { inferredContextText } from '../inferred.js';

/** What a conversation needs from the whole run: its position (for ids and links), its target's colour, criterion titles. */
export interface ConversationContext {
  index: number;
  targetIndex: number;
  /** Whether the run repeated scenarios, so the repeat number is worth showing. */
  repeats: boolean;
  criteria: Map<string, CriterionInfo>;
}

const markId = (conv: number, message: number, range: number): string => `${conversationAnchor(conv)}-m${message}-${range}`;

function bubble(c: ConversationResult, b: Bubble, located: Located | undefined, ctx: ConversationContext): Html {
  const { role, content } = b.message;
  const meta = role === 'assistant' ? c.turns.find((t) => t.turn === b.turn) : undefined;
  const who = role === 'user' ? 'user' : role === 'assistant' ? c.target : 'system prompt';
  const label = role === 'system' ? who : b.turn === 0 ? `Turn 0 (greeting) · ${who}` : `Turn ${b.turn} · ${who}`;
  const text = located && located.ranges.length > 0 ? highlighted(content, located.ranges, (r) => markId(ctx.index, b.index, r)) : html`${content}`;
  return html`<div class="msg ${role}" data-turn="${b.turn}" data-role="${role}"><div class="msg-head">${label}${meta ? html` <span class="sub">${meta.latencyMs} ms${meta.attempts > 1 ? `, ${meta.attempts} attempts` : ''}</span>` : ''}</div><div class="msg-text">${text}</div></div>`;
}

function scoreItem(s: Score, si: number, where: Map<string, { message: number; range: number }>, ctx: ConversationContext): Html {
  const info = ctx.criteria.get(`${s.rubric}/${s.criterion}`);
  const outcome = scoreOutcome(s);
  const evidence = s.evidence.map((e, ei) => {
    const at = where.get(`${si}:${ei}`);
    const turn = e.turn === 0 ? 'turn 0 (greeting)' : `turn ${e.turn}`;
    if (e.missing) return html`<li class="missing">${turn}: <strong>not found</strong> in this reply <span class="muted">(it begins <q>${e.quote}</q>)</span></li>`;
    return html`<li>${at ? html`<a class="ev-link" href="#${markId(ctx.index, at.message, at.range)}">${turn}</a>` : html`<span>${turn}</span>`} <q>${e.quote}</q>${at ? '' : html` <span class="muted">(not found in that reply)</span>`}</li>`;
  });
  return html`<li class="score o-${outcome}" data-rubric="${s.rubric}" data-criterion="${s.criterion}" data-judge="${s.judge}" data-score="${s.score === null ? '' : String(s.score)}" data-outcome="${outcome}">
<div class="score-head"><span class="badge o-${outcome}">${OUTCOME_SIGN[outcome]}</span> <strong>${s.obligation ? obligationTitle(s.obligation) : info?.title ?? s.criterion}</strong> <span class="score-val">${s.score === null ? 'unscored' : fmt(s.score)}</span></div>
<div class="sub">${s.obligation ? obligationTag(s) : s.status === 'error' ? 'judge error, not scored' : s.status === 'not-judged' ? 'not judged in this run' : outcome === 'pass' ? 'passed' : 'not passed'}${s.critical ? html` · <span class="tag bad">critical</span>` : ''} · ${s.rubric} · <code>${s.criterion}</code> · judge: ${s.judge}${s.secondary ? html` · <span class="tag">second judge, not counted</span>` : ''}${s.samples ? ` · samples: ${s.samples.map((v) => (v === null ? 'error' : fmt(v))).join(', ')}` : ''}</div>
<p class="rationale">${s.rationale}</p>${s.status === 'error' ? html`<p class="judge-error">${s.error}</p>` : ''}
${!s.obligation && info && info.sources.length > 0 ? restsOn(s, info, outcome) : ''}
${s.unverified?.length ? html`<div class="unverified"><strong>${s.unverified.length} quote${s.unverified.length === 1 ? '' : 's'} not found in the transcript</strong> (flagged; the score does not pass):<ul>${s.unverified.map((e) => html`<li>turn ${e.turn}: <q>${e.quote}</q></li>`)}</ul></div>` : ''}
${evidence.length > 0 ? html`<ul class="evidence">${evidence}</ul>` : ''}</li>`;
}

/**
 * Where a score's criterion comes from: a link to its row in the criteria table, and for a score that
 * did not pass, the sources' titles in place (a reviewer checks those; a passed one needs only the link,
 * which keeps a 10,000-conversation page from growing by a line per score).
 */
function restsOn(s: Score, info: CriterionInfo, outcome: string): Html {
  const link = html`<a href="#${criterionAnchor(s.rubric, s.criterion)}">the criterion and its sources</a>`;
  if (outcome === 'pass') return html`<div class="sub rests-on">${link}</div>`;
  return html`<div class="sub rests-on">rests on ${info.sources.map((src, i) => html`${i > 0 ? '; ' : ''}${src.title}`)} · ${link}</div>`;
}

/** The summary line's tally: scores that count, by outcome; the rest (judge errors, not scored, flagged, second opinions) apart. */
function tally(scores: readonly Score[]): string {
  const by = { critical: 0, fail: 0, pass: 0 };
  let apart = 0;
  for (const s of scores) {
    const outcome = scoreOutcome(s);
    if (counts(s) && outcome !== 'unscored') by[outcome]++;
    else apart++;
  }
  return [by.critical && `${by.critical} critical`, by.fail && `${by.fail} failed`, `${by.pass} passed`, apart && `${apart} not counted`].filter(Boolean).join(' · ');
}

/** One conversation: a folded summary line, then the chat beside every score with its evidence highlighted. */
export function conversationView(c: ConversationResult, ctx: ConversationContext): Html {
  const all = bubbles(c.messages);
  const labelled = c.scores.map((s) => ({ label: s.criterion, evidence: s.evidence }));
  const { perMessage, where } = evidenceByMessage(all, labelled);
  const indexed = c.scores.map((s, si) => ({ s, si }));
  // The scenario's obligations are shown apart, in the order the scenario gives them.
  const obligations = indexed.filter(({ s }) => s.obligation);
  const order = indexed.filter(({ s }) => !s.obligation).sort((a, b) => OUTCOME_RANK[scoreOutcome(a.s)] - OUTCOME_RANK[scoreOutcome(b.s)]);
  const failing = order.filter(({ s }) => scoreOutcome(s) !== 'pass' && scoreOutcome(s) !== 'unscored').map(({ s, si }) => scoreItem(s, si, where, ctx));
  const unscored = order.filter(({ s }) => scoreOutcome(s) === 'unscored').map(({ s, si }) => scoreItem(s, si, where, ctx));
  const passing = order.filter(({ s }) => scoreOutcome(s) === 'pass').map(({ s, si }) => scoreItem(s, si, where, ctx));
  const outcome = conversationOutcome(c);
  const inferred = inferredContextText(c);
  const error = c.error
    ? html`<div class="msg error-box"><div class="msg-head">Ended early at turn ${c.error.turn} after ${c.error.attempts} attempt(s)</div><div class="msg-text">${c.error.kind}${c.error.status ? ` (${c.error.status})` : ''}: ${c.error.message}</div></div>`
    : '';
  return html`<details class="conv" id="${conversationAnchor(ctx.index)}" data-index="${ctx.index}" data-id="${c.id}" data-target="${c.target}" data-scenario="${c.scenario}" data-suite="${c.suite}" data-locale="${c.locale}" data-risk="${c.risk}" data-outcome="${outcome}" data-error="${c.error ? '1' : ''}">
<summary><span class="badge o-${outcome}" title="${OUTCOME_LABEL[outcome]}">${OUTCOME_SIGN[outcome]}</span> <span class="swatch ${targetClass(ctx.targetIndex)}"></span><strong>${c.target}</strong> · <code>${c.scenario}</code>${ctx.repeats ? ` · repeat ${c.repeat}` : ''} <span class="sub">${c.suite} · ${c.locale} · risk ${c.risk}${c.simulator ? ` · user played by ${c.simulator}` : ''}</span> <span class="conv-counts">${c.error ? 'error · ' : ''}${tally(c.scores)}</span><span class="annotated"></span></summary>
<div class="conv-body">
${c.intent ? html`<p class="intent"><span class="sub">The scenario:</span> <strong>${c.intent.title}</strong>${c.intent.persona ? html` · <span class="sub">the user:</span> ${c.intent.persona}` : ''}${c.intent.tags.length > 0 ? html` · ${c.intent.tags.map((t) => html`<span class="tag">${t}</span> `)}` : ''}</p>` : ''}
${inferred ? html`<p class="sub inferred" data-inferred="${c.inferred!.fields.join(' ')}">Context ${inferred}.</p>` : ''}
<div class="chat">${all.map((b) => bubble(c, b, perMessage.get(b.index), ctx))}${error}</div>
<div class="score-col">
${failing.length > 0 ? html`<ol class="score-list">${failing}</ol>` : html`<p class="muted">Every criterion scored on this conversation passed.</p>`}
${passing.length > 0 ? html`<details class="passed"><summary>${passing.length} passed</summary><ol class="score-list">${passing}</ol></details>` : ''}
${unscored.length > 0 ? html`<details class="unscored"><summary>${unscored.length} not judged or judge errors (neither passed nor failed)</summary><ol class="score-list">${unscored}</ol></details>` : ''}
${obligationsBlock(obligations.map(({ s }) => s), obligations.map(({ s, si }) => scoreItem(s, si, where, ctx)))}
</div></div></details>`;
}
