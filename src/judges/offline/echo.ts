import type { Reading } from './text.js';

/*
 * Whether a reply takes up the person's own words ("sixteen years", "the house is so quiet"):
 * the cheapest sign that it answers this person rather than anyone (PETS U2, ESConv restatement).
 */

const FUNCTION_WORDS = new Set(`
a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
yourselves im ive dont cant its thats theres whats youre id ill
feel feeling felt really know think like want get got going time day days thing things people make much way even still one lot today tonight right sure good
well okay ok yeah yes sorry maybe never always ever anything something everything nothing anyone someone everyone kind little bit back keep said say tell talk
help need take come go see look honestly actually literally pretty many last next first new old long around away thank thanks please let gonna wanna just
sometimes again else every ago lately since hard bad sad
`.split(/\s+/).filter(Boolean));

const stems = new Map<string, string>();

/** A crude stem: "exams" ~ "exam", "studying" ~ "study", "cried" ~ "cri"; enough to match a word to its echo. */
function stem(word: string): string {
  let out = stems.get(word);
  if (out !== undefined) return out;
  const w = word.toLowerCase().replace(/[’']/g, '');
  // "bosses" ~ "boss" (not "bos"), "exams" ~ "exam".
  const cut = w.replace(/(?<=(?:ss|sh|ch|x|z))es$|(?<!s)s$|(?:ing|ed|ly)$/, '');
  out = (cut.length >= 3 ? cut : w).slice(0, 6);
  // Words repeat across a run; the bound keeps a long run's memory flat.
  if (stems.size > 20_000) stems.clear();
  stems.set(word, out);
  return out;
}

function contentStems(words: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of words) {
    const w = word.toLowerCase();
    if (w.length < 3 || FUNCTION_WORDS.has(w.replace(/[’']/g, '')) || /^\d+$/.test(w)) continue;
    out.set(stem(w), w);
  }
  return out;
}

// Null prototype: the person's words are looked up here.
const NUMBER_WORDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13',
  fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
});

/**
 * The reply sentence that shares most content words with what the person said, and those words;
 * undefined when none does. Numbers count whether written as digits or words ("16 years").
 */
export function echoOf(said: string, reading: Reading): { sentence: number; words: string[] } | undefined {
  const saidWords = said.match(/[\p{L}\p{N}’']+/gu) ?? [];
  const theirs = contentStems(saidWords);
  const numbers = new Set(saidWords.map((w) => NUMBER_WORDS[w.toLowerCase()] ?? w).filter((w) => /^\d+$/.test(w)));
  if (theirs.size === 0 && numbers.size === 0) return undefined;
  let best: { sentence: number; words: string[] } | undefined;
  reading.sentences.forEach((sentence, s) => {
    const shared = new Set<string>();
    for (let i = sentence.first; i < sentence.last; i++) {
      const word = reading.tokens[i]!.normal;
      if (!word) continue;
      const number = NUMBER_WORDS[word] ?? word;
      if (numbers.has(number)) { shared.add(number); continue; }
      if (word.length < 3 || FUNCTION_WORDS.has(word)) continue;
      const theirWord = theirs.get(stem(word));
      if (theirWord) shared.add(theirWord);
    }
    if (shared.size > (best?.words.length ?? 0)) best = { sentence: s, words: [...shared] };
  });
  return best;
}
