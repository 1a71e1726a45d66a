/**
 * Which language a user writes in: common function words from each lexicon's `detect.words`, plus
 * letters only one language uses (ñ ¿ for Spanish, ã õ for Portuguese, ß for German). Japanese
 * particles are single characters, so a Japanese message scores on almost every character.
 */
import { LANGUAGES, lexicons, type Language } from './lexicon.js';
import { fold, type Tokens } from './tokens.js';

interface DetectTable {
  /** Each word's languages and its weight: 1 / how many languages list it ("de" is es, fr and pt). */
  readonly words: Map<string, { languages: Language[]; weight: number }>;
  readonly stems: readonly { prefix: string; language: Language }[];
  readonly letters: readonly { letter: string; language: Language }[];
}

let table: DetectTable | undefined;

function detectTable(): DetectTable {
  if (table) return table;
  const lists = new Map<string, Language[]>();
  const stems: { prefix: string; language: Language }[] = [];
  const letters: { letter: string; language: Language }[] = [];
  for (const [language, lexicon] of lexicons()) {
    for (const word of lexicon.detect.words) {
      if (word.endsWith('*')) stems.push({ prefix: fold(word.slice(0, -1)), language });
      else {
        const key = fold(word);
        const languages = lists.get(key) ?? [];
        if (!languages.includes(language)) lists.set(key, [...languages, language]);
      }
    }
    for (const letter of lexicon.detect.letters) letters.push({ letter, language });
  }
  const words = new Map([...lists].map(([word, languages]) => [word, { languages, weight: 1 / languages.length }]));
  table = { words, stems, letters };
  return table;
}

/** Letters that point to one language weigh as much as two function words. */
const LETTER_WEIGHT = 2;

/** Evidence for each language in one message; every language is present, most at 0. */
export function languageScores(tokens: Tokens): Map<Language, number> {
  const { words, stems, letters } = detectTable();
  const scores = new Map<Language, number>(LANGUAGES.map((l) => [l, 0]));
  for (const word of tokens.words) {
    const known = words.get(word);
    if (known) for (const language of known.languages) scores.set(language, scores.get(language)! + known.weight);
    for (const stem of stems) if (word.startsWith(stem.prefix) && word.length > stem.prefix.length) scores.set(stem.language, scores.get(stem.language)! + 1);
  }
  const lower = tokens.text.toLowerCase();
  const seen = new Set<Language>();
  for (const { letter, language } of letters) {
    if (!seen.has(language) && lower.includes(letter)) {
      seen.add(language);
      scores.set(language, scores.get(language)! + LETTER_WEIGHT);
    }
  }
  return scores;
}

/** The language with the most evidence, or undefined when there is none; ties go to the earlier language in LANGUAGES. */
export function topLanguage(scores: ReadonlyMap<Language, number>): { language: Language; score: number; margin: number } | undefined {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0) return undefined;
  return { language: first[0], score: first[1], margin: first[1] - (second?.[1] ?? 0) };
}

/**
 * A message's own language when it clearly has one ("¿y tú?" in an English chat); undefined when
 * it does not: a one-word "tonight" or "ok" says nothing by itself.
 */
export function clearLanguage(scores: ReadonlyMap<Language, number>): Language | undefined {
  const top = topLanguage(scores);
  return top && top.score >= 2 && top.margin >= 1 ? top.language : undefined;
}
