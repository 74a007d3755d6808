/**
 * Where the marked copy (问题标注) of a submission goes: `<单位名称>-问题标注.xlsx` in the same
 * sub-folder, relative to the folder given on the command line, as the submission — so a
 * coordinator sees at a glance whose copy it is, and two units' `年报.xlsx` in different
 * sub-folders stay apart. Node only (paths).
 */
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Locale } from '../core/report';

const SUFFIX: Record<Locale, string> = { 'zh-CN': '问题标注', en: 'marked' };
/** Characters Windows refuses in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_STEM = 80;

/** A unit name made safe as a file name: unsafe characters become "_", no leading/trailing dots or spaces. */
export function safeStem(name: string): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return Array.from(cleaned).slice(0, MAX_STEM).join('');
}

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
 * Relative path (inside the marked-copies folder) of a submission's marked copy. The unit name
 * comes from the workbook (INFO_UNIT_NAME); without one the file's own name is used. A path taken
 * earlier in the batch (compared case-insensitively, as Windows does) gets -2, -3, ….
 */
export function markedCopyPath(file: string, unitName: string | null, folders: readonly string[], locale: Locale, taken: Set<string>): string {
  const ext = extname(file).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  const stem = safeStem(unitName ?? '') || safeStem(basename(file, extname(file))) || 'workbook';
  const dir = subFolderOf(file, folders);
  let candidate = join(dir, `${stem}-${SUFFIX[locale]}${ext}`);
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = join(dir, `${stem}-${SUFFIX[locale]}-${i}${ext}`);
  taken.add(candidate.toLowerCase());
  return candidate;
}
