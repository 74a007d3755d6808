/**
 * The `zwgk` command line run in-process for tests: its standard output and error captured as text.
 */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

/** A writable stream that keeps what is written, as the CLI's stdout or stderr (not a terminal). */
export class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** Runs `zwgk ARGS` in-process: the exit code and what it printed. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}
