/**
 * What one user message says, read with one lexicon: the signals that survive negation, idioms,
 * laughter and their entry's exceptions; whether each risk signal is about someone else; stated
 * ages; and locale cues. One scan of the message finds every pattern; the rest is bounded
 * look-around from each match.
 */
import type { AgeEntry, Lexicon, LocaleCue, Signal, SignalEntry, Tag } from './lexicon.js';
import { WARNING_SIGNS } from './lexicon-shape.js';
import type { Match, StepCounter } from './phrases.js';
import { quote, type Tokens } from './tokens.js';

export interface Hit {
  readonly category: Signal;
  readonly entry: SignalEntry;
  readonly quote: string;
  /** The risk is about another person ("my friend said she wants to die"). */
  readonly thirdParty: boolean;
}

export interface Reading {
  readonly hits: readonly Hit[];
  readonly ages: readonly { value: number; entry: AgeEntry; quote: string }[];
  readonly cues: readonly LocaleCue[];
  readonly tokenCount: number;
  /** Tokens inside any match before filtering, grammar words included: how much of the message this lexicon understands. */
  readonly recognised: number;
}

/** Bit flags per token, from the grammar lists. */
const NEG = 1, NOT_NEG = 2, FIRST = 4, THIRD = 8, BREAK = 16, LAUGH = 32, NEG_AFTER = 64, IDIOM = 128;
const ROLE_FLAG = { negation: NEG, notNegation: NOT_NEG, firstPerson: FIRST, thirdParty: THIRD, clauseBreaks: BREAK, laughter: LAUGH, negationAfter: NEG_AFTER } as const;

/** Signals whose meaning flips under "not"; questions ("are you not human?") and refusals keep theirs. */
const NEGATABLE: ReadonlySet<Signal> = new Set(['risk-low', 'risk-thoughts', 'risk-moderate', 'risk-high', 'risk-imminent', 'plan', 'means', 'timing', ...WARNING_SIGNS, 'goodbye', 'romantic', 'replace-care', 'isolation']);
const IDIOM_CANCELS: ReadonlySet<Signal> = new Set(['risk-low', 'risk-thoughts', 'risk-moderate', 'risk-high', 'risk-imminent', 'plan', 'means', 'timing', 'method-request']);
const PERSON_MATTERS: ReadonlySet<Signal> = new Set(['risk-low', 'risk-thoughts', 'risk-moderate', 'risk-high', 'risk-imminent', 'plan', 'means', ...WARNING_SIGNS]);

/** How far a negation reaches back ("I'm not going to kill myself": 3 words) and forward (Japanese: 死ぬつもりはない). */
const NEG_BEFORE = 5;
const NEG_AFTER_REACH = 8;
const LAUGH_REACH = 4;
/** How far back a subject is looked for when deciding who a risk phrase is about. */
const SUBJECT_REACH = 30;
const MIN_AGE = 5;
const MAX_AGE = 110;

export function readMessage(tokens: Tokens, lexicon: Lexicon, counter: StepCounter): Reading {
  const matches = lexicon.index.scan(tokens, counter);
  const flags = new Uint8Array(tokens.words.length);
  const excepted = new Map<string, Set<number>>();
  const covered = new Uint8Array(tokens.words.length);
  for (const m of matches) {
    covered.fill(1, m.start, m.end);
    const tag = m.phrase.tag;
    if (tag.kind === 'grammar') cover(flags, m, ROLE_FLAG[tag.role], tag.role === 'laughter' || tag.role === 'clauseBreaks');
    else if (tag.kind === 'signal' && tag.entry.category === 'idiom') cover(flags, m, IDIOM, false);
    else if (tag.kind === 'except') {
      const set = excepted.get(tag.owner) ?? new Set<number>();
      for (let p = m.start; p < m.end; p++) set.add(p);
      excepted.set(tag.owner, set);
    }
  }
  const isNeg = (p: number): boolean => ((flags[p] ?? 0) & (NEG | NOT_NEG)) === NEG;
  const overlaps = (m: Match<Tag>, test: (p: number) => boolean): boolean => {
    for (let p = m.start; p < m.end; p++) if (test(p)) return true;
    return false;
  };
  const keep = (m: Match<Tag>, id: string, negatable: boolean): boolean => {
    const except = excepted.get(id);
    if (except && overlaps(m, (p) => except.has(p))) return false;
    return !(negatable && negated(m, tokens, flags, isNeg));
  };

  const hits: Hit[] = [];
  const ages: Reading['ages'][number][] = [];
  const cues: LocaleCue[] = [];
  for (const m of matches) {
    const tag = m.phrase.tag;
    if (tag.kind === 'signal') {
      const { category } = tag.entry;
      // Idioms are kept as hits (risk ignores them) so reviewers and tests can see what an idiom cancelled.
      if (category !== 'idiom' && IDIOM_CANCELS.has(category) && overlaps(m, (p) => ((flags[p] ?? 0) & IDIOM) !== 0)) continue;
      if (!keep(m, tag.entry.id, NEGATABLE.has(category))) continue;
      if ((category === 'risk-low' || category === 'risk-thoughts') && laughedOff(m, tokens, flags)) continue;
      const thirdParty = PERSON_MATTERS.has(category) && aboutSomeoneElse(m, flags);
      hits.push({ category, entry: tag.entry, quote: quote(tokens, m.start, m.end), thirdParty });
    } else if (tag.kind === 'age') {
      // "my daughter is 16" / 娘は16歳: an age in a sentence about someone else is not the user's.
      if (!keep(m, tag.entry.id, true) || aboutSomeoneElse(m, flags, tokens.sentence)) continue;
      const value = tag.entry.age ?? Number(tokens.words[agePosition(m)]);
      if (value >= MIN_AGE && value <= MAX_AGE) ages.push({ value, entry: tag.entry, quote: quote(tokens, m.start, m.end) });
    } else if (tag.kind === 'locale' && keep(m, tag.cue.id, false)) cues.push(tag.cue);
  }
  return { hits, ages, cues: [...cues, ...numberCues(tokens.text, lexicon.numbers)], tokenCount: tokens.words.length, recognised: covered.reduce((n, c) => n + c, 0) };
}

/** Flags the tokens of a match; laughter and clause-break words only mark where they start. */
function cover(flags: Uint8Array, m: Match<Tag>, flag: number, startOnly: boolean): void {
  const end = startOnly ? m.start + 1 : m.end;
  for (let p = m.start; p < end; p++) flags[p] = (flags[p] ?? 0) | flag;
}

/**
 * A negation word skipped by a gap ("want ~2 die" over "want to not die"), a little before the match
 * in the same clause, or (Japanese) right after it. Looking back stops at a clause-break word and at
 * a first-person word, because a new "I" starts a new statement: "I don't know what to do I want to die".
 */
function negated(m: Match<Tag>, tokens: Tokens, flags: Uint8Array, isNeg: (p: number) => boolean): boolean {
  const literal = new Set(m.literal);
  for (let p = m.start; p < m.end; p++) if (!literal.has(p) && isNeg(p)) return true;
  // A phrase that carries its own negation ("plus envie de vivre", "no quiero vivir") already says
  // what it means; a negation before it is its partner ("je n'ai plus…", "ya no…"), not a denial.
  if (m.literal.some(isNeg)) return false;
  const clause = tokens.clause[m.start];
  for (let p = m.start - 1; p >= 0 && p >= m.start - NEG_BEFORE && tokens.clause[p] === clause; p--) {
    if (isNeg(p)) return true;
    if ((flags[p] ?? 0) & (BREAK | FIRST)) break;
  }
  const endClause = tokens.clause[m.end - 1];
  for (let p = m.end; p < tokens.words.length && p < m.end + NEG_AFTER_REACH && tokens.clause[p] === endClause; p++) {
    if ((flags[p] ?? 0) & NEG_AFTER) return true;
  }
  return false;
}

/**
 * "i want to die lol", "want to die. lol": laughter in the same sentence or opening the next one.
 * Only for passive, non-specific wording; a plan followed by "lol" still counts.
 */
function laughedOff(m: Match<Tag>, tokens: Tokens, flags: Uint8Array): boolean {
  const sentence = tokens.sentence[m.end - 1];
  for (let p = m.end; p < tokens.words.length && p < m.end + LAUGH_REACH; p++) {
    if ((flags[p] ?? 0) & LAUGH) return true;
    if (tokens.sentence[p] !== sentence) return false;
  }
  return false;
}

/**
 * Who the phrase is about: its own words first ("kill myself", "kill herself", "quiere morir"),
 * then the nearest subject before it (for ages, only within the sentence). A third-party span
 * ("told me that") outranks the "me" inside it.
 */
function aboutSomeoneElse(m: Match<Tag>, flags: Uint8Array, withinSentence?: readonly number[]): boolean {
  for (const p of m.literal) if (((flags[p] ?? 0) & (FIRST | THIRD)) === FIRST) return false;
  for (const p of m.literal) if ((flags[p] ?? 0) & THIRD) return true;
  for (let p = m.start - 1; p >= 0 && p >= m.start - SUBJECT_REACH; p--) {
    if (withinSentence && withinSentence[p] !== withinSentence[m.start]) return false;
    if ((flags[p] ?? 0) & THIRD) return true;
    if ((flags[p] ?? 0) & FIRST) return false;
  }
  return false;
}

/** The token the `{age}` step matched. */
function agePosition(m: Match<Tag>): number {
  let literalIndex = 0;
  for (const step of m.phrase.steps) {
    if (step.kind === 'age') return m.literal[literalIndex] ?? m.start;
    if (step.kind !== 'gap') literalIndex++;
  }
  return m.start;
}

const DIGIT_RUN = /\+?\d(?:[ .-]?\d)*/g;

/** Fixed numbers in the user's text: `+44…` calling codes by prefix, others whole ("116 123" = 116123). */
function numberCues(text: string, numbers: readonly LocaleCue[]): LocaleCue[] {
  if (numbers.length === 0) return [];
  const found: LocaleCue[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const digits = run[0].replace(/\D/g, '');
    const plus = run[0].startsWith('+');
    for (const cue of numbers) {
      const want = cue.number!.replace('+', '');
      if (cue.number!.startsWith('+') ? plus && digits.startsWith(want) : digits === want) found.push(cue);
    }
  }
  return found;
}
