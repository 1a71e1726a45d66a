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
  const groups = groupsOf(source);
  return source.replace(/(?<!\\)\\b/g, (_, at: number) => {
    if (startsWithWord(source, groups, at + 2)) return `(?<!${WORD})`;
    if (endsWithWord(source, groups, at)) return `(?!${WORD})`;
    return UNICODE_BOUNDARY;
  });
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
/** A quantifier that allows zero repetitions, or a lazy/optional mark: what it follows may be absent. */
const mayBeAbsent = (c: string | undefined) => c === '?' || c === '*' || c === '{';
/** A group that captures or only groups (`(…)`, `(?:…)`); lookarounds and named groups are left alone. */
const plainGroup = (source: string, open: number) => source[open + 1] !== '?' || source[open + 2] === ':';

interface Group {
  close: number;
  /** Where each top-level alternative starts, and where each ends (a `|` or the closing paren). */
  starts: number[];
  ends: number[];
}

/** Every group of a pattern, by its opening paren, and the opening paren of each closing one: one pass. */
function groupsOf(source: string): { byOpen: Map<number, Group>; openOf: Map<number, number> } {
  const byOpen = new Map<number, Group>();
  const openOf = new Map<number, number>();
  const stack: { open: number; starts: number[]; ends: number[] }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ open: i, starts: [source[i + 1] === '?' ? i + 3 : i + 1], ends: [] });
    else if (c === '|' && stack.length > 0) { stack.at(-1)!.ends.push(i); stack.at(-1)!.starts.push(i + 1); }
    else if (c === ')' && stack.length > 0) {
      const g = stack.pop()!;
      byOpen.set(g.open, { close: i, starts: g.starts, ends: [...g.ends, i] });
      openOf.set(i, g.open);
    }
  }
  return { byOpen, openOf };
}

type Groups = ReturnType<typeof groupsOf>;

/** Whether the pattern text at `at` must begin with a word character. */
function startsWithWord(source: string, groups: Groups, at: number): boolean {
  const c = source[at];
  if (isWordChar(c)) return !mayBeAbsent(source[at + 1]);
  if (c === '\\' && source[at + 1] === 'd') return !mayBeAbsent(source[at + 2]);
  const group = c === '(' && plainGroup(source, at) ? groups.byOpen.get(at) : undefined;
  if (!group || mayBeAbsent(source[group.close + 1])) return false;
  return group.starts.every((from) => startsWithWord(source, groups, from));
}

/** Whether the pattern text just before `at` must end with a word character. */
function endsWithWord(source: string, groups: Groups, at: number): boolean {
  // "x+" and "\d+" end with what they repeat.
  const last = source[at - 1] === '+' ? at - 1 : at;
  const c = source[last - 1];
  if (c === 'd' && source[last - 2] === '\\') return source[last - 3] !== '\\';
  if (isWordChar(c)) return source[last - 2] !== '\\';
  if (last !== at || c !== ')') return false;
  const open = groups.openOf.get(at - 1);
  const group = open !== undefined && plainGroup(source, open) ? groups.byOpen.get(open) : undefined;
  return group !== undefined && group.ends.every((to) => endsWithWord(source, groups, to));
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
