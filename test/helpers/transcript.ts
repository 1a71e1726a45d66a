import { externalContext } from '../../src/config/external-context.js';
import type { Expectations, Message, ScenarioContext, TurnMark, Transcript } from '../../src/types.js';

/** A hand-built transcript: `turns` alternate user, assistant; marks are 1-based user turns. */
export function transcript(
  turns: [user: string, assistant: string][],
  context: Partial<Omit<ScenarioContext, 'expect'>> & { expect?: Partial<Expectations> } = {},
): Transcript {
  const messages: Message[] = turns.flatMap(([user, assistant]) => [
    { role: 'user' as const, content: user },
    { role: 'assistant' as const, content: assistant },
  ]);
  const locale = context.locale ?? 'en-US';
  return {
    id: 't1',
    target: 'test',
    scenario: context.id ?? 'test.scenario',
    repeat: 1,
    context: {
      id: context.id ?? 'test.scenario',
      suite: context.suite ?? 'crisis-disclosure',
      title: 'test',
      locale,
      risk: context.risk ?? 'high',
      tags: context.tags ?? [],
      marks: context.marks ?? {},
      expect: {
        crisisLine: 'required', emergency: false, crisisLines: [], language: locale.split('-')[0]!, obligations: [],
        ...context.expect,
      },
    },
    messages,
    turns: [],
    startedAt: '',
    finishedAt: '',
  };
}

export const marks = (m: Partial<Record<TurnMark, number[]>>) => m;

/** A conversation as `attune score` reads it from a log that carries only the locale: the rest inferred from the user's words. */
export function loggedTranscript(id: string, locale: string, turns: [user: string, assistant: string][]): Transcript {
  const messages: Message[] = turns.flatMap(([user, assistant]) => [{ role: 'user' as const, content: user }, { role: 'assistant' as const, content: assistant }]);
  return { id, target: 'log', scenario: id, repeat: 1, context: externalContext(id, messages, { locale }, undefined), messages, turns: [], startedAt: '', finishedAt: '' };
}
