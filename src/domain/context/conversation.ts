/**
 * Every user turn of a conversation read with the right lexicon. A turn whose function words make
 * its language clear is read with that language; an unclear one ("volví a cortarme", "ok", "tonight")
 * is read with every lexicon and the one that understands the most of it wins (its grammar words
 * count too, so "I'm not suicidal" goes to English, which sees the "not", rather than to a lexicon
 * that only knows "suicid*"), ties going to the conversation's language.
 */
import { clearLanguage, languageScores, topLanguage } from './language.js';
import { lexicons, type Language } from './lexicon.js';
import type { StepCounter } from './phrases.js';
import { readMessage, type Reading } from './reading.js';
import { tokenize, type Tokens } from './tokens.js';

export interface ConversationReading {
  /** The conversation's language, or undefined when nothing in the user's words points to one. */
  readonly language?: Language;
  readonly turns: readonly { language: Language; reading: Reading }[];
  /** Token comparisons made by the matcher; linear in the length of the text. */
  readonly steps: number;
  readonly tokens: number;
}

export function readConversation(texts: readonly string[], fallback: Language = 'en'): ConversationReading {
  const counter: StepCounter = { steps: 0 };
  const tokenized = texts.map((text) => tokenize(text));
  const scores = tokenized.map((tokens) => languageScores(tokens));
  const total = new Map<Language, number>();
  for (const s of scores) for (const [language, n] of s) total.set(language, (total.get(language) ?? 0) + n);
  const byWords = topLanguage(total)?.language;
  const turns = tokenized.map((tokens, i) => {
    const own = clearLanguage(scores[i]!);
    return own ? { language: own, reading: readMessage(tokens, lexicons().get(own)!, counter) } : bestReading(tokens, byWords ?? fallback, counter);
  });
  const language = byWords ?? mostRecognised(turns);
  return { ...(language ? { language } : {}), turns, steps: counter.steps, tokens: tokenized.reduce((n, t) => n + t.words.length, 0) };
}

const recognised = (reading: Reading): number => reading.recognised;
const found = (reading: Reading): number => reading.hits.length + reading.ages.length;

function bestReading(tokens: Tokens, preferred: Language, counter: StepCounter): { language: Language; reading: Reading } {
  let best = { language: preferred, reading: readMessage(tokens, lexicons().get(preferred)!, counter) };
  for (const [language, lexicon] of lexicons()) {
    if (language === preferred) continue;
    const reading = readMessage(tokens, lexicon, counter);
    if (recognised(reading) > recognised(best.reading)) best = { language, reading };
  }
  return best;
}

/** With no function word to go on, the language whose phrases the user's words matched most. */
function mostRecognised(turns: readonly { language: Language; reading: Reading }[]): Language | undefined {
  const counts = new Map<Language, number>();
  for (const { language, reading } of turns) if (found(reading) > 0) counts.set(language, (counts.get(language) ?? 0) + found(reading));
  return topLanguage(counts)?.language;
}
