/**
 * Reads the roster (名册) of units expected to report: a workbook (.xlsx/.xlsm/.xls/.ods, first
 * sheet) or a .csv file. The first non-empty row is the header; columns are found by name, in
 * Chinese or English (单位代码/统一社会信用代码/code, 单位名称/name, 单位类型/type), in any order.
 * CSV files may be UTF-8 (with or without BOM) or GBK/GB18030, as saved by Excel or WPS on a
 * Chinese Windows.
 */
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../core/errors';
import type { RosterEntry } from '../core/summary/roster';
import { rosterFromBytes } from './roster-rows';

export { decodeCsv, parseCsv, rosterFromRows, rosterFromBytes } from './roster-rows';

/** Largest roster read: a list of a few thousand units is a few hundred KB. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/**
 * Reads a roster file; `disk` is the path to open when it differs from the one shown (GBK names).
 * A file over MAX_ROSTER_BYTES is refused before it is read (the CLI reads rosters in its guard,
 * under the same time and memory limits as a submission).
 */
export async function readRoster(path: string, disk: string | Buffer = path): Promise<RosterEntry[]> {
  const size = await stat(disk).then((s) => (s.isFile() ? s.size : -1), () => 0);
  if (size < 0 || size > MAX_ROSTER_BYTES) {
    throw new UserError(size < 0 ? 'roster-not-file' : 'roster-too-large', {
      'zh-CN': `名册“${path}”${size < 0 ? '不是普通文件' : `有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_ROSTER_BYTES / 1048576} MB 的上限`}：名册只需单位代码、名称和类型三列，请检查是否选错了文件。`,
      en: `The roster "${path}" ${size < 0 ? 'is not a regular file' : `is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_ROSTER_BYTES / 1048576} MB limit`}: a roster needs only the code, name and type columns; check that it is the right file.`,
    });
  }
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(disk));
  } catch {
    throw new UserError('roster-not-found', {
      'zh-CN': `无法读取名册“${path}”：文件不存在或没有读取权限，请检查路径。`,
      en: `Cannot read the roster "${path}": the file does not exist or is not readable; check the path.`,
    });
  }
  return rosterFromBytes(data, path);
}
