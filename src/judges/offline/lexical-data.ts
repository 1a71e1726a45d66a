/**
 * The offline scorer's phrase data outside English: `lexicons/offline/<language>.yaml`, one file per
 * language, in the phrase syntax of the check lexicons (words, `stem*`, `~N` gaps; no regular
 * expressions) so that a translator or clinician can review it. Every entry carries an example that
 * must produce its group's finding and may carry examples that must not (test/offline-lexicons.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compilePattern, PhraseIndex } from '../../domain/context/phrases.js';
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
  const out = new Map<string, LanguageCues>();
  const problems: string[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const file of files) {
    const cues = parseLanguageCues(readFileSync(join(dir, file), 'utf8'), `lexicons/offline/${file}`, problems);
    if (cues) out.set(cues.language, cues);
  }
  if (problems.length > 0) throw new Error(`invalid offline lexicon:\n${problems.join('\n')}`);
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
  let value: Written;
  try {
    value = parse(text) as Written;
  } catch (error) {
    problems.push(`${file}: not valid YAML (${(error as Error).message})`);
    return undefined;
  }
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
      const w = raw as { phrase?: unknown; example?: unknown; notExample?: unknown };
      const at = `${file} groups.${name}[${i}]`;
      if (typeof w?.phrase !== 'string' || typeof w.example !== 'string' || !w.example.trim()) {
        problems.push(`${at}: each entry needs "phrase" and an "example" it must match`);
        return;
      }
      const notExample = w.notExample === undefined ? [] : Array.isArray(w.notExample) ? w.notExample : [w.notExample];
      if (!notExample.every((n) => typeof n === 'string')) problems.push(`${at}: "notExample" must be a sentence or a list of sentences`);
      const steps = compilePattern(w.phrase, false);
      if (typeof steps === 'string') {
        problems.push(`${at}: ${steps} (in "${w.phrase}")`);
        return;
      }
      const entry: LexicalEntry = { group: name as LexicalGroupId, phrase: w.phrase, example: w.example, notExample: notExample as string[] };
      entries.push(entry);
      index.add(steps, entry);
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
