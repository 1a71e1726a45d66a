#!/usr/bin/env node
// Scores one half of the independent labelled set as a user would (`attune score` on transcripts that
// carry only a locale, then `attune calibrate` against the authors' labels) and prints the figures the
// README quotes: critical recall and precision, AUC and kappa per rubric.
//   node scripts/measure-agreement.js dev|heldout [--write] [--json] [--lang xx] [--judge spec …]
// --lang xx (dev only) keeps the conversations whose locale is in language xx (es, pt, fr, de, ja, en),
// to see what one language's phrase list does.
// --write (heldout only) records the figures in src/judges/measured-agreement.ts, which the judges'
// judgeInfo and the README quote; test/agreement-drift.test.ts fails when the scorer drifts from them.
// --json prints only the figures as JSON.
// Tuning reads dev only; heldout is measured, never tuned on (test/fixtures/independent/PROTOCOL.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const half = process.argv[2];
if (half !== 'dev' && half !== 'heldout') {
  console.error('usage: node scripts/measure-agreement.js dev|heldout [attune score flags…]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), `attune-agreement-${half}-`));
const argv = process.argv.slice(3);
const langAt = argv.indexOf('--lang');
const lang = langAt >= 0 ? argv.splice(langAt, 2)[1] : undefined;
if (lang !== undefined && (half !== 'dev' || !/^[a-z]{2}$/.test(lang))) {
  console.error('--lang takes a two-letter language and reads the development half only: node scripts/measure-agreement.js dev --lang es');
  process.exit(2);
}
const data = lang === undefined ? join(root, 'test', 'fixtures', 'independent', half) : languageSubset(join(root, 'test', 'fixtures', 'independent', half), lang);

/** The half's conversations in one language, and their labels, in a folder of their own. */
function languageSubset(dir, language) {
  const lines = readFileSync(join(dir, 'transcripts.jsonl'), 'utf8').trim().split('\n')
    .filter((line) => (JSON.parse(line).context?.locale ?? '').split('-')[0] === language);
  if (lines.length === 0) {
    console.error(`no conversation of the ${half} half has a ${language} locale`);
    process.exit(2);
  }
  const ids = new Set(lines.map((line) => JSON.parse(line).id));
  const [header, ...rows] = readFileSync(join(dir, 'labels.csv'), 'utf8').trim().split('\n');
  const subset = join(out, `set-${language}`);
  mkdirSync(subset);
  writeFileSync(join(subset, 'transcripts.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(subset, 'labels.csv'), `${[header, ...rows.filter((row) => ids.has(row.split(',')[0]))].join('\n')}\n`);
  return subset;
}
const attune = (args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'attune.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 3);
  }
  return r;
};
const flags = argv;
const write = flags.includes('--write');
const asJson = flags.includes('--json');
const scoreFlags = flags.filter((f) => f !== '--write' && f !== '--json');
if (write && (half !== 'heldout' || scoreFlags.length > 0)) {
  console.error('--write records the default scoring on the held-back half: node scripts/measure-agreement.js heldout --write');
  process.exit(2);
}
attune(['score', join(data, 'transcripts.jsonl'), '-o', join(out, 'run'), ...scoreFlags]);
attune(['calibrate', join(out, 'run'), '--labels', join(data, 'labels.csv'), '-o', join(out, 'cal')]);
const cal = JSON.parse(readFileSync(join(out, 'cal', 'calibrate.json'), 'utf8'));
const conversations = readFileSync(join(data, 'transcripts.jsonl'), 'utf8').trim().split('\n').length;
const round = (v) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000);
const c = cal.critical;
const figures = {
  set: `test/fixtures/independent/${half}${lang === undefined ? '' : ` (${lang} only)`}`,
  conversations,
  labels: cal.labels,
  critical: c && { labelled: c.labelled, found: c.found, reported: c.reported, confirmed: c.confirmed, recall: round(c.recall), precision: round(c.precision),
    conversations: { labelled: c.conversations.labelled, found: c.conversations.found, reported: c.conversations.reported, confirmed: c.conversations.confirmed, recall: round(c.conversations.recall), precision: round(c.conversations.precision) },
    criteria: c.criteria },
  rubrics: cal.rubrics.map((r) => ({ rubric: r.rubric, n: r.n, scored: r.scored, auc: round(r.auc), kappa: round(r.kappa) })),
  judges: cal.judges.map((j) => ({ judge: j.judge, n: j.n, kappa: round(j.kappa), criteria: j.criteria.map((x) => ({ criterion: x.criterion, n: x.n, kappa: round(x.kappa) })) })),
};
if (write) {
  const header = '// Written by `node scripts/measure-agreement.js heldout --write`: the default scoring (checks and the offline\n' +
    '// scorer) against the held-back half of the independent labelled set. Do not edit by hand;\n' +
    '// test/agreement-drift.test.ts fails when the scorer no longer gives these figures.\n';
  writeFileSync(join(root, 'src', 'judges', 'measured-agreement.ts'), `${header}export const MEASURED_AGREEMENT = ${JSON.stringify(figures, null, 2)} as const;\n`);
}
if (asJson) {
  console.log(JSON.stringify(figures));
  process.exit(0);
}
const f = (v) => (v === null || v === undefined ? '–' : v.toFixed(2));
console.log(`${half}: ${conversations} conversations (${out})`);
if (c) {
  console.log(`critical failures: recall ${f(c.recall)} (${c.found}/${c.labelled}), precision ${f(c.precision)} (${c.confirmed}/${c.reported})`);
  console.log(`  by conversation: recall ${f(c.conversations.recall)} (${c.conversations.found}/${c.conversations.labelled}), precision ${f(c.conversations.precision)} (${c.conversations.confirmed}/${c.conversations.reported})`);
  for (const r of c.criteria) console.log(`  ${r.criterion.padEnd(32)} labelled ${r.labelled}, found ${r.found}, reported ${r.reported}, confirmed ${r.confirmed}`);
}
for (const r of cal.rubrics) console.log(`${r.rubric.padEnd(18)} n ${r.n}, scored ${r.scored}, AUC ${f(r.auc)}, weighted kappa ${f(r.kappa)}`);
for (const j of cal.judges) console.log(`judge ${j.judge.padEnd(12)} n ${j.n}, weighted kappa ${f(j.kappa)}; weakest: ${j.criteria.slice(0, 3).map((x) => `${x.criterion} ${f(x.kappa)} (n ${x.n})`).join(', ')}`);
