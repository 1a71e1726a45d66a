/**
 * The lexicon pattern syntax and its matcher. A pattern is plain words separated by spaces:
 *
 * - `want to die`   words, matched after the same folding as the text (case, width, diacritics, apostrophes);
 * - `suicid*`       a word prefix (at least 3 letters before `*`): suicide, suicidal, suicidio;
 * - `want ~2 die`   a gap of 0 to N (1–5) words, never first or last, at most two per pattern;
 * - `im {age}`      a 1–3 digit number (age entries only);
 * - `死にたい`       Japanese is written as is; each character is one token, so it matches as a substring.
 *
 * Anything that looks like a regular expression is refused: reviewers read these files, not regex.
 * Matching is indexed by the first token, so a message costs one map lookup per token plus the
 * patterns that start with that token; `counter.steps` counts token comparisons so tests can bound it.
 */
import { tokenize, type Tokens } from './tokens.js';

export type Step =
  | { kind: 'word'; word: string }
  | { kind: 'stem'; prefix: string }
  | { kind: 'gap'; max: number }
  | { kind: 'age' };

export interface Phrase<T> {
  readonly steps: readonly Step[];
  readonly tag: T;
}

export interface Match<T> {
  readonly phrase: Phrase<T>;
  /** First token and one past the last. */
  readonly start: number;
  readonly end: number;
  /** Tokens the pattern's words matched; the others in start..end were skipped by a gap. */
  readonly literal: readonly number[];
}

export interface StepCounter {
  steps: number;
}

const GAP = /^~(\d+)$/;
const REGEX_LIKE = /[[\]()\\^|?+{}]/;
const DIGITS = /^\d{1,3}$/;

/** Compiles one pattern, or returns what is wrong with it in words a reviewer can act on. */
export function compilePattern(source: string, allowAge: boolean): Step[] | string {
  const steps: Step[] = [];
  for (const part of source.trim().split(/\s+/)) {
    const gap = GAP.exec(part);
    if (gap) {
      const max = Number(gap[1]);
      if (max < 1 || max > 5) return `gap "${part}" must be ~1 to ~5`;
      steps.push({ kind: 'gap', max });
    } else if (part === '{age}') {
      if (!allowAge) return '{age} is only allowed in the age section';
      steps.push({ kind: 'age' });
    } else if (REGEX_LIKE.test(part.replace(/\*$/, ''))) {
      return `"${part}" looks like a regular expression; write plain words, ~N gaps and word* prefixes`;
    } else if (part.endsWith('*')) {
      const words = tokenize(part.slice(0, -1)).words;
      if (words.length !== 1 || words[0]!.length < 3) return `prefix "${part}" needs at least 3 letters of one word before *`;
      steps.push({ kind: 'stem', prefix: words[0]! });
    } else {
      const words = tokenize(part).words;
      if (words.length === 0) return `"${part}" has no letters or digits`;
      for (const word of words) steps.push({ kind: 'word', word });
    }
  }
  if (steps.length === 0) return 'the phrase is empty';
  if (steps[0]!.kind === 'gap' || steps.at(-1)!.kind === 'gap') return 'a phrase cannot start or end with a gap';
  if (steps.filter((s) => s.kind === 'gap').length > 2) return 'at most two gaps per phrase';
  if (steps.some((s, i) => s.kind === 'gap' && steps[i + 1]?.kind === 'gap')) return 'two gaps in a row';
  return steps;
}

function accepts(step: Step, word: string): boolean {
  switch (step.kind) {
    case 'word':
      return word === step.word;
    case 'stem':
      return word.startsWith(step.prefix);
    case 'age':
      return DIGITS.test(word);
    case 'gap':
      return false;
  }
}

/** Patterns indexed by their first step. Every table is a Map, so "__proto__" is just a word. */
export class PhraseIndex<T> {
  private readonly byWord = new Map<string, Phrase<T>[]>();
  /** Prefix patterns, keyed by their first two letters. */
  private readonly byStem = new Map<string, Phrase<T>[]>();
  private readonly byNumber: Phrase<T>[] = [];

  add(steps: readonly Step[], tag: T): void {
    const phrase: Phrase<T> = { steps, tag };
    const first = steps[0]!;
    if (first.kind === 'word') push(this.byWord, first.word, phrase);
    else if (first.kind === 'stem') push(this.byStem, first.prefix.slice(0, 2), phrase);
    else this.byNumber.push(phrase);
  }

  /** Every match of every pattern in `tokens`, overlapping ones included, in order of start. */
  scan(tokens: Tokens, counter: StepCounter): Match<T>[] {
    const matches: Match<T>[] = [];
    const { words } = tokens;
    // Most lexicons have no stem or number patterns: skip those lookups for every word of a long reply.
    const stems = this.byStem.size > 0;
    const numbers = this.byNumber.length > 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      this.tryAll(this.byWord.get(word), tokens, i, counter, matches);
      if (stems) this.tryAll(this.byStem.get(word.slice(0, 2)), tokens, i, counter, matches);
      if (numbers && DIGITS.test(word)) this.tryAll(this.byNumber, tokens, i, counter, matches);
    }
    return matches;
  }

  private tryAll(phrases: readonly Phrase<T>[] | undefined, tokens: Tokens, at: number, counter: StepCounter, out: Match<T>[]): void {
    if (!phrases) return;
    for (const phrase of phrases) {
      const literal: number[] = [];
      const end = matchFrom(phrase.steps, 0, at, tokens, tokens.sentence[at]!, literal, counter);
      if (end >= 0) out.push({ phrase, start: at, end, literal });
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Tries steps[si..] at `pos`; gaps take the shortest skip that lets the rest match. Returns the end or -1. */
function matchFrom(steps: readonly Step[], si: number, pos: number, tokens: Tokens, sentence: number, literal: number[], counter: StepCounter): number {
  if (si === steps.length) return pos;
  const step = steps[si]!;
  const n = tokens.words.length;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= step.max; skip++) {
      const p = pos + skip;
      if (p >= n || tokens.sentence[p] !== sentence) return -1;
      const end = matchFrom(steps, si + 1, p, tokens, sentence, literal, counter);
      if (end >= 0) return end;
    }
    return -1;
  }
  counter.steps++;
  if (pos >= n || tokens.sentence[pos] !== sentence || !accepts(step, tokens.words[pos]!)) return -1;
  literal.push(pos);
  const end = matchFrom(steps, si + 1, pos + 1, tokens, sentence, literal, counter);
  if (end < 0) literal.pop();
  return end;
}
