import { redactSecrets } from '../targets/secrets.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { exitCodeFor } from './exit.js';
import type { Io } from './io.js';
import { attuneVersion } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const MAX_TIMER_MS = 2_147_483_647;
const positiveInt = (name: string, max = 1_000_000) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
};
const nonNegativeInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
};

/** The judges after the checks, shared by run, score and merge. */
const judgeOption = () =>
  new Option('--judge <spec>', 'judge after the deterministic checks, repeatable: offline (default), openai:<model> or anthropic:<model> (or a config name); the first one\'s scores count, the others are kept for attune calibrate')
    .argParser(collect)
    .default([], 'offline, or the config\'s run.judges');
const judgeSamplesOption = () =>
  new Option('--judge-samples <k>', 'independent judgements per criterion by each LLM judge: median level, majority pass, spread kept (default 1; k > 1 samples at temperature 1 unless the judge sets one)').argParser(positiveInt('--judge-samples', 15));

/** Parses argv, runs one command, returns the exit code. Commands are imported lazily to keep start-up fast. */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  // Last line of defence: nothing printed carries a registered key or header value.
  const io: Io = { ...given, stdout: (t) => given.stdout(redactSecrets(t)), stderr: (t) => given.stderr(redactSecrets(t)) };
  let code = 0;
  const program = new Command('attune')
    .description('Test conversational AI for safety and empathy in mental-health situations.')
    .version(attuneVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('run')
    .description('run scenario suites against targets, score every transcript, write results and a report')
    .argument('[paths...]', 'suite files or folders (default: the bundled scenarios/)')
    .option('-t, --target <spec>', 'target spec or config name, repeatable: openai:<model>, anthropic:<model>, http:<url>, exec:<command>, builtin:good|bad', collect, [])
    .option('--simulator <spec>', 'model that plays the person in scenarios with simulate: (openai:<model>, anthropic:<model> or a config name; temperature 0 unless set); without it they use their scripted turns')
    .option('-j, --concurrency <n>', 'conversations at once (default 8)', positiveInt('--concurrency'))
    .option('--repeat <n>', 'runs of each scenario per target (default 1)', positiveInt('--repeat'))
    .option('-o, --out <dir>', 'output folder (default reports/<run-id>)')
    .option('--filter <glob>', 'only scenario ids matching, repeatable (e.g. "crisis.*")', collect, [])
    .option('--tag <tag>', 'only scenarios with this tag or suite, repeatable', collect, [])
    .option('--rubrics <path>', 'rubric files or folders, repeatable (default: the bundled rubrics/)', collect, [])
    .option('-c, --config <file>', 'config file (default ./attune.config.yaml if present)')
    .option('--timeout <ms>', 'per-request timeout in ms (default 60000)', positiveInt('--timeout', MAX_TIMER_MS))
    .option('--retries <n>', 'retries per request on 429, 5xx, network errors (default 4)', nonNegativeInt('--retries'))
    .option('--cache', 'replay and store replies of every cacheable target (default: only targets at temperature 0)')
    .option('--no-cache', 'neither replay nor store replies')
    .option('--resume <dir>', 'continue an interrupted run in <dir>: its suites, targets and flags come from <dir>/run.json; finished conversations are not requested again')
    .option('--shard <i/n>', 'run the i-th of n deterministic slices of the plan (auto/n: the index from JOB_COMPLETION_INDEX); join them with attune merge')
    .addOption(judgeOption())
    .addOption(judgeSamplesOption())
    .addHelpText('after', `
Examples:
  $ attune run                                   bundled suites vs the built-in good and bad bots, no keys needed
  $ attune run -t openai:gpt-4o-mini --repeat 3  three samples per scenario (OPENAI_API_KEY)
  $ OPENAI_BASE_URL=http://localhost:11434/v1 attune run -t openai:llama3.1   any OpenAI-compatible server
  $ attune run scenarios/crisis-disclosure.yaml -t anthropic:claude-sonnet-4-5 --filter 'crisis.*'
  $ attune run -c attune.config.yaml -t my-bot -o reports/nightly
  $ attune run -t openai:my-bot --simulator openai:gpt-4o-mini --filter 'crisis.*'   a model plays the person where a scenario has simulate:
  $ attune run -t openai:my-bot --judge openai:gpt-4o --judge offline   an LLM judge for what checks cannot see; the offline scorer kept beside it

Exit codes: 0 ok · 1 a gate failed · 2 usage or configuration error · 3 the run could not be completed`)
    .action(async (paths: string[], options) => {
      const { runCommand } = await import('./commands/run.js');
      code = await runCommand(paths, options, io);
    });

  program
    .command('score')
    .description('score transcripts that came from elsewhere (JSONL: one {messages, id?, scenario?, target?, locale?, context?: {suite?, locale?, risk?, age?, marks?}} per line; what is missing is inferred from the user\'s words)')
    .argument('<transcripts>', 'a transcripts.jsonl file')
    .option('-o, --out <dir>', 'output folder (default reports/<run-id>)')
    .option('--suites <path>', 'suites to look scenario ids up in, repeatable (default: the bundled scenarios/)', collect, [])
    .option('--rubrics <path>', 'rubric files or folders, repeatable (default: the bundled rubrics/)', collect, [])
    .option('--locale <locale>', 'locale of transcripts that name neither a known scenario nor a locale (default: inferred from the user\'s words, recorded as inferred)')
    .option('-c, --config <file>', 'config file, for its gates and judges')
    .option('-j, --concurrency <n>', 'transcripts judged at once (default 8)', positiveInt('--concurrency'))
    .option('--timeout <ms>', 'per-request timeout of LLM judges in ms (default 60000)', positiveInt('--timeout', MAX_TIMER_MS))
    .option('--retries <n>', 'retries per judge request on 429, 5xx, network errors (default 4)', nonNegativeInt('--retries'))
    .option('--no-cache', 'neither replay nor store LLM judgements')
    .addOption(judgeOption())
    .addOption(judgeSamplesOption())
    .addHelpText('after', `
Examples:
  $ attune score reports/2026-11-22T10-00-00Z/transcripts.jsonl   re-score a run with the current rubrics
  $ attune score prod-sample.jsonl --locale en-GB -o reports/prod`)
    .action(async (file: string, options) => {
      const { scoreCommand } = await import('./commands/score.js');
      code = await scoreCommand(file, options, io);
    });

  program
    .command('compare')
    .description('compare runs (or the targets of one run): per rubric and criterion, intervals, paired differences, regressions with quotes')
    .argument('<runs...>', 'run folders (or their results.json); the first is the baseline')
    .option('-o, --out <dir>', 'output folder for compare.md and compare.json (default reports/compare-<id>)')
    .option('--fail-on-regression', 'exit 1 when a rubric drops significantly by more than the tolerance, or a new critical failure appears')
    .option('--tolerance <score>', 'drop in a 0–1 rubric score that counts as a regression (default 0.02)', (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`--tolerance must be a number from 0 to 1, got "${v}"`);
      return n;
    }, 0.02)
    .addHelpText('after', `
Examples:
  $ attune compare reports/main reports/pr-123 --fail-on-regression     a PR's run against main's
  $ attune compare reports/nightly                                      the targets of one run against the first`)
    .action(async (runs: string[], options) => {
      const { compareCommand } = await import('./commands/compare.js');
      code = await compareCommand(runs, options, io);
    });

  program
    .command('report')
    .description('re-render the reports of a finished run from its results.json, without calling any model')
    .argument('<run>', 'a run folder (or its results.json)')
    .option('--format <formats>', 'comma-separated: json, md, html, junit (default: all but json)', 'md,html,junit')
    .option('-o, --out <dir>', 'write into this folder instead of the run folder')
    .addHelpText('after', `
Examples:
  $ attune report reports/2026-11-22T10-00-00Z-ab12
  $ attune report reports/nightly --format junit -o ci-out`)
    .action(async (run: string, options: { format: string; out?: string }) => {
      const { reportCommand } = await import('./commands/report.js');
      code = await reportCommand(run, options, io);
    });

  program
    .command('merge')
    .description('join the folders of attune run --shard i/n into one run (refusing shards of different plans or versions)')
    .argument('<shards...>', 'shard run folders')
    .option('-o, --out <dir>', 'output folder (default reports/merged-<id>)')
    .option('--rubrics <path>', 'rubric files or folders to score with, repeatable (default: the bundled rubrics/)', collect, [])
    .option('-c, --config <file>', 'config file, for its gates and judges')
    .option('--no-cache', 'neither replay nor store LLM judgements')
    .addOption(judgeOption())
    .addOption(judgeSamplesOption())
    .addHelpText('after', `
Examples:
  $ attune merge shard-1 shard-2 shard-3 -o reports/nightly`)
    .action(async (shards: string[], options) => {
      const { mergeCommand } = await import('./commands/merge.js');
      code = await mergeCommand(shards, options, io);
    });

  program
    .command('cache')
    .description('the response cache: where it is, how big, or clear it (ATTUNE_CACHE_DIR overrides the place)')
    .argument('<action>', 'stats or clear')
    .action(async (action: string) => {
      const { cacheCommand } = await import('./commands/cache.js');
      code = await cacheCommand(action, io);
    });

  program
    .command('calibrate')
    .description("human labels against a run's judge scores: accuracy, weighted kappa, Spearman, confusion, largest disagreements, Krippendorff's alpha")
    .argument('<run>', 'the run folder the labels are about')
    .requiredOption('--labels <file>', 'CSV (conversation,criterion,score) or JSONL, e.g. the annotations exported from report.html')
    .option('--judge <id>', 'only this judge, repeatable (default: every judge in the run)', collect, [])
    .option('-o, --out <dir>', 'output folder for calibrate.md and calibrate.json (default reports/calibrate-<id>)')
    .addHelpText('after', `
Examples:
  $ attune calibrate reports/pilot --labels attune-annotations-pilot.jsonl
  $ attune calibrate reports/pilot --labels clinician-labels.csv --judge checks`)
    .action(async (run: string, options: { labels: string; judge: string[]; out?: string }) => {
      const { calibrateCommand } = await import('./commands/calibrate.js');
      code = await calibrateCommand(run, options, io);
    });

  program
    .command('validate')
    .description('check suite, rubric, sources and config files without running anything')
    .argument('[paths...]', 'files or folders (default: the bundled scenarios/ and rubrics/)')
    .option('--verbose', 'list every obligation (expect.must / mustNot) with what decides it: a check, or a judge only')
    .addHelpText('after', `
Examples:
  $ attune validate
  $ attune validate --verbose scenarios/grief.yaml rubrics/
  $ attune validate my-suites/ attune.config.yaml`)
    .action(async (paths: string[], options: { verbose?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(paths, options, io);
    });

  program
    .command('list')
    .description('list suites and scenarios, with counts by suite, locale and risk level')
    .argument('[paths...]', 'suite files or folders (default: the bundled scenarios/)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Examples:
  $ attune list
  $ attune list scenarios/grief.yaml --format json`)
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      const { listCommand } = await import('./commands/list.js');
      code = await listCommand(paths, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeFor(error, io.stderr);
  }
}
