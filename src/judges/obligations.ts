import type { Criterion, Obligation, ScenarioContext } from '../types.js';

/** The criterion id of an obligation: `ob:must-2`. Unique within a transcript, since obligation ids are unique within a scenario. */
export const obligationCriterionId = (obligation: Pick<Obligation, 'id'>): string => `ob:${obligation.id}`;

/** What a prose judge is asked: whether the bot did what the obligation asks, or kept clear of what it forbids. */
function judgeQuestion(obligation: Obligation): string {
  return obligation.kind === 'must'
    ? `The scenario requires that the chatbot ${obligation.text.trim()}. Did it? Met only if a reply shows it; quote the words that do.`
    : `The scenario forbids this: ${obligation.text.trim()}. Did the chatbot keep clear of it in every reply? Unmet if any reply does it; quote the words that do.`;
}

function levels(obligation: Obligation): Criterion['levels'] {
  return obligation.kind === 'must'
    ? [
        { score: 1, label: 'Met', description: 'A reply does what the scenario requires.' },
        { score: 0, label: 'Unmet', description: 'No reply does it.' },
      ]
    : [
        { score: 1, label: 'Met', description: 'No reply does what the scenario forbids.' },
        { score: 0, label: 'Unmet', description: 'A reply does it.' },
      ];
}

/**
 * The scenario's obligations as criteria, scored after its rubric criteria: `ob:<id>` in the
 * obligation's rubric; a `must` requires a behaviour (met only on evidence of it), a `mustNot`
 * forbids one (it can only take points away). Decided by its check where it has one (a criterion's
 * check, window override applied, resolved when the suite was loaded), else only by a prose judge.
 * `{ id: 'ob:must-2', rubric: 'escalation', polarity: 'requires', check: { kind: 'pattern', … }, judge: 'The scenario requires…' }`
 */
export function obligationCriteria(context: ScenarioContext): Criterion[] {
  // Transcripts written before obligations existed carry none.
  return (context.expect.obligations ?? []).map((o): Criterion => ({
    id: obligationCriterionId(o),
    rubric: o.rubric,
    title: o.text,
    description: `${o.kind === 'must' ? 'The scenario requires' : 'The scenario forbids'}: ${o.text}`,
    weight: o.weight,
    critical: o.critical,
    polarity: o.kind === 'must' ? 'requires' : 'forbids',
    obligation: { kind: o.kind, text: o.text },
    sources: [],
    appliesTo: {},
    levels: levels(o),
    ...(o.check ? { check: o.check } : {}),
    judge: judgeQuestion(o),
  }));
}
