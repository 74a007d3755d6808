/**
 * The summary sheets as plain rows of values: 汇总 (one row per unit), 问题清单 (every finding) and
 * 合计 (the summed figures and the 合计's information cells, one indicator per row). The same
 * columns and labels as the CLI's summary workbook (src/io/summary-writer.ts); hosts that write
 * cells themselves (the Excel add-in) write these rows.
 */
import { INDICATORS, sheetSpec } from '../catalogue';
import { cellsText, FINDING_COLUMN_WIDTH, findingColumns, findingHeader, SEVERITY_WORD } from '../finding-rows';
import type { Locale, Severity } from '../report';
import type { RosterEntry } from './roster';
import type { SummaryInfoValues } from './summary-info';
import { KEY_TOTALS, type IssueRow, type UnitRow } from './unit-row';

export type SheetValue = string | number | null;

export interface SummarySheet {
  name: string;
  /** Header row. */
  columns: string[];
  rows: SheetValue[][];
  /** Column widths in characters. */
  widths: number[];
  /** Rows (0-based, without the header) of units with errors / unreadable files, to highlight. */
  errorRows: number[];
  greyRows: number[];
}

export const UNITS_SHEET_NAME = '汇总';
export const ISSUES_SHEET_NAME = '问题清单';
export const SUMS_SHEET_NAME = '合计';
export const MISSING_SHEET_NAME = '未报送';

type Texts = Record<Locale, string>;

export const STATUS_LABEL: Record<UnitRow['status'], Texts> = {
  ok: { 'zh-CN': '通过', en: 'ok' },
  warning: { 'zh-CN': '有警告', en: 'warning' },
  error: { 'zh-CN': '有错误', en: 'error' },
  unreadable: { 'zh-CN': '无法读取', en: 'unreadable' },
};

export const SEVERITY_TEXT: Record<Severity, Texts> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

/** Unit text as a value: a plain string, or empty. */
function text(v: string | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

export function unitColumns(locale: Locale): string[] {
  const zh = locale === 'zh-CN';
  return [
    zh ? '序号' : 'No.',
    zh ? '单位名称' : 'Unit',
    zh ? '统一社会信用代码' : 'Credit code',
    zh ? '单位类型' : 'Unit type',
    zh ? '报告年度' : 'Year',
    zh ? '文件' : 'File',
    zh ? '状态' : 'Status',
    zh ? '错误数' : 'Errors',
    zh ? '警告数' : 'Warnings',
    zh ? '计入合计' : 'In totals',
    ...KEY_TOTALS.map((k) => (zh ? k.label : k.labelEn)),
  ];
}

/** One row of the 汇总 sheet: `i` is the row's 0-based position (its 序号 is i + 1). */
export function unitSheetRow(r: UnitRow, i: number, locale: Locale): SheetValue[] {
  const yes = locale === 'zh-CN' ? '是' : 'yes';
  const no = locale === 'zh-CN' ? '否' : 'no';
  return [
    i + 1,
    text(r.unit.name),
    text(r.unit.code),
    text(r.unit.type),
    r.unit.year,
    text(r.file),
    STATUS_LABEL[r.status][locale],
    r.counts.error,
    r.counts.warning,
    r.inSums ? yes : no,
    ...KEY_TOTALS.map((k) => r.totals[k.id]),
  ];
}

/** Column widths of the 汇总 sheet in characters: narrow enough that A4 landscape, one page wide, stays legible. */
export const UNIT_COLUMN_WIDTHS: readonly number[] = [5, 24, 19, 14, 6, 24, 7, 6, 6, 6, ...KEY_TOTALS.map(() => 8)];

export function unitsSheet(rows: readonly UnitRow[], locale: Locale): SummarySheet {
  return {
    name: UNITS_SHEET_NAME,
    columns: unitColumns(locale),
    rows: rows.map((r, i) => unitSheetRow(r, i, locale)),
    widths: [...UNIT_COLUMN_WIDTHS],
    errorRows: rows.flatMap((r, i) => (r.status === 'error' ? [i] : [])),
    greyRows: rows.flatMap((r, i) => (r.status === 'unreadable' ? [i] : [])),
  };
}

/**
 * 问题清单 of the summary: the columns of every findings list (core/finding-rows.ts) with the unit
 * in front; all cells of a finding as text (they live in the units' workbooks, not in this one).
 */
export function issuesSheet(issues: readonly IssueRow[], locale: Locale): SummarySheet {
  return {
    name: ISSUES_SHEET_NAME,
    columns: issueColumns(locale),
    rows: issues.map((f, i) => issueSheetRow(f, i, locale)),
    widths: [...ISSUE_COLUMN_WIDTHS],
    errorRows: [],
    greyRows: [],
  };
}

/** The header row of 问题清单. */
export function issueColumns(locale: Locale): string[] {
  return findingColumns(true).map((c) => findingHeader(c, locale));
}

/** Column widths of 问题清单 in characters. */
export const ISSUE_COLUMN_WIDTHS: readonly number[] = findingColumns(true).map((c) => (c === 'cells' ? 16 : FINDING_COLUMN_WIDTH[c]));

/** One row of 问题清单: `i` is the finding's 0-based position in the whole list (its 序号 is i + 1). */
export function issueSheetRow(f: IssueRow, i: number, locale: Locale): SheetValue[] {
  const cells = f.cells ?? [];
  const sheet = cells[0]?.sheet ?? '';
  return [
    i + 1,
    text(f.unitName),
    text(f.file),
    SEVERITY_WORD[locale][f.severity],
    f.rule,
    text(sheet),
    text(f.message),
    text(cells.length ? cellsText({ sheet, cells }, locale) : f.location),
  ];
}

/**
 * The 合计 as a list: for each indicator of the template, in template order, its sum (counts and
 * amounts) or the value of the 合计's information cell; indicators the 合计 leaves blank are left out.
 */
export function sumsSheet(sums: Record<string, number>, info: SummaryInfoValues, locale: Locale): SummarySheet {
  const zh = locale === 'zh-CN';
  const rows: SheetValue[][] = [];
  for (const ind of INDICATORS) {
    const value = ind.name in sums ? sums[ind.name] : info[ind.name] ?? null;
    if (value === null || value === undefined) continue;
    rows.push([sheetSpec(ind.sheet).name, ind.address, zh ? ind.label : ind.labelEn, ind.name, value]);
  }
  return {
    name: SUMS_SHEET_NAME,
    columns: [zh ? '工作表' : 'Sheet', zh ? '单元格' : 'Cell', zh ? '指标' : 'Indicator', zh ? '定义名称' : 'Defined name', zh ? '合计' : 'Total'],
    rows,
    widths: [16, 8, 48, 24, 16],
    errorRows: [],
    greyRows: [],
  };
}

/** 未报送: the roster units without a submission, in roster order (the add-in writes these rows). */
export function missingSheet(missing: readonly RosterEntry[], locale: Locale): SummarySheet {
  const zh = locale === 'zh-CN';
  const rows: SheetValue[][] = missing.map((e) => [e.line, text(e.code), text(e.name), text(e.type)]);
  if (missing.length === 0) rows.push([null, null, zh ? '名册中的单位均已报送。' : 'Every unit on the roster has submitted.', null]);
  return {
    name: MISSING_SHEET_NAME,
    columns: [zh ? '名册行号' : 'Roster line', zh ? '统一社会信用代码' : 'Credit code', zh ? '单位名称' : 'Unit', zh ? '单位类型' : 'Unit type'],
    rows,
    widths: [10, 22, 36, 20],
    errorRows: [],
    greyRows: [],
  };
}
