/**
 * The reader's refusals: one UserError per kind of unreadable input, carrying the file and the facts;
 * the sentence (what file, what is wrong, what to do) comes from the code registry.
 */
import { codedError, type CodeData } from '../../core/codes/registry';
import type { UserError } from '../../core/errors';

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

function refuse(code: RefusalCode, data: CodeData): UserError {
  return codedError(code, data);
}

// The text of every refusal is in the code registry (core/codes/entries); a refusal carries data.

export function emptyFile(file: string): UserError {
  return refuse('empty-file', { file });
}

export function tooLarge(file: string, size: number, limit: number): UserError {
  return refuse('too-large', { file, size: megabytes(size), limit: megabytes(limit), bytes: size, limitBytes: limit });
}

export function notSpreadsheet(file: string, kind: Kind): UserError {
  return refuse('not-spreadsheet', { file, kind });
}

export function csvNotSupported(file: string): UserError {
  return refuse('csv-not-supported', { file });
}

export function encrypted(file: string): UserError {
  return refuse('encrypted', { file });
}

export function corrupt(file: string, detail: Kind): UserError {
  return refuse('corrupt', { file, detail });
}

export function zipBomb(file: string, size: number, limit: number): UserError {
  return refuse('zip-bomb', { file, size: megabytes(size), limit: megabytes(limit), bytes: size, limitBytes: limit });
}

export function wpsEt(file: string): UserError {
  return refuse('wps-et', { file });
}

export function unsupportedFormat(file: string, kind: Kind): UserError {
  return refuse('unsupported-format', { file, kind });
}

export function fileNotFound(file: string): UserError {
  return refuse('file-not-found', { file });
}

export function notAFile(file: string): UserError {
  return refuse('not-a-file', { file });
}

export function unreadable(file: string, reason: string): UserError {
  return refuse('unreadable', { file, reason });
}
