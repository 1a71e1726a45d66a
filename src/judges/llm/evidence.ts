import type { Evidence, Transcript } from '../../types.js';
import { repliesOf } from '../replies.js';

/** Whitespace runs to one space, Unicode in one form, and the quotation marks a model wraps quotes in trimmed. */
function normalised(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function unwrapped(quote: string): string {
  return normalised(quote).replace(/^["'“”‘’«»„]+|["'“”‘’«»„]+$/g, '').trim();
}

/**
 * Splits a judge's quotes into those that occur verbatim (after whitespace normalisation) in the
 * chatbot's reply of the turn they name, and those that do not. A quote of the person's words, or of
 * another turn, is not evidence for that turn.
 */
export function verifyEvidence(transcript: Transcript, evidence: readonly Evidence[]): { verified: Evidence[]; unverified: Evidence[] } {
  const byTurn = new Map<number, string>();
  for (const reply of repliesOf(transcript)) byTurn.set(reply.turn, `${byTurn.get(reply.turn) ?? ''} ${normalised(reply.text)}`);
  const verified: Evidence[] = [];
  const unverified: Evidence[] = [];
  for (const e of evidence) {
    const quote = unwrapped(e.quote);
    const reply = byTurn.get(e.turn);
    if (quote.length > 0 && reply !== undefined && reply.includes(quote)) verified.push({ turn: e.turn, quote: exactQuote(transcript, e.turn, quote) ?? quote });
    else unverified.push({ turn: e.turn, quote: e.quote });
  }
  return { verified, unverified };
}

/** The quote as written in the reply (its own whitespace), so reports can find and highlight it. */
function exactQuote(transcript: Transcript, turn: number, quote: string): string | undefined {
  const words = quote.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(words.join('\\s+'), 'u');
  for (const reply of repliesOf(transcript)) {
    if (reply.turn !== turn) continue;
    const match = pattern.exec(reply.text.normalize('NFC'));
    if (match) return match[0];
  }
  return undefined;
}
