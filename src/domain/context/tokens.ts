/**
 * Tokens of one message, computed once and shared by every lexicon lookup. Latin-script words are
 * one token each; every Han, Hiragana and Katakana character is its own token, so a Japanese phrase
 * is matched as a substring of characters by the same matcher that matches English words.
 */

const JA = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々〆`;
const WORD = String.raw`[[\p{L}\p{N}\p{M}]--[${JA}]]+`;
const TOKEN = new RegExp(String.raw`[${JA}]|${WORD}(?:['’]${WORD})*|\p{Sc}|\p{Extended_Pictographic}`, 'gv');
/** Characters between two tokens that end a sentence or only a clause. */
const SENTENCE_END = /[.!?。！？…\n]/;
const CLAUSE_END = /[,;:、，；：—–()（）「」"“”]/;
const ASCII = /^[\x00-\x7f]*$/;
/** French elision: "j'ai" is the two words "j" and "ai", so "ai envie de mourir" matches inside it. */
const ELISION = /^(l|j|m|t|s|c|n|d|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;

export interface Tokens {
  /** Folded words: `Don’t` → `dont`, `Müde` → `mude`, `１６` → `16`. */
  readonly words: readonly string[];
  /** Offsets of each token in the original text, so quotes stay verbatim. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Sentence and clause number of each token; phrases never cross a sentence, negation never a clause. */
  readonly sentence: readonly number[];
  readonly clause: readonly number[];
  readonly text: string;
}

/**
 * Case, width and diacritic folding, plus dropping apostrophes so that `dont` and `don't` (and
 * `j'ai`/`jai`) are one word. Japanese voicing marks are not in U+0300–036F, so が stays が.
 */
export function fold(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase().replace(/['’]/g, '');
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').replace(/ß/g, 'ss');
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sentence: number[] = [];
  const clause: number[] = [];
  let s = 0;
  let c = 0;
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    if (words.length > 0) {
      const between = text.slice(last, start);
      if (SENTENCE_END.test(between)) {
        s++;
        c++;
      } else if (CLAUSE_END.test(between)) c++;
    }
    const elided = ELISION.exec(m[0]);
    const parts = elided ? [m[0].slice(0, elided[0].length), m[0].slice(elided[0].length)] : [m[0]];
    let at = start;
    for (const part of parts) {
      words.push(fold(part));
      starts.push(at);
      ends.push(at + part.length);
      sentence.push(s);
      clause.push(c);
      at += part.length;
    }
    last = start + m[0].length;
  }
  return { words, starts, ends, sentence, clause, text };
}

/** The original text of tokens `from`..`to` (exclusive), for evidence quotes. */
export function quote(tokens: Tokens, from: number, to: number): string {
  return tokens.text.slice(tokens.starts[from] ?? 0, tokens.ends[to - 1] ?? 0);
}
