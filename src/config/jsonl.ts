import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** One line of a JSONL file and where its bytes are, so it can be read again later without the rest. */
export interface JsonLine {
  text: string;
  /** 1-based line number. */
  line: number;
  offset: number;
  bytes: number;
  /** The file's last line and not ended by a newline: what a crash mid-write leaves behind. */
  unterminated: boolean;
}

/**
 * Every line of a file, read in chunks: memory holds one chunk and one line, never the file.
 * `for await (const { text, line } of jsonLines('transcripts.jsonl')) …`
 */
export async function* jsonLines(file: string): AsyncGenerator<JsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  let line = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    // A byte-order mark (editors on Windows write one) is not part of the first line, nor of its offset.
    if (offset === 0 && line === 0 && pendingBytes === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      start = 3;
      offset = 3;
    }
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const part = chunk.subarray(start, end);
      const bytes = pendingBytes + part.length;
      const text = (pendingBytes > 0 ? Buffer.concat([...pending, part]) : part).toString('utf8');
      yield { text, line: ++line, offset, bytes, unterminated: false };
      offset += bytes + 1;
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
    }
  }
  if (pendingBytes > 0) yield { text: Buffer.concat(pending).toString('utf8'), line: ++line, offset, bytes: pendingBytes, unterminated: true };
}

/**
 * Reads lines found earlier by jsonLines back from their file, one at a time, through one open
 * handle (opened on the first read). `close` when done.
 */
export class SliceReader {
  private handle: Promise<FileHandle> | undefined;

  constructor(readonly file: string) {}

  async read(offset: number, bytes: number): Promise<string> {
    this.handle ??= open(this.file, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await (await this.handle).read(buffer, 0, bytes, offset);
    return buffer.subarray(0, bytesRead).toString('utf8');
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }
}
