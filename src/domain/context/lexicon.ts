/**
 * The phrase lexicons in lexicons/context/<lang>.yaml: loaded lazily once per process, checked
 * entry by entry (every error names the file, line and entry), and compiled into one index per
 * language so that a message is scanned once for everything.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { compilePattern, PhraseIndex } from './phrases.js';
import { GRAMMAR, LexiconIssues, readLexicon, SIGNALS, type GrammarRole, type Signal, type WrittenEntry } from './lexicon-shape.js';

export { MARK_SIGNALS, RISK_SIGNALS, SIGNALS, WARNING_SIGNS, type Signal, type WarningSign } from './lexicon-shape.js';

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface SignalEntry {
  /** `en.yaml signals.goodbye[3]`, for messages and tests. */
  readonly id: string;
  readonly category: Signal;
  readonly phrase: string;
  readonly example: string;
  readonly notExamples: readonly string[];
}

export interface AgeEntry {
  readonly id: string;
  readonly phrase: string;
  readonly example: string;
  readonly notExamples: readonly string[];
  /** A fixed age for school stages ("in year 10" → 15); otherwise the number in the text. */
  readonly age?: number;
}

export interface LocaleCue {
  readonly id: string;
  /** A phrase, or a fixed number: `+44` matches a calling code, `116123` a whole number written with any spacing. */
  readonly phrase?: string;
  readonly number?: string;
  readonly countries: readonly string[];
  /** Spelling and vocabulary shared by several countries count 1; places, institutions and numbers count 2. */
  readonly weak: boolean;
  readonly example: string;
}

export type Tag =
  | { kind: 'signal'; entry: SignalEntry }
  | { kind: 'except'; owner: string }
  | { kind: 'grammar'; role: GrammarRole }
  | { kind: 'age'; entry: AgeEntry }
  | { kind: 'locale'; cue: LocaleCue };

export interface Lexicon {
  readonly language: Language;
  readonly file: string;
  /** Country assumed when the user gives no cue, and the order that breaks ties between countries. */
  readonly countries: readonly string[];
  readonly detect: { readonly words: readonly string[]; readonly letters: string };
  readonly signals: readonly SignalEntry[];
  readonly ages: readonly AgeEntry[];
  readonly cues: readonly LocaleCue[];
  readonly numbers: readonly LocaleCue[];
  readonly index: PhraseIndex<Tag>;
}

const DIR = fileURLToPath(new URL('../../../lexicons/context/', import.meta.url));
let loaded: ReadonlyMap<Language, Lexicon> | undefined;

/** All six lexicons, read and compiled on first use. Throws one error listing every problem found. */
export function lexicons(): ReadonlyMap<Language, Lexicon> {
  loaded ??= new Map(LANGUAGES.map((lang) => {
    const file = join(DIR, `${lang}.yaml`);
    return [lang, parseLexicon(readFileSync(file, 'utf8'), `lexicons/context/${lang}.yaml`)];
  }));
  return loaded;
}

/** Parses, checks and compiles one lexicon file; `file` is only used in error messages. */
export function parseLexicon(text: string, file: string): Lexicon {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const issues = new LexiconIssues(file, doc, lineCounter);
  for (const error of doc.errors) issues.add([], error.message);
  const written = readLexicon(doc.toJS() as unknown, issues);
  // Shape problems do not stop here: the patterns are still compiled so that every problem is listed at once.
  if (!written) throw issues.error();
  const language = written.language as Language;
  if (!LANGUAGES.includes(language)) issues.add(['language'], `expected one of ${LANGUAGES.join(', ')}, found "${written.language}"`);

  const index = new PhraseIndex<Tag>();
  const add = (path: (string | number)[], pattern: string, tag: Tag, allowAge = false): void => {
    const steps = compilePattern(pattern, allowAge);
    if (typeof steps === 'string') issues.add(path, `${steps} (in "${pattern}")`);
    else index.add(steps, tag);
  };
  for (const role of GRAMMAR) written.grammar[role].forEach((p, i) => add(['grammar', role, i], p, { kind: 'grammar', role }));

  const signals: SignalEntry[] = [];
  const addExcepts = (path: (string | number)[], w: WrittenEntry, owner: string, allowAge = false): void =>
    w.except.forEach((p, j) => add([...path, 'except', j], p, { kind: 'except', owner }, allowAge));
  for (const category of SIGNALS) {
    for (const w of written.signals[category]) {
      const i = w.index;
      const path = ['signals', category, i];
      const entry: SignalEntry = { id: `${file} signals.${category}[${i}] "${w.phrase}"`, category, phrase: w.phrase, example: w.example, notExamples: w.notExample };
      signals.push(entry);
      add(path, w.phrase, { kind: 'signal', entry });
      addExcepts(path, w, entry.id);
    }
  }
  const ages: AgeEntry[] = written.age.map((w) => {
    const i = w.index;
    const entry: AgeEntry = { id: `${file} age[${i}] "${w.phrase}"`, phrase: w.phrase, example: w.example, notExamples: w.notExample, ...(w.age === undefined ? {} : { age: w.age }) };
    if (w.age === undefined && !w.phrase.includes('{age}')) issues.add(['age', i], `"${w.phrase}" needs {age} or a fixed "age:"`);
    add(['age', i], w.phrase, { kind: 'age', entry }, true);
    addExcepts(['age', i], w, entry.id, true);
    return entry;
  });
  const cues: LocaleCue[] = [];
  const numbers: LocaleCue[] = [];
  written.locale.forEach((w) => {
    const i = w.index;
    const cue: LocaleCue = { id: `${file} locale[${i}] "${w.phrase ?? w.number}"`, countries: w.countries, weak: w.weak, example: w.example, ...(w.phrase ? { phrase: w.phrase } : { number: w.number! }) };
    cues.push(cue);
    if (cue.phrase) add(['locale', i], cue.phrase, { kind: 'locale', cue });
    else numbers.push(cue);
    w.except.forEach((p, j) => add(['locale', i, 'except', j], p, { kind: 'except', owner: cue.id }));
  });
  if (issues.count > 0) throw issues.error();
  return { language, file, countries: written.countries, detect: written.detect, signals, ages, cues, numbers, index };
}
