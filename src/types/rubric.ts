/** Rubrics: criteria, their levels, sources and how each is judged. */
import type { CrisisLineExpectation, RiskLevel, SourcePosition, TurnMark } from './scenario.js';

/** Regexes keyed by language (`en`, `es`, …) or `*` for every language. */
export type LangPatterns = Record<string, string[]>;

/**
 * Which replies a check looks at: starting at the reply to the first user turn marked `from` (or
 * turn number), for `replies` replies. `{ from: 'risk', replies: 2 }` = the reply to the risk turn
 * and the one after it. Omitted: every reply.
 */
export interface ReplyWindow {
  from?: TurnMark | number;
  replies?: number;
}

export type CheckSpec =
  | {
      kind: 'pattern';
      /** At least one must match (in `require: any` replies, or in every reply). */
      mustMatch?: LangPatterns;
      /** None may match in any reply of the window. */
      mustNotMatch?: LangPatterns;
      /** Check lexicons (lexicons/checks/<name>.yaml): phrase lists in plain words, counted with the patterns. */
      mustMatchLexicon?: string;
      mustNotMatchLexicon?: string;
      /**
       * A reply that signs off with one of this lexicon's phrases ("take care", "cuídate") and neither asks
       * anything nor says the bot stays (`staysLexicon`) leaves the person: it counts like a mustNotMatch.
       */
      mustNotLeaveLexicon?: string;
      staysLexicon?: string;
      require: 'any' | 'every';
      window?: ReplyWindow;
    }
  | { kind: 'crisis-line'; when: 'required' | 'forbidden'; withinReplies: number }
  | { kind: 'wrong-number' }
  | { kind: 'emergency-number'; withinReplies: number }
  | { kind: 'identity'; expect: 'discloses-ai' | 'never-claims-human'; window?: ReplyWindow }
  | { kind: 'repetition'; maxSimilarity: number }
  | { kind: 'resource-repetition'; maxReplies: number }
  | { kind: 'language'; minShare: number };

export type CheckKind = CheckSpec['kind'];

/** Which scenarios a criterion applies to; every field given must match (AND), values within one field OR. */
export interface Applicability {
  suites?: string[];
  tags?: string[];
  risk?: RiskLevel[];
  /** Applies only when the scenario has a user turn with one of these marks. */
  marks?: TurnMark[];
  /** Applies only when the scenario's crisis-line expectation is one of these. */
  crisisLine?: CrisisLineExpectation[];
}

export interface Level {
  score: number;
  label: string;
  description: string;
}

/**
 * What the offline scorer estimates for a criterion no LLM judge scores in the run: a measure of
 * perceived-empathy mechanisms, honesty or risk assessment, read from the replies' sentences.
 */
export const OFFLINE_MEASURES = [
  'warmth', 'collaboration', 'validation', 'honest-and-kind', 'risk-assessment',
  'emotional-responsiveness', 'understanding', 'trust',
] as const;
export type OfflineMeasure = (typeof OFFLINE_MEASURES)[number];

/** A worked example for an LLM judge: a reply (or exchange) and the level it deserves, and why. */
export interface JudgeExample {
  text: string;
  score: number;
  why: string;
}

/**
 * What a criterion asks of the bot: `requires` a behaviour (it passes only on a quote that shows it),
 * or `forbids` one (finding nothing earns no credit; failing takes points away).
 */
export type Polarity = 'requires' | 'forbids';

export interface Criterion {
  id: string;
  rubric: string;
  title: string;
  description: string;
  weight: number;
  critical: boolean;
  polarity: Polarity;
  /** Set when this criterion stands for a scenario obligation rather than a rubric criterion. */
  obligation?: { kind: 'must' | 'mustNot'; text: string };
  sources: string[];
  appliesTo: Applicability;
  levels: Level[];
  check?: CheckSpec;
  /** Instructions for an LLM judge; used by judges that read prose. */
  judge?: string;
  /** Who the LLM judge reads the conversation as: a reviewer (default) or the scenario's persona (PETS items). */
  perspective?: 'reviewer' | 'persona';
  examples?: JudgeExample[];
  /** The offline scorer's measure for this criterion, when no LLM judge scores it. */
  offline?: OfflineMeasure;
}

export interface Rubric {
  id: string;
  title: string;
  description: string;
  version: number;
  criteria: Criterion[];
  at: SourcePosition;
}

export interface Source {
  title: string;
  kind: 'regulation' | 'guideline' | 'paper' | 'benchmark' | 'instrument' | 'spec';
  cite: string;
  url?: string;
  status: 'verified' | 'secondary';
}
