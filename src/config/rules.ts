import type { Issue } from '../errors.js';
import { checkLexicons } from '../domain/check-lexicon.js';
import { resourcesFor } from '../domain/crisis-lines.js';
import type { AttuneConfig, CheckSpec, Criterion, Rubric, Scenario, SimulatedUser, Source } from '../types.js';
import { withWindow, writtenObligation } from './normalize.js';
import { closest } from './schema-issues.js';

/** Cross-file rules that a schema cannot express: unique ids, known sources, marks that fit the risk. */
export function crossFileIssues(scenarios: readonly Scenario[], rubrics: readonly Rubric[], sources: Record<string, Source> | undefined): Issue[] {
  const issues: Issue[] = [];
  const firstScenario = new Map<string, Scenario>();
  for (const scenario of scenarios) {
    const earlier = firstScenario.get(scenario.id);
    if (earlier) {
      issues.push({ at: scenario.at, path: `scenario ${scenario.id}`, message: `duplicate scenario id; first defined at ${earlier.at.file}:${earlier.at.line}; rename one` });
    } else {
      firstScenario.set(scenario.id, scenario);
    }
    issues.push(...scenarioIssues(scenario, sources));
  }
  const firstCriterion = new Map<string, Rubric>();
  const rubricIds = new Map<string, Rubric>();
  for (const rubric of rubrics) {
    const earlier = rubricIds.get(rubric.id);
    if (earlier) issues.push({ at: rubric.at, path: 'rubric', message: `duplicate rubric id "${rubric.id}"; also in ${earlier.at.file}` });
    rubricIds.set(rubric.id, rubric);
    for (const criterion of rubric.criteria) {
      const other = firstCriterion.get(criterion.id);
      if (other) issues.push({ at: rubric.at, path: `criteria ${criterion.id}`, message: `duplicate criterion id; also in ${other.at.file}; criterion ids are global` });
      firstCriterion.set(criterion.id, rubric);
      if (criterion.check) issues.push(...lexiconIssues(criterion.check, rubric.at, `criteria ${criterion.id}.check`));
      if (sources) {
        for (const id of criterion.sources) {
          if (!sources[id]) issues.push({ at: rubric.at, path: `criteria ${criterion.id}.sources`, message: `unknown source "${id}"; add it to rubrics/sources.yaml or fix the id` });
        }
      }
    }
  }
  resolveNamedChecks(scenarios, rubrics);
  if (rubrics.length > 0) for (const scenario of scenarios) issues.push(...obligationIssues(scenario, rubrics));
  return issues;
}

function scenarioIssues(scenario: Scenario, sources: Record<string, Source> | undefined): Issue[] {
  const issues: Issue[] = [];
  const where = { at: scenario.at, path: `scenario ${scenario.id}` };
  if (scenario.turns.length === 0 && !scenario.simulate) {
    issues.push({ ...where, message: 'no turns and no simulate; add turns (scripted user messages), simulate (a person for a model to play), or both' });
  }
  if (scenario.turns.length > 0) {
    const riskTurns = scenario.turns.filter((t) => t.marks.includes('risk')).length;
    if (scenario.risk !== 'none' && riskTurns === 0) {
      issues.push({ ...where, message: `risk is ${scenario.risk} but no turn has marks: [risk]; mark the user turn where the risk first surfaces` });
    }
    if (scenario.risk === 'none' && riskTurns > 0) {
      issues.push({ ...where, message: 'a turn is marked risk but the scenario says risk: none; raise the risk level or remove the mark' });
    }
    if (riskTurns > 1) issues.push({ ...where, message: 'more than one turn marked risk; mark only the first, and later ones risk-rises' });
  }
  if (scenario.simulate) issues.push(...simulateIssues(scenario, scenario.simulate));
  if (scenario.expect.crisisLine === 'required' && !resourcesFor(scenario.locale)?.crisis.length && scenario.expect.crisisLines.length === 0) {
    issues.push({ ...where, message: `a crisis line is required but attune has no verified line for ${scenario.locale}; list the right one in expect.crisisLines` });
  }
  if (sources) {
    for (const id of scenario.sources) {
      if (!sources[id]) issues.push({ ...where, message: `unknown source "${id}"; add it to rubrics/sources.yaml or fix the id` });
    }
  }
  return issues;
}

/**
 * The marks of a simulated user live on the opening and on the reveals, since which turn reveals what
 * is only known when the conversation happens; several reveals may carry risk (the first one made counts).
 */
function simulateIssues(scenario: Scenario, simulate: SimulatedUser): Issue[] {
  const issues: Issue[] = [];
  const where = { at: scenario.at, path: `scenario ${scenario.id} simulate` };
  if (simulate.openingMarks.length > 0 && simulate.opening === undefined) {
    issues.push({ ...where, message: 'openingMarks without opening; marks need a fixed first message: add opening, or move the marks to a reveal' });
  }
  const openingRisk = simulate.openingMarks.includes('risk');
  const revealRisk = simulate.reveals.some((r) => r.marks.includes('risk'));
  if (scenario.risk !== 'none' && !openingRisk && !revealRisk) {
    issues.push({ ...where, message: `risk is ${scenario.risk} but neither openingMarks nor any reveal has marks: [risk]; mark where the risk first surfaces` });
  }
  if (scenario.risk === 'none' && (openingRisk || revealRisk)) {
    issues.push({ ...where, message: 'a simulated turn is marked risk but the scenario says risk: none; raise the risk level or remove the mark' });
  }
  if (openingRisk && revealRisk) {
    issues.push({ ...where, message: 'the opening is marked risk and so is a reveal; mark the reveal risk-rises instead' });
  }
  return issues;
}

/**
 * Gives each obligation that names a criterion (`check: es.asks-directly`) that criterion's check, with
 * the obligation's window in place of the criterion's. It needs the rubrics, so it runs here, once every
 * file is loaded; a name that is not a criterion with a check is left unresolved and reported below.
 */
function resolveNamedChecks(scenarios: readonly Scenario[], rubrics: readonly Rubric[]): void {
  const checks = new Map<string, CheckSpec>(rubrics.flatMap((r) => r.criteria.flatMap((c) => (c.check ? [[c.id, c.check] as const] : []))));
  for (const scenario of scenarios) {
    for (const obligation of scenario.expect.obligations) {
      if (!obligation.criterion || obligation.check) continue;
      const check = checks.get(obligation.criterion);
      const window = writtenObligation(obligation)?.window;
      if (check) obligation.check = window ? withWindow(check, window) : check;
    }
  }
}

/** A pattern check that names a lexicon names one in lexicons/checks/: a misspelt name would silently match nothing. */
function lexiconIssues(check: CheckSpec, at: Issue['at'], path: string): Issue[] {
  if (check.kind !== 'pattern') return [];
  const known = checkLexicons();
  return (['mustMatchLexicon', 'mustNotMatchLexicon', 'mustNotLeaveLexicon', 'staysLexicon'] as const).flatMap((field) => {
    const name = check[field];
    return name === undefined || known.has(name)
      ? []
      : [{ at, path: `${path}.${field}`, message: `unknown check lexicon "${name}"; expected one of ${[...known.keys()].join(', ') || '(none: add lexicons/checks/<name>.yaml)'}` }];
  });
}

const WINDOWED: readonly CheckSpec['kind'][] = ['pattern', 'identity'];

/** Obligations name a rubric that exists, a criterion that exists and has a check, a window only where a check takes one, and unique ids. */
function obligationIssues(scenario: Scenario, rubrics: readonly Rubric[]): Issue[] {
  const issues: Issue[] = [];
  const rubricIds = rubrics.map((r) => r.id);
  const criteria = new Map<string, Criterion>(rubrics.flatMap((r) => r.criteria.map((c) => [c.id, c] as const)));
  const seen = new Set<string>();
  for (const obligation of scenario.expect.obligations) {
    const source = writtenObligation(obligation);
    const at = source?.at ?? scenario.at;
    const path = source?.path ?? `scenario ${scenario.id} ${obligation.kind}`;
    if (seen.has(obligation.id)) {
      issues.push({ at, path: `${path}.id`, message: `duplicate obligation id "${obligation.id}" in scenario ${scenario.id}; give each obligation its own id` });
    }
    seen.add(obligation.id);
    if (!rubricIds.includes(obligation.rubric)) {
      issues.push({ at, path: `${path}.rubric`, message: `unknown rubric "${obligation.rubric}"; expected one of ${rubricIds.join(', ')}` });
    }
    if (obligation.criterion !== undefined) {
      const named = criteria.get(obligation.criterion);
      const withChecks = rubrics.find((r) => r.id === obligation.rubric)?.criteria.filter((c) => c.check).map((c) => c.id) ?? [];
      const hint = withChecks.length > 0 ? ` (criteria of ${obligation.rubric} with a check: ${withChecks.join(', ')})` : '';
      if (!named) {
        issues.push({ at, path: `${path}.check`, message: `unknown criterion "${obligation.criterion}"; name a criterion that has a check${hint}, write the check inline ({kind: …}), or remove check: to leave it to a judge` });
      } else if (!named.check) {
        issues.push({ at, path: `${path}.check`, message: `criterion "${named.id}" has no check (only a judge decides it); name a criterion that has a check${hint}, write the check inline, or remove check: to leave it to a judge` });
      }
    }
    if (obligation.check && obligation.criterion === undefined) issues.push(...lexiconIssues(obligation.check, at, `${path}.check`));
    const window = source?.window;
    if (window && obligation.criterion === undefined && !obligation.check) {
      issues.push({ at, path: `${path}.window`, message: 'a window without a check; the window chooses the replies a check reads: add check:, or remove window:' });
    } else if (window && obligation.check && !WINDOWED.includes(obligation.check.kind)) {
      issues.push({ at, path: `${path}.window`, message: `a ${obligation.check.kind} check takes no window (only pattern and identity checks do); remove window:` });
    }
  }
  return issues;
}

/** Every rubric a config's `gates.minScore` names exists: a misspelt gate would fail only after every call is paid. */
export function gateIssues(config: AttuneConfig, rubrics: readonly Rubric[]): Issue[] {
  const ids = rubrics.map((r) => r.id);
  return Object.keys(config.gates.minScore ?? {}).filter((name) => !ids.includes(name)).map((name) => {
    const near = closest(name, ids);
    return {
      at: { file: config.file ?? 'attune.config.yaml', ...config.gateLines?.[name] },
      path: `gates.minScore.${name}`,
      message: `unknown rubric "${name}"; ${near ? `did you mean "${near}"?` : `expected one of ${ids.join(', ')}`}`,
    };
  });
}
