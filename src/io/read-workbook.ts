/**
 * Reads a unit's workbook file (.xlsx, .xlsm, .xls, .ods) into a Snapshot with SheetJS.
 *
 * Every indicator is located by its defined name. Input that cannot be read is refused with a
 * UserError whose code says why (empty, too large, not a spreadsheet, CSV, encrypted, damaged,
 * zip bomb, WPS .et, unsupported format) and whose message tells the person what to do.
 * The input bytes are never modified and no file is ever written.
 */
import { readFile, stat } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { INDICATORS, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME } from '../core/catalogue';
import { readingFromRaw, type RawCell } from '../core/classify';
import { isUserError, type UserError } from '../core/errors';
import type { CellReading, NameIssue, Snapshot } from '../core/snapshot';
import { rawCellFrom } from './reader/cells';
import { resolveName, unescapeXml, type WorkbookName } from './reader/names';
import { DAMAGE, corrupt, emptyFile, encrypted, fileNotFound, notAFile, tooLarge, unreadable, wpsEt } from './reader/refusals';
import { isWpsName, sniffContainer } from './reader/sniff';

export { describeMissingNames } from './reader/describe';

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

function effectiveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(limits ?? {}) };
}

/** SheetJS options: formulas and displayed text on, no HTML, dates left as serial numbers. */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  cellFormula: true,
  cellHTML: false,
  cellNF: true,
  cellText: true,
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

function parseWithSheetJs(data: Uint8Array, fileName: string): XLSX.WorkBook {
  try {
    return quietly(() => XLSX.read(data, READ_OPTIONS));
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

function readNamed(wb: XLSX.WorkBook, names: readonly WorkbookName[], date1904: boolean, name: string): NamedRead {
  const target = resolveName(names, wb.SheetNames, name);
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

/** Builds the Snapshot of a parsed workbook. */
export function snapshotFromWorkbook(wb: XLSX.WorkBook, source: string): Snapshot {
  const names: WorkbookName[] = (wb.Workbook?.Names ?? []).map((n) => ({ Name: n.Name, Ref: n.Ref, Sheet: n.Sheet }));
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const cells: Record<string, CellReading> = {};
  const nameIssues: NameIssue[] = [];
  for (const ind of INDICATORS) {
    const read = readNamed(wb, names, date1904, ind.name);
    if (read.reading) cells[ind.name] = read.reading;
    if (read.issue) nameIssues.push(read.issue);
  }
  const idRead = readNamed(wb, names, date1904, TEMPLATE_ID_NAME);
  const versionRead = readNamed(wb, names, date1904, TEMPLATE_VERSION_NAME);
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

/** Reads .xlsx/.xlsm/.xls/.ods bytes into a Snapshot. Throws UserError with a specific code for unreadable input. */
export function readWorkbook(data: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Snapshot {
  const lim = effectiveLimits(limits);
  if (data.length === 0) throw emptyFile(fileName);
  if (data.length > lim.maxBytes) throw tooLarge(fileName, data.length, lim.maxBytes);
  sniffContainer(fileName, data, lim.maxUncompressedBytes);
  const wb = parseWithSheetJs(data, fileName);
  requireSheets(wb, fileName);
  try {
    return snapshotFromWorkbook(wb, fileName);
  } catch (err) {
    if (isUserError(err)) throw err;
    // SheetJS accepted the file but built something inconsistent: still the file's fault.
    throw corrupt(fileName, DAMAGE.content);
  }
}

function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

function fileError(path: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileNotFound(path);
  if (code === 'EISDIR') return notAFile(path);
  return unreadable(path, systemReason(err));
}

/** Reads a workbook file into a Snapshot. Only reads: the file is never written or locked for writing. */
export async function readWorkbookFile(path: string, limits?: Partial<ReadLimits>): Promise<Snapshot> {
  const lim = effectiveLimits(limits);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw notAFile(path);
    size = info.size;
  } catch (err) {
    if (isUserError(err)) throw err;
    throw fileError(path, err);
  }
  // Check the size before reading so a huge file is never loaded into memory.
  if (size > lim.maxBytes) throw tooLarge(path, size, lim.maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(path, { flag: 'r' });
  } catch (err) {
    throw fileError(path, err);
  }
  return readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, lim);
}
