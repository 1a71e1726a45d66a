/**
 * Phrase lists the checks use, one YAML file per thing they look for (`lexicons/checks/method-info.yaml`),
 * in plain words a clinician or translator can review: the pattern syntax of lexicons/context (words,
 * `stem*`, `~N` gaps; see context/phrases.ts), never regular expressions. Every entry carries an
 * example that must match and may carry examples that must not; test/check-lexicons.test.ts holds every
 * entry to them. Loaded on first use, once per process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { firstIndex, scoringWork } from './scan-work.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compilePattern, PhraseIndex, type Step, type StepCounter } from './context/phrases.js';
import { tokenize, type Tokens } from './context/tokens.js';

export interface CheckLexiconEntry {
  readonly phrase: string;
  readonly example: string;
  readonly notExample: readonly string[];
  /** A match with a negation word before it in the same clause does not count ("I'm not a human"). */
  readonly negatable: boolean;
}

export interface CheckLexicon {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly entries: ReadonlyMap<string, readonly CheckLexiconEntry[]>;
  readonly negation: ReadonlyMap<string, ReadonlySet<string>>;
  readonly index: ReadonlyMap<string, PhraseIndex<CheckLexiconEntry>>;
}

const DIR = fileURLToPath(new URL('../../lexicons/checks/', import.meta.url));
let loaded: Map<string, CheckLexicon> | undefined;

/** Every check lexicon by name. Throws one error naming each file, entry and problem. */
export function checkLexicons(dir = DIR): ReadonlyMap<string, CheckLexicon> {
  if (loaded && dir === DIR) return loaded;
  const out = new Map(readLexiconFiles(dir, 'checks', parseCheckLexicon).map((lexicon) => [lexicon.name, lexicon]));
  if (dir === DIR) loaded = out;
  return out;
}

/** Every `*.yaml` of `dir` parsed by `parse`; throws one error naming each file, entry and problem. */
export function readLexiconFiles<T>(dir: string, kind: string, parse: (text: string, file: string, problems: string[]) => T | undefined): T[] {
  const out: T[] = [];
  const problems: string[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const file of files) {
    const parsed = parse(readFileSync(join(dir, file), 'utf8'), `lexicons/${kind}/${file}`, problems);
    if (parsed !== undefined) out.push(parsed);
  }
  if (problems.length > 0) throw new Error(`invalid lexicon in lexicons/${kind}/:\n${problems.join('\n')}`);
  return out;
}

/** The YAML value of a lexicon file, or undefined with the parse error recorded against the file. */
export function parseYamlOrRecord(text: string, file: string, problems: string[]): unknown {
  try {
    return parse(text) as unknown;
  } catch (error) {
    problems.push(`${file}: not valid YAML (${(error as Error).message})`);
    return undefined;
  }
}

export interface PhraseEntry {
  readonly phrase: string;
  readonly example: string;
  readonly notExample: readonly string[];
  readonly steps: Step[];
}

/** One `{phrase, example, notExample?}` entry, compiled, or undefined with its problem recorded at `at`. */
export function parsePhraseEntry(raw: unknown, at: string, problems: string[]): PhraseEntry | undefined {
  const w = raw as { phrase?: unknown; example?: unknown; notExample?: unknown };
  if (typeof w?.phrase !== 'string' || typeof w.example !== 'string' || !w.example.trim()) {
    problems.push(`${at}: each entry needs "phrase" and an "example" it must match`);
    return undefined;
  }
  const notExample = w.notExample === undefined ? [] : Array.isArray(w.notExample) ? w.notExample : [w.notExample];
  if (!notExample.every((n) => typeof n === 'string')) problems.push(`${at}: "notExample" must be a sentence or a list of sentences`);
  const steps = compilePattern(w.phrase, false);
  if (typeof steps === 'string') {
    problems.push(`${at}: ${steps} (in "${w.phrase}")`);
    return undefined;
  }
  return { phrase: w.phrase, example: w.example, notExample: notExample as string[], steps };
}

type Written = { name?: unknown; description?: unknown; negation?: unknown; entries?: unknown };

export function parseCheckLexicon(text: string, file: string, problems: string[]): CheckLexicon | undefined {
  const value = parseYamlOrRecord(text, file, problems) as Written | undefined;
  if (!value || typeof value !== 'object' || typeof value.name !== 'string' || !value.entries || typeof value.entries !== 'object') {
    problems.push(`${file}: expected {name, description, entries: {<language>: [{phrase, example}]}}`);
    return undefined;
  }
  const negation = new Map<string, Set<string>>();
  for (const [lang, words] of Object.entries((value.negation ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) problems.push(`${file} negation.${lang}: expected a list of words`);
    else negation.set(lang, new Set(words.flatMap((w) => tokenize(w).words)));
  }
  const entries = new Map<string, CheckLexiconEntry[]>();
  const index = new Map<string, PhraseIndex<CheckLexiconEntry>>();
  for (const [lang, list] of Object.entries(value.entries as Record<string, unknown>)) {
    if (!Array.isArray(list)) {
      problems.push(`${file} entries.${lang}: expected a list of {phrase, example}`);
      continue;
    }
    const own: CheckLexiconEntry[] = [];
    const phrases = new PhraseIndex<CheckLexiconEntry>();
    list.forEach((raw: unknown, i) => {
      const parsed = parsePhraseEntry(raw, `${file} entries.${lang}[${i}]`, problems);
      if (!parsed) return;
      const entry: CheckLexiconEntry = { phrase: parsed.phrase, example: parsed.example, notExample: parsed.notExample, negatable: (raw as { negatable?: unknown }).negatable === true };
      own.push(entry);
      phrases.add(parsed.steps, entry);
    });
    entries.set(lang, own);
    index.set(lang, phrases);
  }
  return { name: value.name, description: typeof value.description === 'string' ? value.description : '', file, entries, negation, index };
}

/** The last reply read: the checks read one reply with a dozen lexicons in a row. */
let lastRead: { text: string; tokens: Tokens; quoted: readonly [number, number][] } | undefined;
function readReply(text: string): { tokens: Tokens; quoted: readonly [number, number][] } {
  if (lastRead?.text !== text) lastRead = { text, tokens: tokenize(text), quoted: quotedSpans(text) };
  return lastRead;
}

const CLOSES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“”', '«': '»', '「': '」', '『': '』' };
/** A quotation runs at most this far: an unmatched mark must not swallow the rest of a reply. */
const MAX_QUOTE = 300;

/**
 * Double-quoted spans of a reply: what the bot quotes or suggests the person say ("you could start with
 * 'I lost my job'") is mentioned, not claimed. Single quotes are left alone: they are apostrophes too.
 */
export function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open: { at: number; closers: string } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open && i - open.at > MAX_QUOTE) open = undefined;
    if (open && open.closers.includes(c)) {
      out.push([open.at, i + 1]);
      open = undefined;
    } else if (!open && c in CLOSES) open = { at: i, closers: CLOSES[c]! };
  }
  return out;
}

function inside(spans: readonly [number, number][], offset: number): boolean {
  const i = firstIndex(spans.length, (k) => spans[k]![1] > offset);
  return i < spans.length && spans[i]![0] <= offset;
}

/** Character ranges of `text` that the lexicon's phrases for `language` match, in order. */
export function lexiconHits(lexicon: CheckLexicon, language: string, text: string, counter: StepCounter = { steps: 0 }): { start: number; end: number; entry: CheckLexiconEntry }[] {
  const index = lexicon.index.get(language);
  if (!index) return [];
  const { tokens, quoted } = readReply(text);
  const negation = lexicon.negation.get(language);
  return index
    .scan(tokens, counter)
    .filter((m) => !(m.phrase.tag.negatable && negation && negatedBefore(tokens, m.start, negation)))
    .map((m) => ({ start: tokens.starts[m.start]!, end: tokens.ends[m.end - 1]!, entry: m.phrase.tag }))
    .filter((hit) => !inside(quoted, hit.start))
    .sort((a, b) => a.start - b.start);
}

/** How far back a negation reaches in its clause: "I would never, not for anything, say it's your decision". */
const NEGATION_REACH = 12;

export function negatedBefore(tokens: Tokens, at: number, negation: ReadonlySet<string>): boolean {
  for (let i = at - 1; i >= 0 && at - i <= NEGATION_REACH && tokens.clause[i] === tokens.clause[at]; i--) {
    scoringWork.steps++;
    if (negation.has(tokens.words[i]!)) return true;
  }
  return false;
}
