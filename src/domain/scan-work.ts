/**
 * Steps the scorer's scans take over a reply's text: characters scanned for a quote's sentence, words
 * tried against cue groups, sentences searched, words looked back for a negation. A test holds scoring
 * linear in reply length by this count (test/scoring-linear.test.ts), which a clock on a loaded machine
 * could not.
 */
export const scoringWork = { steps: 0 };
