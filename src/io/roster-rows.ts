/**
 * The roster (名册) from its bytes: the browser-safe part of src/io/roster.ts (no Node built-ins),
 * shared by `zwgk summary --roster` and the web page. See roster.ts for the accepted layouts.
 */
import * as XLSX from 'xlsx';
import { UserError } from '../core/errors';
import type { RosterEntry } from '../core/summary/roster';

type Column = 'code' | 'name' | 'type';

const HEADERS: Record<Column, readonly string[]> = {
  code: ['单位代码', '统一社会信用代码', '社会信用代码', '信用代码', '代码', 'code', 'unitcode', 'creditcode', 'unifiedsocialcreditcode', 'uscc'],
  name: ['单位名称', '名称', '单位', 'name', 'unitname', 'unit'],
  type: ['单位类型', '类型', 'type', 'unittype'],
};

function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/[\s_\-:：*＊]+/gu, '').toLowerCase();
}

function columnOf(header: string): Column | null {
  const h = normaliseHeader(header);
  for (const col of ['code', 'name', 'type'] as const) if (HEADERS[col].includes(h)) return col;
  return null;
}

/**
 * Decodes CSV or text bytes: UTF-16 with its byte-order mark (Excel's and WPS's "Unicode 文本"),
 * UTF-8 when valid (BOM dropped), else GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The field separator of a text roster: tab ("Unicode 文本", tab-separated) when its first line has more tabs than commas. */
function separatorOf(text: string): string {
  const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const tabs = first.split('\t').length - 1;
  const commas = first.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, "" for a quote, CRLF or LF); tab-separated text too. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows above the header that may hold a title (merged across the columns) or notes. */
const MAX_TITLE_ROWS = 10;

/** A credit code Excel stored as a number, shown in scientific notation or as a bare digit string. */
const CODE_AS_NUMBER = /^\d(?:\.\d+)?E\+?\d+$/i;

/**
 * Turns the rows of a roster into entries. The header is the first row (of the first ten) that names
 * a code or a name column, so a title row above it (merged across the columns, as offices make
 * them) and a 序号 column are fine. `numericCells` lists the cells (row → columns) that held numbers.
 */
export function rosterFromRows(
  rows: readonly (readonly string[])[],
  source: string,
  numericCells: ReadonlyMap<number, ReadonlySet<number>> = new Map(),
): RosterEntry[] {
  const firstFilled = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const found = rows.slice(0, MAX_TITLE_ROWS).findIndex((r) => r.some((c) => columnOf(c) === 'code' || columnOf(c) === 'name'));
  const headerAt = found >= 0 ? found : firstFilled;
  if (headerAt < 0) {
    throw new UserError('roster-empty', {
      'zh-CN': `名册“${source}”是空的：请在第一行写表头（单位代码、单位名称、单位类型），下面每行一个单位。`,
      en: `The roster "${source}" is empty: put a header row (单位代码, 单位名称, 单位类型 or code, name, type) and one unit per row below it.`,
    });
  }
  const idx: Partial<Record<Column, number>> = {};
  rows[headerAt].forEach((h, i) => {
    const col = columnOf(h);
    if (col && idx[col] === undefined) idx[col] = i;
  });
  if (idx.code === undefined && idx.name === undefined) {
    throw new UserError('roster-no-columns', {
      'zh-CN': `名册“${source}”的第一行没有“单位代码”（或“统一社会信用代码”）列，也没有“单位名称”列：请加上这样的表头。`,
      en: `The first row of the roster "${source}" has neither a "单位代码"/"code" column nor a "单位名称"/"name" column: add such a header.`,
    });
  }
  const get = (r: readonly string[], col: Column): string | null => {
    const i = idx[col];
    const v = i === undefined ? '' : (r[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const out: RosterEntry[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const code = get(rows[i], 'code');
    const name = get(rows[i], 'name');
    if (code === null && name === null) continue;
    const entry: RosterEntry = { code, name, type: get(rows[i], 'type'), line: i + 1 };
    // 18 characters do not fit a number: stored as one, the code has lost its last digits.
    if (code !== null && ((idx.code !== undefined && numericCells.get(i)?.has(idx.code)) || CODE_AS_NUMBER.test(code))) {
      entry.code = null;
      entry.codeLostDigits = code;
    }
    out.push(entry);
  }
  return out;
}

function workbookRows(data: Uint8Array): { rows: string[][]; numeric: Map<number, Set<number>> } {
  const wb = XLSX.read(data, { type: 'array', cellFormula: false, cellHTML: false });
  const first = wb.SheetNames[0];
  const sheet = first ? wb.Sheets[first] : undefined;
  if (!sheet) return { rows: [], numeric: new Map() };
  // Formatted text (raw: false) keeps long codes as typed; blankrows keeps row numbers right.
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  // Which cells hold numbers (row → columns), relative to the first row sheet_to_json returned.
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true });
  const numeric = new Map<number, Set<number>>();
  raw.forEach((r, i) => r.forEach((c, j) => {
    if (typeof c !== 'number') return;
    if (!numeric.has(i)) numeric.set(i, new Set());
    numeric.get(i)?.add(j);
  }));
  return { rows: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))), numeric };
}

/** The extension of a file name as node:path's extname gives it ("" for ".hidden" or no dot). */
function extOf(path: string): string {
  const base = path.split(/[/\\]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/**
 * Parses a roster file's bytes by its extension (.csv/.txt, .xlsx/.xlsm/.xls/.ods); `path` names the
 * file in messages. Throws UserError roster-unreadable, roster-format, roster-empty, roster-no-columns.
 */
export function rosterFromBytes(data: Uint8Array, path: string): RosterEntry[] {
  const ext = extOf(path.trim()).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return rosterFromRows(parseCsv(decodeCsv(data)), path);
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    let read: ReturnType<typeof workbookRows>;
    try {
      read = workbookRows(data);
    } catch {
      throw new UserError('roster-unreadable', {
        'zh-CN': `无法读取名册“${path}”：文件已损坏或不是表格文件，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再试。`,
        en: `Cannot read the roster "${path}": the file is damaged or not a spreadsheet; save it as .xlsx or .csv and try again.`,
      });
    }
    return rosterFromRows(read.rows, path, read.numeric);
  }
  throw new UserError('roster-format', {
    'zh-CN': `名册“${path}”的格式不支持：请使用 .xlsx、.xls、.ods 或 .csv 文件。`,
    en: `The roster "${path}" has an unsupported format: use an .xlsx, .xls, .ods or .csv file.`,
  });
}
