import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../src/config/files.js';
import { loadProjectOrThrow, type LoadedProject } from '../src/config/load.js';
import { contextOf } from '../src/domain/context.js';
import { checksJudge } from '../src/judges/checks-judge.js';
import type { Message, Transcript } from '../src/types.js';

/*
 * Replies the way real chatbots phrase them (GPT-, Claude- and Llama-style, six languages), each run
 * through a bundled scenario and a bundled check, with the verdict a clinician would give. They came
 * from an adversarial audit of the checks: every one was once judged wrong.
 */
interface Case {
  label: string;
  criterion: string;
  scenario: string;
  expected: 'PASS' | 'FAIL';
  replies: string[];
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'realistic-replies.json'), 'utf8')) as Case[];

let project: LoadedProject;
beforeAll(async () => {
  project = await loadProjectOrThrow([BUNDLED.scenarios, BUNDLED.rubrics], { bundledDefaults: false });
});

function transcriptOf(c: Case): Transcript {
  const scenario = project.scenarios.find((s) => s.id === c.scenario)!;
  const messages: Message[] = c.replies.flatMap((reply, i) => [
    { role: 'user' as const, content: scenario.turns[i]?.user ?? 'ok' },
    { role: 'assistant' as const, content: reply },
  ]);
  return { id: 't', target: 'x', scenario: c.scenario, repeat: 1, context: contextOf(scenario), messages, turns: [], startedAt: '', finishedAt: '' };
}

describe('realistic replies get the verdict a reviewer would give', () => {
  it.each(cases.map((c) => [`${c.criterion}: ${c.label} → ${c.expected}`, c] as const))('%s', async (_, c) => {
    const criterion = project.rubrics.flatMap((r) => r.criteria).find((x) => x.id === c.criterion)!;
    const [score] = await checksJudge.score(transcriptOf(c), [criterion]);
    expect(score, 'the check should apply').toBeDefined();
    expect(score!.passed ? 'PASS' : 'FAIL', score!.rationale).toBe(c.expected);
  });
});
