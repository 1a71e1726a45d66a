import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Transcript } from '../types.js';

/**
 * Appends each finished transcript to transcripts.jsonl as soon as it ends, so a crash loses only
 * the conversations in flight. Writes are queued on the stream, never awaited on the hot path.
 */
export class TranscriptLog {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

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

  append(transcript: Transcript): void {
    this.stream.write(`${JSON.stringify(transcript)}\n`);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
  }
}
