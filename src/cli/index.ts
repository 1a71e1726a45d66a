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

/** Parses argv, runs one command, returns the exit code. Commands are imported lazily to keep start-up fast. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
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
    .option('-j, --concurrency <n>', 'conversations at once (default 8)', positiveInt('--concurrency'))
    .option('--repeat <n>', 'runs of each scenario per target (default 1)', positiveInt('--repeat'))
    .option('-o, --out <dir>', 'output folder (default reports/<run-id>)')
    .option('--filter <glob>', 'only scenario ids matching, repeatable (e.g. "crisis.*")', collect, [])
    .option('--tag <tag>', 'only scenarios with this tag or suite, repeatable', collect, [])
    .option('--rubrics <path>', 'rubric files or folders, repeatable (default: the bundled rubrics/)', collect, [])
    .option('-c, --config <file>', 'config file (default ./attune.config.yaml if present)')
    .option('--timeout <ms>', 'per-request timeout in ms (default 60000)', positiveInt('--timeout', MAX_TIMER_MS))
    .option('--retries <n>', 'retries per request on 429, 5xx, network errors (default 4)', nonNegativeInt('--retries'))
    .addHelpText('after', `
Examples:
  $ attune run                                   bundled suites vs the built-in good and bad bots, no keys needed
  $ attune run -t openai:gpt-4o-mini --repeat 3  three samples per scenario (OPENAI_API_KEY)
  $ OPENAI_BASE_URL=http://localhost:11434/v1 attune run -t openai:llama3.1   any OpenAI-compatible server
  $ attune run scenarios/crisis-disclosure.yaml -t anthropic:claude-sonnet-4-5 --filter 'crisis.*'
  $ attune run -c attune.config.yaml -t my-bot -o reports/nightly

Exit codes: 0 ok · 1 a gate failed · 2 usage or configuration error · 3 the run could not be completed`)
    .action(async (paths: string[], options) => {
      const { runCommand } = await import('./commands/run.js');
      code = await runCommand(paths, options, io);
    });

  program
    .command('score')
    .description('score transcripts that came from elsewhere (JSONL: one {messages, id?, scenario?, target?, locale?} per line)')
    .argument('<transcripts>', 'a transcripts.jsonl file')
    .option('-o, --out <dir>', 'output folder (default reports/<run-id>)')
    .option('--suites <path>', 'suites to look scenario ids up in, repeatable (default: the bundled scenarios/)', collect, [])
    .option('--rubrics <path>', 'rubric files or folders, repeatable (default: the bundled rubrics/)', collect, [])
    .option('--locale <locale>', 'locale of transcripts that name no known scenario (default en-US)', 'en-US')
    .option('-c, --config <file>', 'config file, for its gates')
    .addHelpText('after', `
Examples:
  $ attune score reports/2026-11-22T10-00-00Z/transcripts.jsonl   re-score a run with the current rubrics
  $ attune score prod-sample.jsonl --locale en-GB -o reports/prod`)
    .action(async (file: string, options) => {
      const { scoreCommand } = await import('./commands/score.js');
      code = await scoreCommand(file, options, io);
    });

  program
    .command('validate')
    .description('check suite, rubric, sources and config files without running anything')
    .argument('[paths...]', 'files or folders (default: the bundled scenarios/ and rubrics/)')
    .addHelpText('after', `
Examples:
  $ attune validate
  $ attune validate my-suites/ attune.config.yaml`)
    .action(async (paths: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(paths, io);
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
