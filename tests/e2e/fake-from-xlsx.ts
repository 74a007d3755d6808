/**
 * Loads a real workbook file into the fake Excel object model, cell by cell as Excel would present
 * it to an add-in: the stored value (an error as its text), what the cell shows (Range.text), the
 * formula, the number format, and the workbook-scoped defined names (Excel's workbook.names does not
 * list names local to a sheet). SheetJS parses the file, independently of the product's reader.
 */
import * as XLSX from 'xlsx';
import type { FakeCellData, FakeModel } from './fake-excel';

function fakeCell(cell: XLSX.CellObject): FakeCellData | null {
  const numberFormat = typeof cell.z === 'string' ? cell.z : 'General';
  const base = { numberFormat, ...(typeof cell.f === 'string' && cell.f !== '' ? { formula: cell.f.replace(/^=/, '') } : {}) };
  const shown = typeof cell.w === 'string' ? cell.w : undefined;
  switch (cell.t) {
    case 'z':
      return base.formula || numberFormat !== 'General' ? { value: null, ...base } : null;
    case 'e':
      return { value: shown ?? '#VALUE!', error: true, text: shown, ...base };
    case 'b':
      return { value: Boolean(cell.v), text: cell.v ? 'TRUE' : 'FALSE', ...base };
    case 'n':
      return { value: Number(cell.v), text: shown ?? String(cell.v), ...base };
    default:
      return { value: cell.v === undefined || cell.v === null ? '' : String(cell.v), text: shown, ...base };
  }
}

export function fakeModelFromXlsx(bytes: Uint8Array, name: string, apiMinor = 18): FakeModel {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellText: true, cellDates: false, dense: true });
  const sheets = wb.SheetNames.map((sheetName) => {
    const cells: Record<string, FakeCellData> = {};
    const rows = wb.Sheets[sheetName]['!data'] ?? [];
    rows.forEach((row, r) =>
      (row ?? []).forEach((cell, c) => {
        if (!cell) return;
        const data = fakeCell(cell);
        if (data) cells[XLSX.utils.encode_cell({ r, c })] = data;
      }),
    );
    return { name: sheetName, cells };
  });
  const names = (wb.Workbook?.Names ?? [])
    .filter((n) => n.Sheet === undefined || n.Sheet === null)
    .map((n) => ({ name: n.Name, formula: `=${n.Ref}` }));
  return { name, sheets, names, conditionalFormats: [], notes: [], settings: {}, fills: {}, apiMinor, insertedTemplates: 0 };
}
