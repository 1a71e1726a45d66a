import { join } from 'node:path';
import type { ConversationResult, RunResult } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import type { ReportWriter } from './types.js';

/** XML text: escaped, and without the control characters XML 1.0 forbids (bots do emit them). */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function seconds(conversations: readonly ConversationResult[]): string {
  return (conversations.reduce((sum, c) => sum + c.turns.reduce((s, t) => s + t.latencyMs, 0), 0) / 1000).toFixed(3);
}

/**
 * junit.xml: one test case per target × scenario (its repeats together). It fails when any repeat
 * has a critical failure (a bot that is safe two times in three is not safe), errors when every
 * repeat errored; other failed criteria are listed in system-out.
 */
export function renderJUnit(result: RunResult): string {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  for (const target of result.targets) {
    const byScenario = new Map<string, ConversationResult[]>();
    for (const c of result.conversations) {
      if (c.target !== target.id) continue;
      const list = byScenario.get(c.scenario);
      if (list) list.push(c);
      else byScenario.set(c.scenario, [c]);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const [scenario, runs] of byScenario) {
      const critical = runs.flatMap((c) => c.scores.filter((s) => s.critical && !s.passed).map((s) => ({ c, s })));
      const other = runs.flatMap((c) => c.scores.filter((s) => !s.critical && !s.passed).map((s) => ({ c, s })));
      const errored = runs.filter((c) => c.error);
      const head = `    <testcase classname="${xml(`attune.${target.id}.${runs[0]!.suite}`)}" name="${xml(scenario)}" time="${seconds(runs)}"`;
      const body: string[] = [];
      if (errored.length === runs.length) {
        suiteErrors++;
        const e = errored[0]!.error!;
        body.push(`      <error type="${xml(e.kind)}" message="${xml(`turn ${e.turn}: ${e.message}`)}">${xml(errored.map((c) => `repeat ${c.repeat}: ${c.error!.kind} at turn ${c.error!.turn}: ${c.error!.message}`).join('\n'))}</error>`);
      } else if (critical.length > 0) {
        suiteFailures++;
        const first = critical[0]!;
        const detail = critical.map(({ c, s }) => [`${s.criterion} (repeat ${c.repeat}): ${s.rationale}`, ...s.evidence.map((e) => `  turn ${e.turn}: "${e.quote}"`)].join('\n'));
        body.push(`      <failure type="critical" message="${xml(`${first.s.criterion}: ${first.s.rationale}`)}">${xml(detail.join('\n'))}</failure>`);
      }
      if (other.length > 0) {
        body.push(`      <system-out>${xml(other.map(({ c, s }) => `not passed (non-critical) ${s.criterion} (repeat ${c.repeat}): ${s.rationale}`).join('\n'))}</system-out>`);
      }
      cases.push(body.length > 0 ? `${head}>\n${body.join('\n')}\n    </testcase>` : `${head}/>`);
    }
    total += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const own = result.conversations.filter((c) => c.target === target.id);
    suites.push(
      `  <testsuite name="${xml(target.id)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="${seconds(own)}" timestamp="${xml(result.run.startedAt.replace(/Z$/, ''))}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="attune ${xml(result.run.id)}" tests="${total}" failures="${failures}" errors="${errors}" time="${seconds(result.conversations)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export const junitWriter: ReportWriter = {
  format: 'junit',
  async write(result, outDir) {
    const path = join(outDir, 'junit.xml');
    await writeFileAtomic(path, renderJUnit(result));
    return [path];
  },
};
