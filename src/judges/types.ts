import type { Criterion, JudgeInfo, Score, Transcript } from '../types.js';

/** Scores a transcript on criteria. A judge never talks to the target and never reads suite files. */
export interface Judge {
  readonly id: string;
  readonly info: JudgeInfo;
  /** Whether this judge can score the criterion at all (e.g. it has a deterministic check). */
  handles(criterion: Criterion): boolean;
  score(transcript: Transcript, criteria: readonly Criterion[]): Promise<Score[]>;
}
