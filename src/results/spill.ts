import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { emptyJudgeStats, type ConversationDigest, type ConversationSummary, type JudgeStats } from '../types.js';
import { digestOf, ScoreInterner } from './build.js';

/**
 * A run's scored conversations without holding their text: each ConversationSummary (scores with
 * rationale and evidence, turns) is appended to a JSONL file as it is scored, and only its digest
 * stays in memory. Writers read the summaries back one at a time with `read`. The file is scratch
 * space: `dispose` removes it once the reports are written.
 *
 * const scored = await ScoredConversations.create(join(outDir, '.scored.jsonl'));
 * await scored.add(summary); await scored.finish(); for (const d of scored.digests) await scored.read(d);
 */
export class ScoredConversations {
  /** In the order added, until `sort`. */
  readonly digests: ConversationDigest[] = [];
  private readonly places = new Map<ConversationDigest, { offset: number; bytes: number }>();
  private offset = 0;
  private failure: Error | undefined;
  private draining: Promise<void> | undefined;
  private reader: Promise<FileHandle> | undefined;
  private readonly interner = new ScoreInterner();
  /** Per judge: scores, errors and unverified quotes, counted as conversations are added. */
  readonly judgeStats = new Map<string, JudgeStats>();

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static async create(path: string): Promise<ScoredConversations> {
    const stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error as Error))]);
    return new ScoredConversations(path, stream);
  }

  /** Spills the summary and keeps its digest; waits only when the disk is behind. */
  async add(summary: ConversationSummary): Promise<ConversationDigest> {
    if (this.failure) throw this.failure;
    const line = `${JSON.stringify(summary)}\n`;
    const bytes = Buffer.byteLength(line);
    const digest = digestOf(summary, this.interner);
    for (const s of summary.scores) {
      const stats = this.judgeStats.get(s.judge) ?? emptyJudgeStats();
      stats.scores++;
      if (s.status === 'error') stats.errors++;
      if (s.unverified?.length) {
        stats.unverifiedQuotes += s.unverified.length;
        stats.flaggedScores++;
      }
      this.judgeStats.set(s.judge, stats);
    }
    this.places.set(digest, { offset: this.offset, bytes: bytes - 1 });
    this.offset += bytes;
    this.digests.push(digest);
    if (!this.stream.write(line)) {
      // One shared wait, however many conversations end while the buffer is full.
      this.draining ??= once(this.stream, 'drain').then(() => undefined, () => undefined).finally(() => {
        this.draining = undefined;
      });
      await this.draining;
    }
    return digest;
  }

  /** Puts the digests in plan order (the order of results.json). */
  sort(rank: (d: ConversationDigest) => number): void {
    this.digests.sort((a, b) => rank(a) - rank(b));
  }

  /** Flushes the file; call before the first `read`. */
  async finish(): Promise<void> {
    if (!this.stream.writableEnded) await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
  }

  /** The full summary of a digest this instance made, read back from the file. */
  async read(digest: ConversationDigest): Promise<ConversationSummary> {
    const place = this.places.get(digest);
    if (!place) throw new Error(`conversation ${digest.id} was not scored in this run`);
    this.reader ??= open(this.path, 'r');
    const buffer = Buffer.alloc(place.bytes);
    await (await this.reader).read(buffer, 0, place.bytes, place.offset);
    return JSON.parse(buffer.toString('utf8')) as ConversationSummary;
  }

  async dispose(): Promise<void> {
    this.stream.destroy();
    await (await this.reader?.catch(() => undefined))?.close();
    await rm(this.path, { force: true });
  }
}
