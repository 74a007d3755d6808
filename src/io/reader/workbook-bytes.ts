/**
 * The browser-safe part of the reader: workbook bytes (.xlsx, .xlsm, .xls, .ods) into a Snapshot with
 * SheetJS. No Node built-ins, so the Excel add-in reads the files a coordinator picks with the same
 * code as `zwgk validate`; src/io/read-workbook.ts adds reading from disk.
 *
 * Every indicator is located by its defined name. Input that cannot be read is refused with a
 * UserError whose code says why (empty, too large, not a spreadsheet, CSV, encrypted, damaged,
 * zip bomb, WPS .et, unsupported format) and whose message tells the person what to do.
 */
import * as XLSX from 'xlsx';
import { INDICATORS, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME } from '../../core/catalogue';
import { readingFromRaw, type RawCell } from '../../core/classify';
import { isUserError } from '../../core/errors';
import type { CellReading, NameIssue, Snapshot } from '../../core/snapshot';
import { rawCellFrom } from './cells';
import { NameResolver, unescapeXml, type WorkbookName } from './names';
import { DAMAGE, corrupt, emptyFile, encrypted, tooLarge, wpsEt } from './refusals';
import { planRead } from './plan';
import { isWpsName, sniffWorkbook, type SniffedWorkbook } from './sniff';

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total uncompressed size of a zip-based file (xlsx, ods), in bytes. */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
});

export function effectiveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(limits ?? {}) };
}

/**
 * SheetJS options: formulas and number formats on (shown text is formatted per named cell), no HTML,
 * dates left as serial numbers. Stub cells on: a formula saved without its result ("=SUM()" written by
 * a program that does not calculate) is otherwise dropped, and would read as a plain blank cell.
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  cellFormula: true,
  sheetStubs: true,
  cellHTML: false,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellStyles: false,
  bookVBA: false,
  dense: true,
  WTF: false,
};

/**
 * Runs SheetJS with its console output muted: it prints notes such as "ODS number format may be
 * incorrect" straight to stderr, which would interleave with the CLI's own output. The call is
 * synchronous, so nothing else can log in between.
 */
function quietly<T>(fn: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const mute = (): void => undefined;
  console.error = mute;
  console.warn = mute;
  console.log = mute;
  try {
    return fn();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    console.log = saved.log;
  }
}

function parseWithSheetJs(data: Uint8Array, fileName: string, extra: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return quietly(() => XLSX.read(data, { ...READ_OPTIONS, ...extra }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) throw encrypted(fileName);
    if (isWpsName(fileName)) throw wpsEt(fileName);
    throw corrupt(fileName, DAMAGE.content);
  }
}

/** SheetJS tolerates a lot; a workbook without a single sheet is still a damaged file. */
function requireSheets(wb: XLSX.WorkBook, fileName: string): void {
  if (!Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) throw corrupt(fileName, DAMAGE.content);
}

function cellAt(sheet: XLSX.WorkSheet | undefined, address: string): XLSX.CellObject | undefined {
  if (!sheet) return undefined;
  const dense = sheet['!data'];
  if (dense) {
    const { r, c } = XLSX.utils.decode_cell(address);
    return dense[r]?.[c];
  }
  return sheet[address] as XLSX.CellObject | undefined;
}

interface NamedRead {
  reading?: CellReading;
  issue?: NameIssue;
}

function readNamed(wb: XLSX.WorkBook, resolver: NameResolver, date1904: boolean, name: string): NamedRead {
  const target = resolver.resolve(name);
  if (!target.ok) {
    const issue: NameIssue = { name, problem: target.problem };
    if (target.ref !== undefined) issue.ref = target.ref;
    return { issue };
  }
  const raw: RawCell = rawCellFrom(cellAt(wb.Sheets[target.sheetKey], target.address), date1904);
  return { reading: readingFromRaw(name, target.sheet, target.address, raw) };
}

/** The text of a template marker cell (TEMPLATE_ID / TEMPLATE_VERSION), null when absent or blank. */
function markerText(read: NamedRead): string | null {
  const r = read.reading;
  if (!r || r.raw === null) return null;
  const text = (typeof r.raw === 'string' ? r.raw : r.text || String(r.raw)).trim();
  return text === '' ? null : text;
}

function namesOf(wb: XLSX.WorkBook): WorkbookName[] {
  // Only the string fields are taken over, whatever shape a crafted file gave SheetJS.
  return (wb.Workbook?.Names ?? [])
    .filter((n) => typeof n?.Name === 'string')
    .map((n) => ({ Name: n.Name, Ref: typeof n.Ref === 'string' ? n.Ref : '', Sheet: n.Sheet }));
}

/** Builds the Snapshot of a parsed workbook. */
export function snapshotFromWorkbook(wb: XLSX.WorkBook, source: string): Snapshot {
  const resolver = new NameResolver(namesOf(wb), wb.SheetNames);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const cells: Record<string, CellReading> = {};
  const nameIssues: NameIssue[] = [];
  for (const ind of INDICATORS) {
    const read = readNamed(wb, resolver, date1904, ind.name);
    if (read.reading) cells[ind.name] = read.reading;
    if (read.issue) nameIssues.push(read.issue);
  }
  const idRead = readNamed(wb, resolver, date1904, TEMPLATE_ID_NAME);
  const versionRead = readNamed(wb, resolver, date1904, TEMPLATE_VERSION_NAME);
  // The template markers are defined names of the contract too: their problems are listed alike.
  for (const r of [idRead, versionRead]) if (r.issue) nameIssues.push(r.issue);
  return {
    source,
    templateId: markerText(idRead),
    templateVersion: markerText(versionRead),
    cells,
    nameIssues,
    sheetOrder: wb.SheetNames.map(unescapeXml),
  };
}

/** Sheet XML up to this size is parsed in one pass; larger workbooks are parsed by plan (see readWorkbook). */
const ONE_PASS_SHEET_BYTES = 4 * 1024 * 1024;

interface Parser {
  parse: (extra: XLSX.ParsingOptions) => XLSX.WorkBook;
  /** Whether the sheets are small enough to parse all of them at once. */
  small: boolean;
}

/** The parts of SheetJS's bundled CFB container used here (the package types it as any). */
interface UnzippedPackage {
  FullPaths: string[];
  FileIndex: Array<{ content?: { length: number } }>;
}

interface CfbUtils {
  cfb_new(): UnzippedPackage;
  cfb_add(cfb: UnzippedPackage, name: string, content: Uint8Array): unknown;
}

/** Above this many parts, SheetJS's own unzip is used (its container grows slowly part by part). */
const MAX_PREBUILT_PARTS = 500;

/** A SheetJS container holding the parts the sniffer already inflated. */
function packageOf(parts: Map<string, Uint8Array>): UnzippedPackage {
  const utils = (XLSX.CFB as { utils: CfbUtils }).utils;
  const cfb = utils.cfb_new();
  for (const [name, content] of parts) utils.cfb_add(cfb, name, content);
  return cfb;
}

function sheetBytes(zip: UnzippedPackage): number {
  let total = 0;
  zip.FullPaths.forEach((path, i) => {
    // xl/worksheets/sheetN.xml in OOXML; everything (content.xml) in ODS.
    if (/\/worksheets\/|content\.xml$/i.test(path)) total += zip.FileIndex[i]?.content?.length ?? 0;
  });
  return total;
}

/**
 * A parser of one file's bytes that can be run with different options. For zip containers (xlsx,
 * xlsm, ods) the parts the sniffer inflated (within the size budget) are handed to SheetJS, so the
 * file is unzipped once for the zip-bomb check and the parse together, and every pass parses the
 * same parts: unzipping was the largest single cost of a read.
 */
function sheetJsParser(data: Uint8Array, fileName: string, sniffed: SniffedWorkbook): Parser {
  if (sniffed.container === 'xls' || !sniffed.parts) {
    return { parse: (extra) => parseWithSheetJs(data, fileName, extra), small: data.length <= ONE_PASS_SHEET_BYTES };
  }
  const parts = sniffed.parts;
  let zip: UnzippedPackage;
  try {
    zip = quietly(() => (parts.size <= MAX_PREBUILT_PARTS ? packageOf(parts) : (XLSX.CFB.read(data, { type: 'buffer' }) as UnzippedPackage)));
  } catch {
    throw isWpsName(fileName) ? wpsEt(fileName) : corrupt(fileName, DAMAGE.content);
  }
  // parse_zip is what XLSX.read runs on a zip after unzipping it; it is not in SheetJS's types.
  const parseZip = (XLSX as unknown as { parse_zip: (zip: unknown, o: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;
  const parse = (extra: XLSX.ParsingOptions): XLSX.WorkBook => {
    try {
      return quietly(() => parseZip(zip, { ...READ_OPTIONS, ...extra }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/password|encrypt/i.test(message)) throw encrypted(fileName);
      if (isWpsName(fileName)) throw wpsEt(fileName);
      throw corrupt(fileName, DAMAGE.content);
    }
  };
  return { parse, small: sheetBytes(zip) <= ONE_PASS_SHEET_BYTES };
}

/** The checks every reader runs first: empty, too large, what container, zip bomb. */
export function sniffed(data: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): SniffedWorkbook {
  const lim = effectiveLimits(limits);
  if (data.length === 0) throw emptyFile(fileName);
  if (data.length > lim.maxBytes) throw tooLarge(fileName, data.length, lim.maxBytes);
  return sniffWorkbook(fileName, data, lim.maxUncompressedBytes);
}

/**
 * Reads .xlsx/.xlsm/.xls/.ods bytes into a Snapshot with SheetJS. Throws UserError with a specific
 * code for unreadable input. (./named-first reads .xlsx/.xlsm faster and falls back to this.)
 */
export function readWorkbook(data: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Snapshot {
  return readSniffedWithSheetJs(data, fileName, sniffed(data, fileName, limits));
}

/** Reads with SheetJS only: the reference reader (the differential test and the benchmark compare with it). */
export const readWorkbookWithSheetJs = readWorkbook;

/** Continues a read whose checks (sniffed) passed, with SheetJS. */
export function readSniffedWithSheetJs(data: Uint8Array, fileName: string, sniffed: SniffedWorkbook): Snapshot {
  const { parse, small } = sheetJsParser(data, fileName, sniffed);
  // A submission's sheets are small: one pass reads them all. A large workbook is read in two: first
  // the workbook part alone (names, sheet list), then only the sheets and rows the names need, so a
  // sheet of a million rows elsewhere in the workbook costs neither time nor memory.
  if (small) {
    const wb = parse({});
    requireSheets(wb, fileName);
    try {
      return snapshotFromWorkbook(wb, fileName);
    } catch (err) {
      if (isUserError(err)) throw err;
      throw corrupt(fileName, DAMAGE.content);
    }
  }
  const book = parse({ sheets: [] });
  requireSheets(book, fileName);
  try {
    const plan = planRead(new NameResolver(namesOf(book), book.SheetNames), book.SheetNames);
    const wb = plan.sheets.length === 0 ? book : parse({ sheets: plan.sheets, sheetRows: plan.rows });
    requireSheets(wb, fileName);
    return snapshotFromWorkbook(wb, fileName);
  } catch (err) {
    if (isUserError(err)) throw err;
    // SheetJS accepted the file but built something inconsistent: still the file's fault.
    throw corrupt(fileName, DAMAGE.content);
  }
}
