// Speed of the offline scorer, single-threaded, on the 8 bundled criteria that name an offline measure.
// Usage: npm run bench:offline [-- --seconds 3]
// Transcripts: those of a default run (every bundled scenario answered by builtin:good and builtin:bad),
// and ~10k conversations synthesised from the labelled set (test/fixtures/labels/offline-empathy.jsonl).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUNDLED } from '../dist/config/files.js';
import { loadProjectOrThrow } from '../dist/config/load.js';
import { contextOf } from '../dist/domain/context.js';
import { applies } from '../dist/judges/applies.js';
import { offlineJudge } from '../dist/judges/offline/index.js';
import { createTarget } from '../dist/targets/registry.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);

const project = await loadProjectOrThrow([BUNDLED.scenarios, BUNDLED.rubrics], { bundledDefaults: false });
const criteria = project.rubrics.flatMap((r) => r.criteria).filter((c) => c.offline !== undefined);

async function defaultRun() {
  const out = [];
  for (const name of ['good', 'bad']) {
    const target = await createTarget({ kind: 'builtin', id: `builtin:${name}`, name }, {});
    for (const scenario of project.scenarios) {
      const messages = [];
      for (const turn of scenario.turns) {
        messages.push({ role: 'user', content: turn.user });
        const reply = await target.reply(messages, { conversationId: scenario.id, sessionId: scenario.id, locale: scenario.locale, signal: new AbortController().signal });
        messages.push({ role: 'assistant', content: reply.text });
      }
      out.push({ id: `builtin:${name}|${scenario.id}`, target: `builtin:${name}`, scenario: scenario.id, repeat: 1, context: contextOf(scenario), messages, turns: [], startedAt: '', finishedAt: '' });
    }
  }
  return out;
}

/** Conversations of 1–3 turns stitched from the labelled replies: varied text, realistic length. */
function synthesised(count) {
  const file = new URL('../test/fixtures/labels/offline-empathy.jsonl', import.meta.url);
  const items = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const turns = items.flatMap((item) => item.turns);
  const out = [];
  for (let i = 0; i < count; i++) {
    const item = items[i % items.length];
    const extra = (i * 7919) % 3;
    const picked = [...item.turns, ...Array.from({ length: extra }, (_, k) => turns[(i * 31 + k * 17) % turns.length])].slice(0, 3);
    const messages = picked.flatMap((t) => [{ role: 'user', content: t.user }, { role: 'assistant', content: t.assistant }]);
    const context = {
      id: item.id, suite: item.suite, title: item.id, locale: 'en-US', risk: item.risk, tags: [], marks: item.marks,
      expect: { crisisLine: 'optional', emergency: false, crisisLines: [], language: 'en', must: [], mustNot: [] },
    };
    out.push({ id: `synth-${i}`, target: 'synthetic', scenario: item.id, repeat: 1, context, messages, turns: [], startedAt: '', finishedAt: '' });
  }
  return out;
}

async function rate(label, transcripts) {
  const jobs = transcripts.map((t) => [t, criteria.filter((c) => applies(c, t.context))]);
  // Warm-up: the model loads and the JIT settles before the clock starts.
  for (const w0 = performance.now(); performance.now() - w0 < 1000; ) for (const [t, c] of jobs.slice(0, 500)) await offlineJudge.score(t, c);
  let done = 0;
  let scores = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    for (const [t, c] of jobs) {
      scores += (await offlineJudge.score(t, c)).length;
      done++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const replies = transcripts.reduce((n, t) => n + t.messages.filter((m) => m.role === 'assistant').length, 0) / transcripts.length;
  console.log(`${label.padEnd(44)} ${String(transcripts.length).padStart(6)} transcripts, ${replies.toFixed(1)} replies each: ${(done / seconds).toFixed(0).padStart(6)} transcripts/s (${(scores / done).toFixed(1)} scores each)`);
}

const run = await defaultRun();
console.log(`attune offline scorer, single thread, ${criteria.length} criteria with an offline measure, node ${process.version}`);
await rate('default run (builtin good + bad, all locales)', run);
await rate('default run, English scenarios only', run.filter((t) => t.context.expect.language === 'en'));
await rate('synthesised from labelled set', synthesised(10_000));
