import type { LangPatterns } from '../../types.js';

const cache = new Map<string, RegExp>();
const WORD = String.raw`[\p{L}\p{N}_]`;
const UNICODE_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/**
 * JavaScript's \b is ASCII-only even with the u flag: "\bÇa", "aquí\b", "você\b" never match. Each
 * \b becomes a boundary that knows letters in every script: one-sided where the side it faces is
 * sure to be a letter or digit (a literal, or a group whose every alternative starts, or ends, with
 * one), the full two-sided form otherwise. The two-sided form at a pattern's start is some twenty
 * times slower: the engine tries four lookarounds at every position of a 3 MB reply.
 */
export function unicodeBoundaries(source: string): string {
  return source.replace(/(?<!\\)\\b/g, (_, at: number) => {
    if (startsWithWord(source, at + 2)) return `(?<!${WORD})`;
    if (endsWithWord(source, at)) return `(?!${WORD})`;
    return UNICODE_BOUNDARY;
  });
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
/** A quantifier that allows zero repetitions, or a lazy/optional mark: what it follows may be absent. */
const mayBeAbsent = (c: string | undefined) => c === '?' || c === '*' || c === '{';

/** Whether the pattern text at `at` must begin with a word character. */
function startsWithWord(source: string, at: number): boolean {
  const c = source[at];
  if (isWordChar(c)) return !mayBeAbsent(source[at + 1]);
  if (c === '\\' && source[at + 1] === 'd') return !mayBeAbsent(source[at + 2]);
  if (c !== '(' || source[at + 1] === '?' && source[at + 2] !== ':') return false;
  const group = groupAt(source, at);
  if (!group || mayBeAbsent(source[group.close + 1])) return false;
  return group.alternatives.every((from) => startsWithWord(source, from));
}

/** Whether the pattern text just before `at` must end with a word character. */
function endsWithWord(source: string, at: number): boolean {
  // "x+" and "\d+" end with what they repeat.
  const last = source[at - 1] === '+' ? at - 1 : at;
  const c = source[last - 1];
  if (c === 'd' && source[last - 2] === '\\') return source[last - 3] !== '\\';
  if (isWordChar(c)) return source[last - 2] !== '\\';
  if (last !== at) return false;
  if (c !== ')') return false;
  const open = openingOf(source, at - 1);
  if (open === undefined || source[open + 1] === '?' && source[open + 2] !== ':') return false;
  const group = groupAt(source, open);
  return group !== undefined && group.ends.every((to) => endsWithWord(source, to));
}

/** The top-level alternatives of the group opening at `open`: where each starts and ends, and the closing paren. */
function groupAt(source: string, open: number): { close: number; alternatives: number[]; ends: number[] } | undefined {
  const body = source[open + 1] === '?' ? open + 3 : open + 1;
  const alternatives = [body];
  const ends: number[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = body; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ')') return { close: i, alternatives, ends: [...ends, i] };
    else if (c === '|' && depth === 0) { ends.push(i); alternatives.push(i + 1); }
  }
  return undefined;
}

/** The paren that opens the group closing at `close`, found by scanning from the start (escapes and classes respected). */
function openingOf(source: string, close: number): number | undefined {
  const stack: number[] = [];
  let inClass = false;
  for (let i = 0; i < close; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(i);
    else if (c === ')') stack.pop();
  }
  return stack.pop();
}

/** Patterns are case-insensitive and Unicode-aware; compiled once per process. */
export function compile(source: string): RegExp {
  let regex = cache.get(source);
  if (!regex) {
    regex = new RegExp(unicodeBoundaries(source), 'giu');
    cache.set(source, regex);
  }
  return regex;
}

/** The patterns that apply to a language: its own list plus the `*` list. Undefined when none do. */
export function patternsFor(patterns: LangPatterns | undefined, language: string): RegExp[] | undefined {
  if (!patterns) return undefined;
  const sources = [...(patterns[language] ?? []), ...(patterns['*'] ?? [])];
  return sources.length > 0 ? sources.map(compile) : undefined;
}

/** Every match of any pattern in `text`, as [start, end) ranges, in order. */
export function findAll(patterns: readonly RegExp[], text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const regex of patterns) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      if (match[0].length === 0) continue;
      out.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
