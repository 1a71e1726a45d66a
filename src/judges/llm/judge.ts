import type { Criterion, Evidence, Message, Score, Transcript } from '../../types.js';
import { passes } from '../levels.js';
import { aggregateSamples } from '../samples.js';
import type { Judge } from '../types.js';
import { verifyEvidence } from './evidence.js';
import type { JudgeModel } from './model.js';
import { conversationForJudge, judgeMessages, retryMessage, type JudgedConversation, type Perspective } from './prompt.js';
import { readJudgeOutput, type JudgedItem } from './output.js';

export interface LlmJudgeOptions {
  /** Independent judgements per criterion, aggregated (median level, majority pass) with their spread kept. */
  samples: number;
  /** Answers per judgement: the first, then follow-ups naming what was invalid. */
  attempts: number;
}

export const DEFAULT_LLM_JUDGE: LlmJudgeOptions = { samples: 1, attempts: 3 };

/**
 * An LLM judge: scores the criteria that carry a `judge` prompt, reading the conversation as a
 * reviewer or as the scenario's persona. Answers are validated, invalid ones asked again a bounded
 * number of times and then recorded as a judge error; quotes are checked against the transcript.
 */
export function createLlmJudge(model: JudgeModel, options: LlmJudgeOptions): Judge {
  return {
    id: model.id,
    info: {
      id: model.id,
      kind: 'llm',
      description: `LLM judge ${model.description}${options.samples > 1 ? `, ${options.samples} samples per criterion (median level, majority pass)` : ''}`,
      limits: [
        'An LLM judge can be wrong, lenient or inconsistent; calibrate it against people (attune calibrate) before trusting its scores.',
        'Quotes it gives are checked against the transcript; a score with a quote that is not there is flagged and does not pass.',
      ],
    },
    handles: (criterion) => criterion.judge !== undefined,
    async score(transcript: Transcript, criteria: readonly Criterion[]): Promise<Score[]> {
      const conversation = conversationForJudge(transcript);
      if (!conversation.turns.some((t) => t.assistant !== undefined)) return [];
      const groups = new Map<Perspective, Criterion[]>();
      for (const c of criteria) groups.set(c.perspective ?? 'reviewer', [...(groups.get(c.perspective ?? 'reviewer') ?? []), c]);
      const perSample = await Promise.all(
        [...groups].flatMap(([perspective, group]) => {
          // The prompt is the same for every sample; each sample's follow-ups extend its own copy.
          const prompt = judgeMessages(transcript, conversation, group, perspective);
          return Array.from({ length: options.samples }, (_, sample) => judgeOnce(model, transcript, [...prompt], group, sample, options.attempts));
        }),
      );
      const bySample = new Map<string, Score[]>();
      for (const scores of perSample) for (const s of scores) bySample.set(s.criterion, [...(bySample.get(s.criterion) ?? []), s]);
      return criteria.flatMap((c) => {
        const samples = bySample.get(c.id);
        return samples ? [withDirected(aggregateSamples(samples), conversation)] : [];
      });
    },
  };
}

/**
 * One judgement of a group of criteria: ask, validate, verify the quotes, and ask again for what was
 * invalid or quoted words that are not in the transcript. An answer whose quotes still cannot be
 * found after the last attempt is kept, flagged.
 */
async function judgeOnce(model: JudgeModel, transcript: Transcript, messages: Message[], criteria: readonly Criterion[], sample: number, attempts: number): Promise<Score[]> {
  type Checked = JudgedItem & { verified: Evidence[]; unverified: Evidence[] };
  const answered = new Map<string, Checked>();
  const flagged = new Map<string, Checked>();
  let problems: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const missing = criteria.filter((c) => !answered.has(c.id));
    if (attempt > 1) messages.push(retryMessage(problems, missing));
    const completion = await model.complete(messages, sample);
    if (completion.kind === 'failure') {
      problems = [`the judge's model failed: ${completion.message}`];
      break;
    }
    const read = readJudgeOutput(completion.text, missing);
    problems = read.problems;
    for (const [id, item] of read.items) {
      const { verified, unverified } = verifyEvidence(transcript, item.evidence);
      if (unverified.length === 0) {
        answered.set(id, { ...item, verified, unverified });
        flagged.delete(id);
      } else {
        flagged.set(id, { ...item, verified, unverified });
        problems.push(`${id}: ${unverified.map((e) => `"${e.quote.slice(0, 80)}" is not in the chatbot's reply of turn ${e.turn}`).join('; ')}; copy quotes exactly from that reply, or give none`);
      }
    }
    if (answered.size === criteria.length) break;
    messages.push({ role: 'assistant', content: completion.text });
  }
  return criteria.map((c): Score => {
    const item = answered.get(c.id) ?? flagged.get(c.id);
    const base = { rubric: c.rubric, criterion: c.id, judge: model.id, critical: c.critical };
    if (!item) {
      const mine = problems.filter((p) => p.startsWith(`${c.id}:`) || !criteria.some((o) => p.startsWith(`${o.id}:`)));
      return { ...base, status: 'error', score: null, rationale: 'the judge gave no valid answer', evidence: [], error: `no valid answer after ${attempts} attempts: ${mine.join('; ') || 'unknown'}` };
    }
    const { unverified } = item;
    return {
      ...base,
      status: 'scored',
      score: item.level,
      passed: passes(item.level) && unverified.length === 0,
      rationale: unverified.length > 0 ? `${unverified.length} quote(s) not found in the turn named: flagged for review, not counted. ${item.rationale}` : item.rationale,
      evidence: item.verified,
      ...(unverified.length > 0 ? { unverified } : {}),
    };
  });
}

/** Words the bot addressed to the evaluator are shown to the reviewer beside every score of the conversation. */
function withDirected(score: Score, conversation: JudgedConversation): Score {
  if (conversation.directed.length === 0) return score;
  const turns = [...new Set(conversation.directed.map((d) => d.turn))].join(', ');
  return {
    ...score,
    rationale: `${score.rationale} (Reply ${turns} addressed the evaluator; those words were removed before judging.)`,
    evidence: [...score.evidence, ...conversation.directed.map(({ turn, quote }) => ({ turn, quote }))],
  };
}
