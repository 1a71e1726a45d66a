import type { Criterion, Score, Transcript } from '../../types.js';
import type { Judge } from '../types.js';

/**
 * The offline scorer: estimates perceived-empathy mechanisms, honesty and risk assessment from the
 * replies' sentences, with no model and no network. It scores the criteria that name an `offline`
 * measure when no LLM judge does. (Placeholder until the scorer lands: it scores nothing.)
 */
export const offlineJudge: Judge = {
  id: 'offline',
  info: { id: 'offline', kind: 'offline', description: 'Offline scorer (not yet implemented).' },
  handles: (criterion) => criterion.offline !== undefined,
  async score(_transcript: Transcript, _criteria: readonly Criterion[]): Promise<Score[]> {
    return [];
  },
};
