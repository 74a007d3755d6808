/**
 * The look of the standard workbook: fonts, fills, borders, row heights and print setup shared by
 * every sheet, so the tables read like the official printed format.
 */
import type ExcelJS from 'exceljs';

export const FONT_NAME = '宋体';
export const TITLE_FONT_NAME = '黑体';

/** Light yellow: where the unit types. Everything else stays white. */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** Light grey behind table headers. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11 };
export const BOLD_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11, bold: true };
export const NOTE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, color: { argb: 'FF595959' } };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: TITLE_FONT_NAME, size: 16, bold: true };

/** Default row height (points) of one line of 11-point text with some air. */
export const LINE_HEIGHT = 16;

/** Width of text in Excel column-width units: a CJK character is about two digits wide. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 1.1 : 2.1;
  return w;
}

/** Lines that `text` needs in a column `width` units wide (honours explicit line breaks). */
export function linesNeeded(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/** Row height for `text` wrapped in a column `width` units wide. */
export function heightFor(text: string, width: number, min = LINE_HEIGHT + 4): number {
  return Math.max(min, linesNeeded(text, width) * LINE_HEIGHT + 6);
}

/** Raises a row's height so it fits `height` (rows shared by several labels take the tallest). */
export function ensureHeight(ws: ExcelJS.Worksheet, row: number, height: number): void {
  const r = ws.getRow(row);
  if (!r.height || r.height < height) r.height = height;
}

/** A bordered label cell: wrapped, vertically centred, locked. */
export function label(
  cell: ExcelJS.Cell,
  text: string,
  opts: { bold?: boolean; header?: boolean; align?: 'left' | 'center'; vertical?: boolean } = {},
): void {
  cell.value = text;
  cell.font = opts.bold || opts.header ? BOLD_FONT : BODY_FONT;
  cell.alignment = {
    horizontal: opts.align ?? 'left',
    vertical: 'middle',
    wrapText: true,
    // A little air between the border and left-aligned text, as in the printed forms.
    ...((opts.align ?? 'left') === 'left' ? { indent: 1 } : {}),
    ...(opts.vertical ? { textRotation: 'vertical' as const } : {}),
  };
  cell.border = ALL_BORDERS;
  if (opts.header) cell.fill = HEADER_FILL;
  cell.protection = { locked: true };
}

/** Merges a rectangle and draws the label in it, with borders on every cell of the rectangle. */
export function mergedLabel(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  text: string,
  opts: Parameters<typeof label>[2] = {},
): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      cell.border = ALL_BORDERS;
      if (opts.header) cell.fill = HEADER_FILL;
    }
  }
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
  label(ws.getCell(top, left), text, opts);
}

/** A sheet title over columns 1..`lastColumn` of row `row`. */
export function title(ws: ExcelJS.Worksheet, row: number, lastColumn: number, text: string): void {
  if (lastColumn > 1) ws.mergeCells(row, 1, row, lastColumn);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = TITLE_FONT;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = 32;
}

export interface PrintOptions {
  landscape: boolean;
  /** Rows repeated at the top of every printed page, e.g. '1:4'. */
  titleRows?: string;
  /** Pages tall to fit into; 0 (default) lets the height run over as many pages as needed. */
  pagesTall?: number;
  /** Print at 100% instead of fitting to the page width (for sheets laid out to fit already). */
  natural?: boolean;
}

/** A4, fitted to one page wide, centred, with page numbers in the footer. */
export function printSetup(ws: ExcelJS.Worksheet, opts: PrintOptions): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: opts.landscape ? 'landscape' : 'portrait',
    ...(opts.natural ? { fitToPage: false, scale: 100 } : { fitToPage: true, fitToWidth: 1, fitToHeight: opts.pagesTall ?? 0 }),
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(opts.titleRows ? { printTitlesRow: opts.titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/**
 * Sheet protection without a password: units type only into the unlocked input cells, yet anyone
 * who must adjust the layout can lift it (审阅 → 撤消工作表保护). Resizing stays allowed.
 */
export async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}
