/**
 * A conversation's context inferred from the user's own words, for transcripts that arrive with
 * little or none (production logs). Given fields always win and are recorded as given; assistant
 * messages are never read, so a bot quoting "I want to die" back cannot raise the risk.
 *
 * The phrases live in lexicons/context/<lang>.yaml for clinicians and translators to review;
 * this module only reads them: language → per-message reading → risk, marks, age, locale.
 */
import type { Message, RiskLevel, TurnMark } from '../../types.js';
import { readConversation, type ConversationReading } from './conversation.js';
import { lexicons, MARK_SIGNALS, type Language } from './lexicon.js';
import { chooseCountry } from './locale.js';
import { readMessage, type Reading } from './reading.js';
import { composeRisk } from './risk.js';
import { tokenize } from './tokens.js';

export { readConversation, type ConversationReading } from './conversation.js';

export type Provenance = 'given' | 'inferred' | 'default';

export interface InferredContext {
  /** BCP-47 like 'en-GB'. */
  locale: { value: string; provenance: Provenance; /** 'high' only when both the language and the country are clear */ confidence: 'high' | 'low'; evidence?: string[] };
  /** ISO 639-1 language of the user's messages: en es fr de pt ja. */
  language: { value: string; provenance: Provenance };
  /** Highest risk the user's words show, on the C-SSRS map of domain.md. */
  risk: {
    value: RiskLevel; provenance: Provenance; /** 1-based user turn where risk first surfaced */ turn?: number; evidence?: { turn: number; quote: string }[];
    /** Inferred only: the person says they think of killing themselves (risk.ts). */
    suicidalThoughts?: true;
  };
  /** 1-based user turns carrying each mark, e.g. { risk: [3], 'method-request': [4], goodbye: [6] }. */
  marks: Partial<Record<TurnMark, number[]>>;
  age?: { value: number; provenance: Provenance; turn?: number };
  /** Risk is about someone else (a friend, a child), not the person writing. */
  thirdParty?: boolean;
}

/** What a scenario or transcript line already says; each field present here is used as is. */
export interface GivenContext {
  locale?: string;
  risk?: RiskLevel;
  age?: number;
  /** Replaces the inferred marks as a whole: a caller that knows the marks knows which are absent. */
  marks?: Partial<Record<TurnMark, number[]>>;
}

/** Used when no user message says anything about its language. */
const FALLBACK_LANGUAGE: Language = 'en';

/** One message read with a chosen language's lexicon: what its lexicon tests and debugging look at. */
export function readUserMessage(text: string, language: Language): Reading {
  return readMessage(tokenize(text), lexicons().get(language)!, { steps: 0 });
}

const isLanguage = (value: string): value is Language => lexicons().has(value as Language);

/**
 * `inferContext([{ role: 'user', content: "my mum's asleep, I have the pills here, I'm doing it tonight" }])`
 * → risk imminent (inferred, turn 1, with quotes), locale en-GB at low confidence ("mum" is also Australian).
 */
export function inferContext(messages: readonly Message[], given: GivenContext = {}): InferredContext {
  const texts = messages.filter((m) => m.role === 'user').map((m) => m.content);
  const givenLanguage = given.locale?.split('-')[0]?.toLowerCase();
  const read = readConversation(texts, givenLanguage && isLanguage(givenLanguage) ? givenLanguage : FALLBACK_LANGUAGE);
  const language: InferredContext['language'] = read.language
    ? { value: read.language, provenance: 'inferred' }
    : givenLanguage
      ? { value: givenLanguage, provenance: 'given' }
      : { value: FALLBACK_LANGUAGE, provenance: 'default' };

  const summary = composeRisk(read.turns.map((t) => t.reading));
  const risk: InferredContext['risk'] = given.risk !== undefined
    ? { value: given.risk, provenance: 'given', ...(given.marks?.risk?.[0] === undefined ? {} : { turn: given.marks.risk[0] }) }
    : {
        value: summary.level,
        provenance: texts.length > 0 ? 'inferred' : 'default',
        ...(summary.firstTurn === undefined ? {} : { turn: summary.firstTurn }),
        ...(summary.evidence.length > 0 ? { evidence: [...summary.evidence] } : {}),
        ...(summary.suicidalThoughts ? { suicidalThoughts: true as const } : {}),
      };

  const age = inferAge(read, given);
  return {
    locale: inferLocale(read, language, given),
    language,
    risk,
    marks: given.marks ? copyMarks(given.marks) : inferMarks(read, summary, given.risk),
    ...(age ? { age } : {}),
    ...(summary.thirdParty ? { thirdParty: true } : {}),
  };
}

function inferLocale(read: ConversationReading, language: InferredContext['language'], given: GivenContext): InferredContext['locale'] {
  if (given.locale !== undefined) return { value: given.locale, provenance: 'given', confidence: given.locale.includes('-') ? 'high' : 'low' };
  const lexicon = lexicons().get(isLanguage(language.value) ? language.value : FALLBACK_LANGUAGE)!;
  const choice = chooseCountry(read.turns.flatMap((t) => t.reading.cues), lexicon);
  return {
    value: `${language.value}-${choice.country}`,
    provenance: choice.defaulted ? 'default' : 'inferred',
    // A clear country in an unclear language is still not a clear locale.
    confidence: language.provenance === 'inferred' ? choice.confidence : 'low',
    ...(choice.evidence.length > 0 ? { evidence: [...choice.evidence] } : {}),
  };
}

/** The latest age the user states ("I said 18 but I'm 15") and the turn it was stated in. */
function inferAge(read: ConversationReading, given: GivenContext): InferredContext['age'] {
  if (given.age !== undefined) return { value: given.age, provenance: 'given' };
  for (let i = read.turns.length - 1; i >= 0; i--) {
    const last = read.turns[i]!.reading.ages.at(-1);
    if (last) return { value: last.value, provenance: 'inferred', turn: i + 1 };
  }
  return undefined;
}

function inferMarks(read: ConversationReading, summary: ReturnType<typeof composeRisk>, givenRisk: RiskLevel | undefined): InferredContext['marks'] {
  const marks: InferredContext['marks'] = {};
  // A given risk of none outranks words the lexicon took for risk.
  if (givenRisk !== 'none') {
    if (summary.firstTurn !== undefined) marks.risk = [summary.firstTurn];
    if (summary.rises.length > 0) marks['risk-rises'] = [...summary.rises];
  }
  const markSignals: ReadonlySet<string> = new Set(MARK_SIGNALS);
  read.turns.forEach(({ reading }, i) => {
    for (const hit of reading.hits) {
      if (!markSignals.has(hit.category)) continue;
      // The first message opens the conversation: "buenas noches", "boa noite" greet there.
      if (hit.category === 'goodbye' && i === 0 && read.turns.length > 1) continue;
      const turns = (marks[hit.category as TurnMark] ??= []);
      if (turns.at(-1) !== i + 1) turns.push(i + 1);
    }
    if (reading.ages.length > 0) (marks['age-disclosure'] ??= []).push(i + 1);
  });
  return marks;
}

function copyMarks(marks: Partial<Record<TurnMark, number[]>>): InferredContext['marks'] {
  return Object.fromEntries(Object.entries(marks).map(([mark, turns]) => [mark, [...(turns ?? [])]]));
}
