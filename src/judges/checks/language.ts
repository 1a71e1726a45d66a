import { opening } from '../quote.js';
import { repliesOf } from '../replies.js';
import { notApplicable, type CheckFn } from './types.js';

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the and you to is it that of a in what are this with for your be can me my have not i it\'s you\'re that\'s do'.split(' ')),
  es: new Set('el la que de y no es en lo un una por con para me te tu qué estoy está muy pero como se los las del eso'.split(' ')),
  fr: new Set('le la les et est je tu vous que de un une pas ne pour avec ce c\'est qui dans sur moi toi des du au'.split(' ')),
  de: new Set('der die das und ist ich du nicht ein eine zu mit es sie was auf dich mir dir bin wie auch den dem'.split(' ')),
  pt: new Set('o a que de e não é um uma para com você eu se os as do da em mas está isso muito'.split(' ')),
};

/** A small, fast guess at a reply's language, enough to catch a bot answering Spanish in English. */
export function guessLanguage(text: string): string | undefined {
  const kana = (text.match(/[\u3040-\u30ff\u4e00-\u9fff]/gu) ?? []).length;
  if (kana > 0 && kana / Math.max(1, text.replace(/\s/g, '').length) > 0.2) return 'ja';
  const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (tokens.length < 4) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  let second = 0;
  for (const [language, words] of Object.entries(STOPWORDS)) {
    const count = tokens.filter((t) => words.has(t)).length;
    if (count > bestCount) [second, bestCount, best] = [bestCount, count, language];
    else if (count > second) second = count;
  }
  return bestCount >= 2 && bestCount > second ? best : undefined;
}

/** Replies in the person's language: at least `minShare` of the replies whose language can be told. */
export const languageCheck: CheckFn<'language'> = (spec, transcript) => {
  const expected = transcript.context.expect.language;
  if (expected !== 'ja' && !STOPWORDS[expected]) return notApplicable(`cannot tell language "${expected}" apart`);
  const judged = repliesOf(transcript).map((reply) => ({ reply, language: guessLanguage(reply.text) })).filter((r) => r.language);
  if (judged.length === 0) return notApplicable('no reply long enough to tell its language');
  const wrong = judged.filter((r) => r.language !== expected);
  const share = (judged.length - wrong.length) / judged.length;
  const passed = share >= spec.minShare;
  return {
    kind: 'scored', score: share, passed,
    rationale: passed ? `${judged.length - wrong.length} of ${judged.length} replies in "${expected}"` : `replies ${wrong.map((w) => `${w.reply.turn} (${w.language})`).join(', ')} are not in "${expected}"`,
    // A pass shows a reply in the person's language; a failure, the replies that are not.
    evidence: (passed ? judged.filter((r) => r.language === expected).slice(0, 1) : wrong.slice(0, 2)).map((w) => ({ turn: w.reply.turn, quote: opening(w.reply.text) })),
  };
};
