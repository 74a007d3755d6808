/**
 * Writes an output file so that a reader never sees half of it: the bytes go to a temporary file in
 * the same folder (same file system, so the final rename is atomic), then the temporary file takes
 * the final name. An existing file is never replaced unless the caller asks for it, and the
 * temporary file is removed when anything fails or the user presses Ctrl+C meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { codedError } from '../core/codes/registry';
import { UserError } from '../core/errors';

export interface AtomicWriteOptions {
  /** Replace an existing file (default: refuse with UserError 'output-exists'). */
  force?: boolean;
}

export async function writeFileAtomic(path: string, data: Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  await assertWritableTarget(path, target, folder, opts.force === true);

  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Ctrl+C between creating and renaming the temporary file must not leave it behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    removeQuietly(temp);
    process.removeListener(signal, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
    if (opts.force) {
      await fs.rename(temp, target);
    } else {
      await linkWithoutOverwrite(path, temp, target);
    }
  } catch (e) {
    removeQuietly(temp);
    throw toUserError(e, path);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function assertWritableTarget(shown: string, target: string, folder: string, force: boolean): Promise<void> {
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat || !folderStat.isDirectory()) {
    throw codedError('output-folder-missing', { file: shown, folder });
  }
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw codedError('output-is-folder', { file: shown, example: { zh: join(shown, '政务公开年度报表.xlsx'), en: join(shown, 'report.xlsx') } });
  }
  if (existing && !force) throw outputExists(shown);
}

/**
 * Without force, the final name is taken with link(), which fails if the name already exists, so a
 * file created by someone else after our check is not replaced either. File systems without hard
 * links fall back to a check followed by rename.
 */
async function linkWithoutOverwrite(shown: string, temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw outputExists(shown);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
    if (await fs.stat(target).then(() => true, () => false)) throw outputExists(shown);
    await fs.rename(temp, target);
    return;
  }
  removeQuietly(temp);
}

/** The output exists and --force was not given (also used by commands that check before working). */
export function outputExists(shown: string): UserError {
  return codedError('output-exists', { file: shown });
}

function toUserError(e: unknown, shown: string): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return codedError('output-not-writable', { file: shown });
  }
  if (code === 'ENOSPC') {
    return codedError('output-disk-full', { file: shown });
  }
  return e;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (renamed into place or never created): nothing to clean up.
  }
}
