import type { Evidence, Message } from '../../types.js';
import { html, type Html } from './escape.js';

/** One message as the chat shows it: turn N is the N-th user message and the replies after it; 0 = before the first. */
export interface Bubble {
  message: Message;
  index: number;
  turn: number;
}

export function bubbles(messages: readonly Message[]): Bubble[] {
  let turn = 0;
  return messages.map((message, index) => {
    if (message.role === 'user') turn++;
    return { message, index, turn };
  });
}

/**
 * Where `quote` occurs in `text`: verbatim first, then with any run of whitespace matching any
 * other (judges may re-wrap lines), then ignoring case. `findQuote('a  b\nc', 'b c')` → `[3, 6]`.
 */
export function findQuote(text: string, quote: string): [number, number] | undefined {
  if (quote.trim() === '') return undefined;
  const exact = text.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  for (const flags of ['u', 'iu']) {
    const match = new RegExp(words.join('\\s+'), flags).exec(text);
    if (match) return [match.index, match.index + match[0].length];
  }
  return undefined;
}

/** A highlighted stretch of one message; `labels` name the criteria whose evidence it is. */
export interface MarkRange {
  start: number;
  end: number;
  labels: string[];
}

export interface Located {
  ranges: MarkRange[];
  /** For each quote asked for: the index in `ranges` of the stretch that holds it, or undefined when not found. */
  at: (number | undefined)[];
}

/** Finds each quote in `text` and merges overlapping finds into one stretch, so marks never nest. */
export function locate(text: string, quotes: readonly { quote: string; label: string }[]): Located {
  const found = quotes.map((q, i) => ({ i, label: q.label, span: findQuote(text, q.quote) }));
  const hits = found.filter((f): f is typeof f & { span: [number, number] } => f.span !== undefined).sort((a, b) => a.span[0] - b.span[0]);
  const ranges: MarkRange[] = [];
  const at: (number | undefined)[] = quotes.map(() => undefined);
  for (const hit of hits) {
    const last = ranges[ranges.length - 1];
    if (last && hit.span[0] < last.end) {
      last.end = Math.max(last.end, hit.span[1]);
      if (!last.labels.includes(hit.label)) last.labels.push(hit.label);
    } else {
      ranges.push({ start: hit.span[0], end: hit.span[1], labels: [hit.label] });
    }
    at[hit.i] = ranges.length - 1;
  }
  return { ranges, at };
}

/** The message text with each stretch in a `<mark>`; every character of `text` goes through the escaper. */
export function highlighted(text: string, ranges: readonly MarkRange[], idOf: (range: number) => string): Html {
  const parts: Html[] = [];
  let pos = 0;
  ranges.forEach((r, i) => {
    parts.push(html`${text.slice(pos, r.start)}<mark id="${idOf(i)}" title="${`evidence for ${r.labels.join(', ')}`}">${text.slice(r.start, r.end)}</mark>`);
    pos = r.end;
  });
  parts.push(html`${text.slice(pos)}`);
  return html`${parts}`;
}

/** Evidence of every score of a conversation, grouped by the message it is found in. */
export function evidenceByMessage(
  all: readonly Bubble[],
  scores: readonly { label: string; evidence: readonly Evidence[] }[],
): { perMessage: Map<number, Located>; where: Map<string, { message: number; range: number }> } {
  const wanted = new Map<number, { quote: string; label: string; key: string }[]>();
  scores.forEach((s, si) =>
    s.evidence.forEach((e, ei) => {
      // Where something expected was looked for is not highlighted: nothing there is the evidence.
      if (e.missing) return;
      const key = `${si}:${ei}`;
      const replies = all.filter((b) => b.turn === e.turn && b.message.role === 'assistant');
      const home = replies.find((b) => findQuote(b.message.content, e.quote)) ?? replies[0];
      if (!home) return;
      const list = wanted.get(home.index) ?? [];
      list.push({ quote: e.quote, label: s.label, key });
      wanted.set(home.index, list);
    }),
  );
  const perMessage = new Map<number, Located>();
  const where = new Map<string, { message: number; range: number }>();
  for (const [index, quotes] of wanted) {
    const located = locate(all[index]!.message.content, quotes);
    perMessage.set(index, located);
    quotes.forEach((q, i) => {
      const range = located.at[i];
      if (range !== undefined) where.set(q.key, { message: index, range });
    });
  }
  return { perMessage, where };
}
