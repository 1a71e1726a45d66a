import { main } from '../../src/cli/index.js';

/** Runs the CLI in-process with captured output and a controlled environment. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { CI: 'true', ...env },
    isTTY: false,
    columns: 120,
  });
  return { code, stdout, stderr };
}
