/**
 * The page's one stylesheet (its hash goes into the Content-Security-Policy, so no other style can
 * apply). System fonts only: the file must look right with no connection. Outcome colours carry a
 * sign as well (✓ ! ✗ E) so they do not rely on colour alone; targets use the Tableau 10 palette.
 */
export const STYLE = String.raw`
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
  --pass: #1a7f37; --fail: #9a6700; --critical: #cf222e; --error: #8250df; --mark: #fff3b0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--fg); background: #fff; }
main, header.top, footer { max-width: 1280px; margin: 0 auto; padding: 0 20px; }
header.top { padding-top: 18px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sub { color: var(--muted); font-size: 12px; font-weight: normal; }
.muted { color: var(--muted); }
.lede { max-width: 900px; }
.banner { padding: 8px 12px; border-radius: 6px; border: 1px solid; }
.banner.warn { background: #fff8c5; border-color: #d4a72c; }
.banner.bad { background: #ffebe9; border-color: #ff8182; }

.filters { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,.97); border-bottom: 1px solid var(--line);
  display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 20px; font-size: 13px; }
.filters nav.jump a { margin-right: 8px; }
.filters select { font: inherit; max-width: 12em; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: inline-flex; gap: 8px; align-items: center; }
.filters legend { float: left; margin-right: 4px; padding: 0; }
.filters .count { font-weight: 600; }
.annot-tools { margin-left: auto; display: inline-flex; gap: 6px; align-items: center; }
button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid var(--line); border-radius: 5px; background: var(--bg-soft); cursor: pointer; }
button:hover:not(:disabled) { background: #eaeef2; }
button:disabled { cursor: default; opacity: .55; }
a { color: #0969da; }

table.data { border-collapse: collapse; margin: 8px 0 16px; }
table.data caption { caption-side: top; text-align: left; color: var(--muted); font-size: 12px; padding-bottom: 4px; max-width: 900px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
table.data thead th { font-size: 12px; color: var(--muted); font-weight: 600; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.strong { font-weight: 600; }
td.bad { color: var(--critical); font-weight: 600; }
td.warnc { color: var(--fail); font-weight: 600; }
table.scores td { vertical-align: middle; }
table.scores tr.group-start > * { border-top: 2px solid var(--line); }
table.scores tbody th { width: 14em; }

svg.bar, svg.axis { display: block; overflow: visible; }
svg .grid { stroke: #d8dee4; stroke-width: 1; }
svg .whisker { stroke: #1f2328; stroke-width: 1.5; }
svg.axis text { font-size: 10px; fill: var(--muted); }
.t0 { fill: #4e79a7; background: #4e79a7; } .t1 { fill: #f28e2b; background: #f28e2b; } .t2 { fill: #76b7b2; background: #76b7b2; }
.t3 { fill: #b07aa1; background: #b07aa1; } .t4 { fill: #9c755f; background: #9c755f; } .t5 { fill: #ff9da7; background: #ff9da7; }
.t6 { fill: #59a14f; background: #59a14f; } .t7 { fill: #bab0ac; background: #bab0ac; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }

.badge { display: inline-block; min-width: 18px; height: 18px; line-height: 18px; text-align: center; border-radius: 4px; color: #fff;
  font-size: 12px; font-weight: 700; text-decoration: none; margin: 1px; }
a.badge:hover { outline: 2px solid var(--fg); }
.o-pass.badge { background: var(--pass); } .o-fail.badge { background: #bf8700; } .o-critical.badge { background: var(--critical); } .o-error.badge { background: var(--error); } .o-unscored.badge { background: #8c959f; }
.legend { margin-left: 12px; white-space: nowrap; }
table.grid td.cell { white-space: nowrap; }
p.caption { color: var(--muted); font-size: 12px; margin: 0; }
table.grid .suite-row th { padding-top: 12px; font-size: 13px; border-bottom: 2px solid var(--line); }
table.grid .scenario-id { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: normal; }
table.grid td, table.grid th { padding-top: 1px; padding-bottom: 1px; }

details.conv { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
details.conv > summary { cursor: pointer; padding: 6px 10px; list-style-position: outside; margin-left: 14px; }
details.conv[open] > summary { border-bottom: 1px solid var(--line); background: var(--bg-soft); }
.conv-counts { float: right; color: var(--muted); font-size: 12px; }
.annotated { color: #0969da; font-size: 12px; margin-left: 6px; }
.conv-body { display: grid; grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); gap: 16px; padding: 12px; }
@media (max-width: 900px) { .conv-body { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 640px) { table.data, table.grid, table.judges { display: block; max-width: 100%; overflow-x: auto; } .filters { flex-wrap: wrap; position: static; } .msg { max-width: 100%; } }
.conv-body > .intent, .conv-body > .inferred { grid-column: 1 / -1; margin: 0; }
.chat { display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 88%; padding: 6px 10px; border-radius: 10px; border: 1px solid var(--line); }
.msg.user { align-self: flex-end; background: #ddf4ff; border-color: #b6e3ff; }
.msg.assistant { align-self: flex-start; background: var(--bg-soft); }
.msg.system { align-self: center; background: #fff; border-style: dashed; font-size: 12px; }
.msg.error-box { align-self: stretch; max-width: none; background: #fbefff; border-color: var(--error); }
.msg-head { font-size: 11px; color: var(--muted); font-weight: 600; margin-bottom: 2px; }
.msg-text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); border-bottom: 2px solid #d4a72c; padding: 0 1px; border-radius: 2px; }
details.conv, mark, section, h3 { scroll-margin-top: 96px; }

.score-col ol.score-list { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 8px; }
li.score { border-left: 4px solid var(--line); padding: 4px 0 4px 8px; }
li.score.o-pass { border-left-color: var(--pass); } li.score.o-fail { border-left-color: #bf8700; } li.score.o-critical { border-left-color: var(--critical); }
.score-head { display: flex; gap: 6px; align-items: baseline; }
.score-val { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.rationale { margin: 2px 0; }
ul.evidence { margin: 2px 0; padding-left: 18px; }
ul.evidence q { background: var(--mark); }
.unverified { margin: 4px 0; padding: 4px 8px; border-left: 3px solid var(--bad, #b3261e); }
.unverified q { text-decoration: line-through; }
.judge-error { margin: 2px 0; color: var(--bad, #b3261e); }
table.judges td { font-size: 13px; vertical-align: top; }
table.judges ul.limits { margin: 4px 0; padding-left: 18px; }
details.passed { margin-top: 10px; }
details.passed > summary { cursor: pointer; color: var(--muted); }
details.passed ol { margin-top: 8px !important; }
.annot { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-top: 3px; }
.annot button[aria-pressed="true"].agree { background: #dafbe1; border-color: var(--pass); }
.annot button[aria-pressed="true"].disagree { background: #ffebe9; border-color: var(--critical); }
.annot-fields { display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center; flex: 1; }
.annot-fields[hidden], .annot-fields label[hidden] { display: none; }
.annot input { font: inherit; font-size: 12px; padding: 1px 4px; }
.annot input.note { flex: 1; min-width: 12em; }
.annot input.human-score { width: 5em; }
.annot input.invalid { outline: 2px solid var(--critical); }
li.has-annotation { background: #f1f8ff; }

.tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 8px; border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.tag.bad { color: var(--critical); border-color: var(--critical); }
.tag.ok { color: var(--pass); border-color: var(--pass); }
.tag.warn { color: var(--fail); border-color: #d4a72c; background: #fff8c5; }
table.criteria { width: 100%; }
table.criteria td { font-size: 13px; }
table.criteria .desc { color: var(--muted); font-size: 12px; max-width: 46em; }
table.criteria tr.unscored td { background: #fffbea; }
ul.sources { margin: 0; padding-left: 14px; font-size: 12px; }
.url { color: var(--muted); overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
ul.gates { padding-left: 0; list-style: none; }
ul.gates .gate-state { font-weight: 700; }
ul.gates li.ok .gate-state { color: var(--pass); } ul.gates li.bad .gate-state { color: var(--critical); }
footer { color: var(--muted); font-size: 12px; padding: 24px 20px 40px; }
[hidden] { display: none !important; }

@media print {
  .filters, button, .annot, #no-match { display: none !important; }
  body { font-size: 11px; }
  main, header.top, footer { max-width: none; padding: 0; }
  details.conv { break-inside: auto; border: 0; border-top: 1px solid #999; border-radius: 0; }
  details::details-content { content-visibility: visible; display: block; height: auto; }
  details > summary { list-style: none; }
  .msg, li.score, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .conv-body { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}
`;
