import type { LangPatterns } from '../../types.js';

const cache = new Map<string, RegExp>();
const WORD = String.raw`[\p{L}\p{N}_]`;
const UNICODE_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/**
 * JavaScript's \b is ASCII-only even with the u flag: "\bÇa", "aquí\b", "você\b" never match. Each
 * \b becomes a boundary that knows letters in every script: one-sided where it sits next to a literal
 * letter or digit (the common case, and far cheaper), the full two-sided form otherwise.
 */
export function unicodeBoundaries(source: string): string {
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  return source.replace(/(?<!\\)\\b/g, (_, at: number) => {
    // "\bword": the next character is a required literal letter, so only the one before matters.
    if (wordChar(source[at + 2]) && !/[*?{]/.test(source[at + 3] ?? '')) return `(?<!${WORD})`;
    // "word\b": the previous character is a literal letter (not the tail of an escape such as \s).
    if (wordChar(source[at - 1]) && source[at - 2] !== '\\') return `(?!${WORD})`;
    return UNICODE_BOUNDARY;
  });
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
