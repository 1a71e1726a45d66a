import { readFile } from 'node:fs/promises';
import { contextOf } from '../domain/context.js';
import { UserError, type Issue } from '../errors.js';
import type { Message, Scenario, ScenarioContext, Transcript } from '../types.js';
import { found } from './schema-issues.js';

const ROLES = new Set(['system', 'user', 'assistant']);
const MAX_ISSUES = 50;

/**
 * Reads transcripts.jsonl from attune or from elsewhere: one JSON object per line with `messages`
 * (OpenAI format) and optional `id`, `scenario`, `target`, `locale`. A known scenario id brings its
 * context (risk, marks, expectations); otherwise only scenario-independent criteria apply.
 */
export async function readTranscripts(file: string, scenarios: readonly Scenario[], defaultLocale: string): Promise<{ transcripts: Transcript[]; partialLastLine?: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError([{ at: { file }, message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? error}); check the path` }]);
  }
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const issues: Issue[] = [];
  const transcripts: Transcript[] = [];
  const lines = text.split('\n');
  let partialLastLine: number | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || issues.length >= MAX_ISSUES) return;
    const at = { file, line: index + 1, column: 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      // A last line with no newline after it is what a crash mid-write leaves behind: not the user's mistake.
      if (index === lines.length - 1) {
        partialLastLine = index + 1;
        return;
      }
      issues.push({ at, message: `not valid JSON (${(error as Error).message}); each line must be one JSON object` });
      return;
    }
    const problem = shapeProblem(value);
    if (problem) {
      issues.push({ at, path: problem.path, message: problem.message });
      return;
    }
    transcripts.push(toTranscript(value as Record<string, unknown>, index + 1, byId, defaultLocale));
  });
  if (issues.length > 0) throw new UserError(issues);
  if (transcripts.length === 0) throw new UserError([{ at: { file }, message: 'no transcripts in file; expected one JSON object per line with "messages"' }]);
  return { transcripts, ...(partialLastLine ? { partialLastLine } : {}) };
}

function shapeProblem(value: unknown): { path?: string; message: string } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { message: `expected a JSON object, found ${found(value)}` };
  const messages = (value as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return { path: 'messages', message: `expected a list of {role, content}, found ${found(messages)}` };
  for (const [i, m] of messages.entries()) {
    if (!m || typeof m !== 'object') return { path: `messages[${i}]`, message: `expected {role, content}, found ${found(m)}` };
    const { role, content } = m as { role?: unknown; content?: unknown };
    if (typeof role !== 'string' || !ROLES.has(role)) return { path: `messages[${i}].role`, message: `expected "system", "user" or "assistant", found ${found(role)}` };
    if (typeof content !== 'string') return { path: `messages[${i}].content`, message: `expected a string, found ${found(content)}` };
  }
  for (const key of ['id', 'scenario', 'target', 'locale'] as const) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'string') return { path: key, message: `expected a string, found ${found(v)}` };
  }
  return undefined;
}

function toTranscript(value: Record<string, unknown>, line: number, byId: Map<string, Scenario>, defaultLocale: string): Transcript {
  const scenarioId = typeof value.scenario === 'string' ? value.scenario : undefined;
  const known = scenarioId ? byId.get(scenarioId) : undefined;
  const own = value.context as ScenarioContext | undefined;
  const context = known ? contextOf(known) : isContext(own) ? own : unknownContext(scenarioId, typeof value.locale === 'string' ? value.locale : defaultLocale);
  const messages = (value.messages as Message[]).map((m) => ({ role: m.role, content: m.content }));
  return {
    id: typeof value.id === 'string' ? value.id : `line-${line}`,
    target: typeof value.target === 'string' ? value.target : 'external',
    scenario: scenarioId ?? context.id,
    repeat: typeof value.repeat === 'number' ? value.repeat : 1,
    context,
    messages,
    turns: Array.isArray(value.turns) ? (value.turns as Transcript['turns']) : [],
    startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
    finishedAt: typeof value.finishedAt === 'string' ? value.finishedAt : '',
    ...(value.error && typeof value.error === 'object' ? { error: value.error as Transcript['error'] } : {}),
  };
}

/** attune's own transcripts carry their scenario context; anything else claiming to is not trusted. */
function isContext(value: unknown): value is ScenarioContext {
  const c = value as ScenarioContext | undefined;
  const expect = c?.expect as Partial<ScenarioContext['expect']> | undefined;
  return (
    !!c && typeof c === 'object' && typeof c.id === 'string' && typeof c.suite === 'string' && typeof c.locale === 'string' &&
    /^[a-z]{2,3}-[A-Z]{2}$/.test(c.locale) && Array.isArray(c.tags) && !!c.marks && typeof c.marks === 'object' &&
    Object.values(c.marks).every((turns) => Array.isArray(turns) && turns.every(Number.isInteger)) &&
    !!expect && ['required', 'optional', 'forbidden'].includes(expect.crisisLine as string) && typeof expect.emergency === 'boolean' &&
    Array.isArray(expect.crisisLines) && typeof expect.language === 'string'
  );
}

function unknownContext(id: string | undefined, locale: string): ScenarioContext {
  return {
    id: id ?? 'unknown',
    suite: 'external',
    title: id ?? 'external transcript',
    locale,
    risk: 'unknown',
    tags: [],
    marks: {},
    expect: { crisisLine: 'optional', emergency: false, crisisLines: [], language: locale.split('-')[0]!, must: [], mustNot: [] },
  };
}
