/**
 * Builds real workbooks with SheetJS for the reader's tests: the given cells at the catalogue
 * addresses on the catalogue sheets, with a defined name for every indicator and template marker.
 * Options move tables down (rows inserted above), rename sheets, drop or override names.
 */
import * as XLSX from 'xlsx';
import {
  INDICATORS,
  SHEETS,
  T3_COLUMNS,
  T3_PART_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  TEMPLATE_ID,
  TEMPLATE_ID_ADDRESS,
  TEMPLATE_ID_NAME,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_ADDRESS,
  TEMPLATE_VERSION_NAME,
  parseAddress,
  columnLetter,
  t3Name,
  t4Name,
  type SheetKey,
} from '../../src/core/catalogue';
import type { CellReading } from '../../src/core/snapshot';

export type FixtureValue =
  | number
  | string
  | boolean
  | null
  | { formula: string; cached: number | string | { error: string } }
  | { error: string }
  | { date: string }
  | { number: number; format: string };

export interface FixtureName {
  Name: string;
  Ref: string;
  Sheet?: number;
}

export interface FixtureOptions {
  /** Cell contents by defined name (indicators, TEMPLATE_ID, TEMPLATE_VERSION). null or absent: no cell. */
  values?: Record<string, FixtureValue>;
  /** Rows inserted above each sheet's content: cells and names move down by this many rows. */
  rowOffset?: Partial<Record<SheetKey, number>>;
  /** Sheet names that differ from the template's. */
  sheetNames?: Partial<Record<SheetKey, string>>;
  /** Defined names not to write. */
  omitNames?: readonly string[];
  /** Write no defined names at all (a copy-paste of the layout into a new workbook). */
  noNames?: boolean;
  /** Names replacing the generated definition of the same name, or added. */
  extraNames?: readonly FixtureName[];
  /** Write the template markers TEMPLATE_ID / TEMPLATE_VERSION (default true). */
  markers?: boolean;
  /** Use the 1904 date system. */
  date1904?: boolean;
}

const ERROR_CODES: Readonly<Record<string, number>> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
};

function errorCell(text: string): XLSX.CellObject {
  const code = ERROR_CODES[text];
  if (code === undefined) throw new Error(`unknown error value ${text}`);
  return { t: 'e', v: code, w: text };
}

/** ISO date → Excel serial (1900 system; 1904 when asked). */
export function isoToSerial(iso: string, date1904 = false): number {
  const [y, m, d] = iso.split('-').map(Number);
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
  return date1904 ? days - 1462 : days;
}

/** A sheet name as a reference prefix, quoted only when Excel would quote it. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function absolute(address: string): string {
  const { col, row } = parseAddress(address);
  return `$${columnLetter(col)}$${row}`;
}

function cellObject(v: Exclude<FixtureValue, null>, date1904: boolean): XLSX.CellObject {
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  if ('formula' in v) {
    if (typeof v.cached === 'number') return { t: 'n', v: v.cached, f: v.formula };
    if (typeof v.cached === 'string') return { t: 's', v: v.cached, f: v.formula };
    return { ...errorCell(v.cached.error), f: v.formula };
  }
  if ('error' in v) return errorCell(v.error);
  if ('date' in v) return { t: 'n', v: isoToSerial(v.date, date1904), z: 'yyyy-mm-dd' };
  return { t: 'n', v: v.number, z: v.format };
}

interface Placement {
  sheet: SheetKey;
  address: string;
}

function placements(): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const ind of INDICATORS) out.set(ind.name, { sheet: ind.sheet, address: ind.address });
  out.set(TEMPLATE_ID_NAME, { sheet: 'info', address: TEMPLATE_ID_ADDRESS });
  out.set(TEMPLATE_VERSION_NAME, { sheet: 'info', address: TEMPLATE_VERSION_ADDRESS });
  return out;
}

function shifted(address: string, rows: number): string {
  const { col, row } = parseAddress(address);
  return `${columnLetter(col)}${row + rows}`;
}

/** Builds the workbook object. */
export function buildFixtureWorkbook(opts: FixtureOptions = {}): XLSX.WorkBook {
  const date1904 = Boolean(opts.date1904);
  const values: Record<string, FixtureValue> = { ...(opts.values ?? {}) };
  if (opts.markers !== false) {
    if (!(TEMPLATE_ID_NAME in values)) values[TEMPLATE_ID_NAME] = TEMPLATE_ID;
    if (!(TEMPLATE_VERSION_NAME in values)) values[TEMPLATE_VERSION_NAME] = TEMPLATE_VERSION;
  }
  const sheetName = (key: SheetKey): string => opts.sheetNames?.[key] ?? SHEETS.find((s) => s.key === key)!.name;
  const sheets = new Map<SheetKey, XLSX.WorkSheet>();
  for (const spec of SHEETS) {
    const ws: XLSX.WorkSheet = {};
    ws['A1'] = { t: 's', v: spec.name };
    sheets.set(spec.key, ws);
  }
  // Labels in column A beside the column-B inputs (written first: a value cell always wins).
  for (const ind of INDICATORS) {
    const { col, row } = parseAddress(ind.address);
    if (col === 2 && ind.sheet !== 't3' && ind.sheet !== 't4') sheets.get(ind.sheet)![`A${row + (opts.rowOffset?.[ind.sheet] ?? 0)}`] = { t: 's', v: ind.label };
  }
  const where = placements();
  for (const [name, v] of Object.entries(values)) {
    if (v === null) continue;
    const p = where.get(name);
    if (!p) throw new Error(`no placement for ${name}`);
    const addr = shifted(p.address, opts.rowOffset?.[p.sheet] ?? 0);
    sheets.get(p.sheet)![addr] = cellObject(v, date1904);
  }

  const wb = XLSX.utils.book_new();
  for (const spec of SHEETS) {
    const ws = sheets.get(spec.key)!;
    ws['!ref'] = 'A1:AZ80';
    XLSX.utils.book_append_sheet(wb, ws, sheetName(spec.key));
  }
  const names: FixtureName[] = [];
  if (!opts.noNames) {
    const omit = new Set(opts.omitNames ?? []);
    const replaced = new Set((opts.extraNames ?? []).map((n) => n.Name));
    for (const [name, p] of where) {
      if (omit.has(name) || replaced.has(name)) continue;
      const addr = shifted(p.address, opts.rowOffset?.[p.sheet] ?? 0);
      names.push({ Name: name, Ref: `${sheetRef(sheetName(p.sheet))}!${absolute(addr)}` });
    }
    names.push(...(opts.extraNames ?? []));
  }
  wb.Workbook = { Names: names, WBProps: { date1904 } };
  return wb;
}

/** The workbook as file bytes. */
export function fixtureBytes(opts: FixtureOptions = {}, bookType: XLSX.BookType = 'xlsx'): Buffer {
  return XLSX.write(buildFixtureWorkbook(opts), { type: 'buffer', bookType }) as Buffer;
}

/** The catalogue sheet name of a sheet key. */
export function templateSheetName(key: SheetKey): string {
  return SHEETS.find((s) => s.key === key)!.name;
}

/** A complete, consistent report: every indicator filled as a careful unit would. */
export function filledValues(): Record<string, FixtureValue> {
  const v: Record<string, FixtureValue> = {
    INFO_UNIT_NAME: '某某市某某区人民政府办公室',
    INFO_UNIT_TYPE: '县级政府部门',
    INFO_UNIT_CODE: '11110000000000000X',
    INFO_PARENT: '某某区人民政府',
    INFO_YEAR: 2024,
    INFO_CONTACT: '张三',
    INFO_PHONE: '010-12345678',
    INFO_DATE: { date: '2025-01-15' },
    T2_RULE_ISSUED: 0,
    T2_RULE_REPEALED: 0,
    T2_RULE_VALID: 0,
    T2_NORM_ISSUED: 3,
    T2_NORM_REPEALED: 1,
    T2_NORM_VALID: 25,
    T2_LICENSE: 1204,
    T2_PENALTY: 87,
    T2_COERCE: 5,
    T2_FEE: 12.5,
  };
  const rows: Record<string, number[]> = {
    NEW: [40, 6, 1, 0, 2, 1],
    CARRY: [3, 1, 0, 0, 0, 0],
    OPEN: [20, 3, 1, 0, 1, 0],
    PARTIAL: [5, 1, 0, 0, 0, 0],
    NA_NOTHELD: [8, 1, 0, 0, 1, 1],
    NP_REPEAT: [2, 0, 0, 0, 0, 0],
    OT_NOCORRECT: [1, 0, 0, 0, 0, 0],
  };
  const total = T3_PART_COLUMNS.map((_, c) =>
    ['OPEN', 'PARTIAL', 'NA_NOTHELD', 'NP_REPEAT', 'OT_NOCORRECT'].reduce((s, r) => s + rows[r][c], 0),
  );
  rows.TOTAL = total;
  rows.CARRYOUT = T3_PART_COLUMNS.map((_, c) => rows.NEW[c] + rows.CARRY[c] - total[c]);
  for (const row of T3_ROWS) {
    const parts = rows[row.key] ?? [0, 0, 0, 0, 0, 0];
    T3_PART_COLUMNS.forEach((col, c) => (v[t3Name(row.key, col)] = parts[c]));
    const sumCol = T3_COLUMNS[T3_COLUMNS.length - 1].key;
    v[t3Name(row.key, sumCol)] = parts.reduce((a, b) => a + b, 0);
  }
  for (const g of T4_GROUPS) for (const r of T4_RESULTS) v[t4Name(g.key, r.key)] = 0;
  Object.assign(v, { T4_REVIEW_UPHELD: 2, T4_REVIEW_CORRECTED: 1, T4_REVIEW_TOTAL: 3 });
  for (const ind of INDICATORS) if (ind.group === 'W') v[ind.name] = 0;
  Object.assign(v, {
    W_PUB_TOTAL: 3520,
    W_PUB_PORTAL: 3100,
    W_PUB_WECHAT: 1800,
    W_INTERP_TOTAL: 45,
    W_INTERP_LEADER: 6,
    W_HOTLINE_TOTAL: 980,
    W_HOTLINE_INQUIRY: 600,
    W_HOTLINE_COMPLAINT: 380,
    W_HOTLINE_CLOSED: 975,
    W_TRAIN: 4,
    W_TRAIN_PERSONS: 260,
    W_STAFF_FULL: 2,
    W_STAFF_PART: 5,
  });
  v.TXT_OVERVIEW = '2024年，本单位坚持以公开为常态、不公开为例外，全面推进政务公开工作。'.repeat(8);
  v.TXT_PROBLEMS = '政策解读形式较为单一，下一步将丰富图解、视频等解读形式。'.repeat(4);
  v.TXT_OTHER = '无其他需要报告的事项。';
  v.TXT_FEE = '未收取信息处理费';
  v.FEE_YUAN = 0;
  return v;
}

/** The fields of a reading a test compares (sheet/address checked separately). */
export type ReadingEssence = Pick<CellReading, 'cls' | 'value' | 'raw' | 'text' | 'formula' | 'unitText' | 'date'>;

export function essence(r: CellReading | undefined): ReadingEssence | undefined {
  if (!r) return undefined;
  const { cls, value, raw, text, formula, unitText, date } = r;
  return { cls, value, raw, text, formula, unitText, date };
}

/** One cell per value class (with the reading expected from it) the rules must tell apart; each on a count indicator of 表二/表四/工作指标. */
export const CLASS_CASES: ReadonlyArray<[string, FixtureValue, ReadingEssence]> = [
  ['T2_RULE_ISSUED', null, { cls: 'blank', value: null, raw: null, text: '', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_RULE_REPEALED', 0, { cls: 'number', value: 0, raw: 0, text: '0', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_RULE_VALID', 37, { cls: 'number', value: 37, raw: 37, text: '37', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_NORM_ISSUED', '12', { cls: 'text-number', value: 12, raw: '12', text: '12', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_NORM_REPEALED', '１２', { cls: 'fullwidth-number', value: 12, raw: '１２', text: '１２', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_NORM_VALID', '12件', { cls: 'number-with-unit', value: 12, raw: '12件', text: '12件', formula: undefined, unitText: '件', date: undefined }],
  ['T2_LICENSE', 'XX', { cls: 'placeholder', value: null, raw: 'XX', text: 'XX', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_PENALTY', '若干', { cls: 'placeholder', value: null, raw: '若干', text: '若干', formula: undefined, unitText: undefined, date: undefined }],
  ['T2_COERCE', '××', { cls: 'placeholder', value: null, raw: '××', text: '××', formula: undefined, unitText: undefined, date: undefined }],
  ['T4_REVIEW_UPHELD', '/', { cls: 'dash', value: null, raw: '/', text: '/', formula: undefined, unitText: undefined, date: undefined }],
  ['T4_REVIEW_CORRECTED', '—', { cls: 'dash', value: null, raw: '—', text: '—', formula: undefined, unitText: undefined, date: undefined }],
  ['T4_REVIEW_OTHER', '－', { cls: 'dash', value: null, raw: '－', text: '－', formula: undefined, unitText: undefined, date: undefined }],
  ['T4_REVIEW_PENDING', '无', { cls: 'dash', value: null, raw: '无', text: '无', formula: undefined, unitText: undefined, date: undefined }],
  ['W_PUB_TOTAL', '230余', { cls: 'approximation', value: null, raw: '230余', text: '230余', formula: undefined, unitText: undefined, date: undefined }],
  ['W_PUB_PORTAL', '近50', { cls: 'approximation', value: null, raw: '近50', text: '近50', formula: undefined, unitText: undefined, date: undefined }],
  ['W_PUB_WECHAT', '400多', { cls: 'approximation', value: null, raw: '400多', text: '400多', formula: undefined, unitText: undefined, date: undefined }],
  ['W_PUB_WEIBO', { error: '#REF!' }, { cls: 'error', value: null, raw: '#REF!', text: '#REF!', formula: undefined, unitText: undefined, date: undefined }],
  ['W_PUB_OTHERMEDIA', { formula: 'W_PUB_PORTAL+1', cached: 51 }, { cls: 'number', value: 51, raw: 51, text: '51', formula: 'W_PUB_PORTAL+1', unitText: undefined, date: undefined }],
  ['W_INTERP_TOTAL', -3, { cls: 'number', value: -3, raw: -3, text: '-3', formula: undefined, unitText: undefined, date: undefined }],
  ['W_INTERP_LEADER', 2.5, { cls: 'number', value: 2.5, raw: 2.5, text: '2.5', formula: undefined, unitText: undefined, date: undefined }],
  ['W_INTERP_GRAPHIC', { formula: '1/0', cached: { error: '#DIV/0!' } }, { cls: 'error', value: null, raw: '#DIV/0!', text: '#DIV/0!', formula: '1/0', unitText: undefined, date: undefined }],
  ['W_INTERP_VIDEO', { formula: 'IF(1,"",0)', cached: '' }, { cls: 'blank', value: null, raw: '', text: '', formula: 'IF(1,"",0)', unitText: undefined, date: undefined }],
  ['INFO_DATE', { date: '2024-01-15' }, { cls: 'date', value: null, raw: '2024-01-15', text: '2024-01-15', formula: undefined, unitText: undefined, date: '2024-01-15' }],
];

