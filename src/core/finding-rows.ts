/**
 * One finding as one row of a 问题清单 (findings list) sheet: the marked copy a unit gets back and
 * the coordinator's summary workbook list findings with the same columns, in the same order
 * (errors before warnings before information within a sheet, see rules/findings.ts), with the
 * same words. The summary adds the unit (name and file) in front, as it lists many units.
 *
 *   序号 | [单位名称 | 文件] | 级别 | 检查项 | 工作表 | 说明 | 单元格 (every cell of the finding)
 *
 * Pure data: the writers decide how a cell reference is shown (a link in the marked copy, text in
 * the summary, where the cells live in other workbooks).
 */
import type { Finding, FindingCell, Locale, Severity, SeverityCounts } from './report';

/** A finding, reduced to what a findings list shows. */
export interface FindingRow {
  /** 1-based number of the finding in its list. */
  seq: number;
  /** The unit's name and file, in lists over many units (the summary); null in a unit's own copy. */
  unit: { name: string | null; file: string } | null;
  severity: Severity;
  /** Check id of checks.md, e.g. T3-BALANCE. */
  rule: string;
  /** Sheet of the first cell ('' when the finding concerns the whole workbook). */
  sheet: string;
  message: string;
  /** Every cell of the finding, the one to jump to first. */
  cells: FindingCell[];
}

export const SEVERITY_WORD: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** Keys of the columns, in order; `unit` and `file` only in lists over many units. */
export type FindingColumn = 'seq' | 'unit' | 'file' | 'severity' | 'rule' | 'sheet' | 'message' | 'cells';

const HEADER: Record<Locale, Record<FindingColumn, string>> = {
  'zh-CN': { seq: '序号', unit: '单位名称', file: '文件', severity: '级别', rule: '检查项', sheet: '工作表', message: '说明', cells: '单元格' },
  en: { seq: 'No.', unit: 'Unit', file: 'File', severity: 'Severity', rule: 'Check', sheet: 'Sheet', message: 'Message', cells: 'Cells' },
};

/** Column widths in characters (a CJK character counts two). */
export const FINDING_COLUMN_WIDTH: Record<FindingColumn, number> = {
  seq: 6,
  unit: 28,
  file: 30,
  severity: 7,
  rule: 18,
  sheet: 16,
  message: 60,
  cells: 10,
};

/** The columns of a findings list: `withUnit` for lists over many units. */
export function findingColumns(withUnit: boolean): FindingColumn[] {
  return withUnit
    ? ['seq', 'unit', 'file', 'severity', 'rule', 'sheet', 'message', 'cells']
    : ['seq', 'severity', 'rule', 'sheet', 'message', 'cells'];
}

/** The header text of a column in the locale, e.g. 'cells' → 单元格. */
export function findingHeader(column: FindingColumn, locale: Locale): string {
  return HEADER[locale][column];
}

/** Rows of one unit's findings (already in the core order), numbered from `firstSeq`. */
export function findingRowsOf(
  findings: readonly Pick<Finding, 'severity' | 'rule' | 'message' | 'cells'>[],
  unit: FindingRow['unit'] = null,
  firstSeq = 1,
): FindingRow[] {
  return findings.map((f, i) => ({
    seq: firstSeq + i,
    unit,
    severity: f.severity,
    rule: f.rule,
    sheet: f.cells[0]?.sheet ?? '',
    message: f.message,
    cells: f.cells.slice(),
  }));
}

/**
 * How a cell is named in a list: its A1 address when it is on the row's sheet, else sheet!A1
 * (a check across tables names cells of two sheets); a report document's cell by its location.
 */
export function cellLabel(row: Pick<FindingRow, 'sheet'>, cell: FindingCell): string {
  // A cell of a Word or web report is named by its place in the document ("表三 第4行「总计」列").
  if (cell.location) return cell.location;
  return cell.sheet === row.sheet ? cell.address : `${cell.sheet}!${cell.address}`;
}

/** All cells of a row as one text, for lists whose cells cannot be links. */
export function cellsText(row: Pick<FindingRow, 'sheet' | 'cells'>, locale: Locale): string {
  return row.cells.map((c) => cellLabel(row, c)).join(locale === 'en' ? ', ' : '、');
}

/** Counts by severity. */
export function severityCounts(rows: readonly Pick<FindingRow, 'severity'>[]): SeverityCounts {
  const n: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const r of rows) n[r.severity] += 1;
  return n;
}

/** "错误 2 · 警告 1 · 提示 0" */
export function countsLine(n: SeverityCounts, locale: Locale): string {
  const w = SEVERITY_WORD[locale];
  return `${w.error} ${n.error} · ${w.warning} ${n.warning} · ${w.info} ${n.info}`;
}

/**
 * Display width of a text in character widths (CJK and full-width characters count two), to size
 * wrapped rows: spreadsheet programs do not grow a row for wrapped text written by a program.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Lines a text takes in a wrapped column `width` characters wide (explicit line breaks count). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Row height in points for `lines` lines of 11-point text (Excel's default line is 15 points). */
export function rowHeightFor(lines: number): number {
  return Math.min(409, Math.max(1, lines) * 15 + 3);
}
