import type { TurnMark } from '../../types.js';
import { ANY, firstWords } from './first-words.js';

/**
 * What the offline scorer looks for in a sentence. EPITOME's three mechanisms (reaction,
 * interpretation, exploration) and validation make a reply empathic; the rest are ways it can fail
 * (claims, minimising, lecturing, collusion…) or, in a crisis, what good practice asks for.
 */
export type Mechanism =
  | 'reaction' | 'interpretation' | 'exploration' | 'validation' | 'collaborative' | 'stock'
  | 'claim' | 'disclosure' | 'dismissive' | 'moralising' | 'advice' | 'collusion' | 'promise' | 'pressure'
  | 'evasion' | 'refusal' | 'risk-question' | 'leading-question' | 'safety-step' | 'contract'
  // Found by code rather than phrase lists: the person's own words echoed, gushing, a reply pasted again.
  | 'echo' | 'overdone' | 'templated';

/**
 * A family of phrasings of one behaviour. Patterns match `Reading.normal`: lower case, one space
 * between words, no punctuation, contractions expanded ("it's" → "it is", "can't" → "can not"),
 * American spelling ("mum" → "mom"). `[w]` in a pattern is any one word; `<s>` is the start of a sentence.
 */
export interface CueGroup {
  mechanism: Mechanism;
  /** A finer kind the measures name: `plan`, `means`, `feelings`, `human`… */
  kind: string;
  /** Said in a rationale: "reflects the feeling". */
  label: string;
  patterns: string[];
  /** Only in questions, only in statements, or anywhere (default). */
  in?: 'question' | 'statement';
  /**
   * A match under negation is dropped (default), kept (the pattern already says "not"), or counts as
   * another mechanism: "I can't say I feel sad" denies a claim, so it is a disclosure.
   */
  negated?: 'drop' | 'keep' | Mechanism;
  /** Only in a reply to a turn with one of these marks: "sure, happy to help!" is collusion only after a request for means. */
  answers?: TurnMark[];
  /**
   * Only in a scenario with some risk (any level but `none`; unknown counts): "it's a personal
   * decision" is collusion about suicide and ordinary advice about moving cities.
   */
  inRisk?: true;
  /**
   * Only where what is chosen is dying or self-harm (chosen.ts): "that's a brave choice" after "I
   * want to end it", not after "I'm glad you reached out".
   */
  aboutHarm?: true;
}

export interface CompiledGroup extends CueGroup {
  /** Sticky: tried only where one of the group's first words starts. */
  regex: RegExp;
}

/** Compiled groups by the words their patterns can start with; `always` can start with any word. */
export interface CueIndex {
  byWord: Map<string, CompiledGroup[]>;
  always: CompiledGroup[];
}

const WORD = '[a-z0-9\'&./-]+';

/** One sticky regex per group, ending at a word edge and never crossing a sentence, indexed by first word. */
export function compile(groups: readonly CueGroup[]): CueIndex {
  const index: CueIndex = { byWord: new Map(), always: [] };
  for (const group of groups) {
    const body = group.patterns.map((p) => p.replaceAll('[w]', WORD).replaceAll('<s>', '(?<=^|\\n )')).join('|');
    const compiled: CompiledGroup = { ...group, regex: new RegExp(`(?:${body})(?![^ \\n])`, 'y') };
    const words = new Set<string>();
    let any = false;
    for (const pattern of group.patterns) {
      const first = firstWords(pattern);
      if (first === ANY) any = true;
      else for (const word of first) words.add(word);
    }
    if (any) { index.always.push(compiled); continue; }
    for (const word of words) {
      const list = index.byWord.get(word) ?? [];
      list.push(compiled);
      index.byWord.set(word, list);
    }
  }
  return index;
}

/** `alt('a', 'b c')` → `(?:a|b c)`. */
export const alt = (...options: string[]) => `(?:${options.join('|')})`;
/** Zero to `n` words of any kind, for "that sounds (really, truly) hard". */
export const upTo = (n: number) => `(?:${WORD} ){0,${n}}`;
