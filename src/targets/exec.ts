import { spawn } from 'node:child_process';
import type { TargetSpec } from '../types.js';
import { classifyError, oneLine } from './classify.js';
import type { ReplyOutcome, Target } from './types.js';

type ExecSpec = Extract<TargetSpec, { kind: 'exec' }>;

const MAX_OUTPUT = 1024 * 1024;

/**
 * A local program: gets `{"messages": [...], "sessionId", "locale"}` as JSON on stdin and prints the
 * reply on stdout (plain text, or JSON with a `reply` string). Killed (with its children) on timeout or stop.
 */
export function createExecTarget(spec: ExecSpec): Target {
  return {
    id: spec.id,
    kind: 'exec',
    description: `exec ${spec.command}`,
    cacheIdentity: JSON.stringify(['exec', spec.command, spec.cwd]),
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    reply(messages, ctx) {
      if (ctx.signal.aborted) return Promise.resolve({ kind: 'failure', failure: classifyError(undefined, ctx.signal) });
      return new Promise<ReplyOutcome>((resolve) => {
        const child = spawn(spec.command, { shell: true, cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
        let stdout = '';
        let stderr = '';
        let settled = false;
        const finish = (outcome: ReplyOutcome) => {
          if (settled) return;
          settled = true;
          ctx.signal.removeEventListener('abort', onAbort);
          resolve(outcome);
        };
        const kill = () => {
          try {
            // Detached, so the shell and everything it started form one group that dies together.
            if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
            else child.kill('SIGKILL');
          } catch {
            /* already gone */
          }
        };
        // The runner's signal carries both the per-request timeout and the run being stopped.
        const onAbort = () => {
          kill();
          finish({ kind: 'failure', failure: classifyError(undefined, ctx.signal) });
        };
        ctx.signal.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.length > MAX_OUTPUT) {
            kill();
            finish({ kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: 'command printed more than 1 MB' } });
          }
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-4000);
        });
        child.on('error', (error) => finish({ kind: 'failure', failure: { kind: 'bad_request', retryable: false, message: `cannot start command: ${error.message}` } }));
        child.on('close', (code, signal) => {
          if (code !== 0) {
            const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
            finish({ kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: `command ${why}${stderr ? `: ${oneLine(stderr, 200)}` : ''}` } });
            return;
          }
          finish(parseOutput(stdout));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(JSON.stringify({ messages, sessionId: ctx.sessionId, locale: ctx.locale }));
      });
    },
  };
}

function parseOutput(stdout: string): ReplyOutcome {
  const text = stdout.trim();
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as { reply?: unknown };
      if (typeof json.reply === 'string') return { kind: 'reply', text: json.reply };
    } catch {
      /* plain text that happens to start with a brace */
    }
  }
  if (!text) return { kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: 'command printed nothing on stdout' } };
  return { kind: 'reply', text };
}
