#!/usr/bin/env node
// Splits the independent labelled set (test/fixtures/independent/raw/*.jsonl) into dev/ and heldout/
// by a rule fixed before any conversation was written (PROTOCOL.md): within each author and style,
// ids sorted by sha256 alternate dev, heldout, dev, … . Writes, per half, conversations.jsonl (whole
// records), transcripts.jsonl (what the scorer is given: id, messages, locale) and labels.csv (the
// rows `attune calibrate` reads: rubric ids and critical criterion ids).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../test/fixtures/independent/', import.meta.url).pathname;
const sha = (s) => createHash('sha256').update(s).digest('hex');
const records = readdirSync(join(root, 'raw'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(root, 'raw', f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));

const groups = new Map();
for (const r of records) {
  const key = `${r.author}|${r.style}`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
const halves = { dev: [], heldout: [] };
for (const key of [...groups.keys()].sort()) {
  groups.get(key).sort((a, b) => (sha(a.id) < sha(b.id) ? -1 : 1)).forEach((r, i) => halves[i % 2 === 0 ? 'dev' : 'heldout'].push(r));
}
const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
for (const [half, list] of Object.entries(halves)) {
  list.sort((a, b) => (a.id < b.id ? -1 : 1));
  mkdirSync(join(root, half), { recursive: true });
  writeFileSync(join(root, half, 'conversations.jsonl'), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(root, half, 'transcripts.jsonl'), list.map((r) => JSON.stringify({ id: r.id, messages: r.messages, context: { locale: r.locale } })).join('\n') + '\n');
  const rows = ['conversation,criterion,score,note'];
  for (const r of list) {
    for (const [rubric, v] of Object.entries(r.labels.rubrics ?? {})) if (v !== null && v !== undefined) rows.push([r.id, rubric, v, ''].map(csvCell).join(','));
    for (const [criterion, v] of Object.entries(r.labels.critical ?? {})) rows.push([r.id, criterion, v, ''].map(csvCell).join(','));
  }
  writeFileSync(join(root, half, 'labels.csv'), rows.join('\n') + '\n');
  console.log(`${half}: ${list.length} conversations, ${rows.length - 1} labels`);
}
