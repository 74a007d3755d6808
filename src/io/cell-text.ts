/**
 * Text a unit typed, made safe to store in a workbook that Excel, WPS, LibreOffice and openpyxl all
 * open. XML 1.0 cannot carry C0 control characters (other than tab, line feed, carriage return),
 * U+FFFE, U+FFFF or lone surrogates, and a string of the form _xHHHH_ is read back by Excel as the
 * character HHHH (the OOXML escape, ECMA-376 Part 1, 22.9.2.19 ST_Xstring). A writer that passes
 * such text through (ExcelJS does) produces a shared-strings part that LibreOffice reads only in
 * part and openpyxl refuses.
 *
 * - noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF in every plane) and C0 controls are dropped;
 * - a lone surrogate becomes U+FFFD (the replacement character);
 * - a literal "_xHHHH_" keeps its underscore escaped (_x005F_xHHHH_), so it reads back as typed;
 * - the text is cut to Excel's 32,767 characters per cell.
 */
const MAX_CELL_TEXT = 32767;

// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const OOXML_ESCAPE = /_(x[0-9a-fA-F]{4}_)/g;

/** A unit's text as it can be written into a cell (see the module comment). */
export function cellText(s: string): string {
  const clean = s.replace(DROPPED, '').replace(LONE_SURROGATE, '\ufffd').replace(OOXML_ESCAPE, '_x005F_$1');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  const cut = /[\ud800-\udbff]/.test(clean[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return clean.slice(0, cut);
}

/** cellText for every string of a row; other values pass unchanged. */
export function cellRow<T>(row: readonly T[]): T[] {
  return row.map((v) => (typeof v === 'string' ? (cellText(v) as unknown as T) : v));
}
