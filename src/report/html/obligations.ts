import type { Score } from '../../types.js';
import { html, type Html } from './escape.js';

/**
 * How one of a scenario's obligations came out: met, unmet, not judged (no judge of the run could
 * decide it), a judge error, or flagged (a quote the judge gave is not in the transcript: neither met
 * nor unmet until someone reads it).
 */
export type ObligationState = 'met' | 'unmet' | 'not-judged' | 'error' | 'flagged';

export const OBLIGATION_LABEL: Record<ObligationState, string> = {
  met: 'met',
  unmet: 'unmet',
  'not-judged': 'not judged',
  error: 'judge error',
  flagged: 'flagged, not counted',
};

const TAG: Record<ObligationState, string> = { met: 'ok', unmet: 'bad', 'not-judged': 'warn', error: 'warn', flagged: 'warn' };

export function obligationState(s: Score): ObligationState {
  if (s.status === 'not-judged') return 'not-judged';
  if (s.status === 'error') return 'error';
  if (s.unverified?.length) return 'flagged';
  return s.passed ? 'met' : 'unmet';
}

/** `must: asks directly…` / `must not: names any bridge`, as the scenario wrote it. */
export function obligationTitle(obligation: NonNullable<Score['obligation']>): string {
  return `${obligation.kind === 'must' ? 'Must' : 'Must not'}: ${obligation.text}`;
}

export function obligationTag(s: Score): Html {
  const state = obligationState(s);
  return html`<span class="tag ${TAG[state]}" data-obligation-state="${state}">${OBLIGATION_LABEL[state]}</span>`;
}

/**
 * The scenario's obligations beside the conversation, each an ordinary score item (so filters and
 * annotations treat it like any score), under a line that counts them by state.
 */
export function obligationsBlock(scores: readonly Score[], items: readonly Html[]): Html {
  if (items.length === 0) return html``;
  const counted = new Map<ObligationState, number>();
  for (const s of scores.filter((x) => !x.secondary)) counted.set(obligationState(s), (counted.get(obligationState(s)) ?? 0) + 1);
  const order: ObligationState[] = ['unmet', 'met', 'not-judged', 'flagged', 'error'];
  const summary = order.filter((k) => counted.get(k)).map((k) => `${counted.get(k)} ${OBLIGATION_LABEL[k]}`).join(' · ');
  return html`<div class="obligations"><h4>Obligations of this scenario <span class="sub">${summary}</span></h4><ol class="score-list">${items}</ol></div>`;
}
