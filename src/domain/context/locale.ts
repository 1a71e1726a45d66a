/**
 * The user's country from what they mention: places, institutions, currency and numbers count 2,
 * spelling and vocabulary shared by several countries ("mum", "colour") count 1; each distinct cue
 * counts once however often it recurs. The country is "clear" (confidence high) only when the best
 * one has at least 2 points and strictly more than any other, so "mum" alone, or "NHS" plus
 * "Brisbane", stays low and nobody is told they were given another country's crisis line.
 */
import type { Lexicon, LocaleCue } from './lexicon.js';

export interface CountryChoice {
  readonly country: string;
  readonly confidence: 'high' | 'low';
  /** The cues that pointed to the chosen country, as written in the lexicon. */
  readonly evidence: readonly string[];
  /** True when no cue was found and the language's default country was taken. */
  readonly defaulted: boolean;
}

const STRONG = 2;
const WEAK = 1;

export function chooseCountry(cues: Iterable<LocaleCue>, lexicon: Lexicon): CountryChoice {
  const scores = new Map<string, number>();
  const reasons = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const cue of cues) {
    if (seen.has(cue.id)) continue;
    seen.add(cue.id);
    for (const country of cue.countries) {
      scores.set(country, (scores.get(country) ?? 0) + (cue.weak ? WEAK : STRONG));
      reasons.set(country, [...(reasons.get(country) ?? []), cue.phrase ?? cue.number!]);
    }
  }
  const preference = (country: string): number => {
    const i = lexicon.countries.indexOf(country);
    return i < 0 ? lexicon.countries.length : i;
  };
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || preference(a[0]) - preference(b[0]));
  const [best, runnerUp] = ranked;
  if (!best) return { country: lexicon.countries[0]!, confidence: 'low', evidence: [], defaulted: true };
  const clear = best[1] >= STRONG && best[1] > (runnerUp?.[1] ?? 0);
  return { country: best[0], confidence: clear ? 'high' : 'low', evidence: reasons.get(best[0]) ?? [], defaulted: false };
}
