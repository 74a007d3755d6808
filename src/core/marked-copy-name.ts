/**
 * The file name of a marked copy (问题标注): `<单位名称>-问题标注.xlsx` — whose copy it is and that it
 * is a marked copy, at a glance. Pure, for every host (the CLI adds the sub-folder; the web page
 * offers the file for download or puts it in a .zip).
 */
import type { Locale } from './report';

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
 * The marked copy's file name for the submission `fileName` (a base name or a path) of the unit
 * `unitName` (INFO_UNIT_NAME; without one the file's own name is used). `taken` holds the names
 * given earlier in the batch, compared case-insensitively as Windows does; a taken name gets -2, -3, ….
 * `dir` (default '') is prefixed with `join` so that hosts with folders keep them apart in `taken`.
 */
export function markedCopyName(
  fileName: string,
  unitName: string | null,
  locale: Locale,
  taken: Set<string>,
  dir = '',
  join: (dir: string, name: string) => string = (d, n) => (d ? `${d}/${n}` : n),
): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const stemOfFile = dot > 0 ? base.slice(0, dot) : base;
  const ext = /\.xlsm$/i.test(base) ? '.xlsm' : '.xlsx';
  const stem = safeStem(unitName ?? '') || safeStem(stemOfFile) || 'workbook';
  let candidate = join(dir, `${stem}-${SUFFIX[locale]}${ext}`);
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = join(dir, `${stem}-${SUFFIX[locale]}-${i}${ext}`);
  taken.add(candidate.toLowerCase());
  return candidate;
}
