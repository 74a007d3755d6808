/**
 * A one-line progress bar on stderr for batches, only when stderr is a terminal (never in pipes,
 * logs or CI output, where it would be noise).
 */
import { basename } from 'node:path';
import type { CliContext } from './context';

export class Progress {
  private readonly active: boolean;
  private shown = false;

  constructor(
    private readonly ctx: CliContext,
    private readonly total: number,
  ) {
    this.active = Boolean(ctx.stderr.isTTY) && total > 1;
  }

  update(index: number, file: string): void {
    if (!this.active) return;
    const width = 24;
    const filled = Math.round((index / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const label = this.ctx.locale === 'en' ? 'Validating' : '校验中';
    const name = basename(file).slice(0, 40);
    this.ctx.stderr.write(`\r\x1b[2K${label} ${bar} ${index + 1}/${this.total} ${name}`);
    this.shown = true;
  }

  /** Removes the bar so that a report line can be printed cleanly. */
  clear(): void {
    if (this.active && this.shown) {
      this.ctx.stderr.write('\r\x1b[2K');
      this.shown = false;
    }
  }

  done(): void {
    this.clear();
  }
}
