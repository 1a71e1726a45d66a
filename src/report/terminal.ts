import type { RunEvent } from '../types.js';
import type { Screen } from './types.js';

/**
 * Live progress: one redrawn line on a TTY (done/total, errors, ETA), plain lines at every 10 %
 * and on each error otherwise (CI logs). The only writer that sees events.
 */
export function createProgress(screen: Screen, write: (text: string) => void): { onEvent(event: RunEvent): void; finish(): void } {
  let started = 0;
  let total = 0;
  let lastDraw = 0;
  let lastDecile = 0;
  let drawn = false;
  const eta = (done: number) => {
    if (done === 0) return '';
    const seconds = ((Date.now() - started) / done) * (total - done) / 1000;
    return seconds < 1 ? '' : ` · ETA ${seconds < 90 ? `${Math.round(seconds)}s` : `${Math.round(seconds / 60)}m`}`;
  };
  return {
    onEvent(event) {
      switch (event.kind) {
        case 'start':
          started = Date.now();
          total = event.total;
          if (!screen.isTTY) write(`running ${total} conversations\n`);
          break;
        case 'retry':
          if (!screen.isTTY && event.attempt === 1) write(`retrying ${event.conversation} turn ${event.turn}: ${event.failure.message}\n`);
          break;
        case 'done': {
          const t = event.transcript;
          if (screen.isTTY) {
            const now = Date.now();
            if (now - lastDraw < 80 && event.done < event.total) return;
            lastDraw = now;
            const line = `  ${event.done}/${event.total} conversations · ${event.errors} errors${eta(event.done)}`;
            write(`\r${line.slice(0, screen.width - 1).padEnd(Math.min(screen.width - 1, 60))}`);
            drawn = true;
          } else {
            if (t.error) write(`error: ${t.id} at turn ${t.error.turn}: ${t.error.kind}: ${t.error.message}\n`);
            const decile = Math.floor((event.done / event.total) * 10);
            if (decile > lastDecile || event.done === event.total) {
              lastDecile = decile;
              write(`${event.done}/${event.total} conversations done, ${event.errors} errors\n`);
            }
          }
          break;
        }
      }
    },
    finish() {
      if (drawn) write('\n');
    },
  };
}
