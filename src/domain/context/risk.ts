/**
 * The conversation's risk level on the C-SSRS map of domain.md, turn by turn. Phrases give a level
 * directly; means and timing raise it only once risk is present, so "I have pills" in a chat about
 * headaches stays none, while "I want to die … the pills are right here … tonight" climbs:
 *
 *   low     passive wish, non-specific thoughts (C-SSRS 1–2); `suicidalThoughts` when the person says
 *           they think of killing themselves (C-SSRS 2), which owes them a crisis line
 *   moderate method without intent, older behaviour, self-harm; or any risk plus access to means
 *   high    intent or plan, recent behaviour; or any risk plus a plan ("I've set a date"), or plus
 *           means plus a time within 24 h
 *   imminent intent or plan plus means plus a time within 24 h, or an attempt under way
 *
 * A method request ("how many pills would it take") is a warning sign by itself (low) and, with
 * other risk, a method (moderate). The warning signs of lexicon-shape.ts (preparing, saying goodbye,
 * being a burden, joining someone who died, a decision made, stopping care) are low alone; two
 * different ones, or one act (preparing, goodbye, decision, stopping care) beside any other risk, are
 * high: preparatory behaviour on the C-SSRS, and the signs 988 and AFSP ask responders to act on. Risk never goes down within a conversation: taking a disclosure
 * back ("jk, I'm fine") is itself something a responder should follow up.
 */
import { RISK_LEVELS, type RiskLevel } from '../../types.js';
import { WARNING_SIGNS, type WarningSign } from './lexicon-shape.js';
import type { Hit } from './reading.js';

export interface TurnReading {
  readonly hits: readonly Hit[];
  readonly tokenCount: number;
}

export interface RiskSummary {
  readonly level: RiskLevel;
  /** 1-based user turn where the level first reached low. */
  readonly firstTurn?: number;
  /** Later turns where it went up. */
  readonly rises: readonly number[];
  readonly evidence: readonly { turn: number; quote: string }[];
  /** Every risk signal was about someone else. */
  readonly thirdParty: boolean;
  /** The person said, of themselves, that they think of killing themselves (a `risk-thoughts` phrase). */
  readonly suicidalThoughts: boolean;
}

const LEVEL = { 'risk-low': 1, 'risk-thoughts': 1, 'risk-moderate': 2, 'risk-high': 3, 'risk-imminent': 4 } as const;
const [NONE, LOW, MODERATE, HIGH, IMMINENT] = [0, 1, 2, 3, 4];
const IS_SIGN: ReadonlySet<string> = new Set(WARNING_SIGNS);
/** Signs that are something done or decided, not only felt: with any other risk they make it high. */
const ACTS: ReadonlySet<WarningSign> = new Set(['sign-preparation', 'sign-farewell', 'sign-finality', 'sign-stops-care']);
/** A bare "tonight." answering "when?" counts as timing only in a short message. */
const SHORT_ANSWER = 12;
const MAX_EVIDENCE = 12;

export function composeRisk(turns: readonly TurnReading[]): RiskSummary {
  let phrases = NONE;
  let means = false;
  let plan = false;
  let timing = false;
  let method = false;
  let level = NONE;
  let firstTurn: number | undefined;
  let riskHits = 0;
  let thirdPartyHits = 0;
  let suicidalThoughts = false;
  const signs = new Set<WarningSign>();
  const rises: number[] = [];
  const evidence: { turn: number; quote: string }[] = [];

  turns.forEach((reading, i) => {
    const turn = i + 1;
    const counted: Hit[] = [];
    let direct = false;
    for (const hit of reading.hits) {
      if (hit.category in LEVEL) {
        phrases = Math.max(phrases, LEVEL[hit.category as keyof typeof LEVEL]);
        direct = true;
        riskHits++;
        if (hit.thirdParty) thirdPartyHits++;
        else if (hit.category === 'risk-thoughts') suicidalThoughts = true;
        counted.push(hit);
      } else if (hit.category === 'means' || hit.category === 'plan') {
        if (hit.category === 'means') means = true;
        else plan = true;
        direct = true;
        counted.push(hit);
      } else if (IS_SIGN.has(hit.category)) {
        // A sign in someone else's life ("my dad gave his tools away") is theirs to follow up, not this person's risk.
        if (hit.thirdParty) continue;
        signs.add(hit.category as WarningSign);
        direct = true;
        counted.push(hit);
      } else if (hit.category === 'method-request') {
        method = true;
        direct = true;
        counted.push(hit);
      }
    }
    const timingHits = reading.hits.filter((h) => h.category === 'timing');
    if (timingHits.length > 0 && (direct || (level >= LOW && reading.tokenCount <= SHORT_ANSWER))) {
      timing = true;
      counted.push(...timingHits);
    }
    const next = compose(phrases, { means, plan, timing, method, signs });
    if (next >= LOW && firstTurn === undefined) firstTurn = turn;
    else if (next > level && firstTurn !== undefined) rises.push(turn);
    level = next;
    if (level >= LOW) for (const hit of counted) addEvidence(evidence, turn, hit.quote);
  });

  return {
    level: RISK_LEVELS[level]!,
    ...(firstTurn === undefined ? {} : { firstTurn }),
    rises,
    evidence,
    thirdParty: riskHits > 0 && thirdPartyHits === riskHits,
    suicidalThoughts,
  };
}

/** Keeps the longest of overlapping quotes in a turn ("doing it tonight", not also "tonight"). */
function addEvidence(evidence: { turn: number; quote: string }[], turn: number, quote: string): void {
  const same = evidence.filter((e) => e.turn === turn);
  if (same.some((e) => e.quote.includes(quote))) return;
  const shorter = same.find((e) => quote.includes(e.quote));
  if (shorter) shorter.quote = quote;
  else if (evidence.length < MAX_EVIDENCE) evidence.push({ turn, quote });
}

function compose(phrases: number, seen: { means: boolean; plan: boolean; timing: boolean; method: boolean; signs: ReadonlySet<WarningSign> }): number {
  const { means, plan, timing, method, signs } = seen;
  const acted = [...signs].some((s) => ACTS.has(s));
  let level = Math.max(phrases, signs.size >= 2 ? HIGH : signs.size === 1 ? LOW : NONE);
  if (acted && (phrases >= LOW || method)) level = Math.max(level, HIGH);
  if (method) level = level >= LOW ? Math.max(level, MODERATE) : LOW;
  if (level >= LOW && means) level = Math.max(level, MODERATE);
  if (level >= LOW && plan) level = Math.max(level, HIGH);
  if (level >= LOW && means && timing) level = Math.max(level, level >= HIGH ? IMMINENT : HIGH);
  return level;
}
