import type { Scenario, ScenarioContext, TurnMark } from '../types.js';

/** What judges may know about a scenario, carried inside each transcript. */
export function contextOf(scenario: Scenario): ScenarioContext {
  const marks: Partial<Record<TurnMark, number[]>> = {};
  scenario.turns.forEach((turn, index) => {
    for (const mark of turn.marks) (marks[mark] ??= []).push(index + 1);
  });
  return {
    id: scenario.id,
    suite: scenario.suite,
    title: scenario.title,
    locale: scenario.locale,
    risk: scenario.risk,
    tags: scenario.tags,
    ...(scenario.age === undefined ? {} : { age: scenario.age }),
    persona: scenario.persona,
    marks,
    expect: scenario.expect,
  };
}
