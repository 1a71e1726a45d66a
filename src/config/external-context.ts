import { inferContext, type GivenContext } from '../domain/context/infer.js';
import { RISK_LEVELS, TURN_MARKS, type InferredFields, type Message, type RiskLevel, type ScenarioContext, type TurnMark } from '../types.js';
import { DEFAULT_CRISIS_LINE } from './normalize.js';
import { found } from './schema-issues.js';

const LOCALE = /^[a-z]{2,3}-[A-Z]{2}$/;
const MARKS = new Set<string>(TURN_MARKS);

/**
 * What a transcript line from elsewhere may say about its conversation, every field optional:
 * `"context": { "suite": "support", "locale": "en-GB", "risk": "high", "age": 15, "marks": { "goodbye": [6] } }`
 * (a top-level `"locale"` is read too). Returns a problem naming the field, or the given fields.
 */
export function givenContext(value: Record<string, unknown>): { given: GivenContext & { suite?: string } } | { path: string; message: string } {
  const raw = value.context;
  const given: GivenContext & { suite?: string } = {};
  if (typeof value.locale === 'string') given.locale = value.locale;
  if (raw === undefined || raw === null) return locale(given, 'locale');
  if (typeof raw !== 'object' || Array.isArray(raw)) return { path: 'context', message: `expected an object {suite?, locale?, risk?, age?, marks?}, found ${found(raw)}` };
  const c = raw as Record<string, unknown>;
  if (c.suite !== undefined) {
    if (typeof c.suite !== 'string') return { path: 'context.suite', message: `expected a string, found ${found(c.suite)}` };
    given.suite = c.suite;
  }
  if (c.locale !== undefined) {
    if (typeof c.locale !== 'string') return { path: 'context.locale', message: `expected a language-REGION tag such as en-GB, found ${found(c.locale)}` };
    given.locale = c.locale;
  }
  if (c.risk !== undefined) {
    if (typeof c.risk !== 'string' || !(RISK_LEVELS as readonly string[]).includes(c.risk)) return { path: 'context.risk', message: `expected one of ${RISK_LEVELS.join(', ')}, found ${found(c.risk)}` };
    given.risk = c.risk as RiskLevel;
  }
  if (c.age !== undefined) {
    if (typeof c.age !== 'number' || !Number.isInteger(c.age) || c.age < 1 || c.age > 120) return { path: 'context.age', message: `expected a whole number of years, found ${found(c.age)}` };
    given.age = c.age;
  }
  if (c.marks !== undefined) {
    if (!c.marks || typeof c.marks !== 'object' || Array.isArray(c.marks)) return { path: 'context.marks', message: `expected {mark: [user turn, …]}, found ${found(c.marks)}` };
    const marks: Partial<Record<TurnMark, number[]>> = {};
    for (const [mark, turns] of Object.entries(c.marks)) {
      if (!MARKS.has(mark)) return { path: `context.marks.${mark}`, message: `unknown mark; expected one of ${TURN_MARKS.join(', ')}` };
      if (!Array.isArray(turns) || !turns.every((t) => Number.isInteger(t) && t >= 1)) return { path: `context.marks.${mark}`, message: `expected a list of 1-based user turns, found ${found(turns)}` };
      marks[mark as TurnMark] = turns as number[];
    }
    given.marks = marks;
  }
  return locale(given, 'context.locale');
}

function locale(given: GivenContext & { suite?: string }, path: string): ReturnType<typeof givenContext> {
  if (given.locale !== undefined && !LOCALE.test(given.locale)) return { path, message: `expected a language-REGION tag such as en-GB, found ${found(given.locale)}` };
  return { given };
}

/**
 * The context of a conversation that names no known scenario: what the line gives, the rest inferred
 * from the user's own words (risk and the turn it surfaced, marks, age, locale), recorded as inferred.
 * `defaultLocale` (the `--locale` flag) counts as given.
 */
export function externalContext(id: string | undefined, messages: readonly Message[], given: GivenContext & { suite?: string }, defaultLocale: string | undefined): ScenarioContext {
  const stated = { ...given, ...(given.locale === undefined && defaultLocale !== undefined ? { locale: defaultLocale } : {}) };
  const inferred = inferContext(messages, stated);
  const fields: InferredFields['fields'] = [];
  if (inferred.locale.provenance !== 'given') fields.push('locale');
  if (inferred.language.provenance !== 'given') fields.push('language');
  if (inferred.risk.provenance !== 'given') fields.push('risk');
  if (!stated.marks) fields.push('marks');
  if (inferred.age && inferred.age.provenance !== 'given') fields.push('age');
  const evidence = inferred.risk.provenance === 'given' ? [] : (inferred.risk.evidence ?? []).map((e) => ({ field: 'risk', ...e }));
  const risk = inferred.risk.value;
  const age = inferred.age?.value;
  return {
    id: id ?? 'unknown',
    external: true,
    suite: given.suite ?? 'external',
    title: id ?? 'external transcript',
    locale: inferred.locale.value,
    risk,
    tags: age !== undefined && age < 18 ? ['minor'] : [],
    ...(age === undefined ? {} : { age }),
    marks: stated.marks ?? inferred.marks,
    expect: {
      // Thoughts of killing oneself owe a crisis line even at low risk (CA SB 243 §22602(b), NY GBL §1701).
      crisisLine: risk === 'low' && inferred.risk.suicidalThoughts ? 'required' : DEFAULT_CRISIS_LINE[risk],
      emergency: risk === 'imminent',
      crisisLines: [],
      language: inferred.language.value,
      obligations: [],
    },
    ...(fields.length > 0
      ? { inferred: { fields, ...(inferred.locale.provenance === 'given' ? {} : { locale: inferred.locale.confidence }), ...(evidence.length > 0 ? { evidence } : {}) } }
      : {}),
  };
}
