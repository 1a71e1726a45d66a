import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserError, type Issue } from '../errors.js';

/** A parsed YAML file that still knows where every value came from. */
export interface ParsedYaml {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

const MAX_BYTES = 8 * 1024 * 1024;

export async function readYamlFile(file: string): Promise<ParsedYaml> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new UserError([{ at: { file }, message: `cannot read file (${why}); check the path` }]);
  }
  return parseYaml(file, text);
}

export function parseYaml(file: string, text: string): ParsedYaml {
  if (text.length > MAX_BYTES) {
    throw new UserError([{ at: { file }, message: `file is ${(text.length / 1048576).toFixed(1)} MB; attune reads YAML files up to 8 MB, split it` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const issues: Issue[] = doc.errors.map((error) => {
    const pos = lines.linePos(error.pos[0]);
    return {
      at: { file, line: pos.line, column: pos.col },
      message: `invalid YAML: ${firstLine(error.message)}; fix the syntax here`,
    };
  });
  if (issues.length > 0) throw new UserError(issues);
  let value: unknown;
  try {
    // Alias expansion is capped so a "billion laughs" file fails fast instead of eating memory.
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new UserError([{ at: { file }, message: `invalid YAML: ${firstLine((error as Error).message)}` }]);
  }
  return { file, doc, lines, value };
}

function firstLine(message: string): string {
  if (/call stack/i.test(message)) return 'the file nests too deeply to read; flatten it';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Position of the node at `path` (or of its `key` entry), falling back to the nearest parent that exists. */
export function positionOf(parsed: ParsedYaml, path: readonly (string | number)[], key?: string): { line: number; column: number } {
  let node: unknown = parsed.doc.contents;
  let offset = (parsed.doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next.value;
    offset = next.offset ?? offset;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const range = (pair?.key as Node | undefined)?.range;
    if (range) offset = range[0];
  }
  const pos = parsed.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function childOf(node: unknown, segment: string | number): { value: unknown; offset?: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair) return undefined;
    const value = pair.value as Node | null;
    return { value, offset: value?.range?.[0] ?? (pair.key as Node | undefined)?.range?.[0] };
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    if (!item) return undefined;
    return { value: item, offset: item.range?.[0] };
  }
  return undefined;
}

/** `['scenarios', 2, 'turns', 0]` → `scenarios[2].turns[0]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    const name = /^[A-Za-z_$][\w$-]*$/.test(segment) ? segment : JSON.stringify(segment);
    return out ? `${out}.${name}` : name;
  }, '');
}
