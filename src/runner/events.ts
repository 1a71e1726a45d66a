import type { TargetFailure, Transcript } from '../types.js';

/** Progress of a run, for the live display. Plain data; the runner never prints. */
export type RunEvent =
  | { readonly kind: 'start'; readonly total: number }
  | { readonly kind: 'retry'; readonly conversation: string; readonly turn: number; readonly attempt: number; readonly delayMs: number; readonly failure: TargetFailure }
  | { readonly kind: 'done'; readonly transcript: Transcript; readonly done: number; readonly total: number; readonly errors: number };
