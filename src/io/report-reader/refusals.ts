/**
 * Refusals for report documents (.docx, .html): one sentence per locale naming the file, what is
 * wrong and what to do.
 */
import { codedError } from '../../core/codes/registry';
import { UserError } from '../../core/errors';

export function documentCorrupt(file: string, detail: string): UserError {
  return new UserError('corrupt', {
    'zh-CN': `文件“${file}”已损坏或不完整（${detail}），无法读取：请在 Word 或 WPS 中打开并另存为 .docx，或重新获取原文件。`,
    en: `The file "${file}" is damaged or incomplete (${detail}) and cannot be read: open it in Word or WPS and save it as .docx, or get the original file again.`,
  });
}

export function documentTooLarge(file: string, limitBytes: number): UserError {
  const mb = (limitBytes / (1024 * 1024)).toFixed(0);
  return new UserError('zip-bomb', {
    'zh-CN': `文件“${file}”解压后超过 ${mb} MB 的安全上限，已拒绝读取：年度报告不会这么大，请确认文件来源。`,
    en: `The file "${file}" unpacks to more than the ${mb} MB safety limit, so it was not read: an annual report is never this large; check where the file came from.`,
  });
}

/** The document holds none of 表二, 表三, 表四 as a table (tables as pictures, or another document). */
export function noReportTables(file: string): UserError {
  return codedError('no-report-tables', { file });
}
