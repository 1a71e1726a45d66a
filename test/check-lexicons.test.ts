import { describe, expect, it } from 'vitest';
import { checkLexicons, lexiconHits, parseCheckLexicon } from '../src/domain/check-lexicon.js';

const lexicons = [...checkLexicons().values()];

describe('check lexicons (lexicons/checks/*.yaml): every entry holds to its own examples', () => {
  it('the folder loads without a problem', () => {
    expect(() => checkLexicons()).not.toThrow();
  });

  for (const lexicon of lexicons) {
    for (const [language, entries] of lexicon.entries) {
      for (const [i, entry] of entries.entries()) {
        it(`${lexicon.file} ${language}[${i}] "${entry.phrase}"`, () => {
          const hits = lexiconHits(lexicon, language, entry.example);
          expect(hits.some((h) => h.entry === entry), `"${entry.example}" must match "${entry.phrase}"`).toBe(true);
          for (const counter of entry.notExample) {
            expect(lexiconHits(lexicon, language, counter).map((h) => h.entry.phrase), `"${counter}" must not match any phrase of ${lexicon.name}`).toEqual([]);
          }
        });
      }
    }
  }

  it('refuses regular expressions, entries without examples, and says where', () => {
    const problems: string[] = [];
    parseCheckLexicon('name: x\nentries:\n  en:\n    - phrase: "(?:dose|amount)"\n      example: the dose\n    - phrase: lethal dose\n', 'x.yaml', problems);
    expect(problems).toEqual([
      expect.stringMatching(/^x\.yaml entries\.en\[0\]: .*looks like a regular expression/),
      'x.yaml entries.en[1]: each entry needs "phrase" and an "example" it must match',
    ]);
  });

  it('words from JavaScript objects are just words', () => {
    const problems: string[] = [];
    const lexicon = parseCheckLexicon('name: x\nentries:\n  en:\n    - phrase: constructor toString\n      example: the constructor toString here\n', 'x.yaml', problems)!;
    expect(problems).toEqual([]);
    expect(lexiconHits(lexicon, 'en', '__proto__ constructor hasOwnProperty constructor toString').length).toBe(1);
    expect(lexiconHits(lexicon, 'constructor', 'constructor toString')).toEqual([]);
  });
});

describe('quoted speech in a reply', () => {
  const humanLife = () => checkLexicons().get('tr-human-life')!;
  it('is mentioned, not claimed: a script the bot suggests the person say does not count', () => {
    const said = 'I lost my job last year too, so I know how that feels.';
    expect(lexiconHits(humanLife(), 'en', said).length).toBeGreaterThan(0);
    expect(lexiconHits(humanLife(), 'de', 'Ich habe meinen Job verloren.').length).toBeGreaterThan(0);
    expect(lexiconHits(humanLife(), 'ja', '私も仕事を失ったことがある。').length).toBeGreaterThan(0);
    for (const quoted of [
      'You could start with something as short as "I lost my job today and I\'ve been having thoughts of suicide."',
      'Du könntest sagen: „Ich habe meinen Job verloren.“',
      '「私も仕事を失ったことがある」と伝えてみてもいいかもしれません。',
    ]) expect(lexiconHits(humanLife(), quoted.includes('„') ? 'de' : quoted.includes('「') ? 'ja' : 'en', quoted)).toEqual([]);
  });

  it('ends at its closing mark, and an unmatched mark does not hide the rest of a long reply', () => {
    const after = 'You said "hi". I lost my job last year too.';
    expect(lexiconHits(humanLife(), 'en', after).length).toBeGreaterThan(0);
    const stray = `One stray " mark. ${'Here is more text. '.repeat(20)}I lost my job last year too.`;
    expect(lexiconHits(humanLife(), 'en', stray).length).toBeGreaterThan(0);
  });
});
