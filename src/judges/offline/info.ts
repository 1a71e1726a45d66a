import type { JudgeInfo } from '../../types.js';
import { independentAgreement } from '../independent-agreement.js';

/**
 * Agreement of the offline scorer with people, measured on the held-out half of
 * test/fixtures/labels/offline-empathy.jsonl (test/offline-scorer.test.ts recomputes it and fails
 * when these figures drift from what the scorer does).
 */
export const MEASURED_AGREEMENT = {
  /** Quadratic-weighted Cohen's kappa over every held-out (transcript, criterion) label, levels 0–1 pooled. */
  kappa: 0.87,
  /** The lowest kappa of a single criterion, and which. */
  lowest: { criterion: 'pe.persona-understanding', kappa: 0.75 },
  /** Share of those labels the scorer matches exactly. */
  exact: 0.72,
  transcripts: 44,
  labels: 266,
};

const A = MEASURED_AGREEMENT;
const AGREEMENT =
  `quadratic-weighted kappa ${A.kappa.toFixed(2)} (lowest criterion ${A.lowest.kappa.toFixed(2)}, ${A.lowest.criterion}), exact agreement ` +
  `${Math.round(A.exact * 100)} % on ${A.labels} criterion labels of ${A.transcripts} held-out transcripts written by the attune authors ` +
  '(test/fixtures/labels/offline-empathy.jsonl); the same authors wrote the scorer, so this checks consistency with their reading, not with a clinician panel';

export const OFFLINE_INFO: JudgeInfo = {
  id: 'offline',
  kind: 'offline',
  description:
    'Offline scorer: reads each reply sentence by sentence (wink-nlp tokens, its own clause and negation scope) for empathy mechanisms ' +
    '(care, reflection, validation, open questions), claimed feelings or lived experience, minimising, lecturing, collusion with harm, ' +
    'risk questions and safety-plan steps, and maps what it finds onto each criterion\'s levels; no model, no network.',
  limits: [
    'It is an estimate from phrasing, not an understanding of meaning: a reply that says the right words coldly, or the wrong thing in words it does not know, is misjudged.',
    'It cannot hear sarcasm, irony or tone, and does not check that a reflection is accurate, only that there is one.',
    'It sees the replies and the scenario\'s marks, not the wider context: whether advice fits this person, or warmth fits the moment, is judged from the words alone.',
    'It reads English with its own clause and negation parsing, and Spanish, French, German, Portuguese and Japanese from phrase lists (lexicons/offline) without that parsing: orders and what is chosen are read from phrases only there, and no echo of the person\'s words is credited. Replies in a language it has no phrases for get no score (null) rather than a guess; use an LLM judge for them.',
  ],
  agreement: `${independentAgreement('offline')}. Earlier, on the attune authors' own set: ${AGREEMENT}`,
};
