/**
 * Writes an output file so that a reader never sees half of it: the bytes go to a temporary file in
 * the same folder (same file system, so the final rename is atomic), then the temporary file takes
 * the final name. An existing file is never replaced unless the caller asks for it, and the
 * temporary file is removed when anything fails or the user presses Ctrl+C meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors';

export interface AtomicWriteOptions {
  /** Replace an existing file (default: refuse with UserError 'output-exists'). */
  force?: boolean;
}

export async function writeFileAtomic(path: string, data: Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  await writeAtomicWith(path, (temp) => fs.writeFile(temp, data, { flag: 'wx' }), opts);
}

/**
 * The same, for a writer that produces the file itself (a stream): `write` creates the temporary
 * file it is given (a name of its own in the target's folder) and resolves once it is complete.
 */
export async function writeAtomicWith(path: string, write: (temp: string) => Promise<void>, opts: AtomicWriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  await assertWritableTarget(path, target, folder, opts.force === true);

  // A short name of its own: a final name near the file-system limit (255 bytes) must not make the
  // temporary name too long.
  const temp = join(folder, `.zwgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // Ctrl+C between creating and renaming the temporary file must not leave it behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    removeQuietly(temp);
    process.removeListener(signal, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await write(temp);
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
  if (folderStat && !folderStat.isDirectory()) {
    throw new UserError('output-folder-not-folder', {
      'zh-CN': `无法写入“${shown}”：“${folder}”是一个文件，不是文件夹，请换一个输出路径。`,
      en: `Cannot write "${shown}": "${folder}" is a file, not a folder; choose another output path.`,
    });
  }
  if (!folderStat) {
    throw new UserError('output-folder-missing', {
      'zh-CN': `无法写入“${shown}”：文件夹“${folder}”不存在，请先创建该文件夹或换一个输出路径。`,
      en: `Cannot write "${shown}": the folder "${folder}" does not exist; create it or choose another output path.`,
    });
  }
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new UserError('output-is-folder', {
      'zh-CN': `无法写入“${shown}”：这是一个文件夹，请给出文件名（如 ${join(shown, '政务公开年度报表.xlsx')}）。`,
      en: `Cannot write "${shown}": it is a folder; give a file name (e.g. ${join(shown, 'report.xlsx')}).`,
    });
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

function outputExists(shown: string): UserError {
  return new UserError('output-exists', {
    'zh-CN': `文件“${shown}”已存在，未覆盖：请换一个文件名，或加 --force 覆盖原文件。`,
    en: `The file "${shown}" already exists and was left unchanged; choose another name or add --force to replace it.`,
  });
}

function toUserError(e: unknown, shown: string): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EROFS') {
    return new UserError('output-read-only', {
      'zh-CN': `无法写入“${shown}”：该位置是只读的（如光盘、只读共享或写保护的 U 盘），请换一个可写的文件夹。`,
      en: `Cannot write "${shown}": the location is read-only (a disc, a read-only share or a write-protected USB stick); choose a writable folder.`,
    });
  }
  if (code === 'ENAMETOOLONG') {
    return new UserError('output-name-too-long', {
      'zh-CN': `无法写入“${shown}”：文件名或路径太长，请换一个短一些的名称。`,
      en: `Cannot write "${shown}": the file name or path is too long; choose a shorter name.`,
    });
  }
  if (code === 'ENOTDIR') {
    return new UserError('output-folder-not-folder', {
      'zh-CN': `无法写入“${shown}”：路径中有一部分是文件而不是文件夹，请检查输出路径。`,
      en: `Cannot write "${shown}": part of the path is a file, not a folder; check the output path.`,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError('output-not-writable', {
      'zh-CN': `无法写入“${shown}”：没有写入权限，请换一个文件夹或检查文件权限。`,
      en: `Cannot write "${shown}": permission denied; choose another folder or check the permissions.`,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError('output-disk-full', {
      'zh-CN': `无法写入“${shown}”：磁盘空间不足，请清理磁盘后重试。`,
      en: `Cannot write "${shown}": the disk is full; free some space and try again.`,
    });
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
