import { RunError, UserError } from '../errors.js';

export const EXIT = { ok: 0, gateFailed: 1, usage: 2, runFailed: 3 } as const;

/** The only place errors become exit codes. User mistakes print without a stack; bugs print one. */
export function exitCodeFor(error: unknown, stderr: (text: string) => void): number {
  if (error instanceof UserError) {
    stderr(`${error.issues.length > 1 ? `${error.issues.length} problems:\n` : ''}${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof RunError) {
    stderr(`attune: ${error.message}\n`);
    return EXIT.runFailed;
  }
  const err = error as { code?: string; exitCode?: number; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('commander.')) {
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  }
  stderr(`attune: internal error (a bug in attune, not in your files):\n${(error as Error)?.stack ?? String(error)}\nPlease report it with the command you ran: https://github.com/attune-eval/attune/issues/new\n`);
  return EXIT.runFailed;
}
