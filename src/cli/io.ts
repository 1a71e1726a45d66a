import type { Screen } from '../report/types.js';

/** Where the CLI writes and what it knows of its surroundings; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  columns: number;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns ?? 100,
  };
}

/** Decided once: colours and a live display only on a real terminal, never under CI or NO_COLOR. */
export function screenOf(io: Io): Screen {
  const ci = io.env.CI !== undefined && io.env.CI !== 'false' && io.env.CI !== '0';
  const isTTY = io.isTTY && !ci;
  return { isTTY, colors: isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb', width: io.columns };
}
