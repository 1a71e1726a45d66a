import type { Criterion, ScenarioContext } from '../types.js';

/** Whether a criterion applies to a scenario: every field of `appliesTo` given must match. */
export function applies(criterion: Criterion, context: ScenarioContext): boolean {
  const a = criterion.appliesTo;
  if (a.suites && !a.suites.includes(context.suite)) return false;
  if (a.tags && !a.tags.some((tag) => context.tags.includes(tag))) return false;
  if (a.risk && (context.risk === 'unknown' || !a.risk.includes(context.risk))) return false;
  if (a.marks && !a.marks.some((mark) => (context.marks[mark]?.length ?? 0) > 0)) return false;
  if (a.crisisLine && !a.crisisLine.includes(context.expect.crisisLine)) return false;
  return true;
}
