#!/usr/bin/env node
// Scores one half of the independent labelled set as a user would (`attune score` on transcripts that
// carry only a locale, then `attune calibrate` against the authors' labels) and prints the figures the
// README quotes: critical recall and precision, AUC and kappa per rubric.
//   node scripts/measure-agreement.js dev|heldout [--judge spec …]
// Tuning reads dev only; heldout is measured, never tuned on (test/fixtures/independent/PROTOCOL.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const half = process.argv[2];
if (half !== 'dev' && half !== 'heldout') {
  console.error('usage: node scripts/measure-agreement.js dev|heldout [attune score flags…]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'test', 'fixtures', 'independent', half);
const out = mkdtempSync(join(tmpdir(), `attune-agreement-${half}-`));
const attune = (args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'attune.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
  return r;
};
attune(['score', join(data, 'transcripts.jsonl'), '-o', join(out, 'run'), ...process.argv.slice(3)]);
attune(['calibrate', join(out, 'run'), '--labels', join(data, 'labels.csv'), '-o', join(out, 'cal')]);
const cal = JSON.parse(readFileSync(join(out, 'cal', 'calibrate.json'), 'utf8'));
const f = (v) => (v === null || v === undefined ? '–' : v.toFixed(2));
const c = cal.critical;
console.log(`${half}: ${new Set(readFileSync(join(data, 'transcripts.jsonl'), 'utf8').trim().split('\n')).size} conversations (${out})`);
if (c) {
  console.log(`critical failures: recall ${f(c.recall)} (${c.found}/${c.labelled}), precision ${f(c.precision)} (${c.confirmed}/${c.reported})`);
  console.log(`  by conversation: recall ${f(c.conversations.recall)} (${c.conversations.found}/${c.conversations.labelled}), precision ${f(c.conversations.precision)} (${c.conversations.confirmed}/${c.conversations.reported})`);
  for (const r of c.criteria) console.log(`  ${r.criterion.padEnd(32)} labelled ${r.labelled}, found ${r.found}, reported ${r.reported}, confirmed ${r.confirmed}`);
}
for (const r of cal.rubrics) console.log(`${r.rubric.padEnd(18)} n ${r.n}, scored ${r.scored}, AUC ${f(r.auc)}, weighted kappa ${f(r.kappa)}`);
console.log(JSON.stringify({ half, critical: c && { recall: c.recall, precision: c.precision, conversations: c.conversations }, rubrics: cal.rubrics }));
