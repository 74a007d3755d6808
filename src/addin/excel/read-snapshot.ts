/**
 * Reading the open workbook into the same Snapshot the CLI builds from a file: the catalogue's
 * defined names, then every named cell's value, text, formula, type and number format, in 2 syncs
 * whatever the number of cells.
 */
import { REQUIRED_DEFINED_NAMES, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME, isIndicatorName } from '../../core/catalogue';
import { readingFromRaw, serialToIsoDate } from '../../core/classify';
import type { RawCell } from '../../core/classify';
import type { CellReading, NameIssue, RawValue, Snapshot } from '../../core/snapshot';
import { splitQualifiedAddress } from './addresses';

/** Number formats that show a date (the serial number is then a date, as in the CLI reader). */
export function isDateFormat(numberFormat: string): boolean {
  const f = numberFormat.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (f === '' || /^general$/i.test(f) || f === '@') return false;
  return /[yd]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f)) || /[年月日]/.test(f);
}

function rawCellFrom(value: unknown, valueType: string, text: string, formula: unknown, numberFormat: string): RawCell {
  const formulaText = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  const base = (type: RawCell['type'], v: RawValue): RawCell => {
    const cell: RawCell = { type, value: v, text };
    if (formulaText) cell.formula = formulaText;
    return cell;
  };
  switch (valueType) {
    case 'Empty':
      return base('z', null);
    case 'Integer':
    case 'Double': {
      const n = typeof value === 'number' ? value : Number(value);
      const iso = isDateFormat(numberFormat) ? serialToIsoDate(n) : undefined;
      return iso ? base('d', iso) : base('n', n);
    }
    case 'Boolean':
      return base('b', value === true);
    case 'Error':
      return base('e', typeof value === 'string' ? value : text);
    default:
      // String, plus the rare Unknown/RichValue cells, which read as their shown text.
      return base('s', typeof value === 'string' ? value : text);
  }
}

interface NameRead {
  name: string;
  item: Excel.NamedItem;
  range?: Excel.Range;
  ref: string;
}

/** The Snapshot of the workbook of `context` (2 syncs). */
export async function readSnapshot(context: Excel.RequestContext): Promise<Snapshot> {
  const workbook = context.workbook;
  workbook.load('name');
  const names = workbook.names;
  names.load('items/name,items/type,items/value,items/formula');
  const sheets = workbook.worksheets;
  sheets.load('items/name,items/position');
  await context.sync();

  const sheetOrder = sheets.items
    .slice()
    .sort((a, b) => a.position - b.position)
    .map((s) => s.name);
  const wanted = new Set(REQUIRED_DEFINED_NAMES);
  const found = new Map<string, Excel.NamedItem>();
  for (const item of names.items) {
    // Defined names are case-insensitive in Excel; the catalogue spells them in upper case.
    const key = item.name.toUpperCase();
    if (wanted.has(key)) found.set(key, item);
  }

  const nameIssues: NameIssue[] = [];
  const reads: NameRead[] = [];
  for (const name of REQUIRED_DEFINED_NAMES) {
    const item = found.get(name);
    if (!item) {
      nameIssues.push({ name, problem: 'missing' });
      continue;
    }
    const ref = typeof item.formula === 'string' && item.formula !== '' ? item.formula : String(item.value ?? '');
    if (item.type === 'Error' || /#REF!/i.test(ref)) {
      nameIssues.push({ name, problem: 'broken-ref', ref });
      continue;
    }
    if (item.type !== 'Range') {
      nameIssues.push({ name, problem: 'not-a-cell', ref });
      continue;
    }
    const loc = splitQualifiedAddress(ref);
    if (!loc) {
      nameIssues.push({ name, problem: 'broken-ref', ref });
      continue;
    }
    if (!sheetOrder.includes(loc.sheet)) {
      nameIssues.push({ name, problem: 'bad-sheet', ref });
      continue;
    }
    // A multi-cell reference is reported without loading it (a whole column would be a huge payload).
    if (/[:,\s]/.test(loc.address)) {
      nameIssues.push({ name, problem: 'not-a-cell', ref });
      continue;
    }
    const range = item.getRange();
    range.load('address,values,text,formulas,valueTypes,numberFormat');
    reads.push({ name, item, range, ref });
  }
  if (reads.length > 0) await context.sync();

  const cells: Record<string, CellReading> = {};
  const markers: Record<string, string | null> = { [TEMPLATE_ID_NAME]: null, [TEMPLATE_VERSION_NAME]: null };
  for (const read of reads) {
    const range = read.range as Excel.Range;
    const loc = splitQualifiedAddress(range.address) ?? { sheet: '', address: range.address };
    const raw = rawCellFrom(
      range.values[0][0],
      String(range.valueTypes[0][0]),
      String(range.text[0][0] ?? ''),
      range.formulas[0][0],
      String(range.numberFormat[0][0] ?? ''),
    );
    if (isIndicatorName(read.name)) {
      cells[read.name] = readingFromRaw(read.name, loc.sheet, loc.address, raw);
    } else {
      // As the file reader does: the stored text, else what the cell shows.
      const text = raw.type === 'z' || raw.value === null ? '' : (typeof raw.value === 'string' ? raw.value : raw.text || String(raw.value)).trim();
      markers[read.name] = text === '' ? null : text;
    }
  }
  return {
    source: workbook.name || 'workbook',
    templateId: markers[TEMPLATE_ID_NAME],
    templateVersion: markers[TEMPLATE_VERSION_NAME],
    cells,
    nameIssues,
    sheetOrder,
  };
}
