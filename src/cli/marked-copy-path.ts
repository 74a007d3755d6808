/**
 * Where the marked copy (问题标注) of a submission goes: `<单位名称>-问题标注.xlsx` (core/marked-copy-name)
 * in the same sub-folder, relative to the folder given on the command line, as the submission — so
 * two units' `年报.xlsx` in different sub-folders stay apart. Node only (paths).
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { markedCopyName } from '../core/marked-copy-name';
import type { Locale } from '../core/report';

export { safeStem } from '../core/marked-copy-name';

/**
 * The folder of `file` relative to the folder given on the command line that holds it ('' when
 * the file was named directly or lies in no given folder). `folders` are resolved paths.
 */
export function subFolderOf(file: string, folders: readonly string[]): string {
  const full = resolve(file);
  let best = '';
  for (const root of folders) {
    if ((full.startsWith(root + sep) || full.startsWith(root + '/')) && root.length > best.length) best = root;
  }
  return best ? dirname(relative(best, full)).replace(/^\.$/, '') : '';
}

/**
 * Relative path (inside the marked-copies folder) of a submission's marked copy. A path taken
 * earlier in the batch (compared case-insensitively, as Windows does) gets -2, -3, ….
 */
export function markedCopyPath(file: string, unitName: string | null, folders: readonly string[], locale: Locale, taken: Set<string>): string {
  return markedCopyName(file, unitName, locale, taken, subFolderOf(file, folders), join);
}
