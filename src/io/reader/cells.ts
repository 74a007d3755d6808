/**
 * Describes a SheetJS cell as the host-neutral RawCell that classify.ts understands.
 */
import * as XLSX from 'xlsx';
import { serialToIsoDate, type RawCell } from '../../core/classify';

/** Excel's error codes as stored in BIFF/XLSB (SheetJS keeps the code in v and the text in w). */
const ERROR_TEXT_BY_CODE: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** A formula that is only an error literal ("#N/A", "#REF!"): LibreOffice stores plain error cells so in .xls and .ods. */
const ERROR_LITERAL_FORMULA = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)$/i;

/** Days between the 1904 and the 1900 date systems. */
const DAYS_1904_OFFSET = 1462;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formulaOf(cell: XLSX.CellObject): string | undefined {
  const f = typeof cell.f === 'string' ? cell.f.trim().replace(/^=/, '') : '';
  if (f === '' || ERROR_LITERAL_FORMULA.test(f)) return undefined;
  return f;
}

function isDateFormat(format: XLSX.CellObject['z']): boolean {
  if (format === undefined) return false;
  try {
    return XLSX.SSF.is_date(format);
  } catch {
    return false; // an unparsable format string is simply not a date format
  }
}

function formatted(cell: XLSX.CellObject): string | undefined {
  try {
    return XLSX.utils.format_cell(cell);
  } catch {
    return undefined; // an unparsable number format: the raw number is shown instead
  }
}

/**
 * Most characters a cell can hold in Excel (and WPS): "Total number of characters that a cell can
 * contain: 32,767" (Excel specifications and limits). A crafted file can store far more; the reader
 * keeps only this much, so a 100-million-character cell costs the validation no more than a full
 * real one.
 */
export const MAX_CELL_TEXT = 32767;

/** Text cut to Excel's cell limit (without splitting a surrogate pair). */
export function capCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return text.slice(0, end);
}

/** Builds the RawCell for a SheetJS cell (undefined when the cell does not exist); text is capped at MAX_CELL_TEXT. */
export function rawCellFrom(cell: XLSX.CellObject | undefined, date1904: boolean): RawCell {
  const raw = rawCellUncapped(cell, date1904);
  if (typeof raw.value === 'string') raw.value = capCellText(raw.value);
  if (raw.text !== undefined) raw.text = capCellText(raw.text);
  if (raw.formula !== undefined) raw.formula = capCellText(raw.formula);
  return raw;
}

function rawCellUncapped(cell: XLSX.CellObject | undefined, date1904: boolean): RawCell {
  if (!cell) return { type: 'z', value: null };
  const formula = formulaOf(cell);
  const withFormula = (raw: RawCell): RawCell => (formula ? { ...raw, formula } : raw);
  // The reader parses without SheetJS's cellText (formatting every label cell of the workbook cost
  // more than the rules); the shown text of the few named cells is formatted here on demand.
  const shown = typeof cell.w === 'string' ? cell.w : cell.t === 'n' ? formatted(cell) : undefined;

  switch (cell.t) {
    case 'n': {
      const v = typeof cell.v === 'number' ? cell.v : Number(cell.v);
      if (isDateFormat(cell.z)) {
        const iso = serialToIsoDate(date1904 ? v + DAYS_1904_OFFSET : v);
        // A time-only value (serial < 1) has no date: it stays a number.
        if (iso) return withFormula({ type: 'd', value: iso, text: shown ?? iso });
      }
      return withFormula({ type: 'n', value: v, text: shown ?? String(v) });
    }
    case 's': {
      const v = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      return withFormula({ type: 's', value: v, text: shown ?? v });
    }
    case 'b': {
      const v = Boolean(cell.v);
      return withFormula({ type: 'b', value: v, text: shown ?? (v ? 'TRUE' : 'FALSE') });
    }
    case 'e': {
      const text = shown ?? (typeof cell.v === 'number' ? ERROR_TEXT_BY_CODE[cell.v] : undefined) ?? '#VALUE!';
      return withFormula({ type: 'e', value: text, text });
    }
    case 'd': {
      // Only with cellDates: true, which this reader does not set; kept for completeness.
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      if (Number.isNaN(d.getTime())) return withFormula({ type: 's', value: shown ?? '', text: shown ?? '' });
      const iso = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
      return withFormula({ type: 'd', value: iso, text: shown ?? iso });
    }
    case 'z':
    default:
      // A formula whose cached value is missing reads as blank, with the formula kept.
      return withFormula({ type: 'z', value: null, text: '' });
  }
}
