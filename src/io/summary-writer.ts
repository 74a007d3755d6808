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
import type { Locale } from '../core/report';
import type { RosterEntry } from '../core/summary/roster';
import type { SummaryInfoValues } from '../core/summary/summary-info';
import { ISSUES_SHEET_NAME, UNITS_SHEET_NAME, issuesSheet, unitsSheet } from '../core/summary/sheet-rows';
import type { IssueRow, UnitRow } from '../core/summary/unit-row';
import { cellRow, cellText } from './cell-text';
import { markWorkbookBytes } from './own-output';
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
}

export const SUMMARY_SHEET = UNITS_SHEET_NAME;
export const ISSUES_SHEET = ISSUES_SHEET_NAME;
export const MISSING_SHEET = '未报送';
export const UNITS_TABLE = 'UnitSummary';
export const ISSUES_TABLE = 'UnitFindings';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const UNREADABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Unit text as a cell value: always a plain string (or empty), never anything Excel would evaluate. */
function text(v: string | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : cellText(String(v));
}

function addUnitsSheet(wb: ExcelJS.Workbook, model: SummaryModel): void {
  // The rows are the shared model of the 汇总 sheet (the add-in writes the same ones).
  const sheet = unitsSheet(model.rows, model.locale);
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  addTableOrHeader(ws, UNITS_TABLE, sheet.columns, sheet.rows);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const paint = (index: number, fill: ExcelJS.Fill, font?: Partial<ExcelJS.Font>): void => {
    const row = ws.getRow(index + 2);
    for (let c = 1; c <= sheet.columns.length; c++) {
      const cell = row.getCell(c);
      cell.fill = fill;
      if (font) cell.font = font;
    }
  };
  sheet.errorRows.forEach((i) => paint(i, ERROR_FILL, ERROR_FONT));
  sheet.greyRows.forEach((i) => paint(i, UNREADABLE_FILL));
}

function addIssuesSheet(wb: ExcelJS.Workbook, model: SummaryModel): void {
  const sheet = issuesSheet(model.issues, model.locale);
  const ws = wb.addWorksheet(ISSUES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  addTableOrHeader(ws, ISSUES_TABLE, sheet.columns, sheet.rows);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
}

function addMissingSheet(wb: ExcelJS.Workbook, model: SummaryModel, missing: readonly RosterEntry[]): void {
  const zh = model.locale === 'zh-CN';
  const ws = wb.addWorksheet(MISSING_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([zh ? '名册行号' : 'Roster line', zh ? '统一社会信用代码' : 'Credit code', zh ? '单位名称' : 'Unit', zh ? '单位类型' : 'Unit type']);
  ws.getRow(1).font = { bold: true };
  for (const e of missing) ws.addRow([e.line, text(e.code), text(e.name), text(e.type)]);
  if (missing.length === 0) ws.addRow([null, null, zh ? '名册中的单位均已报送。' : 'Every unit on the roster has submitted.']);
  [10, 22, 36, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** An Excel table needs at least one data row; with none, a bold header row does. */
function addTableOrHeader(ws: ExcelJS.Worksheet, name: string, columns: string[], unsafeRows: unknown[][]): void {
  // Every text a unit typed is made storable first (noncharacters, controls, lone surrogates).
  const rows = unsafeRows.map((r) => cellRow(r));
  if (rows.length === 0) {
    ws.addRow(columns);
    ws.getRow(1).font = { bold: true };
    return;
  }
  ws.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: columns.map((c) => ({ name: c, filterButton: true })),
    rows,
  });
}

function templateValues(model: SummaryModel): Record<string, CellInput> {
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

/** Builds the summary workbook in memory. */
export async function buildSummaryWorkbook(model: SummaryModel): Promise<ExcelJS.Workbook> {
  const wb = await buildTemplate({ values: templateValues(model) });
  addUnitsSheet(wb, model);
  addIssuesSheet(wb, model);
  if (model.missing) addMissingSheet(wb, model, model.missing);
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
