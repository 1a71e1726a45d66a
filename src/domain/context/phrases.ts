/**
 * The lexicon pattern syntax and its matcher. A pattern is plain words separated by spaces:
 *
 * - `want to die`   words, matched after the same folding as the text (case, width, diacritics, apostrophes);
 * - `suicid*`       a word prefix (at least 3 letters before `*`): suicide, suicidal, suicidio;
 * - `want ~2 die`   a gap of 0 to N (1–5) words, never first or last, at most two per pattern;
 * - `pills/tablets/overdos*`  any one of these words or prefixes, at one position (at most six);
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
  | { kind: 'age' }
  | { kind: 'any'; options: readonly WordOrStem[] };

type WordOrStem = Extract<Step, { kind: 'word' } | { kind: 'stem' }>;
const MAX_OPTIONS = 6;

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
    } else if (part.includes('/')) {
      const options: WordOrStem[] = [];
      for (const option of part.split('/')) {
        const one = wordOrStem(option);
        if (typeof one === 'string') return `in "${part}": ${one}`;
        options.push(one);
      }
      if (options.length > MAX_OPTIONS) return `"${part}" has ${options.length} choices; at most ${MAX_OPTIONS}, or write two entries`;
      steps.push({ kind: 'any', options });
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

/** One choice of a `a/b/c*` step: a single word or a prefix of at least 3 letters. */
function wordOrStem(option: string): WordOrStem | string {
  if (REGEX_LIKE.test(option.replace(/\*$/, ''))) return `"${option}" looks like a regular expression; write plain words and word* prefixes`;
  const words = tokenize(option.replace(/\*$/, '')).words;
  if (words.length !== 1) return `each choice must be one word (write "${option}" as an entry of its own)`;
  if (!option.endsWith('*')) return { kind: 'word', word: words[0]! };
  if (words[0]!.length < 3) return `prefix "${option}" needs at least 3 letters before *`;
  return { kind: 'stem', prefix: words[0]! };
}

function accepts(step: Step, word: string): boolean {
  switch (step.kind) {
    case 'any':
      return step.options.some((option) => accepts(option, word));
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
    // A phrase is filed once per key its first step can start with, so each position tries it once per list.
    const keys = first.kind === 'any' ? first.options : [first];
    const filed = new Set<string>();
    for (const key of keys) {
      const id = key.kind === 'word' ? `w:${key.word}` : key.kind === 'stem' ? `s:${key.prefix.slice(0, 2)}` : 'n';
      if (filed.has(id)) continue;
      filed.add(id);
      if (key.kind === 'word') push(this.byWord, key.word, phrase);
      else if (key.kind === 'stem') push(this.byStem, key.prefix.slice(0, 2), phrase);
      else this.byNumber.push(phrase);
    }
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
      // "pills/pill*" files one phrase under a word and a prefix: match it once at a position.
      if (phrase.steps[0]!.kind === 'any' && matchedAt(out, at, phrase)) continue;
      const literal: number[] = [];
      const end = matchFrom(phrase.steps, 0, at, tokens, tokens.sentence[at]!, literal, counter);
      if (end >= 0) out.push({ phrase, start: at, end, literal });
    }
  }
}

/** Whether `phrase` already matched at `at`: matches are pushed in order of start, so only the tail is read. */
function matchedAt<T>(out: readonly Match<T>[], at: number, phrase: Phrase<T>): boolean {
  for (let i = out.length - 1; i >= 0 && out[i]!.start === at; i--) if (out[i]!.phrase === phrase) return true;
  return false;
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
