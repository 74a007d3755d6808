/**
 * Writes the summary sheets (汇总, 问题清单, 合计) into the open workbook, or builds a new workbook
 * file holding them for Excel.createWorkbook.
 *
 * Batching: one sync to learn the sheet names already taken, then one sync per sheet (a sheet of more
 * than MAX_CELLS_PER_SYNC cells is sent in slices, to stay under Excel's request size limit on the
 * web) — never a sync per cell or per unit.
 *
 * Text from the units (names, codes, file names, messages quoting cells) is written as text: the
 * cells get the text number format "@" before their values, so "=HYPERLINK(…)" as a unit name stays
 * a string and is never turned into a formula.
 */
import * as XLSX from 'xlsx';
import type { SheetValue, SummarySheet } from '../core/summary/sheet-rows';

/** Cells per request; 问题清单 with long messages stays well under Excel on the web's 5 MB limit. */
export const MAX_CELLS_PER_SYNC = 30000;

const HEADER_FILL = '#DDEBF7';
const ERROR_FILL = '#FFC7CE';
const ERROR_FONT = '#9C0006';
const GREY_FILL = '#D9D9D9';

/** Excel's sheet name rules: at most 31 characters, unique regardless of case. "汇总" → "汇总 (2)" when taken. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A value as written: empty for null; strings stay strings (with the "@" format, below). */
function cellValue(v: SheetValue): string | number {
  return v === null ? '' : v;
}

/** Text format for every string cell (and the header), General for numbers. */
function cellFormat(v: SheetValue): string {
  return typeof v === 'string' ? '@' : 'General';
}

/** Column width in points from a width in characters (Excel's default font is about 7 px a character). */
function points(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

export type ExcelBatchRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Writes the sheets into the open workbook; returns the names used and the number of syncs. */
export async function writeSheetsIntoWorkbook(run: ExcelBatchRun, sheets: readonly SummarySheet[]): Promise<{ names: string[]; syncs: number }> {
  return run(async (context) => {
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    syncs += 1;
    const taken = worksheets.items.map((w) => w.name);
    const names: string[] = [];
    let first: Excel.Worksheet | null = null;
    for (const sheet of sheets) {
      const name = freeSheetName(sheet.name, taken);
      taken.push(name);
      names.push(name);
      const ws = worksheets.add(name);
      if (!first) first = ws;
      const cols = sheet.columns.length;
      // The header, formats then values, in slices of rows.
      const all: SheetValue[][] = [sheet.columns, ...sheet.rows];
      const perSlice = Math.max(1, Math.floor(MAX_CELLS_PER_SYNC / cols));
      for (let start = 0; start < all.length; start += perSlice) {
        const slice = all.slice(start, start + perSlice);
        const range = ws.getRangeByIndexes(start, 0, slice.length, cols);
        range.numberFormat = slice.map((r) => r.map(cellFormat));
        range.values = slice.map((r) => r.map(cellValue));
        if (start + perSlice < all.length) {
          await context.sync();
          syncs += 1;
        }
      }
      const header = ws.getRangeByIndexes(0, 0, 1, cols);
      header.format.font.bold = true;
      if (sheet.rows.length > 0) {
        // A table gives sorting and filtering, as in the CLI's workbook.
        const table = ws.tables.add(ws.getRangeByIndexes(0, 0, sheet.rows.length + 1, cols), true);
        table.style = 'TableStyleLight9';
      } else {
        header.format.fill.color = HEADER_FILL;
      }
      for (const i of sheet.errorRows) {
        const row = ws.getRangeByIndexes(i + 1, 0, 1, cols);
        row.format.fill.color = ERROR_FILL;
        row.format.font.color = ERROR_FONT;
      }
      for (const i of sheet.greyRows) ws.getRangeByIndexes(i + 1, 0, 1, cols).format.fill.color = GREY_FILL;
      sheet.widths.forEach((w, c) => {
        ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = points(w);
      });
      ws.freezePanes.freezeRows(1);
      if (sheet === sheets[sheets.length - 1] && first) first.activate();
      await context.sync();
      syncs += 1;
    }
    return { names, syncs };
  });
}

/** The sheets as an .xlsx file (base64) for Excel.createWorkbook: values and text formats, no styling. */
export function sheetsAsWorkbookBase64(sheets: readonly SummarySheet[]): string {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const rows = [sheet.columns, ...sheet.rows];
    // Cell objects, so a string is always a string cell (SheetJS writes formulas only from cell.f).
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v, z: '@' }))));
    ws['!cols'] = sheet.widths.map((w) => ({ wch: w }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  return XLSX.write(wb, { type: 'base64', bookType: 'xlsx', compression: true }) as string;
}
