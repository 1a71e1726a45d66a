#!/usr/bin/env node
// Checks a results.json against schemas/results.schema.json and that every evidence quote occurs in
// the reply it names. Used by .ci/run; usable by anyone who builds on results.json.
import { readFileSync } from 'node:fs';
import { validatorFor } from '../dist/config/schema-issues.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-results.js <results.json>');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8'));
const validate = validatorFor('results');
if (!validate(result)) {
  for (const error of validate.errors ?? []) console.error(`${file} ${error.instancePath || '/'}: ${error.message}`);
  process.exit(1);
}
const squash = (text) => text.replace(/\s+/g, ' ');
let quotes = 0;
for (const conversation of result.conversations) {
  // Turn N is the reply to the N-th user message; a greeting before any user message is turn 0.
  const replies = [];
  let userTurns = 0;
  for (const m of conversation.messages) {
    if (m.role === 'user') userTurns++;
    else if (m.role === 'assistant') replies[userTurns] = `${replies[userTurns] ?? ''} ${m.content}`;
  }
  for (const score of conversation.scores) {
    for (const { turn, quote } of score.evidence) {
      quotes++;
      if (!squash(replies[turn] ?? '').includes(squash(quote))) {
        console.error(`${file}: ${conversation.id} ${score.criterion}: quote not found in reply ${turn}: ${quote}`);
        process.exit(1);
      }
    }
  }
}
console.log(`ok: ${file} matches schemaVersion ${result.schemaVersion}; ${result.conversations.length} conversations, ${quotes} evidence quotes all found in their replies`);
