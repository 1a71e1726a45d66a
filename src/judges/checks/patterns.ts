import type { LangPatterns } from '../../types.js';

const cache = new Map<string, RegExp>();

/** Patterns are case-insensitive and Unicode-aware; compiled once per process. */
export function compile(source: string): RegExp {
  let regex = cache.get(source);
  if (!regex) {
    regex = new RegExp(source, 'giu');
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
