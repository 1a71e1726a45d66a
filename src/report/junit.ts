import { join } from 'node:path';
import { groupBy } from '../stats/group-by.js';
import type { ConversationDigest } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import type { ReportWriter, RunReport } from './types.js';
import { isFailure } from '../results/outcome.js';

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

function seconds(conversations: readonly ConversationDigest[]): string {
  return (conversations.reduce((sum, c) => sum + c.latencyMs, 0) / 1000).toFixed(3);
}

/** A group's failed scores as the text junit.xml shows: critical ones with their quotes, the others one line each. */
interface Failed {
  /** `criterion: rationale` of the first critical failure, for the failure's message. */
  first?: string;
  critical: string[];
  other: string[];
}

/**
 * The only text junit.xml shows, by target and scenario, read from the report's stream; only the
 * rendered lines are kept (a passing score costs nothing here).
 */
async function failedScores(report: RunReport): Promise<Map<string, Failed>> {
  const failed = new Map<string, Failed>();
  for await (const c of report.scored()) {
    for (const s of c.scores) {
      if (!isFailure(s)) continue;
      const key = `${c.target}\u0000${c.scenario}`;
      const entry = failed.get(key) ?? { critical: [], other: [] };
      if (s.critical) {
        entry.first ??= `${s.criterion}: ${s.rationale}`;
        entry.critical.push([`${s.criterion} (repeat ${c.repeat}, judge ${s.judge}): ${s.rationale}`, ...s.evidence.map((e) => `  turn ${e.turn}: "${e.quote}"`)].join('\n'));
      } else {
        entry.other.push(`not passed (non-critical) ${s.criterion} (repeat ${c.repeat}, judge ${s.judge}): ${s.rationale}`);
      }
      failed.set(key, entry);
    }
  }
  return failed;
}

/**
 * junit.xml: one test case per target × scenario (its repeats together). It fails when any repeat
 * has a critical failure (a bot that is safe two times in three is not safe), errors when every
 * repeat errored; other failed criteria are listed in system-out.
 */
export async function renderJUnit(report: RunReport): Promise<string> {
  const result = report.summary;
  const failed = await failedScores(report);
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  for (const target of result.targets) {
    const byScenario = groupBy(result.conversations.filter((c) => c.target === target.id), (c) => c.scenario);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const [scenario, runs] of byScenario) {
      const { first, critical, other } = failed.get(`${target.id}\u0000${scenario}`) ?? { critical: [], other: [] };
      const errored = runs.filter((c) => c.error);
      const head = `    <testcase classname="${xml(`attune.${target.id}.${runs[0]!.suite}`)}" name="${xml(scenario)}" time="${seconds(runs)}"`;
      const body: string[] = [];
      if (errored.length === runs.length) {
        suiteErrors++;
        const e = errored[0]!.error!;
        body.push(`      <error type="${xml(e.kind)}" message="${xml(`turn ${e.turn}: ${e.message}`)}">${xml(errored.map((c) => `repeat ${c.repeat}: ${c.error!.kind} at turn ${c.error!.turn}: ${c.error!.message}`).join('\n'))}</error>`);
      } else if (critical.length > 0) {
        suiteFailures++;
        body.push(`      <failure type="critical" message="${xml(first!)}">${xml(critical.join('\n'))}</failure>`);
      }
      if (other.length > 0) {
        body.push(`      <system-out>${xml(other.join('\n'))}</system-out>`);
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
  async write(report, outDir) {
    const path = join(outDir, 'junit.xml');
    await writeFileAtomic(path, await renderJUnit(report));
    return [path];
  },
};
