import type { Io } from './io.js';

const DRAIN_MS = 10_000;

/**
 * First Ctrl-C (or SIGTERM): start no new conversations, give those in flight 10 s, then cancel them.
 * Second: cancel at once. Cancelling kills exec bots' process groups; what finished is still written.
 */
export function gracefulStop(io: Io) {
  const drain = new AbortController();
  const cancel = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (drain.signal.aborted) {
      io.stderr(`\n${signal} again: cancelling the conversations in flight\n`);
      cancel.abort(new Error(signal));
      return;
    }
    io.stderr(`\n${signal}: starting no new conversations; finishing those in flight (up to ${DRAIN_MS / 1000} s, ${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to cancel them)\n`);
    drain.abort(new Error(signal));
    timer = setTimeout(() => cancel.abort(new Error('drain timeout')), DRAIN_MS);
    timer.unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    drain: drain.signal,
    cancel: cancel.signal,
    dispose() {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
