import type { CheckKind, CheckSpec, Evidence, Transcript } from '../../types.js';

/** What a check found: a 0–1 score with its verdict and quotes, or why it does not apply here. */
export type CheckOutcome =
  | { readonly kind: 'scored'; readonly score: number; readonly passed: boolean; readonly rationale: string; readonly evidence: Evidence[] }
  | { readonly kind: 'not-applicable'; readonly reason: string };

export type CheckFn<K extends CheckKind> = (spec: Extract<CheckSpec, { kind: K }>, transcript: Transcript) => CheckOutcome;

export const notApplicable = (reason: string): CheckOutcome => ({ kind: 'not-applicable', reason });
