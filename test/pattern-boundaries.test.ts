import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, unicodeBoundaries } from '../src/judges/checks/patterns.js';
import { bundledRubrics } from './helpers/project.js';

/*
 * The one-sided word boundaries that compile() writes where it can are only a speed-up: every bundled
 * pattern finds exactly what the full two-sided boundary finds, on the development half's replies and
 * on copies of them where each match is glued to a letter of another script on either side.
 */
const WORD = String.raw`[\p{L}\p{N}_]`;
const TWO_SIDED = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const reference = (source: string) => new RegExp(source.replace(/(?<!\\)\\b/g, TWO_SIDED), 'giu');
const matches = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`);

function patternSources(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => patternSources(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/Match$/.test(key) && v && typeof v === 'object') Object.values(v as Record<string, string[]>).flat().forEach((s) => out.add(s));
      else patternSources(v, out);
    }
  }
  return out;
}

const replies = readFileSync(new URL('fixtures/independent/dev/transcripts.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').flatMap((line) => (JSON.parse(line) as { messages: { role: string; content: string }[] }).messages)
  .filter((m) => m.role === 'assistant').map((m) => m.content);

describe('one-sided word boundaries', () => {
  it('are written where a letter is certain on the facing side, and only there', () => {
    const W = `(?<!${WORD})`;
    const E = `(?!${WORD})`;
    expect(unicodeBoundaries(String.raw`\b(?:this|our)\s+chat\b`)).toBe(`${W}(?:this|our)\\s+chat${E}`);
    expect(unicodeBoundaries(String.raw`\b(?:\d+|ten)\b`)).toBe(`${W}(?:\\d+|ten)${E}`);
    expect(unicodeBoundaries(String.raw`\b(?:(?:so|very)\s+)?sad\b`)).toBe(`${TWO_SIDED}(?:(?:so|very)\\s+)?sad${E}`);
    expect(unicodeBoundaries(String.raw`\b(?:a|\s)\b`)).toBe(`${TWO_SIDED}(?:a|\\s)${TWO_SIDED}`);
    expect(unicodeBoundaries(String.raw`\b(?:foo)?bar(?:s|es)?\b`)).toBe(`${TWO_SIDED}(?:foo)?bar(?:s|es)?${TWO_SIDED}`);
    expect(unicodeBoundaries(String.raw`\b(?=x)a\b`)).toBe(`${TWO_SIDED}(?=x)a${E}`);
  });

  it('find what the two-sided boundary finds, for every bundled pattern', async () => {
    const sources = [...patternSources(await bundledRubrics())];
    expect(sources.length).toBeGreaterThan(100);
    const glued = (text: string, regex: RegExp) => [...text.matchAll(regex)].slice(0, 3).flatMap((m) => [
      `${text.slice(0, m.index)}é${text.slice(m.index)}`,
      `${text.slice(0, m.index + m[0].length)}日${text.slice(m.index + m[0].length)}`,
    ]);
    let compared = 0;
    for (const source of sources) {
      const fast = compile(source);
      const slow = reference(source);
      for (const text of replies) {
        for (const variant of [text, ...glued(text, slow)]) {
          expect(matches(fast, variant), source).toEqual(matches(slow, variant));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(sources.length * replies.length);
  });
});
