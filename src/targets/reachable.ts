import { connect } from 'node:net';
import { UserError } from '../errors.js';
import { redactUrl } from './redact.js';

/**
 * Opens (and closes) a TCP connection to the URL's host, so a wrong port or host is reported before
 * any conversation starts instead of as hundreds of failed calls. Sends nothing.
 */
export async function assertReachable(targetId: string, rawUrl: string, hint: string, timeoutMs = 5000): Promise<void> {
  const url = new URL(rawUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const problem = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host, port });
    const done = (result: string | undefined) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
  if (problem) {
    throw new UserError(`target ${targetId}: cannot connect to ${redactUrl(rawUrl)} (${problem}); ${hint}`);
  }
}
