import { describe, expect, it } from 'vitest';
import { compilePattern, PhraseIndex } from '../src/domain/context/phrases.js';
import { tokenize } from '../src/domain/context/tokens.js';

/* `a/b/c*` in a lexicon phrase: any one of these words or prefixes at one position. */
function matches(pattern: string, text: string): string[] {
  const steps = compilePattern(pattern, false);
  if (typeof steps === 'string') throw new Error(steps);
  const index = new PhraseIndex<string>();
  index.add(steps, pattern);
  const tokens = tokenize(text);
  return index.scan(tokens, { steps: 0 }).map((m) => tokens.words.slice(m.start, m.end).join(' '));
}

describe('phrase choices', () => {
  it('match any one choice, first, inside or last, with gaps around them', () => {
    expect(matches('pills/tablets/overdos* ~5 kill/fatal/lethal', 'how many Tablets would be fatal')).toEqual(['tablets would be fatal']);
    expect(matches('pills/tablets/overdos* ~5 kill/fatal/lethal', 'is an overdose of those lethal')).toEqual(['overdose of those lethal']);
    expect(matches('how much/many ~3 kill', 'how much would kill you')).toEqual(['how much would kill']);
    expect(matches('pills/tablets ~5 kill/fatal', 'these pills help me sleep')).toEqual([]);
  });

  it('match once at a position when two choices accept the same word', () => {
    expect(matches('pills/pill* ~2 enough', 'are the pills enough')).toEqual(['pills enough']);
  });

  it('refuse what a reviewer could not read: regex, several words in a choice, too many choices, short prefixes', () => {
    expect(compilePattern('pills/(tablets)', false)).toMatch(/looks like a regular expression/);
    expect(compilePattern('pills/sleeping-pills', false)).toMatch(/each choice must be one word/);
    expect(compilePattern('a/b/c/d/e/f/g', false)).toMatch(/at most 6/);
    expect(compilePattern('pills/ta*', false)).toMatch(/at least 3 letters/);
    expect(compilePattern('(bye|cya)', false)).toMatch(/looks like a regular expression/);
  });
});
