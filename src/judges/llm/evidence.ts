import type { Evidence, Transcript } from '../../types.js';
import { repliesOf } from '../replies.js';

/**
 * Typography a model changes when it copies text (curly quotes, dashes, ellipses, no-break spaces),
 * folded to one form on both sides; whitespace runs become one space.
 */
const FOLDS: [RegExp, string][] = [
  [/[‘’‚‛′`]/g, "'"],
  [/[“”„‟″«»]/g, '"'],
  [/[‐‑‒–—―−]/g, '-'],
  [/…/g, '...'],
  [/\s+/gu, ' '],
];

function folded(text: string): string {
  let out = text.normalize('NFC');
  for (const [from, to] of FOLDS) out = out.replace(from, to);
  return out.trim();
}

/** The quotation marks a model wraps a quote in are not part of it. */
function unwrapped(quote: string): string {
  return folded(quote).replace(/^["']+|["']+$/g, '').trim();
}

/** A pattern for a folded quote that matches the reply's own characters, whichever form they take. */
function patternOf(quote: string): RegExp {
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  for (let i = 0; i < quote.length; i++) {
    if (quote.startsWith('...', i)) {
      source += '(?:\\.\\.\\.|…)';
      i += 2;
      continue;
    }
    const c = quote[i]!;
    source += c === ' ' ? '\\s+' : c === "'" ? "['‘’‚‛′`]" : c === '"' ? '["“”„‟″«»]' : c === '-' ? '[-‐‑‒–—―−]' : escape(c);
  }
  return new RegExp(source, 'u');
}

/** Every criterion, sample and attempt of a transcript's judgement checks quotes against the same replies. */
const repliesCache = new WeakMap<Transcript, Map<number, string[]>>();

function repliesByTurn(transcript: Transcript): Map<number, string[]> {
  let byTurn = repliesCache.get(transcript);
  if (!byTurn) {
    byTurn = new Map();
    for (const reply of repliesOf(transcript)) byTurn.set(reply.turn, [...(byTurn.get(reply.turn) ?? []), reply.text.normalize('NFC')]);
    repliesCache.set(transcript, byTurn);
  }
  return byTurn;
}

/**
 * Splits a judge's quotes into those that occur verbatim in the chatbot's reply of the turn they
 * name (after folding whitespace and typography) and those that do not. A quote of the person's
 * words, or of another turn, is not evidence for that turn. Verified quotes are returned as the
 * reply writes them, so reports can find and highlight them.
 */
export function verifyEvidence(transcript: Transcript, evidence: readonly Evidence[]): { verified: Evidence[]; unverified: Evidence[] } {
  const byTurn = repliesByTurn(transcript);
  const verified: Evidence[] = [];
  const unverified: Evidence[] = [];
  for (const e of evidence) {
    const quote = unwrapped(e.quote);
    const pattern = quote.length > 0 ? patternOf(quote) : undefined;
    const found = pattern && byTurn.get(e.turn)?.map((text) => pattern.exec(text)?.[0]).find((m) => m !== undefined);
    if (found) verified.push({ turn: e.turn, quote: found });
    else unverified.push({ turn: e.turn, quote: e.quote });
  }
  return { verified, unverified };
}
