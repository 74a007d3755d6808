/**
 * Writes the coordinator's summary workbook:
 * - 汇总: one row per submission, as an Excel table (sortable, filterable), units with errors filled,
 *   header frozen;
 * - 问题清单: every finding of every unit, and the findings across units;
 * - 未报送: roster units without a submission (only when a roster was given);
 * - the sheets of the standard template holding the sums (合计), with every defined name, so the
 *   summary is itself a standard workbook that `zwgk validate` reads.
 *
 * Everything that comes from the units (names, codes, file names, messages quoting cell text) is
 * written as a plain string value, never as a formula: "=HYPERLINK(…)" as a unit name stays text.
 */
import ExcelJS from 'exceljs';
import { sheetSpec } from '../core/catalogue';
import { rowHeightFor, wrappedLines } from '../core/finding-rows';
import type { Locale } from '../core/report';
import type { RosterEntry } from '../core/summary/roster';
import type { SummaryInfoValues } from '../core/summary/summary-info';
import { ISSUES_SHEET_NAME, UNITS_SHEET_NAME, issuesSheet, unitsSheet, missingSheet } from '../core/summary/sheet-rows';
import type { IssueRow, UnitRow } from '../core/summary/unit-row';
import { cellRow, cellText } from './cell-text';
import { markWorkbookBytes } from './output-marker';
import { buildTemplate, type CellInput } from './template-writer';

export interface SummaryModel {
  locale: Locale;
  rows: readonly UnitRow[];
  /** Findings of every unit and across units, in the order to list them. */
  issues: readonly IssueRow[];
  /** Roster units without a submission; null when no roster was given (no 未报送 sheet). */
  missing: readonly RosterEntry[] | null;
  /** Sums per summed indicator name. */
  sums: Record<string, number>;
  /** INFO and TXT cells of the 合计 sheets. */
  info: SummaryInfoValues;
  /** What the title rows of the list sheets say: the coordinating unit, the year, the date (YYYY-MM-DD). */
  title?: { unitName?: string; year: number | null; date: string; units: number };
}

export const SUMMARY_SHEET = UNITS_SHEET_NAME;
export const ISSUES_SHEET = ISSUES_SHEET_NAME;
export const MISSING_SHEET = '未报送';
export const UNITS_TABLE = 'UnitSummary';
export const ISSUES_TABLE = 'UnitFindings';

export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const UNREADABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Unit text as a cell value: always a plain string (or empty), never anything Excel would evaluate. */
function text(v: string | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : cellText(String(v));
}

/** Rows above each list's header: the title and a line of facts. The header row follows. */
const TITLE_ROWS = 2;
export const HEADER_ROW = TITLE_ROWS + 1;

/** What the title rows need of a model (the streamed writer has no list of issues in memory). */
export type TitleModel = Pick<SummaryModel, 'locale' | 'info' | 'title'> & { rows: { length: number } };

function titleLines(model: TitleModel, sheetTitle: string): [string, string] {
  const zh = model.locale === 'zh-CN';
  const t = model.title ?? {
    unitName: undefined,
    year: typeof model.info.INFO_YEAR === 'number' ? model.info.INFO_YEAR : null,
    date: typeof model.info.INFO_DATE === 'string' ? model.info.INFO_DATE : '',
    units: 0,
  };
  const year = t.year === null ? '' : zh ? `${t.year}年度` : `${t.year}`;
  const unit = t.unitName ?? '';
  const title = zh
    ? `${unit}${year}政府信息公开工作年度报告汇总 — ${sheetTitle}`
    : `${unit ? `${unit}: ` : ''}${year} annual reports — ${sheetTitle}`;
  const facts = zh
    ? `汇总单位：${unit || '（未填，见 --unit-name）'}　报告年度：${t.year ?? '—'}　生成日期：${t.date}　共 ${model.rows.length} 个文件，合计计入 ${t.units} 个单位`
    : `Coordinating unit: ${unit || '(not given, see --unit-name)'}   Year: ${t.year ?? '—'}   Date: ${t.date}   ${model.rows.length} files, ${t.units} units in the totals`;
  return [title, facts];
}

/**
 * A list sheet ready for paper: title and facts above the header, header frozen and repeated on
 * every printed page, A4 landscape one page wide, centred, page numbers in the footer.
 */
export function listSheetOptions(locale: Locale, xSplit = 0): Partial<ExcelJS.AddWorksheetOptions> {
  const zh = locale === 'zh-CN';
  return {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit, topLeftCell: `${xSplit ? 'C' : 'A'}${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: zh ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N' },
  };
}

/** The title and facts rows of a list sheet (rows 1 and 2, merged across the columns). */
export function writeTitleRows(ws: ExcelJS.Worksheet, model: TitleModel, name: string, columns: number): void {
  const [title, facts] = titleLines(model, name).map((x) => cellText(x));
  const last = Math.max(columns, 2);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = facts;
  ws.getCell(2, 1).font = { color: { argb: 'FF595959' } };
  ws.mergeCells(1, 1, 1, last);
  ws.mergeCells(2, 1, 2, last);
  ws.getRow(1).height = 24;
  ws.getRow(2).height = 18;
}

function listSheet(wb: ExcelJS.Workbook, name: string, model: SummaryModel, columns: number, xSplit = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, listSheetOptions(model.locale, xSplit));
  writeTitleRows(ws, model, name, columns);
  return ws;
}

/** The 汇总 header row: narrow columns, so the header wraps ("结转下年度" in two lines) rather than widening the page. */
export function styleUnitsHeader(ws: ExcelJS.Worksheet, columns: number): void {
  const header = ws.getRow(HEADER_ROW);
  header.height = 32;
  for (let c = 1; c <= columns; c++) header.getCell(c).alignment = { wrapText: true, vertical: 'middle' };
}

/** Fills a 汇总 row of a unit with errors (red) or an unreadable file (grey); `row` is the sheet row. */
export function paintUnitRow(row: ExcelJS.Row, status: UnitRow['status'], columns: number): void {
  const fill = status === 'error' ? ERROR_FILL : status === 'unreadable' ? UNREADABLE_FILL : null;
  if (!fill) return;
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.fill = fill;
    if (status === 'error') cell.font = ERROR_FONT;
  }
}

/** Wrapped text with the row height set: LibreOffice and WPS do not grow rows a program wrote. */
export function styleIssueRow(row: ExcelJS.Row, values: readonly unknown[], widths: readonly number[]): void {
  let lines = 1;
  values.forEach((v, i) => {
    const wrap = widths[i] >= 16;
    if (wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, widths[i]));
    row.getCell(i + 1).alignment = wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
  });
  row.height = rowHeightFor(lines);
}

function addUnitsSheet(wb: ExcelJS.Workbook, model: SummaryModel): void {
  // The rows are the shared model of the 汇总 sheet (the add-in writes the same ones).
  const sheet = unitsSheet(model.rows, model.locale);
  const ws = listSheet(wb, SUMMARY_SHEET, model, sheet.columns.length, 2);
  addTableOrHeader(ws, UNITS_TABLE, sheet.columns, sheet.rows, model.locale);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  styleUnitsHeader(ws, sheet.columns.length);
  ws.getColumn(6).alignment = { shrinkToFit: true };
  model.rows.forEach((r, i) => paintUnitRow(ws.getRow(i + HEADER_ROW + 1), r.status, sheet.columns.length));
}

function addIssuesSheet(wb: ExcelJS.Workbook, model: SummaryModel): void {
  const sheet = issuesSheet(model.issues, model.locale);
  const ws = listSheet(wb, ISSUES_SHEET, model, sheet.columns.length);
  addTableOrHeader(ws, ISSUES_TABLE, sheet.columns, sheet.rows, model.locale);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rows.forEach((values, r) => styleIssueRow(ws.getRow(HEADER_ROW + 1 + r), values, sheet.widths));
}

/**
 * Fills the 未报送 sheet, added by the caller as `wb.addWorksheet(MISSING_SHEET, listSheetOptions(locale))`
 * (roster-sized, never batch-sized: both writers fill it the same way).
 */
export function writeMissingSheet(ws: ExcelJS.Worksheet, model: TitleModel, missing: readonly RosterEntry[]): void {
  // the rows are the core's 未报送 model (the add-in writes the same ones)
  const sheet = missingSheet(missing, model.locale);
  writeTitleRows(ws, model, MISSING_SHEET, sheet.columns.length);
  const header = ws.getRow(HEADER_ROW);
  header.values = sheet.columns;
  header.font = { bold: true };
  sheet.rows.forEach((r, i) => (ws.getRow(HEADER_ROW + 1 + i).values = r.map((v) => (typeof v === 'string' ? text(v) : v))));
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * An Excel table under the title rows; it needs at least one data row, with none a bold header
 * row does. The totals row Excel offers is labelled in the sheet's language (合计), not "Total".
 */
function addTableOrHeader(ws: ExcelJS.Worksheet, name: string, columns: string[], unsafeRows: unknown[][], locale: Locale): void {
  // Every text a unit typed is made storable first (noncharacters, controls, lone surrogates).
  const rows = unsafeRows.map((r) => cellRow(r));
  if (rows.length === 0) {
    const header = ws.getRow(HEADER_ROW);
    header.values = columns;
    header.font = { bold: true };
    return;
  }
  ws.addTable(tableProperties(name, columns, rows, locale));
}

/** The Excel table of a list sheet (both writers): under the title rows, filter buttons, totals label in the sheet's language. */
export function tableProperties(name: string, columns: readonly string[], rows: unknown[][], locale: Locale): ExcelJS.TableProperties {
  return {
    name,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: columns.map((c, i) => (i === 0 ? { name: c, filterButton: true, totalsRowLabel: TOTALS_LABEL[locale] } : { name: c, filterButton: true })),
    rows,
  };
}

export const TOTALS_LABEL: Record<Locale, string> = { 'zh-CN': '合计', en: 'Total' };

export function templateValues(model: Pick<SummaryModel, 'sums' | 'info'>): Record<string, CellInput> {
  const values: Record<string, CellInput> = { ...model.sums };
  for (const [name, v] of Object.entries(model.info)) {
    if (v === null) continue;
    if (typeof v === 'string' && name !== 'INFO_DATE') {
      values[name] = cellText(v);
      continue;
    }
    // The filing date is a real date cell, as in a unit's own workbook.
    values[name] = name === 'INFO_DATE' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
  }
  return values;
}

/** The standard template holding the sums and the 合计's cells, without the clerks' guide. */
export async function buildSumsTemplate(model: Pick<SummaryModel, 'sums' | 'info'>): Promise<ExcelJS.Workbook> {
  const wb = await buildTemplate({ values: templateValues(model) });
  // The clerks' 填报说明 is for units filling the template, not for a summary sent up.
  const guide = wb.getWorksheet(sheetSpec('guide').name);
  if (guide) wb.removeWorksheet(guide.id);
  return wb;
}

/** Builds the summary workbook in memory (the web page; the CLI streams it: io/summary-stream). */
export async function buildSummaryWorkbook(model: SummaryModel): Promise<ExcelJS.Workbook> {
  const wb = await buildSumsTemplate(model);
  addUnitsSheet(wb, model);
  addIssuesSheet(wb, model);
  if (model.missing) writeMissingSheet(wb.addWorksheet(MISSING_SHEET, listSheetOptions(model.locale)), model, model.missing);
  // The per-unit table comes first and is the sheet that opens; the 合计 sheets follow in template order.
  // ExcelJS orders sheets by the untyped `orderNo` it gives each worksheet (workbook.worksheets sorts by it).
  const added = [SUMMARY_SHEET, ISSUES_SHEET, MISSING_SHEET];
  const ordered = [...added.map((n) => wb.getWorksheet(n)), ...wb.worksheets.filter((ws) => !added.includes(ws.name))];
  ordered.forEach((ws, i) => {
    if (ws) (ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i;
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** The summary workbook's bytes, marked as zwgk's output (a later folder scan leaves it out: io/own-output). */
export async function summaryWorkbookBytes(model: SummaryModel): Promise<Uint8Array> {
  const wb = await buildSummaryWorkbook(model);
  return markWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer()), 'summary');
}
