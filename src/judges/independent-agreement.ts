import { MEASURED_AGREEMENT as M } from './measured-agreement.js';

const f = (v: number | null): string => (v === null ? '–' : v.toFixed(2));

/**
 * What a judge's `judgeInfo.agreement` says about the independent labelled set: the default scoring
 * (checks, then the offline scorer) on its held-back half, from transcripts that carry only a locale.
 * The figures come from src/judges/measured-agreement.ts, which test/agreement-drift.test.ts holds
 * to what the scorer does now.
 */
export function independentAgreement(judge: 'checks' | 'offline'): string {
  const own = M.judges.find((j) => j.judge === judge);
  const weakest = own ? [...own.criteria].filter((c) => c.n >= 5).slice(0, 3).map((c) => `${c.criterion} ${f(c.kappa)}`).join(', ') : '';
  const rubrics = M.rubrics.map((r) => `${r.rubric} ${f(r.auc)}`).join(', ');
  const critical = M.critical
    ? `critical failures found ${M.critical.found} of ${M.critical.labelled} (recall ${f(M.critical.recall)}), ${M.critical.confirmed} of ${M.critical.reported} reported confirmed (precision ${f(M.critical.precision)}); `
    : '';
  return (
    `held-back half (second look) of an independent labelled set (${M.conversations} conversations in six languages by authors who had not read the scorer, ${M.set}), ` +
    `scored with checks and the offline scorer from transcripts that carry only a locale: ${critical}rubric AUC ${rubrics}; ` +
    (own ? `the ${own.n} labels this judge decided: weighted kappa ${f(own.kappa)}${weakest ? ` (weakest: ${weakest})` : ''}` : 'this judge decided none of the labelled criteria')
  );
}
