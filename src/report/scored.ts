/**
 * Whether any judge of a run scores a criterion judged `how` (`check:<kind>` by the checks judge,
 * `judge` by an LLM judge): the reports list the criteria no judge of the run could score.
 */
export function scoredInRun(how: readonly string[], judges: readonly string[]): boolean {
  return how.some((h) => judges.includes(h.split(':')[0] === 'check' ? 'checks' : h));
}
