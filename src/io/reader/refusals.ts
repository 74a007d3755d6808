/**
 * The reader's refusals: one UserError per kind of unreadable input, each with one sentence per
 * locale that names the file, says what is wrong and what to do.
 */
import { UserError } from '../../core/errors';

export type RefusalCode =
  | 'empty-file'
  | 'too-large'
  | 'not-spreadsheet'
  | 'csv-not-supported'
  | 'encrypted'
  | 'corrupt'
  | 'zip-bomb'
  | 'wps-et'
  | 'unsupported-format'
  | 'file-not-found'
  | 'not-a-file'
  | 'unreadable';

/** What a non-spreadsheet or unsupported file turned out to be, for the message. */
export interface Kind {
  zh: string;
  en: string;
}

export const KINDS = {
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  word: { zh: 'Word 文档', en: 'a Word document' },
  powerpoint: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
  odfOther: { zh: 'OpenDocument 文本或演示文稿', en: 'an OpenDocument text or presentation' },
  zip: { zh: '一个不含工作簿的压缩包', en: 'a zip archive without a workbook in it' },
  html: { zh: '网页（HTML）文件', en: 'a web page (HTML)' },
  rtf: { zh: 'RTF 文档', en: 'an RTF document' },
  ole: { zh: '不含工作表的 Office 复合文档', en: 'an Office compound file without a worksheet' },
  unknown: { zh: '无法识别的内容', en: 'content of an unknown kind' },
  numbers: { zh: 'Apple Numbers 表格', en: 'an Apple Numbers spreadsheet' },
  xml2003: { zh: 'Excel 2003 XML 表格', en: 'an Excel 2003 XML spreadsheet' },
  flatOds: { zh: '单文件 OpenDocument（.fods）表格', en: 'a flat OpenDocument (.fods) spreadsheet' },
  biffOld: { zh: 'Excel 2.x–4.x 旧版工作表', en: 'an old Excel 2.x–4.x worksheet' },
} satisfies Record<string, Kind>;

/** What is damaged, for the 'corrupt' message. */
export const DAMAGE = {
  truncated: { zh: '文件被截断', en: 'the file is cut off' },
  zip: { zh: '压缩结构损坏', en: 'its zip structure is broken' },
  ole: { zh: 'Office 复合文档结构损坏', en: 'its Office compound-file structure is broken' },
  content: { zh: '工作簿内容无法解析', en: 'its workbook content cannot be parsed' },
} satisfies Record<string, Kind>;

/** A size for people: MB with one decimal, KB below 1 MB. */
function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function refuse(code: RefusalCode, zh: string, en: string): UserError {
  return new UserError(code, { 'zh-CN': zh, en });
}

export function emptyFile(file: string): UserError {
  return refuse(
    'empty-file',
    `文件“${file}”是空文件（0 字节），无法读取：请重新保存或重新获取填写好的年报工作簿。`,
    `The file "${file}" is empty (0 bytes): save it again or get the filled-in report workbook again.`,
  );
}

export function tooLarge(file: string, size: number, limit: number): UserError {
  return refuse(
    'too-large',
    `文件“${file}”大小为 ${megabytes(size)}，超过 ${megabytes(limit)} 的上限，不像年报工作簿：请确认选对了文件，或删除其中的图片等大对象后另存再试。`,
    `The file "${file}" is ${megabytes(size)}, over the ${megabytes(limit)} limit for a report workbook: check that this is the right file, or remove pictures and other large objects, save and try again.`,
  );
}

export function notSpreadsheet(file: string, kind: Kind): UserError {
  return refuse(
    'not-spreadsheet',
    `文件“${file}”不是电子表格，而是${kind.zh}：请选择用标准模板填写的 Excel 工作簿（.xlsx）。`,
    `The file "${file}" is not a spreadsheet but ${kind.en}: choose the Excel workbook (.xlsx) filled in from the standard template.`,
  );
}

export function csvNotSupported(file: string): UserError {
  return refuse(
    'csv-not-supported',
    `文件“${file}”是纯文本（CSV/TXT）文件，没有指标的定义名称，无法按指标读取：请用标准模板填写后保存为 Excel 工作簿（.xlsx）。`,
    `The file "${file}" is plain text (CSV/TXT) and carries no indicator names, so it cannot be read: fill in the standard template and save it as an Excel workbook (.xlsx).`,
  );
}

export function encrypted(file: string): UserError {
  return refuse(
    'encrypted',
    `文件“${file}”设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存后再校验。`,
    `The file "${file}" is protected with a password (encrypted) and cannot be read: open it in Excel or WPS, clear the password under File → Info → Protect Workbook → Encrypt with Password, save, and check it again.`,
  );
}

export function corrupt(file: string, detail: Kind): UserError {
  return refuse(
    'corrupt',
    `文件“${file}”已损坏或不完整（${detail.zh}），无法读取：请在 Excel 或 WPS 中打开并另存为 .xlsx，或重新获取原文件。`,
    `The file "${file}" is damaged or incomplete (${detail.en}) and cannot be read: open it in Excel or WPS and save it as .xlsx, or get the original file again.`,
  );
}

export function zipBomb(file: string, size: number, limit: number): UserError {
  return refuse(
    'zip-bomb',
    `文件“${file}”解压后至少有 ${megabytes(size)}，超过 ${megabytes(limit)} 的安全上限，已拒绝读取：年报工作簿不会这么大，请确认文件来源，必要时在 Excel 中另存为 .xlsx 后再试。`,
    `The file "${file}" unpacks to at least ${megabytes(size)}, over the ${megabytes(limit)} safety limit, so it was not read: a report workbook is never this large; check where the file came from and, if it is genuine, save it again as .xlsx in Excel.`,
  );
}

export function wpsEt(file: string): UserError {
  return refuse(
    'wps-et',
    `文件“${file}”是 WPS 表格专用格式（.et），无法读取：请在 WPS 中用“另存为”保存为 Excel 工作簿（.xlsx）后再校验。`,
    `The file "${file}" is in the WPS Spreadsheets format (.et), which cannot be read: in WPS use "Save As" to save it as an Excel workbook (.xlsx) and check it again.`,
  );
}

export function unsupportedFormat(file: string, kind: Kind): UserError {
  return refuse(
    'unsupported-format',
    `文件“${file}”是${kind.zh}，不支持这种格式：请在原软件中另存为 Excel 工作簿（.xlsx）后再校验。`,
    `The file "${file}" is ${kind.en}, a format that is not supported: save it as an Excel workbook (.xlsx) in the program that made it and check it again.`,
  );
}

export function fileNotFound(file: string): UserError {
  return refuse(
    'file-not-found',
    `找不到文件“${file}”：请检查路径和文件名。`,
    `The file "${file}" does not exist: check the path and the file name.`,
  );
}

export function notAFile(file: string): UserError {
  return refuse(
    'not-a-file',
    `“${file}”不是文件（可能是文件夹）：请指定一个工作簿文件。`,
    `"${file}" is not a file (perhaps a folder): name a workbook file.`,
  );
}

export function unreadable(file: string, reason: string): UserError {
  return refuse(
    'unreadable',
    `无法打开文件“${file}”（${reason}）：请检查文件权限，或关闭正在使用它的程序后再试。`,
    `The file "${file}" cannot be opened (${reason}): check its permissions, or close the program that is using it, and try again.`,
  );
}
