/**
 * Shared formulas (18.3.1.40 f, t="shared"): only the first cell of the group stores the formula
 * text; every other cell's formula is that text with its relative references moved by the
 * distance between the two cells. SheetJS moves every A1 reference in the text (A1 to XFD1048576,
 * not part of a longer name, not followed by "(" ), and this reader must give the same text.
 */
import * as XLSX from 'xlsx';

/** A column A..XFD, a row 1..1048576, each optionally absolute; not glued to a name or a function call. */
const A1_REFERENCE =
  /(^|[^._A-Z0-9])(\$?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])(\$?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/**
 * The formula of a cell of a shared-formula group: `formula` as written at `anchor`, moved to `cell`.
 * Throws when a reference would move left of column A (SheetJS then fails the sheet).
 */
export function shiftSharedFormula(formula: string, anchor: string, cell: string): string {
  const from = XLSX.utils.decode_cell(anchor);
  const to = XLSX.utils.decode_cell(cell);
  const dr = to.r - from.r;
  const dc = to.c - from.c;
  return formula.replace(A1_REFERENCE, (_m, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs === '$' ? `$${col}` : XLSX.utils.encode_col(XLSX.utils.decode_col(col) + dc);
    const r = rowAbs === '$' ? `$${row}` : XLSX.utils.encode_row(XLSX.utils.decode_row(row) + dr);
    return before + c + r;
  });
}
