import { basename } from 'node:path';
import { UserError, type Issue } from '../errors.js';
import type { AttuneConfig, Rubric, Scenario, Source } from '../types.js';
import { BUNDLED, expandPaths } from './files.js';
import { normalizeConfig, normalizeRubric, normalizeSources, normalizeSuite, type Suite } from './normalize.js';
import { crossFileIssues, gateIssues } from './rules.js';
import { schemaIssues, type SchemaName } from './schema-issues.js';
import { readYamlFile, type ParsedYaml } from './yaml.js';

export interface LoadedProject {
  suites: Suite[];
  scenarios: Scenario[];
  rubrics: Rubric[];
  sources: Record<string, Source>;
  configs: AttuneConfig[];
}

type FileKind = Exclude<SchemaName, 'results'>;

/** What a YAML file is, from its top-level keys (a config is recognised by its name too). */
function kindOf(parsed: ParsedYaml): FileKind | undefined {
  const value = parsed.value;
  if (/^attune\.config\.ya?ml$/i.test(basename(parsed.file))) return 'config';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('scenarios' in value || 'suite' in value) return 'suite';
  if ('criteria' in value || 'rubric' in value) return 'rubric';
  if ('sources' in value) return 'sources';
  if ('targets' in value || 'gates' in value || 'run' in value) return 'config';
  return undefined;
}

/**
 * Load every attune file under `paths`, validating all of them before giving up, so the user sees
 * every problem at once. Rubrics and sources default to the bundled ones when none are given.
 */
export async function loadFiles(paths: readonly string[], options: { bundledDefaults: boolean }): Promise<{ project: LoadedProject; issues: Issue[]; files: string[] }> {
  const expanded = await expandPaths(paths);
  const issues = [...expanded.issues];
  const parsedFiles = await parseAll(expanded.files, issues);
  let kinds = classify(parsedFiles, issues);
  if (options.bundledDefaults && (!kinds.some((k) => k.kind === 'rubric') || !kinds.some((k) => k.kind === 'sources'))) {
    const bundled = await expandPaths([BUNDLED.rubrics]);
    const wanted = new Set<FileKind>(['rubric', 'sources'].filter((kind) => !kinds.some((k) => k.kind === kind)) as FileKind[]);
    const extra = classify(await parseAll(bundled.files, issues), issues).filter((k) => wanted.has(k.kind));
    kinds = [...kinds, ...extra];
  }
  const project: LoadedProject = { suites: [], scenarios: [], rubrics: [], sources: {}, configs: [] };
  let sawSources = false;
  for (const { parsed, kind } of kinds) {
    const found = schemaIssues(kind, parsed);
    if (found.length > 0) {
      issues.push(...found);
      continue;
    }
    switch (kind) {
      case 'suite': {
        const { suite, scenarios } = normalizeSuite(parsed);
        project.suites.push(suite);
        project.scenarios.push(...scenarios);
        break;
      }
      case 'rubric':
        project.rubrics.push(normalizeRubric(parsed));
        break;
      case 'sources':
        sawSources = true;
        Object.assign(project.sources, normalizeSources(parsed));
        break;
      case 'config':
        project.configs.push(normalizeConfig(parsed));
        break;
    }
  }
  issues.push(...crossFileIssues(project.scenarios, project.rubrics, sawSources ? project.sources : undefined));
  if (project.rubrics.length > 0) for (const config of project.configs) issues.push(...gateIssues(config, project.rubrics));
  return { project, issues, files: kinds.map((k) => k.parsed.file) };
}

async function parseAll(files: readonly string[], issues: Issue[]): Promise<ParsedYaml[]> {
  const results = await Promise.all(
    files.map((file) =>
      readYamlFile(file).catch((error: unknown) => {
        if (error instanceof UserError) issues.push(...error.issues);
        else throw error;
        return undefined;
      }),
    ),
  );
  return results.filter((r): r is ParsedYaml => r !== undefined);
}

function classify(parsedFiles: readonly ParsedYaml[], issues: Issue[]): { parsed: ParsedYaml; kind: FileKind }[] {
  const out: { parsed: ParsedYaml; kind: FileKind }[] = [];
  for (const parsed of parsedFiles) {
    const kind = kindOf(parsed);
    if (kind) out.push({ parsed, kind });
    else {
      issues.push({
        at: { file: parsed.file, line: 1, column: 1 },
        message: 'not an attune file: expected a suite (with "suite:" and "scenarios:"), a rubric (with "rubric:" and "criteria:"), a sources registry ("sources:") or a config ("targets:", "run:", "gates:")',
      });
    }
  }
  return out;
}

/** Load and throw one UserError listing every issue, or return the project. */
export async function loadProjectOrThrow(paths: readonly string[], options: { bundledDefaults: boolean }): Promise<LoadedProject> {
  const { project, issues } = await loadFiles(paths, options);
  if (issues.length > 0) throw new UserError(issues);
  return project;
}

/** The config file: `-c` if given, else ./attune.config.yaml if present, else none. */
/** Refuses a config whose gates name a rubric the project does not have, before any call is made. */
export function assertGatesKnown(config: AttuneConfig | undefined, rubrics: readonly Rubric[]): void {
  const issues = config ? gateIssues(config, rubrics) : [];
  if (issues.length > 0) throw new UserError(issues);
}

export async function loadConfig(path: string | undefined): Promise<AttuneConfig | undefined> {
  const candidates = path ? [path] : ['attune.config.yaml', 'attune.config.yml'];
  for (const candidate of candidates) {
    let parsed: ParsedYaml;
    try {
      parsed = await readYamlFile(candidate);
    } catch (error) {
      if (!path && error instanceof UserError && /no such file/.test(error.message)) continue;
      throw error;
    }
    const issues = schemaIssues('config', parsed);
    if (issues.length > 0) throw new UserError(issues);
    return normalizeConfig(parsed);
  }
  return undefined;
}
