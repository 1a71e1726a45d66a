import type { Scenario } from '../types.js';

/** One conversation to have: a target, a scenario, and which repeat (1-based) it is. */
export interface PlannedConversation {
  id: string;
  target: string;
  scenario: Scenario;
  repeat: number;
}

/** Every target × scenario × repeat, in a stable order (the same plan on every machine). */
export function planConversations(targets: readonly string[], scenarios: readonly Scenario[], repeat: number): PlannedConversation[] {
  const out: PlannedConversation[] = [];
  for (const scenario of scenarios) {
    for (let r = 1; r <= repeat; r++) {
      for (const target of targets) out.push({ id: `${target}|${scenario.id}|${r}`, target, scenario, repeat: r });
    }
  }
  return out;
}

/** `--filter` globs (`crisis.*`) and `--tag` values narrow the scenarios; both must match when both are given. */
export function selectScenarios(scenarios: readonly Scenario[], filters: readonly string[], tags: readonly string[]): Scenario[] {
  const regexes = filters.map((glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return scenarios.filter(
    (s) => (regexes.length === 0 || regexes.some((r) => r.test(s.id))) && (tags.length === 0 || tags.some((t) => s.tags.includes(t) || s.suite === t)),
  );
}
