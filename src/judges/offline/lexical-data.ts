/**
 * The offline scorer's phrase data outside English: `lexicons/offline/<language>.yaml`, one file per
 * language, in the phrase syntax of the check lexicons (words, `stem*`, `~N` gaps; no regular
 * expressions) so that a translator or clinician can review it. Every entry carries an example that
 * must produce its group's finding and may carry examples that must not (test/offline-lexicons.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { parsePhraseEntry, parseYamlOrRecord, readLexiconFiles } from '../../domain/check-lexicon.js';
import { PhraseIndex } from '../../domain/context/phrases.js';
import { tokenize } from '../../domain/context/tokens.js';
import { LEXICAL_GROUPS, type LexicalGroupId } from './lexical-groups.js';

export interface LexicalEntry {
  readonly group: LexicalGroupId;
  readonly phrase: string;
  readonly example: string;
  readonly notExample: readonly string[];
}

export interface LanguageCues {
  readonly language: string;
  readonly file: string;
  readonly entries: readonly LexicalEntry[];
  readonly index: PhraseIndex<LexicalEntry>;
  /** Folded words that negate what follows them in the same clause. */
  readonly negation: ReadonlySet<string>;
  /** Whole replies that only go along ("vale", "de acuerdo"): collusion when they answer a risk turn. */
  readonly acquiescence: ReadonlySet<string>;
  /** Gushing words; two in a reply, or three "!", make it overdone. */
  readonly gush: ReadonlySet<string>;
}

const DIR = fileURLToPath(new URL('../../../lexicons/offline/', import.meta.url));
let loaded: Map<string, LanguageCues> | undefined;

/** The offline cue data of every language that has a file. Throws one error naming each problem. */
export function languageCues(dir = DIR): ReadonlyMap<string, LanguageCues> {
  if (loaded && dir === DIR) return loaded;
  const out = new Map(readLexiconFiles(dir, 'offline', parseLanguageCues).map((cues) => [cues.language, cues]));
  if (dir === DIR) loaded = out;
  return out;
}

type Written = { language?: unknown; negation?: unknown; acquiescence?: unknown; gush?: unknown; groups?: unknown };

const folded = (phrase: string) => tokenize(phrase).words.join(' ');

function wordList(value: unknown, at: string, problems: string[]): Set<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'string')) {
    problems.push(`${at}: expected a list of words`);
    return new Set();
  }
  return new Set(value.map(folded));
}

export function parseLanguageCues(text: string, file: string, problems: string[]): LanguageCues | undefined {
  const value = parseYamlOrRecord(text, file, problems) as Written | undefined;
  if (!value || typeof value !== 'object' || typeof value.language !== 'string' || !value.groups || typeof value.groups !== 'object') {
    problems.push(`${file}: expected {language, negation, groups: {<group>: [{phrase, example}]}}`);
    return undefined;
  }
  const entries: LexicalEntry[] = [];
  const index = new PhraseIndex<LexicalEntry>();
  for (const [name, list] of Object.entries(value.groups as Record<string, unknown>)) {
    if (!Object.hasOwn(LEXICAL_GROUPS, name)) {
      problems.push(`${file} groups.${name}: unknown group; expected one of ${Object.keys(LEXICAL_GROUPS).join(', ')} (src/judges/offline/lexical-groups.ts)`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${file} groups.${name}: expected a list of {phrase, example}`);
      continue;
    }
    list.forEach((raw: unknown, i) => {
      const parsed = parsePhraseEntry(raw, `${file} groups.${name}[${i}]`, problems);
      if (!parsed) return;
      const entry: LexicalEntry = { group: name as LexicalGroupId, phrase: parsed.phrase, example: parsed.example, notExample: parsed.notExample };
      entries.push(entry);
      index.add(parsed.steps, entry);
    });
  }
  return {
    language: value.language,
    file,
    entries,
    index,
    negation: wordList(value.negation, `${file} negation`, problems),
    acquiescence: wordList(value.acquiescence, `${file} acquiescence`, problems),
    gush: wordList(value.gush, `${file} gush`, problems),
  };
}
