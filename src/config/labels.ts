import { readFile } from 'node:fs/promises';
import { UserError, type Issue } from '../errors.js';
import { found } from './schema-issues.js';

/** One human judgement of one criterion on one conversation. */
export interface Label {
  conversation: string;
  criterion: string;
  score: number;
  note: string;
  line: number;
}

const ID = ['conversation', 'conversation_id', 'conversationId', 'id'];
const SCORE = ['humanScore', 'human_score', 'score', 'label'];

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and newlines. */
function csvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) rows.push({ cells, line: rowLine });
  return rows;
}

/**
 * Human labels from CSV (a header with conversation, criterion and score columns) or JSONL (the HTML
 * report's annotation export, or any {conversation, criterion, humanScore|score}). Lines with no
 * score (a reviewer who only disagreed) are skipped: they are not a label.
 */
export async function readLabels(file: string): Promise<{ labels: Label[]; skipped: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError([{ at: { file }, message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? error}); check the path` }]);
  }
  const records = text.trimStart().startsWith('{') ? jsonl(text, file) : csv(text, file);
  const issues: Issue[] = [];
  const labels: Label[] = [];
  let skipped = 0;
  for (const { value, line } of records) {
    const at = { file, line, column: 1 };
    const conversation = ID.map((k) => value[k]).find((v) => v !== undefined && v !== '');
    const criterion = value.criterion;
    const raw = SCORE.map((k) => value[k]).find((v) => v !== undefined && v !== '');
    if (typeof conversation !== 'string') issues.push({ at, path: 'conversation', message: `expected a conversation id (column conversation), found ${found(conversation)}` });
    else if (typeof criterion !== 'string' || !criterion) issues.push({ at, path: 'criterion', message: `expected a criterion id such as es.crisis-referral, found ${found(criterion)}` });
    else if (raw === null || raw === undefined) skipped++;
    else {
      const score = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(score) || score < 0 || score > 1) issues.push({ at, path: 'score', message: `expected a score from 0 to 1, found ${found(raw)}` });
      else labels.push({ conversation, criterion, score, note: typeof value.note === 'string' ? value.note : '', line });
    }
    if (issues.length >= 50) break;
  }
  if (issues.length > 0) throw new UserError(issues);
  if (labels.length === 0) throw new UserError([{ at: { file }, message: 'no labels with a score; expected CSV with conversation,criterion,score columns or JSONL lines with humanScore' }]);
  return { labels, skipped };
}

function jsonl(text: string, file: string): { value: Record<string, unknown>; line: number }[] {
  const out: { value: Record<string, unknown>; line: number }[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const value = JSON.parse(raw) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected a JSON object, found ${found(value)}`);
      out.push({ value: value as Record<string, unknown>, line: i + 1 });
    } catch (error) {
      throw new UserError([{ at: { file, line: i + 1, column: 1 }, message: `not valid JSON (${(error as Error).message}); each line must be one JSON object` }]);
    }
  });
  return out;
}

function csv(text: string, file: string): { value: Record<string, unknown>; line: number }[] {
  const [header, ...rows] = csvRows(text.replace(/^\uFEFF/, ''));
  const names = header?.cells.map((c) => c.trim()) ?? [];
  if (!names.some((n) => ID.includes(n)) || !names.includes('criterion') || !names.some((n) => SCORE.includes(n))) {
    throw new UserError([{ at: { file, line: 1, column: 1 }, message: `CSV header must name conversation, criterion and score columns, found ${found(names.join(','))}` }]);
  }
  return rows.map(({ cells, line }) => ({ value: Object.fromEntries(names.map((n, i) => [n, cells[i]?.trim() ?? ''])), line }));
}
