/**
 * A spool of 问题清单 rows on disk: the findings of every unit of a summary batch, written as JSON
 * lines to a temporary file while the batch runs and read back, in the same order, when the summary
 * workbook is written. A batch of thousands of units then keeps no list of findings in memory.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IssueRow } from '../core/summary/unit-row';

/** Bytes gathered before one write to the file. */
const FLUSH_AT = 64 * 1024;

export class IssueSpool {
  private readonly folder: string;
  private readonly path: string;
  private fd: number | null;
  private buffer = '';
  private count = 0;

  constructor() {
    this.folder = mkdtempSync(join(tmpdir(), 'zwgk-issues-'));
    this.path = join(this.folder, 'issues.jsonl');
    this.fd = openSync(this.path, 'wx');
  }

  /** Adds one row at the end. */
  push(row: IssueRow): void {
    if (this.fd === null) throw new Error('IssueSpool: push after close');
    // JSON escapes line breaks inside strings, so one row is one line.
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
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as IssueRow;
  }

  /** Removes the temporary file (safe to call twice). */
  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.folder, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.fd === null || this.buffer === '') return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
