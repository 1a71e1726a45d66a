import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm, writeFile } from 'node:fs/promises';

const tempOf = (path: string): string => `${path}.tmp-${process.pid}-${Date.now()}`;

/** Write via a temp file and rename, so a crash never leaves a half-written report. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = tempOf(path);
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}

/**
 * Writes a file in chunks, for reports too large to build as one string: `write` waits when the
 * stream's buffer is full, so memory stays flat however large the file grows. The file appears
 * under its name only on `commit` (temp file + rename, as writeFileAtomic).
 */
export class AtomicFileStream {
  private failure: Error | undefined;

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static async open(path: string): Promise<AtomicFileStream> {
    const temp = tempOf(path);
    // A large buffer: reports are written in many small pieces, and each full buffer costs a wait for the disk.
    const stream = createWriteStream(temp, { encoding: 'utf8', highWaterMark: 1 << 20 });
    await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error as Error))]);
    return new AtomicFileStream(path, temp, stream);
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    // once() rejects if the stream errors while waiting, so a failed disk cannot hang the writer.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
    await rename(this.temp, this.path);
  }

  /** Drops the temp file after a failure; the report under its name is left as it was. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}

/** Opens `path`, lets `fill` write into it, and commits; on any failure removes the temp file and rethrows. */
export async function streamFileAtomic(path: string, fill: (out: AtomicFileStream) => Promise<void>): Promise<void> {
  const out = await AtomicFileStream.open(path);
  try {
    await fill(out);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}
