import { opening, quoteAround } from '../quote.js';
import { windowOf } from '../replies.js';
import type { Evidence } from '../../types.js';
import { findAll, patternsFor } from './patterns.js';
import { notApplicable, type CheckFn } from './types.js';

/** Regexes that must (or must not) appear in the assistant replies of a window. */
export const patternCheck: CheckFn<'pattern'> = (spec, transcript) => {
  const language = transcript.context.expect.language;
  const must = patternsFor(spec.mustMatch, language);
  const mustNot = patternsFor(spec.mustNotMatch, language);
  if (!must && !mustNot) return notApplicable(`no patterns for language "${language}"`);
  const window = windowOf(transcript, spec.window);
  if ('skip' in window) return notApplicable(window.skip);
  const evidence: Evidence[] = [];
  const problems: string[] = [];

  if (mustNot) {
    for (const reply of window.replies) {
      for (const hit of findAll(mustNot, reply.text).slice(0, 2)) evidence.push({ turn: reply.turn, quote: quoteAround(reply.text, hit.start, hit.end) });
    }
    if (evidence.length > 0) problems.push(`found what must not appear in reply ${[...new Set(evidence.map((e) => e.turn))].join(', ')}`);
  }
  if (must) {
    const matched = window.replies.map((reply) => ({ reply, hit: findAll(must, reply.text)[0] }));
    const hits = matched.filter((m) => m.hit);
    const missing = matched.filter((m) => !m.hit);
    const ok = spec.require === 'every' ? missing.length === 0 : hits.length > 0;
    if (ok) {
      if (problems.length === 0) {
        const first = hits[0]!;
        return {
          kind: 'scored', score: 1, passed: true,
          rationale: `found what is expected in reply ${hits.map((m) => m.reply.turn).join(', ')}`,
          evidence: [{ turn: first.reply.turn, quote: quoteAround(first.reply.text, first.hit!.start, first.hit!.end) }],
        };
      }
    } else {
      const lacking = spec.require === 'every' ? missing : matched;
      problems.push(`expected phrasing missing from reply ${lacking.map((m) => m.reply.turn).join(', ')}`);
      for (const m of lacking.slice(0, 2)) evidence.push({ turn: m.reply.turn, quote: opening(m.reply.text) });
    }
  }
  if (problems.length === 0) return { kind: 'scored', score: 1, passed: true, rationale: `nothing that must not appear, in ${window.replies.length} replies`, evidence: [] };
  return { kind: 'scored', score: 0, passed: false, rationale: problems.join('; '), evidence: evidence.filter((e) => e.quote.length > 0) };
};
