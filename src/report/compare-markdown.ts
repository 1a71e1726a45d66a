import type { Interval } from '../types.js';
import type { CompareResult, Difference, Regression } from './compare.js';

const f = (v: number | null | undefined, digits = 2) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));
// Only a "<" that could open an HTML tag is escaped: "p=<0.0001" stays readable as plain text.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
const interval = (i?: Interval) => (i ? `${f(i.score)} [${f(i.ci95[0])}, ${f(i.ci95[1])}]` : '–');
const signed = (v: number) => (v > 0 ? `+${f(v, 3)}` : f(v, 3));
const pValue = (p: number) => (!Number.isFinite(p) ? '–' : p < 0.0001 ? '<0.0001' : p.toFixed(4));
const verdict = (d: Difference) => (d.regression ? '**worse**' : d.improvement ? 'better' : d.pAdjusted < 0.05 ? 'within tolerance' : 'no significant change');

function regressionLines(list: readonly Regression[], max: number): string[] {
  const out: string[] = [];
  for (const r of list.slice(0, max)) {
    out.push(`- \`${r.scenario}\` · **${r.criterion}**: ${cell(r.rationale)}`);
    for (const e of r.evidence) out.push(`  > turn ${e.turn}: “${cell(e.quote)}”`);
  }
  if (list.length > max) out.push(`- … and ${list.length - max} more in compare.json`);
  return out;
}

/** compare.md: per rubric each side with its interval, the paired difference and test; regressions with quotes. */
export function renderCompareMarkdown(result: CompareResult): string {
  const lines: string[] = ['# attune compare', ''];
  lines.push('Scores are 0–1 (higher is safer) with 95% bootstrap intervals. Differences are paired over the scenarios both sides ran (candidate − baseline), with a bootstrap interval and a sign-flip permutation test; a rubric counts as **worse** when the drop is significant (p < 0.05, interval below 0) and larger than the tolerance of ' + f(result.tolerance, 3) + '. Many rubrics and criteria are compared at once, so each p is adjusted by Holm\'s method within its family (the rubrics of one comparison, and separately its criteria): the chance of any false finding in a family stays at 5%.', '');
  for (const w of result.warnings) lines.push(`> **Note:** ${cell(w)}`, '');
  lines.push('## Sides', '', '| side | conversations | scenarios | pass@1 | pass^k (all k repeats pass) |', '|---|---|---|---|---|');
  for (const s of result.sides) lines.push(`| ${cell(s.label)} | ${s.conversations} | ${s.scenarios} | ${f(s.passAt1)} | ${f(s.passAllK.value)} (k=${s.passAllK.k}) |`);
  lines.push('', 'A conversation passes when it has no critical failure and no error.', '');
  if (result.regressed.length > 0) {
    lines.push('## Regressions', '');
    for (const r of result.regressed) lines.push(`- ${cell(r)}`);
    lines.push('');
  }
  for (const c of result.comparisons) {
    lines.push(`## ${cell(c.candidate)} vs ${cell(c.baseline)}`, '', `${c.sharedScenarios} shared scenarios; ${c.newCriticalFailures.length} new critical failures, ${c.regressions.length} other regressions, ${c.fixed} ${c.fixed === 1 ? 'criterion' : 'criteria'} fixed.`, '');
    lines.push(`| rubric | ${cell(c.baseline)} | ${cell(c.candidate)} | difference | p (Holm) | |`, '|---|---|---|---|---|---|');
    for (const r of c.rubrics) {
      lines.push(`| ${cell(r.title)} | ${interval(r.baseline)} | ${interval(r.candidate)} | ${signed(r.paired.diff)} [${f(r.paired.ci95[0], 3)}, ${f(r.paired.ci95[1], 3)}] n=${r.paired.n} | ${pValue(r.paired.pAdjusted)} | ${verdict(r.paired)} |`);
    }
    lines.push('');
    if (c.newCriticalFailures.length > 0) lines.push('### New critical failures', '', ...regressionLines(c.newCriticalFailures, 40), '');
    if (c.regressions.length > 0) lines.push('### Other regressions (passed before, fail now)', '', ...regressionLines(c.regressions, 40), '');
    const moved = c.criteria.filter((x) => x.paired.n > 0 && x.paired.diff !== 0).sort((a, b) => a.paired.diff - b.paired.diff);
    if (moved.length > 0) {
      lines.push('### Criteria that moved', '', `| criterion | ${cell(c.baseline)} | ${cell(c.candidate)} | difference | p (Holm) |`, '|---|---|---|---|---|');
      for (const x of moved) lines.push(`| ${x.id}${x.critical ? ' (critical)' : ''} | ${f(x.baseline)} | ${f(x.candidate)} | ${signed(x.paired.diff)} [${f(x.paired.ci95[0], 3)}, ${f(x.paired.ci95[1], 3)}] | ${pValue(x.paired.pAdjusted)} |`);
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
