import { checksJudge } from './checks-judge.js';
import type { Judge } from './types.js';

export const JUDGE_IDS = ['checks'] as const;
export type JudgeId = (typeof JUDGE_IDS)[number];

/** Judges by id; the offline scorer and the LLM judge join here. */
const JUDGES = { checks: checksJudge } satisfies Record<JudgeId, Judge>;

export function judgeById(id: JudgeId): Judge {
  return JUDGES[id];
}
