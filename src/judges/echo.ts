import { tokenize } from '../domain/context/tokens.js';
import type { Transcript } from '../types.js';

/*
 * A reply sentence that only turns the person's words back at them ("You feel that nothing matters
 * anymore?", "Tell me more about your mother.") shows neither understanding nor help: the words are
 * theirs. Such a sentence earns no credit for a behaviour a criterion requires (issue: reflection-only
 * replies). Language-independent: content words are the longer folded tokens outside a short list of
 * words any reply may use, in each bundled language.
 */

const FILLER = new Set(`
that this what with your have about feel feeling feels felt sounds sound like just really tell more much some when were there they them then than
does doing done been being into from would could should will want wanting even still also very because anything something nothing everything
you're youre yours yourself right okay sure here hear share sharing mean means said says saying talk talking think thinking know
quoi pour dans avec cela cest sont vous votre tout plus bien peux peut fait faire sens dire parle parler comme quand
para como esta esto estas porque pero cuando puedes sientes sentir siente mucho todo algo nada decir hablar cuentame
eine einen einem einer sich nicht auch noch wenn dass dich dein deine fuhlst fuhlen erzahl mehr etwas nichts alles
voce isso esta muito tudo algo nada quando porque sente sentir conta mais sobre
`.split(/\s+/).filter(Boolean));

function contentWords(text: string): string[] {
  return tokenize(text).words.filter((w) => (/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(w) ? false : w.length >= 4 && !FILLER.has(w)));
}

/** A question, or an invitation to go on ("Tell me more about…"): the forms a reflection-only reply takes. */
const TURNED_BACK = /[?？¿]|^\s*(?:tell me|cu[eé]ntame|dis-moi|raconte|erz[äa]hl|conta-me|me conta)/iu;

/**
 * Whether `sentence` turns `said` back as a question or an invitation, adding no content word of its
 * own ("What made it rough?" adds one and explores). A statement that reflects the feeling in the person's word ("That sounds exhausting.") is not an echo.
 */
export function isEcho(sentence: string, said: string): boolean {
  if (!TURNED_BACK.test(sentence)) return false;
  const own = contentWords(sentence);
  if (own.length === 0) return false;
  const theirs = new Set(contentWords(said).map((w) => w.slice(0, 5)));
  const added = own.filter((w) => !theirs.has(w.slice(0, 5))).length;
  return added === 0;
}

/** The user message each reply answers, by turn (1-based). */
export function userTurns(transcript: Transcript): Map<number, string> {
  const out = new Map<number, string>();
  let turn = 0;
  for (const m of transcript.messages) if (m.role === 'user') out.set(++turn, m.content);
  return out;
}

/** The sentence of `text` around offset `at`. */
export function sentenceAround(text: string, at: number): string {
  const ends = /[.!?。！？\n]/g;
  let start = 0;
  for (const m of text.matchAll(ends)) {
    if (m.index >= at) return text.slice(start, m.index + 1);
    start = m.index + 1;
  }
  return text.slice(start);
}
