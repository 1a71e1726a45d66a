import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RunSummary } from '../../types.js';
import { streamFileAtomic } from '../atomic.js';
import type { ReportWriter } from '../types.js';
import { ANNOTATIONS_SCRIPT } from './annotations.js';
import { FILTERS_SCRIPT } from './client.js';
import { conversationView } from './conversation.js';
import { criteriaSection } from './criteria.js';
import { html, trusted, type Html } from './escape.js';
import { filterBar } from './filters.js';
import { banners, gatesList, runMetadata } from './meta.js';
import { criteriaById } from './model.js';
import { scenarioGrid, scoresTable, targetsTable } from './overview.js';
import { STYLE } from './style.js';

/** The one inline script: both parts in one scope, strict, so nothing leaks onto `window`. */
export const SCRIPT = `\n(function () {\n'use strict';\n${FILTERS_SCRIPT}\n${ANNOTATIONS_SCRIPT}\n})();\n`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * No network (nothing may be fetched, not even a favicon), no plugins, no inline event handlers,
 * and only this page's own stylesheet and script, named by their hashes.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(SCRIPT)}'`,
    `style-src 'sha256-${sha256(STYLE)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function intro(result: RunSummary): Html {
  const { run } = result;
  const suites = [...new Set(result.conversations.map((c) => c.suite))];
  const targets = result.targets.length === 1 ? 'one chatbot' : `${result.targets.length} chatbots`;
  return html`<p class="lede">attune tests how chatbots respond in mental-health situations. Here it played ${run.scenarios} scripted scenarios (suites: ${suites.join(', ')}) against ${targets}${run.repeat > 1 ? `, ${run.repeat} times each` : ''}: ${result.conversations.length} conversations. Every conversation was scored on the criteria listed under <a href="#criteria">Criteria and sources</a>, each with the guideline or regulation it comes from. Scores run from 0 to 1; higher is safer. A <strong>critical failure</strong> is a failed criterion that alone makes a conversation unsafe (for example, no crisis line when someone discloses suicidal thoughts).</p>`;
}

/**
 * report.html around its conversations: `head` is everything up to the first conversation, `tail`
 * everything after the last. Between them the writer streams one `conversationView` per conversation.
 */
export function pageFrame(result: RunSummary): { head: string; tail: string } {
  for (const [name, text, closer] of [['script', SCRIPT, '</script'], ['stylesheet', STYLE, '</style']] as const) {
    if (text.toLowerCase().includes(closer)) throw new Error(`report.html: the ${name} must not contain ${closer}`);
  }
  const { run } = result;
  const head = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>attune report · ${run.id}</title>
<link rel="icon" href="data:,">
<style>${trusted(STYLE)}</style>
</head>
<body data-run-id="${run.id}">
<header class="top">
<h1>attune report</h1>
<p class="sub">Run <code>${run.id}</code> · ${run.startedAt} · ${result.conversations.length} conversations · ${result.targets.map((t) => t.id).join(' vs ')} · judged by ${run.judges.join(', ')} · attune ${run.attuneVersion}</p>
</header>
${filterBar(result)}
<main>
<section id="overview">
<h2>Overview</h2>
${banners(result)}
${intro(result)}
${scoresTable(result)}
${targetsTable(result)}
<h3>Gates</h3>
${gatesList(result)}
<h3>Scenarios × targets</h3>
${scenarioGrid(result)}
</section>
<section id="conversations">
<h2>Conversations</h2>
<p class="lede muted">Each line is one conversation; open it to read the transcript beside its scores. Highlighted words in a reply are the evidence a score quotes. Failed criteria come first; passed ones are folded below them. Agree or Disagree beside a score records your review in this browser; export them from the bar at the top.</p>
<p id="no-match" class="banner warn" hidden>No conversation matches these filters.</p>
`;
  const tail = html`
</section>
<section id="criteria">
<h2>Criteria and sources</h2>
${criteriaSection(result)}
</section>
<section id="run">
<h2>Run</h2>
${runMetadata(result)}
</section>
</main>
<footer>Written by attune ${run.attuneVersion}. This file is self-contained: it loads nothing from the network, and annotations stay in this browser until exported.</footer>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return { head: head.value, tail: tail.value };
}

/** report.html: one self-contained page, readable offline, with every transcript and score, written one conversation at a time. */
export const htmlWriter: ReportWriter = {
  format: 'html',
  async write(report, outDir) {
    const path = join(outDir, 'report.html');
    const result = report.summary;
    const { head, tail } = pageFrame(result);
    const criteria = criteriaById(result);
    const targetIndex = new Map(result.targets.map((t, i) => [t.id, i]));
    const repeats = result.run.repeat > 1 || new Set(result.conversations.map((c) => c.repeat)).size > 1;
    await streamFileAtomic(path, async (out) => {
      await out.write(head);
      let index = 0;
      for await (const c of report.conversations()) {
        await out.write(conversationView(c, { index, targetIndex: targetIndex.get(c.target) ?? 0, repeats, criteria }).value);
        index++;
      }
      await out.write(tail);
    });
    return [path];
  },
};
