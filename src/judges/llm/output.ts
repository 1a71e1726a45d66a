import { Ajv, type ValidateFunction } from 'ajv';
import { jsonObjectIn } from '../../domain/model-json.js';
import type { Criterion, Evidence } from '../../types.js';

/** One criterion as the judge answered it, after validation. */
export interface JudgedItem {
  level: number;
  rationale: string;
  evidence: Evidence[];
}

const ajv = new Ajv({ allErrors: true, strict: true });

const envelope = ajv.compile({
  type: 'object',
  required: ['scores'],
  properties: { scores: { type: 'array', minItems: 1, items: { type: 'object', required: ['criterion'], properties: { criterion: { type: 'string' } } } } },
});

/** Per criterion, because each has its own levels; compiled once per criterion object. */
const itemValidators = new WeakMap<Criterion, ValidateFunction>();

function itemValidator(criterion: Criterion): ValidateFunction {
  let validate = itemValidators.get(criterion);
  if (!validate) {
    validate = ajv.compile({
      type: 'object',
      required: ['criterion', 'level', 'rationale', 'evidence'],
      properties: {
        criterion: { const: criterion.id },
        level: { enum: criterion.levels.map((l) => l.score) },
        rationale: { type: 'string', minLength: 1, maxLength: 4000 },
        evidence: {
          type: 'array',
          maxItems: 8,
          items: {
            type: 'object',
            required: ['turn', 'quote'],
            properties: { turn: { type: 'integer', minimum: 0 }, quote: { type: 'string', minLength: 1, maxLength: 2000 } },
          },
        },
      },
    });
    itemValidators.set(criterion, validate);
  }
  return validate;
}

/**
 * Reads a judge's answer for `criteria`: the items that validate, keyed by criterion id, and what was
 * wrong with the rest (said back to the model on a retry, and recorded if the retries run out).
 */
export function readJudgeOutput(text: string, criteria: readonly Criterion[]): { items: Map<string, JudgedItem>; problems: string[] } {
  const items = new Map<string, JudgedItem>();
  const problems: string[] = [];
  const parsed = jsonObjectIn(text);
  if (!parsed) return { items, problems: ['the answer is not JSON'] };
  if (!envelope(parsed)) return { items, problems: [`the answer must be ${'{"scores": [ … ]}'}: ${ajv.errorsText(envelope.errors)}`] };
  const byId = new Map(criteria.map((c) => [c.id, c]));
  for (const raw of (parsed as { scores: { criterion: string }[] }).scores) {
    const criterion = byId.get(raw.criterion);
    if (!criterion) {
      problems.push(`"${String(raw.criterion).slice(0, 60)}" is not one of the criteria asked for`);
      continue;
    }
    if (items.has(criterion.id)) continue;
    const validate = itemValidator(criterion);
    if (validate(raw)) {
      const item = raw as unknown as JudgedItem;
      items.set(criterion.id, { level: item.level, rationale: item.rationale.trim(), evidence: item.evidence.map((e) => ({ turn: e.turn, quote: e.quote })) });
    } else {
      problems.push(`${criterion.id}: ${ajv.errorsText(validate.errors, { dataVar: 'score' })}${validate.errors?.some((e) => e.keyword === 'enum') ? ` (levels: ${criterion.levels.map((l) => l.score).join(', ')})` : ''}`);
    }
  }
  for (const c of criteria) if (!items.has(c.id) && !problems.some((p) => p.startsWith(`${c.id}:`))) problems.push(`${c.id}: missing`);
  return { items, problems };
}
