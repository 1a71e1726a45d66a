import { BUNDLED } from '../../config/files.js';
import { loadProjectOrThrow } from '../../config/load.js';
import { RISK_LEVELS, type Scenario } from '../../types.js';
import type { Io } from '../io.js';

function countBy(scenarios: readonly Scenario[], key: (s: Scenario) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of scenarios) out[key(s)] = (out[key(s)] ?? 0) + 1;
  return out;
}

/** Suites and scenarios with counts by suite, locale and risk level. */
export async function listCommand(paths: string[], options: { format: 'text' | 'json' }, io: Io): Promise<number> {
  const project = await loadProjectOrThrow(paths.length > 0 ? paths : [BUNDLED.scenarios], { bundledDefaults: true });
  const scenarios = project.scenarios;
  const bySuite = countBy(scenarios, (s) => s.suite);
  const byLocale = countBy(scenarios, (s) => s.locale);
  const byRisk = Object.fromEntries(RISK_LEVELS.map((r) => [r, scenarios.filter((s) => s.risk === r).length]));
  if (options.format === 'json') {
    const list = scenarios.map((s) => ({ id: s.id, suite: s.suite, title: s.title, locale: s.locale, risk: s.risk, tags: s.tags, turns: s.turns.length, ...(s.simulate ? { simulatedTurns: s.simulate.maxTurns } : {}) }));
    io.stdout(`${JSON.stringify({ total: scenarios.length, bySuite, byLocale, byRisk, scenarios: list }, null, 2)}\n`);
    return 0;
  }
  for (const suite of project.suites) {
    const own = scenarios.filter((s) => s.suite === suite.id);
    io.stdout(`\n${suite.id}: ${suite.title} (${own.length})\n`);
    const width = Math.max(...own.map((s) => s.id.length));
    for (const s of own) io.stdout(`  ${s.id.padEnd(width)}  ${s.locale}  ${s.risk.padEnd(8)}  ${turnsOf(s)}  ${s.title}\n`);
  }
  const line = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(' · ');
  io.stdout(`\n${scenarios.length} scenarios\n  by suite:  ${line(bySuite)}\n  by locale: ${line(byLocale)}\n  by risk:   ${line(byRisk)}\n`);
  return 0;
}

/** `3 turns`, or for a simulated user `≤6 simulated` (with its scripted fallback, `3 turns / ≤6 simulated`). */
function turnsOf(s: Scenario): string {
  const scripted = s.turns.length > 0 ? `${s.turns.length} turns` : '';
  const simulated = s.simulate ? `≤${s.simulate.maxTurns} simulated` : '';
  return [scripted, simulated].filter(Boolean).join(' / ');
}
