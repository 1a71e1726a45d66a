import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Transcript } from '../types.js';

/**
 * Appends each finished transcript to transcripts.jsonl as soon as it ends, so a crash loses only
 * the conversations in flight. Writes are queued on the stream; a full buffer makes the writer wait.
 */
export class TranscriptLog {
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  private draining: Promise<void> | undefined;

  private constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'a', encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Opens the file before the first conversation, so an unwritable folder costs no API calls. */
  static async open(path: string): Promise<TranscriptLog> {
    const log = new TranscriptLog(path);
    await Promise.race([once(log.stream, 'open'), once(log.stream, 'error').then(([error]) => Promise.reject(error as Error))]);
    return log;
  }

  /**
   * Queues one line. Resolves at once unless the stream's buffer is full (the disk is slower than
   * the conversations), then when it has drained: awaiting it keeps memory flat on long runs.
   */
  append(transcript: Transcript): Promise<void> {
    if (this.stream.write(`${JSON.stringify(transcript)}\n`) || this.failure) return Promise.resolve();
    // One shared wait, however many conversations end while the buffer is full.
    this.draining ??= once(this.stream, 'drain').then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
  }
}
