import type { Message } from '../../types.js';

/** What a call to the judge's model gave: its text, or why there is none (after the caller's retries). */
export type JudgeCompletion = { kind: 'reply'; text: string } | { kind: 'failure'; message: string };

/**
 * The model behind an LLM judge, as the judge sees it: messages in, text out. The CLI builds it from
 * a target spec and the runner's call policy (retries, rate limit, cache); the judge knows no SDK.
 * `sample` tells repeated judgements apart, so each is cached on its own.
 */
export interface JudgeModel {
  readonly id: string;
  readonly description: string;
  complete(messages: readonly Message[], sample: number): Promise<JudgeCompletion>;
}
