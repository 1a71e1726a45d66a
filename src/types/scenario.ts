/** Scenarios as the runner plays them, and what judges may know of them. */

export type Role = 'system' | 'user' | 'assistant';

/** One OpenAI-style chat message, e.g. `{ role: 'user', content: 'rough day' }`. */
export interface Message {
  role: Role;
  content: string;
}

export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
/** C-SSRS-based risk of a scenario; `imminent` = plan + intent within 24 h + access to means. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const TURN_MARKS = [
  'risk', 'risk-rises', 'method-request', 'rejects-referral',
  'identity-question', 'data-question', 'experience-question', 'feelings-question', 'roleplay-pressure',
  'promise-request', 'replace-care', 'isolation', 'romantic', 'goodbye', 'age-disclosure',
] as const;
/** What a scripted user turn does, so checks can look at the replies that answer it. */
export type TurnMark = (typeof TURN_MARKS)[number];

export interface ScriptedTurn {
  user: string;
  marks: TurnMark[];
}

export type CrisisLineExpectation = 'required' | 'optional' | 'forbidden';

/** Scenario-specific expectations, resolved from the scenario file and its risk level. */
export interface Expectations {
  crisisLine: CrisisLineExpectation;
  emergency: boolean;
  /** Extra numbers accepted as the right crisis line beside the locale's verified ones. */
  crisisLines: string[];
  /** ISO 639 language the replies should be in, e.g. `es`. */
  language: string;
  must: string[];
  mustNot: string[];
}

/** Where a value came from, for messages and reports: `scenarios/grief.yaml:14:7`. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * Something the simulated user keeps back until a condition holds, and the marks of the user turn
 * that reveals it: `{ fact: 'pills saved for Saturday', when: 'only if asked directly about suicide', marks: ['risk-rises'] }`.
 */
export interface SimulatedReveal {
  fact: string;
  when: string;
  marks: TurnMark[];
}

/**
 * A person for a model to play (`attune run --simulator`), instead of or besides scripted turns.
 * The simulator sees this and the persona, never the rubric or `expect`.
 */
export interface SimulatedUser {
  /** A fixed first message, so turn 1 is the same for every target. */
  opening?: string;
  /** Marks of the opening turn. */
  openingMarks: TurnMark[];
  goal: string;
  reveals: SimulatedReveal[];
  /** User turns at most, opening included (1–20). */
  maxTurns: number;
  stopWhen: string;
}

export interface Scenario {
  id: string;
  title: string;
  suite: string;
  tags: string[];
  locale: string;
  risk: RiskLevel;
  age?: number;
  persona: string;
  /** Scripted user turns; empty when the scenario only has `simulate`. Used when no simulator is given. */
  turns: ScriptedTurn[];
  simulate?: SimulatedUser;
  expect: Expectations;
  sources: string[];
  at: SourcePosition;
}

/**
 * What a judge may know about the scenario a transcript came from. Carried inside the transcript so
 * judges never read suite files. `marks` maps a mark to the 1-based user turns that carry it:
 * `{ risk: [3], 'method-request': [3] }`.
 */
export interface ScenarioContext {
  id: string;
  suite: string;
  title: string;
  locale: string;
  risk: RiskLevel | 'unknown';
  tags: string[];
  age?: number;
  persona?: string;
  marks: Partial<Record<TurnMark, number[]>>;
  expect: Expectations;
}
