/**
 * The files a run reads (submissions, last year's files, the roster, rule files), known by their
 * identity on disk (device and inode) and their real path, so that no output is ever written onto
 * one of them: not through another spelling of the path, a symbolic link or a hard link, and not
 * with --force either.
 */
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../core/errors';
import { visibleName } from './batch';

export class InputSet {
  private readonly ids = new Set<string>();
  private readonly paths = new Set<string>();

  /** Adds a file the run reads (missing files are ignored: nothing can be written onto them by mistake). */
  async add(path: string | Buffer): Promise<void> {
    const st = await stat(path).catch(() => null);
    if (st) this.ids.add(`${st.dev}:${st.ino}`);
    const real = await realpath(path).catch(() => null);
    if (real) this.paths.add(real.toString());
    if (typeof path === 'string') this.paths.add(resolve(path));
  }

  async addAll(paths: Iterable<string | Buffer>): Promise<void> {
    for (const p of paths) await this.add(p);
  }

  /** Whether writing to `path` would replace one of the inputs. */
  async contains(path: string): Promise<boolean> {
    const st = await stat(path).catch(() => null);
    if (st && this.ids.has(`${st.dev}:${st.ino}`)) return true;
    const real = await realpath(path).catch(() => null);
    return (real !== null && this.paths.has(real)) || this.paths.has(resolve(path));
  }
}

/** The refusal when an output path names an input file (exit 2, whatever the flags). */
export function outputIsInput(output: string, option: string): UserError {
  return new UserError('output-is-input', {
    'zh-CN': `${option} “${visibleName(output)}”是本次要读取的文件，不能写入（加 --force 也不行），否则原文件会被覆盖：请换一个输出文件名或文件夹。`,
    en: `${option} "${visibleName(output)}" is one of the files this run reads and cannot be written, not even with --force, or the original would be lost: choose another output name or folder.`,
  });
}
