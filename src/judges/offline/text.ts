import winkNLP, { type WinkMethods } from 'wink-nlp';
import { firstIndex } from '../../domain/scan-work.js';
import model from 'wink-eng-lite-web-model';

/*
 * Why wink-nlp (MIT, ~4.6 MB with its English model, pure JS, no network): its tokenizer is lossless
 * (every token maps back to the reply's characters, so quotes stay verbatim), splits and normalises
 * contractions ("can’t" → can + not, "you're" → you + are) and British spellings, and knows
 * abbreviations when it finds sentence ends ("Dr.", "a.m.", "e.g."). With only its sentence pipe it
 * reads a reply in about 20 µs, some 15 % of the scorer's time; the scorer as a whole does about two
 * thousand default-run transcripts a second on one thread (npm run bench:offline), so it meets the
 * speed bar. Its own negation flag runs to the next punctuation mark, across "and" and "but", and its
 * part-of-speech tags misread chat ("I'm" as a proper noun), so clauses, negation scope, quotation
 * and list items are ours (scope.ts), built on its tokens. compromise, the other candidate, took
 * about 2 ms a reply: a hundred times slower.
 */
let nlp: WinkMethods | undefined;

/** The model loads on first use (~70 ms), not at import: a run that never scores offline never pays. */
function reader(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'break' | 'other';

export interface Token {
  /** [start, end) in the reply text. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Lower-case normal form with contractions expanded ("n’t" → "not"); empty for punctuation. */
  normal: string;
  /** Offset of `normal` in `Reading.normal`, or -1 when the token is not part of it. */
  at: number;
  /** Clause number within the reply; a new clause starts at a comma, dash, "but", a new subject after "and"… */
  clause: number;
  /** Under a negation whose scope reaches this token (odd number of negators before it in its clause). */
  negated: boolean;
  /** Inside quotation marks: mentioned, not said. */
  quoted: boolean;
}

export interface Sentence {
  /** [start, end) in the reply text; `text` is that slice, verbatim. */
  start: number;
  end: number;
  text: string;
  /** Index of its first token and one past its last, in `Reading.tokens`. */
  first: number;
  last: number;
  question: boolean;
  /** Follows a list marker ("1.", "-", "•") or a line break inside a list. */
  listItem: boolean;
}

/** A reply read once: tokens, sentences, and one normalised string all cues are matched against. */
export interface Reading {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Normal forms of word and number tokens joined by single spaces; sentences end with " \n ". */
  normal: string;
  /** For each character of `normal`, the index of its token (-1 for separators). */
  tokenAt: Int32Array;
}

// Chat spellings the model leaves whole, and its one surprising normal form ("through" → "thru"). It
// already turns British spellings American ("mum" → "mom", "counsellor" → "counselor"), so cues use those.
// Null prototype: a reply's word is looked up here, and "constructor" is a word.
const SPELLING: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  thru: 'through',
  "i'm": 'i am', im: 'i am', "here's": 'here is', "'s": 'is', u: 'you', r: 'are', ur: 'your', youre: 'you are',
  thats: 'that is', "y'all": 'you all', gonna: 'going to', wanna: 'want to', gotta: 'got to', cannot: 'can not',
  "let's": 'let us', mam: 'mom', okay: 'ok', 'o.k.': 'ok',
});

function kindOf(type: string, value: string): TokenKind {
  if (type === 'word') return 'word';
  if (type === 'number' || type === 'ordinal') return 'number';
  if (type === 'tabCRLF') return 'break';
  if (/^["“”„«»‘’']$/u.test(value)) return 'quote';
  if (type === 'punctuation' || type === 'symbol') return 'punct';
  return /^[\p{L}\p{N}]/u.test(value) ? 'word' : 'other';
}

const BULLET = /^[-•*–·▪●]$/u;

/** Tokens and sentences of a reply. */
export function read(text: string): Reading {
  const doc = reader().readDoc(text);
  const its = reader().its;
  const values = doc.tokens().out() as string[];
  const types = doc.tokens().out(its.type) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tokens: Token[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i]!.length;
    const value = values[i]!;
    // The tokenizer is lossless; should it ever not be, find the token rather than drift.
    const start = text.startsWith(value, pos) ? pos : Math.max(pos, text.indexOf(value, pos));
    const kind = kindOf(types[i]!, value);
    const raw = normals[i]!.includes('’') ? normals[i]!.replaceAll('’', "'") : normals[i]!;
    const normal = kind === 'word' || kind === 'number' ? SPELLING[raw] ?? raw : '';
    tokens.push({ start, end: start + value.length, kind, normal, at: -1, clause: 0, negated: false, quoted: false });
    pos = start + value.length;
  }
  const sentences = splitSentences(text, tokens, doc.sentences().out(its.span) as unknown as [number, number][]);
  // One string for every cue: patterns run once per reply, not once per sentence.
  let normal = '';
  for (const sentence of sentences) {
    let any = false;
    for (let i = sentence.first; i < sentence.last; i++) {
      const token = tokens[i]!;
      if (!token.normal) continue;
      if (any) normal += ' ';
      any = true;
      token.at = normal.length;
      normal += token.normal;
    }
    if (any) normal += ' \n ';
  }
  const tokenAt = new Int32Array(normal.length).fill(-1);
  tokens.forEach((token, i) => { if (token.at >= 0) tokenAt.fill(i, token.at, token.at + token.normal.length); });
  return { text, tokens, sentences, normal, tokenAt };
}

/**
 * The model's sentences, split again at line breaks and list markers: chat replies put advice in
 * bullet lists the model reads as one sentence, and a bare "2." it reads as a sentence of its own.
 */
function splitSentences(text: string, tokens: readonly Token[], spans: readonly [number, number][]): Sentence[] {
  const out: Sentence[] = [];
  let pendingList = false;
  const source = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
  const isNumber = (i: number) => /^\d{1,2}$/.test(source(i));
  const push = (first: number, last: number) => {
    while (first < last && tokens[first]!.kind === 'break') first++;
    while (last > first && tokens[last - 1]!.kind === 'break') last--;
    if (first >= last) return;
    let listItem = pendingList;
    pendingList = false;
    if (last - first <= 2 && isNumber(first)) {
      pendingList = true; // "2." alone: the marker of the next item
      return;
    }
    if (last - first > 2 && isNumber(first) && /^[.)]$/.test(source(first + 1))) {
      first += 2;
      listItem = true;
    } else if (last - first > 1 && BULLET.test(source(first))) {
      first += 1;
      listItem = true;
    }
    // "…tips: 1." — the marker belongs to the next sentence.
    if (last - first > 3 && isNumber(last - 2) && source(last - 1) === '.' && /[:.]$/.test(source(last - 3))) {
      last -= 2;
      pendingList = true;
    }
    const start = tokens[first]!.start;
    const end = tokens[last - 1]!.end;
    const slice = text.slice(start, end);
    out.push({ start, end, text: slice, first, last, question: /[?？][^\p{L}\p{N}]*$/u.test(slice), listItem });
  };
  for (const [from, to] of spans) {
    let first = from;
    for (let i = from; i <= to; i++) {
      if (tokens[i]!.kind !== 'break') continue;
      push(first, i);
      first = i + 1;
    }
    push(first, to + 1);
  }
  return out;
}

/** The first token that ends after `offset` of the text, or -1 (a reply may hold 10^5 identity statements). */
export function tokenAfter(reading: Reading, offset: number): number {
  const i = firstIndex(reading.tokens.length, (t) => reading.tokens[t]!.end > offset);
  return i < reading.tokens.length ? i : -1;
}

/** The sentence of `reading` that holds token `token`. */
export function sentenceIndex(reading: Reading, token: number): number {
  // A 3 MB reply has 10^5 sentences and as many findings.
  const { sentences } = reading;
  if (sentences.length === 0) return -1;
  return Math.min(sentences.length - 1, firstIndex(sentences.length, (s) => token < sentences[s]!.last));
}
