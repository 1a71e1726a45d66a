import { checksJudge } from './checks-judge.js';
import { offlineJudge } from './offline/index.js';
import type { Judge } from './types.js';

export const JUDGE_IDS = ['checks', 'offline'] as const;
export type JudgeId = (typeof JUDGE_IDS)[number];

/** The judges that need no model, by id; LLM judges are built from a model spec (cli/judges.ts). */
const JUDGES = { checks: checksJudge, offline: offlineJudge } satisfies Record<JudgeId, Judge>;

export function judgeById(id: JudgeId): Judge {
  return JUDGES[id];
}
