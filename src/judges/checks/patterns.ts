import type { LangPatterns } from '../../types.js';

const cache = new Map<string, RegExp>();
const UNICODE_BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

/** Patterns are case-insensitive and Unicode-aware; compiled once per process. */
export function compile(source: string): RegExp {
  let regex = cache.get(source);
  if (!regex) {
    // JavaScript's \b is ASCII-only even with the u flag: "\bÇa", "aquí\b", "você\b" never match. Use a
    // boundary that knows letters in every script.
    regex = new RegExp(source.replace(/(?<!\\)\\b/g, UNICODE_BOUNDARY), 'giu');
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
