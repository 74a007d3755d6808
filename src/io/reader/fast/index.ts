/**
 * The named-cell reader for .xlsx and .xlsm: reads only what the defined names of the contract
 * need (content types, workbook part, its relationships, shared strings, styles and the sheets the
 * names point to), and of those sheets only the named cells. It hands back a workbook object of
 * the shape SheetJS builds, holding just those cells, so the Snapshot is made by the same code
 * (snapshotFromWorkbook) either way.
 *
 * SheetJS stays the reference: wherever this reader cannot promise SheetJS's result (an unusual
 * package, a construct SheetJS reads its own way, anything it does not know) it declines with a
 * reason and the caller reads the file with SheetJS. Browser-safe: it gets the inflated parts.
 */
import type * as XLSX from 'xlsx';
import { INDICATORS, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME } from '../../../core/catalogue';
import { NameResolver } from '../names';
import { Parts, readContentTypes, readWorkbookPart, sheetParts } from './package';
import { scanSheet, type FoundCell } from './sheet';
import { parseSharedStrings, type SharedStrings } from './strings';
import { noStyles, parseStyles, type CellStyles } from './styles';
import { Decline } from './xml';

export { Decline } from './xml';

export type FastRead = { ok: true; workbook: XLSX.WorkBook } | { ok: false; reason: string };

const CONTRACT_NAMES: readonly string[] = [...INDICATORS.map((i) => i.name), TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME];

/** Error values as SheetJS codes them (BIFF error codes). */
const ERROR_CODES: Readonly<Record<string, number>> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
  '#WTF?': 0xff,
};

/**
 * Sheets above this size are left to SheetJS's planned read (only the named sheets, down to the
 * lowest named row): a report's sheets are a few tens of KB, and a huge sheet is exactly where the
 * time and memory limits of the read guard must apply as before.
 */
const MAX_SHEET_BYTES = 4 * 1024 * 1024;

/** Parts whose presence makes SheetJS read the package as something else than a workbook. */
const OTHER_PACKAGES = ['META-INF/manifest.xml', 'objectdata.xml', 'Index/Document.iwa'];

function xsdBoolean(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/**
 * Builds the SheetJS cell object of a found cell, as SheetJS builds it with stub cells on: a cell
 * without a value (a bare styled cell, a formula saved without its result) is a stub of type 'z'
 * that keeps its formula.
 */
function cellObject(c: FoundCell, strings: SharedStrings | null, styles: CellStyles): XLSX.CellObject {
  let t = c.type === undefined && c.v === undefined ? 'z' : c.type || 'n';
  let v: unknown = c.v;
  switch (t) {
    case 'n':
      if (c.v === undefined) t = 'z';
      else v = parseFloat(c.v);
      break;
    case 's': {
      if (c.v === undefined) {
        t = 'z';
        break;
      }
      const i = parseInt(c.v, 10);
      if (!strings) throw new Decline('string cell without a shared-string table');
      if (i === strings.count) v = '';
      else if (strings.byIndex.has(i)) v = strings.byIndex.get(i);
      else throw new Decline(`shared string ${c.v} out of range`);
      break;
    }
    case 'str':
      t = 's';
      v = c.v ?? '';
      break;
    case 'inlineStr':
      t = 's';
      v = c.inline ?? '';
      break;
    case 'b':
      v = xsdBoolean(c.v);
      break;
    case 'e':
      v = c.v === undefined ? undefined : ERROR_CODES[c.v];
      break;
  }
  const formatId = c.s === undefined ? undefined : (styles.formatIds as unknown as Record<string, number | undefined>)[c.s];
  const cell = { t, v, z: styles.formats.get(formatId ?? 0) } as XLSX.CellObject;
  if (c.f !== undefined) cell.f = c.f;
  if (c.F !== undefined) cell.F = c.F;
  return cell;
}

function readOrDecline(parts: Map<string, Uint8Array>): XLSX.WorkBook {
  const p = new Parts(parts);
  for (const other of OTHER_PACKAGES) if (p.has(other)) throw new Decline(`package holds ${other}`);
  if (!p.has('[Content_Types].xml')) throw new Decline('no [Content_Types].xml');
  const ct = readContentTypes(p);
  const book = readWorkbookPart(p, ct.workbook);
  const sheetNames = book.sheets.map((s) => s.name);
  if (sheetNames.length === 0) throw new Decline('no sheets');
  if (new Set(sheetNames).size !== sheetNames.length) throw new Decline('two sheets of the same name');

  // Which cells of which sheets the contract's names point to.
  const resolver = new NameResolver(book.names, sheetNames);
  const wanted = new Map<string, Set<string>>();
  for (const name of CONTRACT_NAMES) {
    const target = resolver.resolve(name);
    if (!target.ok) continue;
    let set = wanted.get(target.sheetKey);
    if (!set) wanted.set(target.sheetKey, (set = new Set()));
    set.add(target.address);
  }

  const paths = wanted.size > 0 ? sheetParts(p, ct.workbook, book.sheets) : [];
  const found = new Map<string, Map<string, FoundCell>>();
  const stringIndexes = new Set<number>();
  let maxStringIndex = -1;
  for (const [sheet, addresses] of wanted) {
    const path = paths[sheetNames.indexOf(sheet)];
    if (!path) throw new Decline(`sheet ${sheet} is not a readable worksheet`);
    const bytes = p.bytes(path);
    if (bytes.length > MAX_SHEET_BYTES) throw new Decline(`sheet ${sheet} is larger than ${MAX_SHEET_BYTES} bytes`);
    const scan = scanSheet(bytes, path, addresses);
    for (const c of scan.cells.values()) if (c.type === 's' && c.v !== undefined) stringIndexes.add(parseInt(c.v, 10));
    maxStringIndex = Math.max(maxStringIndex, scan.maxStringIndex);
    found.set(sheet, scan.cells);
  }

  let strings: SharedStrings | null = null;
  if (maxStringIndex >= 0) {
    if (ct.sharedStrings === null || !p.has(ct.sharedStrings)) throw new Decline('string cells without a shared-string table');
    strings = parseSharedStrings(p.text(ct.sharedStrings), ct.sharedStrings, stringIndexes);
    if (maxStringIndex > strings.count) throw new Decline(`string index ${maxStringIndex} past the table`);
  }
  let styles = noStyles();
  if (ct.styles !== null) {
    if (!p.has(ct.styles)) throw new Decline('styles part missing');
    styles = parseStyles(p.bytes(ct.styles), ct.styles);
  }

  const sheets: Record<string, XLSX.WorkSheet> = {};
  for (const [sheet, cells] of found) {
    const data: XLSX.CellObject[][] = [];
    for (const [ref, c] of cells) {
      const obj = cellObject(c, strings, styles);
      const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const row = Number(m[2]) - 1;
      (data[row] ??= [])[col - 1] = obj;
    }
    sheets[sheet] = { '!data': data } as XLSX.WorkSheet;
  }
  return {
    SheetNames: sheetNames,
    Sheets: sheets,
    Workbook: { Names: book.names, WBProps: { date1904: book.date1904 } },
  } as XLSX.WorkBook;
}

/**
 * Reads the named cells of an .xlsx/.xlsm package whose parts are already inflated (within the
 * zip-bomb budget). Never throws: anything unexpected is a decline.
 */
export function readNamedCells(parts: Map<string, Uint8Array>): FastRead {
  try {
    return { ok: true, workbook: readOrDecline(parts) };
  } catch (err) {
    return { ok: false, reason: err instanceof Decline ? err.reason : `unexpected: ${err instanceof Error ? err.message : String(err)}` };
  }
}
