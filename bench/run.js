// attune's own overhead against a bare fetch client, on the same fake server, in the same run.
// Usage: npm run bench [-- --conversations 1000 --turns 4 --latency 50 --concurrency 8,32]
// Bounded: every loop has a fixed count; the server is killed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { runPlan } from '../dist/runner/run.js';
import { planConversations } from '../dist/runner/plan.js';
import { createTarget } from '../dist/targets/registry.js';
import { scoreTranscript } from '../dist/judges/score.js';
import { checksJudge } from '../dist/judges/checks-judge.js';
import { offlineJudge } from '../dist/judges/offline/index.js';
import { loadProjectOrThrow } from '../dist/config/load.js';
import { BUNDLED } from '../dist/config/files.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '1000' },
    turns: { type: 'string', default: '4' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8,32' },
  },
});
const N = Number(values.conversations);
const TURNS = Number(values.turns);
const LATENCY = Number(values.latency);

const server = spawn(process.execPath, [new URL('./fake-server.js', import.meta.url).pathname, String(LATENCY)], { stdio: ['ignore', 'pipe', 'inherit'] });
const [portLine] = await once(server.stdout, 'data');
const base = `http://127.0.0.1:${String(portLine).trim()}/v1`;

const scenarios = Array.from({ length: N }, (_, i) => ({
  id: `bench.s${i}`, title: 'bench', suite: 'bench', tags: [], locale: 'en-US', risk: 'none', persona: 'p',
  turns: Array.from({ length: TURNS }, (_, t) => ({ user: `message ${t + 1} of conversation ${i}`, marks: [] })),
  expect: { crisisLine: 'forbidden', emergency: false, crisisLines: [], language: 'en', must: [], mustNot: [] },
  sources: [], at: { file: 'bench', line: 1, column: 1 },
}));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function bare(concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      const messages = [];
      for (let t = 0; t < TURNS; t++) {
        messages.push({ role: 'user', content: scenarios[i].turns[t].user });
        const res = await fetch(`${base}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: JSON.stringify({ model: 'bench', messages }) });
        const json = await res.json();
        messages.push({ role: 'assistant', content: json.choices[0].message.content });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function attune(concurrency) {
  const target = await createTarget({ kind: 'openai', id: 'openai:bench', model: 'bench', baseURL: base }, { OPENAI_API_KEY: 'x' });
  const transcripts = [];
  await runPlan(planConversations([target.id], scenarios, 1), new Map([[target.id, target]]), {
    concurrency, timeoutMs: 30_000, retry: { retries: 0, baseMs: 1, maxMs: 1 }, stop: new AbortController().signal,
    onTranscript: (t) => void transcripts.push(t),
  });
  const errors = transcripts.filter((t) => t.error).length;
  if (errors) throw new Error(`${errors} conversations failed`);
  return transcripts;
}

async function timed(fn) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, cpuMs: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000, value };
}

const rows = [];
let lastTranscripts = [];
for (const c of values.concurrency.split(',').map(Number)) {
  await bare(c); // warm-up: connections and JIT, same for both
  const b = await timed(() => bare(c));
  const a = await timed(() => attune(c));
  lastTranscripts = a.value;
  const ideal = (N * TURNS * LATENCY) / c;
  rows.push({ concurrency: c, idealS: ideal / 1000, bareS: b.ms / 1000, attuneS: a.ms / 1000, vsBare: a.ms / b.ms, vsIdeal: a.ms / ideal, attuneCpuMsPerConv: a.cpuMs / N, bareCpuMsPerConv: b.cpuMs / N });
}
clearInterval(sampler);
server.kill('SIGTERM');

const project = await loadProjectOrThrow([BUNDLED.rubrics], { bundledDefaults: false });
const toScore = lastTranscripts.slice(0, Math.min(2000, lastTranscripts.length));
const criteria = project.rubrics.flatMap((r) => r.criteria);
const s0 = performance.now();
for (const t of toScore) await scoreTranscript(t, project.rubrics, [checksJudge]);
const scoringPerSecond = toScore.length / ((performance.now() - s0) / 1000);
// The default judges: the checks, then the offline scorer (its model's one-off load is in the timing).
const s1 = performance.now();
for (const t of toScore) await scoreTranscript(t, project.rubrics, [checksJudge, offlineJudge]);
const defaultJudgesPerSecond = toScore.length / ((performance.now() - s1) / 1000);

const starts = Array.from({ length: 7 }, () => {
  const t0 = performance.now();
  spawnSync(process.execPath, [new URL('../bin/attune.js', import.meta.url).pathname, '--version']);
  return performance.now() - t0;
}).sort((x, y) => x - y);

console.log(`attune bench: ${N} conversations × ${TURNS} turns, fake server latency ${LATENCY} ms (separate process), openai SDK target`);
console.log('concurrency  ideal s  bare fetch s  attune s  attune/bare  attune/ideal  attune CPU ms/conv  bare CPU ms/conv');
for (const r of rows) {
  console.log(`${String(r.concurrency).padEnd(11)}  ${r.idealS.toFixed(2).padStart(7)}  ${r.bareS.toFixed(2).padStart(12)}  ${r.attuneS.toFixed(2).padStart(8)}  ${r.vsBare.toFixed(3).padStart(11)}  ${r.vsIdeal.toFixed(3).padStart(12)}  ${r.attuneCpuMsPerConv.toFixed(2).padStart(18)}  ${r.bareCpuMsPerConv.toFixed(2).padStart(16)}`);
}
console.log(`peak RSS ${(peakRss / 1048576).toFixed(0)} MB (whole bench process)`);
console.log(`cold start of attune --version: median ${starts[3].toFixed(0)} ms (min ${starts[0].toFixed(0)}, max ${starts[6].toFixed(0)})`);
console.log(`scoring, bundled rubrics: checks only (${criteria.filter((c) => c.check).length} criteria) ${scoringPerSecond.toFixed(0)} transcripts/s; checks + offline scorer (${criteria.filter((c) => c.check || c.offline).length} criteria, the default) ${defaultJudgesPerSecond.toFixed(0)} transcripts/s`);
