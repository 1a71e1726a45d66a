import { contextOf } from '../domain/context.js';
import { UserError, type Issue } from '../errors.js';
import type { Message, Scenario, ScenarioContext, Transcript } from '../types.js';
import { externalContext, givenContext } from './external-context.js';
import { jsonLines, type SliceReader } from './jsonl.js';
import { found } from './schema-issues.js';

const ROLES = new Set(['system', 'user', 'assistant']);
const MAX_ISSUES = 50;

/** Where one transcript sits in its file: enough to read it back alone (readTranscriptAt). */
export interface TranscriptPlace {
  line: number;
  offset: number;
  bytes: number;
}

/**
 * Reads transcripts.jsonl from attune or from elsewhere: one JSON object per line with `messages`
 * (OpenAI format) and optional `id`, `scenario`, `target`, `locale`, `context`. A known scenario id
 * brings its context (risk, marks, expectations); otherwise what the line gives in `context`, the rest
 * inferred from the user's words (see externalContext). `defaultLocale` (`--locale`) counts as given.
 */
export async function readTranscripts(file: string, scenarios: readonly Scenario[], defaultLocale?: string): Promise<{ transcripts: Transcript[]; partialLastLine?: number }> {
  const transcripts: Transcript[] = [];
  const { partialLastLine } = await scanTranscripts(file, scenarios, defaultLocale, (t) => {
    transcripts.push(t);
  });
  return { transcripts, ...(partialLastLine ? { partialLastLine } : {}) };
}

/**
 * readTranscripts one line at a time: calls `each` with every transcript and its place in the file
 * as it is read, holding none of them. Every problem is collected and thrown together at the end.
 */
export async function scanTranscripts(
  file: string,
  scenarios: readonly Scenario[],
  defaultLocale: string | undefined,
  each: (transcript: Transcript, place: TranscriptPlace) => void | Promise<void>,
): Promise<{ count: number; partialLastLine?: number }> {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const issues: Issue[] = [];
  let count = 0;
  let partialLastLine: number | undefined;
  try {
    for await (const { text, line: lineNo, offset, bytes, unterminated } of jsonLines(file)) {
      const line = text.trim();
      if (!line || issues.length >= MAX_ISSUES) continue;
      const at = { file, line: lineNo, column: 1 };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        // A last line with no newline after it is what a crash mid-write leaves behind: not the user's mistake.
        if (unterminated) {
          partialLastLine = lineNo;
          continue;
        }
        issues.push({ at, message: `not valid JSON (${(error as Error).message}); each line must be one JSON object` });
        continue;
      }
      const problem = shapeProblem(value);
      if (problem) {
        issues.push({ at, path: problem.path, message: problem.message });
        continue;
      }
      count++;
      await each(toTranscript(value as Record<string, unknown>, lineNo, byId, defaultLocale), { line: lineNo, offset, bytes });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new UserError([{ at: { file }, message: `cannot read file (${code}); check the path` }]);
  }
  if (issues.length > 0) throw new UserError(issues);
  if (count === 0) throw new UserError([{ at: { file }, message: 'no transcripts in file; expected one JSON object per line with "messages"' }]);
  return { count, ...(partialLastLine ? { partialLastLine } : {}) };
}

/** The transcript at `place` of the reader's file, read alone and converted exactly as scanTranscripts did. */
export async function readTranscriptAt(reader: SliceReader, place: TranscriptPlace, scenarios: readonly Scenario[], defaultLocale: string | undefined): Promise<Transcript> {
  const value = JSON.parse(await reader.read(place.offset, place.bytes)) as Record<string, unknown>;
  return toTranscript(value, place.line, new Map(scenarios.map((s) => [s.id, s])), defaultLocale);
}

/**
 * Where every transcript of attune's own transcripts.jsonl is, by id (a repeated id keeps its last
 * line, as --resume does). Lines that do not parse are skipped: the run that wrote them repairs them.
 */
export async function indexTranscripts(file: string): Promise<Map<string, TranscriptPlace>> {
  const places = new Map<string, TranscriptPlace>();
  for await (const { text, line, offset, bytes } of jsonLines(file)) {
    let value: { id?: unknown };
    try {
      value = JSON.parse(text) as { id?: unknown };
    } catch {
      continue;
    }
    places.set(typeof value?.id === 'string' ? value.id : `line-${line}`, { line, offset, bytes });
  }
  return places;
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
  if (isContext((value as Record<string, unknown>).context)) return undefined;
  const given = givenContext(value as Record<string, unknown>);
  return 'given' in given ? undefined : given;
}

function toTranscript(value: Record<string, unknown>, line: number, byId: Map<string, Scenario>, defaultLocale: string | undefined): Transcript {
  const scenarioId = typeof value.scenario === 'string' ? value.scenario : undefined;
  const known = scenarioId ? byId.get(scenarioId) : undefined;
  const own = value.context as ScenarioContext | undefined;
  const simulated = typeof value.simulator === 'string';
  // A simulated conversation's marks are where its reveals happened, not where the script would put them.
  const messages = (value.messages as Message[]).map((m) => ({ role: m.role, content: m.content }));
  const given = givenContext(value);
  const context = known
    ? simulated && isContext(own) ? { ...contextOf(known), marks: own.marks } : contextOf(known)
    : isContext(own) ? own : externalContext(scenarioId, messages, 'given' in given ? given.given : {}, defaultLocale);
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
    ...(simulated ? { simulator: value.simulator as string } : {}),
    ...(simulated && Array.isArray(value.simulatorTurns) ? { simulatorTurns: value.simulatorTurns as NonNullable<Transcript['simulatorTurns']> } : {}),
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
    Array.isArray(expect.crisisLines) && typeof expect.language === 'string' &&
    // Obligations (absent from transcripts written before them), each with the check that decides it, if any.
    (expect.obligations === undefined || (Array.isArray(expect.obligations) && expect.obligations.every((o: unknown) => {
      const ob = o as Partial<import('../types.js').Obligation> | null;
      const check = ob?.check as { kind?: unknown } | undefined;
      return (
        !!ob && typeof ob === 'object' && typeof ob.id === 'string' && (ob.kind === 'must' || ob.kind === 'mustNot') &&
        typeof ob.text === 'string' && typeof ob.rubric === 'string' && typeof ob.weight === 'number' && ob.weight > 0 && typeof ob.critical === 'boolean' &&
        (ob.criterion === undefined || typeof ob.criterion === 'string') &&
        (check === undefined || (!!check && typeof check === 'object' &&
          ['pattern', 'crisis-line', 'wrong-number', 'emergency-number', 'identity', 'repetition', 'resource-repetition', 'language'].includes(check.kind as string)))
      );
    })))
  );
}
