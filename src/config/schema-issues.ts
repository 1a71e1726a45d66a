import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import type { Issue } from '../errors.js';
import { fieldPath, positionOf, type ParsedYaml } from './yaml.js';

export type SchemaName = 'suite' | 'rubric' | 'sources' | 'config' | 'results';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validators = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv | undefined;

/** The compiled validator for one of the schemas published in schemas/; compiled once per process. */
export function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    ajv ??= createAjv();
    const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), 'utf8')) as object;
    validate = ajv.compile(schema);
    validators.set(name, validate);
  }
  return validate;
}

function createAjv(): Ajv {
  const instance = new Ajv({ allErrors: true, verbose: true, strict: true, discriminator: true, allowUnionTypes: true });
  instance.addVocabulary(['x-expected']);
  addFormats(instance);
  return instance;
}

/** Every schema problem in a parsed file, each pointing at file:line:column and a field path. */
export function schemaIssues(name: SchemaName, parsed: ParsedYaml): Issue[] {
  const validate = validatorFor(name);
  if (validate(parsed.value)) return [];
  return toIssues(validate.errors ?? [], parsed);
}

function toIssues(errors: ErrorObject[], parsed: ParsedYaml): Issue[] {
  const kept = pruneBranchErrors(errors);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of kept) {
    const path = pathSegments(error.instancePath, parsed.value);
    const issue = describe(error, path, parsed);
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/**
 * A oneOf/anyOf failure comes with one error per branch. When some error lies deeper inside the
 * value (or a branch failed on something other than its type), the value had the right shape for
 * that branch: keep those errors. Otherwise say once "expected X, found Y".
 */
function pruneBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const union of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${union.schemaPath}/`;
    const here = union.instancePath;
    const typeMisses = errors.filter((e) => e.keyword === 'type' && e.instancePath === here && e.schemaPath.startsWith(prefix));
    const deeper = errors.some((e) => e.instancePath.startsWith(`${here}/`));
    const otherMiss = errors.some((e) => e !== union && e.keyword !== 'type' && e.instancePath === here && e.schemaPath.startsWith(prefix));
    if (deeper || otherMiss) {
      drop.add(union);
      for (const e of typeMisses) drop.add(e);
    } else {
      for (const e of errors) if (e !== union && e.schemaPath.startsWith(prefix)) drop.add(e);
    }
  }
  return errors.filter((e) => !drop.has(e) && e.keyword !== 'if');
}

function pathSegments(instancePath: string, data: unknown): (string | number)[] {
  if (!instancePath) return [];
  const out: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      out.push(Number(segment));
      node = node[Number(segment)];
    } else {
      out.push(segment);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

function describe(error: ErrorObject, path: (string | number)[], parsed: ParsedYaml): Issue {
  const at = (p: (string | number)[], key?: string) => ({ file: parsed.file, ...positionOf(parsed, p, key) });
  const expected = (error.parentSchema as { 'x-expected'?: string } | undefined)?.['x-expected'];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { at: at(path), path: fieldPath(path) || '(top level)', message: `missing required field "${missing}"; add it` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
      const near = closest(extra, allowed);
      const hint = near ? `did you mean "${near}"?` : `expected one of: ${allowed.join(', ')}`;
      return { at: at(path, extra), path: fieldPath([...path, extra]), message: `unknown field "${extra}"; ${hint}` };
    }
    case 'type':
      return { at: at(path), path: fieldPath(path), message: `expected ${expected ?? typeWords(params.type)}, found ${found(error.data)}` };
    case 'enum': {
      const options = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { at: at(path), path: fieldPath(path), message: `expected one of ${options}, found ${found(error.data)}` };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      const kinds = ((error.parentSchema as { oneOf?: { properties?: Record<string, { const?: string }> }[] }).oneOf ?? [])
        .map((branch) => branch.properties?.[tag]?.const)
        .filter(Boolean);
      const value = (error.data as Record<string, unknown> | null)?.[tag];
      return {
        at: at(value === undefined ? path : [...path, tag]),
        path: fieldPath([...path, tag]),
        message: value === undefined ? `missing "${tag}"; expected one of ${kinds.join(', ')}` : `unknown ${tag} ${found(value)}; expected one of ${kinds.join(', ')}`,
      };
    }
    case 'format':
      if (params.format === 'regex') {
        return { at: at(path), path: fieldPath(path), message: `invalid regular expression ${found(error.data)}: ${regexProblem(String(error.data))}` };
      }
      return { at: at(path), path: fieldPath(path), message: `expected a valid ${params.format}, found ${found(error.data)}` };
    case 'pattern':
    case 'oneOf':
    case 'anyOf':
      return { at: at(path), path: fieldPath(path), message: `expected ${expected ?? `a value matching ${params.pattern ?? 'the schema'}`}, found ${found(error.data)}` };
    case 'propertyNames':
      return { at: at(path), path: fieldPath(path), message: `invalid key: ${error.message}` };
    default:
      return { at: at(path), path: fieldPath(path), message: `${error.message ?? 'invalid value'}, found ${found(error.data)}` };
  }
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = { string: 'a string', array: 'a list', object: 'a mapping', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'null' };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => words[String(t)] ?? String(t)).join(' or ');
}

/** How a value found in a file is named in a message: `a number (5)`, `"helo"`, `a list`. */
export function found(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return `a number (${value})`;
  return `${typeof value} (${String(value)})`;
}

function regexProblem(source: string): string {
  try {
    new RegExp(source, 'iu');
    return 'not a valid pattern';
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

export function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
