/**
 * A spool of 问题清单 rows on disk: the findings of every unit of a summary batch, written as JSON
 * lines to a temporary file while the batch runs and read back, in the same order, when the summary
 * workbook is written. A batch of thousands of units then keeps no list of findings in memory.
 *
 * The spool never stops a summary: when the temporary folder cannot be created or the disk fills
 * up, the rows not yet written stay in memory (as before there was a spool) and are read back after
 * those on disk.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { IssueRow } from '../core/summary/unit-row';

/** Characters gathered before one write to the file. */
const FLUSH_AT = 64 * 1024;

export class IssueSpool {
  private readonly folder: string | null;
  private readonly path: string | null;
  private fd: number | null = null;
  private buffer = '';
  /** What the file could not take (the end of a partly written chunk, then whole chunks), in order. */
  private readonly kept: Buffer[] = [];
  private count = 0;
  private closed = false;

  /** `folder`: where the temporary folder goes (default: the system's temporary folder). */
  constructor(folder: string = tmpdir()) {
    let made: string | null = null;
    try {
      made = mkdtempSync(join(folder, 'zwgk-issues-'));
      this.fd = openSync(join(made, 'issues.jsonl'), 'wx');
    } catch {
      // No temporary file: the rows stay in memory.
      if (made) rmSync(made, { recursive: true, force: true });
      made = null;
    }
    this.folder = made;
    this.path = made ? join(made, 'issues.jsonl') : null;
  }

  /** Whether the rows go to a file (false once the file could not be made or written). */
  get onDisk(): boolean {
    return this.fd !== null;
  }

  /** Adds one row at the end. */
  push(row: IssueRow): void {
    if (this.closed) throw new Error('IssueSpool: push after dispose');
    // JSON escapes line breaks inside strings (and lone surrogates), so one row is one line.
    this.buffer += `${JSON.stringify(row)}\n`;
    this.count += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** How many rows were added. */
  get length(): number {
    return this.count;
  }

  /** The rows in the order they were added (the spool can be read more than once). */
  async *rows(): AsyncGenerator<IssueRow> {
    this.flush();
    const path = this.path;
    const kept = this.kept;
    // bytes throughout: a chunk cut by a failed write may end inside a character, which the next completes
    async function* text(): AsyncGenerator<Buffer> {
      if (path) for await (const chunk of createReadStream(path)) yield chunk as Buffer;
      yield* kept;
    }
    const lines = createInterface({ input: Readable.from(text()), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as IssueRow;
  }

  /** Removes the temporary file (safe to call twice). */
  dispose(): void {
    this.closed = true;
    this.closeFile();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    const bytes = Buffer.from(chunk, 'utf8');
    if (this.fd === null) {
      this.kept.push(bytes);
      return;
    }
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    } catch {
      // Disk full or gone: what is on disk stays, the rest and all later rows stay in memory.
      this.kept.push(bytes.subarray(written));
      this.closeFile();
    }
  }

  private closeFile(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Closing a file that could not be written: nothing more to do.
    }
    this.fd = null;
  }
}
