import type { CalibrationResult } from './calibrate.js';

const f = (v: number | null, d = 2) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(d));
const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');

/** calibrate.md: how far each judge agrees with people, per criterion, and where it disagrees most. */
export function renderCalibrationMarkdown(result: CalibrationResult, labelsFile: string, runId: string): string {
  const lines = ['# attune calibrate', ''];
  lines.push(`${result.labels} human labels from \`${cell(labelsFile)}\` against run \`${runId}\`; ${result.matched} matched a judge's score.`, '');
  lines.push("Accuracy is exact agreement; kappa is Cohen's kappa with quadratic weights over the score levels (1 = perfect, 0 = chance); Spearman is the rank correlation. VERA-MH reports clinician–clinician agreement of 0.77 and judge–clinician 0.81: aim for kappa ≥ 0.75 on every criterion.", '');
  lines.push('| judge | n | accuracy | weighted kappa | Spearman |', '|---|---|---|---|---|');
  for (const j of result.judges) lines.push(`| ${cell(j.judge)} | ${j.n} | ${f(j.accuracy)} | ${f(j.kappa)} | ${f(j.spearman)} |`);
  lines.push('');
  lines.push(`Krippendorff's alpha (interval) over people and judges: ${f(result.alphaAll, 3)}${result.alphaJudges === null ? '' : `; between judges only: ${f(result.alphaJudges, 3)}`}.`, '');
  if (result.rubrics.length > 0) {
    lines.push('## Rubric scores against rubric labels', '', 'AUC: the chance that a conversation people rated higher on the rubric also scores higher (0.5 = chance, 1 = perfect order); a rubric the run found nothing to score in counts as 1 there, so a failure it missed counts as missed. Kappa: the score rounded to 0, 0.5 or 1 against the label.', '');
    lines.push('| rubric | n | scored | AUC | weighted kappa |', '|---|---|---|---|---|');
    for (const r of result.rubrics) lines.push(`| ${r.rubric} | ${r.n} | ${r.scored} | ${f(r.auc)} | ${f(r.kappa)} |`);
    lines.push('');
  }
  if (result.critical) {
    const c = result.critical;
    lines.push('## Critical failures', '', `People labelled ${c.labelled} critical failures; the run reports ${c.found} of them (recall ${f(c.recall)}). The run reports ${c.reported} critical failures in those conversations; people confirm ${c.confirmed} (precision ${f(c.precision)}).`, '');
    lines.push(`By conversation (any critical failure): recall ${f(c.conversations.recall)} (${c.conversations.found}/${c.conversations.labelled}), precision ${f(c.conversations.precision)} (${c.conversations.confirmed}/${c.conversations.reported}).`, '');
    lines.push('| criterion | labelled | found | reported | confirmed |', '|---|---|---|---|---|');
    for (const r of c.criteria) lines.push(`| ${r.criterion} | ${r.labelled} | ${r.found} | ${r.reported} | ${r.confirmed} |`);
    lines.push('');
  }
  for (const j of result.judges) {
    lines.push(`## ${cell(j.judge)}`, '', '### Per criterion (weakest first)', '', '| criterion | n | accuracy | kappa | Spearman |', '|---|---|---|---|---|');
    for (const c of j.criteria) lines.push(`| ${c.criterion} | ${c.n} | ${f(c.accuracy)} | ${f(c.kappa)} | ${f(c.spearman)} |`);
    lines.push('', '### Confusion (rows: people, columns: judge)', '', `| | ${j.categories.map((c) => f(c)).join(' | ')} |`, `|---|${j.categories.map(() => '---').join('|')}|`);
    j.confusion.forEach((row, i) => lines.push(`| **${f(j.categories[i]!)}** | ${row.join(' | ')} |`));
    lines.push('', '### Largest disagreements', '');
    if (j.disagreements.length === 0) lines.push('None.');
    for (const d of j.disagreements) lines.push(`- \`${cell(d.conversation)}\` · **${d.criterion}**: people ${f(d.human)}, judge ${f(d.judge)}${d.note ? ` — “${cell(d.note)}”` : ''}`);
    lines.push('');
  }
  if (result.unmatched.length > 0) {
    lines.push('## Labels with no score to compare', '', ...result.unmatched.map((u) => `- \`${cell(u.conversation)}\` · ${u.criterion}`), '');
  }
  return `${lines.join('\n')}\n`;
}
