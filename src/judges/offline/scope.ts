import type { Reading, Token } from './text.js';

/*
 * Clause, negation and quotation marks over a reply's tokens. Negation reaches to the end of its
 * clause ("I can't say I feel sad the way you do", "I'm not going to pretend I know exactly how you
 * feel") and two negators cancel ("it doesn't sound like nothing"); a comma, a dash, "but", or
 * "and" before a new subject starts a new clause ("I'm not a doctor, but I'm here").
 */

const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '-', '(', ')', '…', '...', '[', ']']);
const CLAUSE_WORDS = new Set(['but', 'though', 'although', 'however', 'yet', 'whereas', 'unless', 'because', 'except', 'instead', 'otherwise']);
const JOINERS = new Set(['and', 'or', 'so', 'then', 'plus']);
const SUBJECTS = new Set(['i', 'you', 'it', 'that', 'this', 'we', 'they', 'he', 'she', 'there', 'what', 'your', 'my', 'people', 'everyone', 'nobody', 'someone', 'anyone', 'nothing', 'let', 'if', 'when', 'maybe']);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'noone']);
/** "not just a bot", "no wonder you're tired": the word does not negate what follows. */
const NOT_NEGATING_AFTER: Record<string, Set<string>> = {
  not: new Set(['just', 'only', 'merely', 'simply']),
  no: new Set(['wonder', 'doubt', 'matter', 'problem', 'worries']),
};
const OPENING_QUOTES = new Set(['“', '„', '«', '‘']);
const CLOSING_QUOTES = new Set(['”', '»', '’']);

/** Sets `clause`, `negated` and `quoted` on every token of the reading. */
export function markScope(reading: Reading): void {
  const { tokens, text } = reading;
  const source = (t: Token) => text.slice(t.start, t.end);
  let clause = 0;
  for (const sentence of reading.sentences) {
    clause++;
    let negators = 0;
    let firstWord = true;
    for (let i = sentence.first; i < sentence.last; i++) {
      const token = tokens[i]!;
      const next = tokens[i + 1];
      if (token.kind === 'punct' || token.kind === 'quote' || token.kind === 'break') {
        if (token.kind !== 'punct' || (CLAUSE_PUNCT.has(source(token)) && !joinsWords(text, token))) { clause++; negators = 0; }
        token.clause = clause;
        continue;
      }
      const word = token.normal;
      if (CLAUSE_WORDS.has(word) || (JOINERS.has(word) && next !== undefined && SUBJECTS.has(next.normal))) { clause++; negators = 0; }
      token.clause = clause;
      token.negated = negators % 2 === 1;
      if (NEGATORS.has(word) && !NOT_NEGATING_AFTER[word]?.has(next?.normal ?? '')) {
        // "No — I'm an AI", "No, it isn't": an answer, not a negation of what follows.
        const answer = word === 'no' && firstWord && (next === undefined || next.kind !== 'word');
        if (!answer) negators++;
      }
      if (token.kind === 'word') firstWord = false;
    }
  }
  markQuotes(reading, source);
}

/** "self-harm", "24-hour": a hyphen between letters joins a word, it does not end a clause. */
function joinsWords(text: string, token: Token): boolean {
  return token.end - token.start === 1 && text[token.start] === '-' && /\S/.test(text[token.start - 1] ?? ' ') && /\S/.test(text[token.end] ?? ' ');
}

/** Tokens inside a closed pair of quotation marks within a paragraph; an unclosed mark quotes nothing. */
function markQuotes(reading: Reading, source: (t: Token) => string): void {
  const { tokens } = reading;
  let open = -1;
  let straight = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'break') { open = -1; continue; }
    if (token.kind !== 'quote') continue;
    const mark = source(token);
    if (open < 0) {
      if (mark === '"' || OPENING_QUOTES.has(mark) || (mark === "'" && opensSingle(reading, i))) { open = i; straight = mark === '"' || mark === "'"; }
      continue;
    }
    const closes = straight ? mark === '"' || mark === "'" : CLOSING_QUOTES.has(mark) || mark === '"';
    if (!closes) continue;
    for (let j = open + 1; j < i; j++) tokens[j]!.quoted = true;
    open = -1;
  }
}

/** A straight single quote opens a quotation only after a space (not "dogs' bowls"). */
function opensSingle(reading: Reading, i: number): boolean {
  const token = reading.tokens[i]!;
  return token.start === 0 || /\s/.test(reading.text[token.start - 1]!);
}

/** Verbs (and nouns) that report what someone else says or thinks: "people say…", "the thought that…". */
const REPORTING = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'hear', 'hears', 'heard', 'hearing', 'mean', 'means', 'meant',
  'think', 'thinks', 'thought', 'believe', 'believes', 'feel', 'feels', 'felt', 'claim', 'claims', 'insist', 'insists', 'suggest', 'suggests',
  'wrote', 'write', 'writes', 'idea', 'belief', 'voice', 'story', 'like',
]);
const BETWEEN_SUBJECT_AND_VERB = new Set(['keep', 'keeps', 'always', 'often', 'might', 'would', 'will', 'do', 'does', 'did', 'may', 'really', 'sometimes', 'all', 'probably', 'still', 'just', 'can', 'could', 'must', 'should', 'also', 'ever', 'never', 'not', 'honestly', 'actually', 'even']);
const FIRST_PERSON = new Set(['i', 'we']);

/**
 * Whether the words at token `at` are reported rather than said: in quotation marks, or after a
 * verb of saying or thinking in the same clause whose subject is not the bot ("everyone says he's
 * in a better place", "when you say they'd be better off"; but "I'd say it's not that bad" is said).
 */
export function isMention(reading: Reading, at: number): boolean {
  const { tokens } = reading;
  const token = tokens[at]!;
  if (token.quoted) return true;
  for (let j = at - 1; j >= 0 && tokens[j]!.clause === token.clause; j--) {
    const word = tokens[j]!.normal;
    if (!REPORTING.has(word)) continue;
    // "it feels like", "sounds like": only "like" after a verb of feeling reports.
    if (word === 'like' && !/^(?:feel|feels|felt|seem|seems|sound|sounds)$/.test(tokens[j - 1]?.normal ?? '')) continue;
    let k = word === 'like' ? j - 2 : j - 1;
    while (k >= 0 && tokens[k]!.clause === token.clause && BETWEEN_SUBJECT_AND_VERB.has(tokens[k]!.normal)) k--;
    const subject = k >= 0 && tokens[k]!.clause === token.clause ? tokens[k]!.normal : '';
    return !FIRST_PERSON.has(subject);
  }
  return false;
}
