/**
 * Reads the roster (名册) of units expected to report: a workbook (.xlsx/.xlsm/.xls/.ods, first
 * sheet) or a .csv file. The first non-empty row is the header; columns are found by name, in
 * Chinese or English (单位代码/统一社会信用代码/code, 单位名称/name, 单位类型/type), in any order.
 * CSV files may be UTF-8 (with or without BOM) or GBK/GB18030, as saved by Excel or WPS on a
 * Chinese Windows.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors';
import type { RosterEntry } from '../core/summary/roster';
import { rosterFromBytes } from './roster-rows';

export { decodeCsv, parseCsv, rosterFromRows, rosterFromBytes } from './roster-rows';

/** Reads a roster file; `disk` is the path to open when it differs from the one shown (GBK names). */
export async function readRoster(path: string, disk: string | Buffer = path): Promise<RosterEntry[]> {
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
