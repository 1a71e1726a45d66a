/**
 * The shape of a lexicon file as written, and the checks that turn a parsed YAML value into it.
 * Every problem is collected with its YAML position, so a translator fixing a file sees them all at once:
 * `lexicons/context/es.yaml:41:9 signals.goodbye[2]: "example" is missing; add a user sentence that triggers "me voy"`.
 */
import type { Document, LineCounter } from 'yaml';
import { isNode } from 'yaml';
import type { TurnMark } from '../../types.js';

/** Marks a lexicon can show directly; `risk`, `risk-rises` and `age-disclosure` are derived. */
export const MARK_SIGNALS = [
  'method-request', 'rejects-referral', 'identity-question', 'data-question', 'experience-question',
  'feelings-question', 'roleplay-pressure', 'promise-request', 'replace-care', 'isolation', 'romantic', 'goodbye',
] as const satisfies readonly TurnMark[];
/**
 * Risk levels (`risk-thoughts` is low on the C-SSRS map, but the person says they think of killing
 * themselves, which owes them a crisis line: CA SB 243 §22602(b), NY GBL §1701); the modifiers that raise a risk already present but mean nothing alone (means, timing,
 * and a plan: "I have a plan" is about a holiday until risk has surfaced); and idioms that cancel them.
 */
export const RISK_SIGNALS = ['risk-low', 'risk-thoughts', 'risk-moderate', 'risk-high', 'risk-imminent', 'plan', 'means', 'timing', 'idiom'] as const;
/**
 * Warning signs that say little alone and much together (risk.ts): preparing, saying goodbye, being
 * a burden, wanting to join someone who died, a decision or a peace already made, stopping the care
 * that keeps one alive (988 Lifeline and AFSP warning signs; C-SSRS preparatory behaviour).
 */
export const WARNING_SIGNS = ['sign-preparation', 'sign-farewell', 'sign-burden', 'sign-reunion', 'sign-finality', 'sign-stops-care'] as const;
export type WarningSign = (typeof WARNING_SIGNS)[number];
export const SIGNALS = [...RISK_SIGNALS, ...WARNING_SIGNS, ...MARK_SIGNALS] as const;
export type Signal = (typeof SIGNALS)[number];

/** Word lists that change how a signal is read rather than being signals themselves. */
export const GRAMMAR = ['negation', 'negationAfter', 'notNegation', 'clauseBreaks', 'firstPerson', 'thirdParty', 'laughter'] as const;
export type GrammarRole = (typeof GRAMMAR)[number];

export interface WrittenEntry {
  /** Position in the written list, for messages: entries with problems are left out of the result. */
  index: number;
  phrase: string;
  example: string;
  notExample: string[];
  /** Phrases that, overlapping a match, cancel it: `goodbye` except `my goodbyes`. */
  except: string[];
  age?: number;
}
export interface WrittenCue {
  index: number;
  phrase?: string;
  number?: string;
  countries: string[];
  weak: boolean;
  example: string;
  except: string[];
}
export interface WrittenLexicon {
  language: string;
  countries: string[];
  detect: { words: string[]; letters: string };
  grammar: Record<GrammarRole, string[]>;
  signals: Record<Signal, WrittenEntry[]>;
  age: WrittenEntry[];
  locale: WrittenCue[];
}

type Path = (string | number)[];

export class LexiconIssues {
  private readonly lines: string[] = [];
  constructor(private readonly file: string, private readonly doc: Document, private readonly counter: LineCounter) {}

  get count(): number {
    return this.lines.length;
  }

  add(path: Path, message: string): void {
    let node: unknown;
    for (let p = path; p.length > 0 && !isNode(node); p = p.slice(0, -1)) node = this.doc.getIn(p, true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    const at = offset === undefined ? this.file : `${this.file}:${this.counter.linePos(offset).line}:${this.counter.linePos(offset).col}`;
    const where = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    this.lines.push(`${at}${where ? ` ${where}` : ''}: ${message}`);
  }

  error(): Error {
    return new Error(`invalid lexicon:\n${this.lines.join('\n')}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: Path, issues: LexiconIssues): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.add([...path, key], `unknown key "${key}"; expected one of ${allowed.join(', ')}`);
  }
}

function strings(value: unknown, path: Path, issues: LexiconIssues, optional = false): string[] {
  if (value === undefined && optional) return [];
  if (typeof value === 'string' && optional) return [value];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of strings, found ${describe(value)}`);
    return [];
  }
  const out: string[] = [];
  value.forEach((v: unknown, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else issues.add([...path, i], `expected a non-empty string, found ${describe(v)}`);
  });
  return out;
}

function entries(value: unknown, path: Path, issues: LexiconIssues, withAge: boolean): WrittenEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list of entries, found ${describe(value)}`);
    return [];
  }
  const out: WrittenEntry[] = [];
  value.forEach((raw, i) => {
    const at = [...path, i];
    if (!isRecord(raw)) return issues.add(at, `expected {phrase, example}, found ${describe(raw)}`);
    unknownKeys(raw, withAge ? ['phrase', 'example', 'notExample', 'except', 'age'] : ['phrase', 'example', 'notExample', 'except'], at, issues);
    const { phrase, example, age } = raw;
    if (typeof phrase !== 'string' || !phrase.trim()) return issues.add(at, `"phrase" is missing; expected plain words, found ${describe(phrase)}`);
    if (typeof example !== 'string' || !example.trim()) return issues.add(at, `"example" is missing; add a user sentence that triggers "${phrase}"`);
    if (age !== undefined && (typeof age !== 'number' || !Number.isInteger(age))) return issues.add([...at, 'age'], `expected a whole number, found ${describe(age)}`);
    out.push({ index: i, phrase, example, notExample: strings(raw.notExample, [...at, 'notExample'], issues, true), except: strings(raw.except, [...at, 'except'], issues, true), ...(age === undefined ? {} : { age }) });
  });
  return out;
}

const NUMBER = /^\+?\d{2,15}$/;

function cues(value: unknown, issues: LexiconIssues): WrittenCue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add(['locale'], `expected a list of cues, found ${describe(value)}`);
    return [];
  }
  const out: WrittenCue[] = [];
  value.forEach((raw, i) => {
    const at = ['locale', i];
    if (!isRecord(raw)) return issues.add(at, `expected {phrase or number, countries, example}, found ${describe(raw)}`);
    unknownKeys(raw, ['phrase', 'number', 'countries', 'weak', 'example', 'except'], at, issues);
    const { phrase, number, example, weak } = raw;
    if ((typeof phrase === 'string') === (typeof number === 'string')) return issues.add(at, 'expected exactly one of "phrase" or "number"');
    if (typeof number === 'string' && !NUMBER.test(number)) return issues.add([...at, 'number'], `expected digits with an optional leading +, found "${number}"`);
    if (typeof example !== 'string' || !example.trim()) return issues.add(at, `"example" is missing; add a user sentence that contains "${phrase ?? number}"`);
    if (weak !== undefined && typeof weak !== 'boolean') return issues.add([...at, 'weak'], `expected true or false, found ${describe(weak)}`);
    const countries = strings(raw.countries, [...at, 'countries'], issues);
    if (countries.length === 0 || countries.some((c) => !/^[A-Z]{2}$/.test(c))) return issues.add([...at, 'countries'], 'expected a list of ISO 3166 country codes such as [GB, IE]');
    out.push({ index: i, ...(typeof phrase === 'string' ? { phrase } : { number: number as string }), countries, weak: weak === true, example, except: strings(raw.except, [...at, 'except'], issues, true) });
  });
  return out;
}

/** The written lexicon, or undefined when its top level is unusable; details go to `issues`. */
export function readLexicon(value: unknown, issues: LexiconIssues): WrittenLexicon | undefined {
  if (!isRecord(value)) {
    issues.add([], `expected a mapping with language, countries, detect, grammar, signals, age, locale; found ${describe(value)}`);
    return undefined;
  }
  unknownKeys(value, ['language', 'countries', 'detect', 'grammar', 'signals', 'age', 'locale'], [], issues);
  if (typeof value.language !== 'string') issues.add(['language'], `expected an ISO 639-1 code such as "en", found ${describe(value.language)}`);
  const countries = strings(value.countries, ['countries'], issues);
  if (countries.length === 0) issues.add(['countries'], 'expected at least one country; the first is the default');
  const detect = isRecord(value.detect) ? value.detect : {};
  if (!isRecord(value.detect)) issues.add(['detect'], `expected {words, letters}, found ${describe(value.detect)}`);
  const letters = detect.letters ?? '';
  if (typeof letters !== 'string') issues.add(['detect', 'letters'], `expected a string of letters, found ${describe(letters)}`);
  const grammarIn = isRecord(value.grammar) ? value.grammar : {};
  unknownKeys(grammarIn, GRAMMAR, ['grammar'], issues);
  const grammar = Object.fromEntries(GRAMMAR.map((role) => [role, strings(grammarIn[role], ['grammar', role], issues, true)])) as Record<GrammarRole, string[]>;
  const signalsIn = isRecord(value.signals) ? value.signals : {};
  if (!isRecord(value.signals)) issues.add(['signals'], `expected a mapping of signal → entries, found ${describe(value.signals)}`);
  unknownKeys(signalsIn, SIGNALS, ['signals'], issues);
  const signals = Object.fromEntries(SIGNALS.map((s) => [s, entries(signalsIn[s], ['signals', s], issues, false)])) as Record<Signal, WrittenEntry[]>;
  return {
    language: String(value.language),
    countries,
    detect: { words: strings(detect.words, ['detect', 'words'], issues), letters: typeof letters === 'string' ? letters : '' },
    grammar,
    signals,
    age: entries(value.age, ['age'], issues, true),
    locale: cues(value.locale, issues),
  };
}
