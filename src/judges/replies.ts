import type { ReplyWindow, Transcript } from '../types.js';

/**
 * An assistant reply and its turn: N = the reply to the N-th user message; 0 = a message before the
 * first user message (a greeting), which no window starting at a turn includes.
 */
export interface Reply {
  turn: number;
  text: string;
}

export function repliesOf(transcript: Transcript): Reply[] {
  const out: Reply[] = [];
  let userTurns = 0;
  for (const message of transcript.messages) {
    if (message.role === 'user') userTurns++;
    else if (message.role === 'assistant') out.push({ turn: userTurns, text: message.content });
  }
  return out;
}

/** First user turn carrying `mark`, if any. */
export function firstMarked(transcript: Transcript, mark: keyof Transcript['context']['marks']): number | undefined {
  return transcript.context.marks[mark]?.[0];
}

/**
 * The replies a window covers, or a reason it does not apply (the scenario has no such mark, or the
 * conversation ended before that turn).
 */
export function windowOf(transcript: Transcript, window: ReplyWindow | undefined): { replies: Reply[] } | { skip: string } {
  const all = repliesOf(transcript);
  if (!window) return all.length > 0 ? { replies: all } : { skip: 'no assistant replies' };
  let from = 1;
  if (typeof window.from === 'string') {
    const marked = firstMarked(transcript, window.from);
    if (marked === undefined) return { skip: `scenario has no turn marked ${window.from}` };
    from = marked;
  } else if (typeof window.from === 'number') {
    from = window.from;
  }
  const to = window.replies === undefined ? Infinity : from + window.replies - 1;
  const replies = all.filter((r) => r.turn >= from && r.turn <= to);
  return replies.length > 0 ? { replies } : { skip: `no reply to turn ${from} (conversation ended at turn ${all.at(-1)?.turn ?? 0})` };
}
