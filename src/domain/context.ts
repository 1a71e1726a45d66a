import type { Scenario, ScenarioContext, TurnMark } from '../types.js';

/**
 * What judges may know about a scenario, carried inside each transcript. `turns` are the user turns
 * that happened, with their marks: the scripted ones by default; a simulated conversation passes its own.
 */
export function contextOf(scenario: Scenario, turns: readonly { marks: readonly TurnMark[] }[] = scenario.turns): ScenarioContext {
  const marks: Partial<Record<TurnMark, number[]>> = {};
  turns.forEach((turn, index) => {
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
    // The obligations travel with the transcript, each check already resolved, so judges and `attune score`
    // decide them from the transcript alone. Copied, so a transcript never shares state with the loaded suite.
    expect: { ...scenario.expect, obligations: scenario.expect.obligations.map((o) => ({ ...o })) },
  };
}
