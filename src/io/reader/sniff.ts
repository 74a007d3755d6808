/**
 * Decides from the bytes (never from the file name alone) what a file is, before SheetJS sees it.
 * SheetJS happily "reads" almost anything as CSV or HTML, and inflates zips without limits, so
 * every refusal that can be decided cheaply is decided here.
 */
import * as XLSX from 'xlsx';
import { DAMAGE, KINDS, type Kind, corrupt, csvNotSupported, encrypted, notSpreadsheet, unsupportedFormat, wpsEt, zipBomb } from './refusals';
import { ZipBudgetError, ZipStructureError, inflateWithin, readSmallEntry, readZipDirectory } from './zip';

/** The containers handed on to SheetJS. */
export type SpreadsheetContainer = 'ooxml' | 'ods' | 'xls';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, bytes: readonly number[]): boolean {
  if (b.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (b[i] !== bytes[i]) return false;
  return true;
}

function asciiPrefix(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
}

/** True for the file extensions of WPS Spreadsheets (.et, and .ett for its templates). */
export function isWpsName(fileName: string): boolean {
  return /\.(et|ett)$/i.test(fileName);
}

/**
 * Text without NUL bytes in the first 8 KB (after a UTF-8/UTF-16 BOM): CSV, TSV, HTML, XML.
 * UTF-16 text (a BOM, or NULs at every other byte) counts as text too.
 */
function looksLikeText(b: Uint8Array): boolean {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  return control <= n / 100;
}

function textHead(b: Uint8Array): string {
  let bytes = b.subarray(0, 4096);
  let enc = 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) { enc = 'utf-16le'; bytes = bytes.subarray(2); }
  else if (startsWith(bytes, [0xfe, 0xff])) { enc = 'utf-16be'; bytes = bytes.subarray(2); }
  else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) bytes = bytes.subarray(3);
  return new TextDecoder(enc).decode(bytes).trimStart().toLowerCase();
}

function classifyText(file: string, b: Uint8Array): never {
  const head = textHead(b);
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) throw unsupportedFormat(file, KINDS.xml2003);
    if (head.includes('urn:oasis:names:tc:opendocument:xmlns:office')) throw unsupportedFormat(file, KINDS.flatOds);
    // Many intranet systems export a web page with an .xls name: it has no defined names.
    throw notSpreadsheet(file, KINDS.html);
  }
  if (head.startsWith('{\\rtf')) throw notSpreadsheet(file, KINDS.rtf);
  throw csvNotSupported(file);
}

/** What the sniffer found: the container, and for zip containers the inflated parts by name. */
export interface SniffedWorkbook {
  container: SpreadsheetContainer;
  parts: Map<string, Uint8Array> | null;
}

function inspectZip(file: string, b: Uint8Array, maxUncompressed: number): SniffedWorkbook {
  let dir;
  try {
    dir = readZipDirectory(b);
  } catch (err) {
    if (err instanceof ZipStructureError) throw corrupt(file, zipDetail(err));
    throw err;
  }
  if (dir.declaredTotal > maxUncompressed) throw zipBomb(file, dir.declaredTotal, maxUncompressed);
  const names = new Set(dir.entries.map((e) => e.name));

  let container: SpreadsheetContainer | null = null;
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) container = 'ooxml';
  else if (names.has('mimetype') || names.has('content.xml')) {
    const mimeEntry = dir.entries.find((e) => e.name === 'mimetype');
    const mime = mimeEntry ? safeSmallEntry(file, b, mimeEntry, 200).trim() : '';
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (!mimeEntry && names.has('content.xml'))) container = 'ods';
    else if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet-template')) container = 'ods';
    else throw notSpreadsheet(file, KINDS.odfOther);
  } else if (names.has('Index/Document.iwa') || names.has('Index.zip') || [...names].some((n) => n.startsWith('Index/'))) {
    throw unsupportedFormat(file, KINDS.numbers);
  } else if (names.has('word/document.xml')) throw notSpreadsheet(file, KINDS.word);
  else if (names.has('ppt/presentation.xml')) throw notSpreadsheet(file, KINDS.powerpoint);
  else throw notSpreadsheet(file, KINDS.zip);

  // Declared sizes can lie; inflate within the budget, counting what really comes out, and keep the
  // parts for the parser. (SheetJS's own unzip writes into a buffer of the declared size, which
  // bounds its memory but not its time: a lying entry still makes it decode every byte.)
  let parts: Map<string, Uint8Array>;
  try {
    parts = inflateWithin(b, dir, maxUncompressed);
  } catch (err) {
    if (err instanceof ZipBudgetError) throw zipBomb(file, err.inflatedAtLeast, maxUncompressed);
    if (err instanceof ZipStructureError) throw corrupt(file, zipDetail(err));
    throw err;
  }
  if (dir.entries.some((e) => e.flags & 1)) throw encrypted(file);
  if (container === 'ods') {
    const manifest = dir.entries.find((e) => e.name === 'META-INF/manifest.xml');
    // A password-protected ODS keeps its zip shape but encrypts content.xml; the manifest says so.
    if (manifest && safeSmallEntry(file, b, manifest, 1 << 20).includes('encryption-data')) throw encrypted(file);
  }
  return { container, parts };
}

function safeSmallEntry(file: string, b: Uint8Array, entry: Parameters<typeof readSmallEntry>[1], limit: number): string {
  try {
    return readSmallEntry(b, entry, limit);
  } catch (err) {
    if (err instanceof ZipStructureError) throw corrupt(file, zipDetail(err));
    throw err;
  }
}

function zipDetail(err: ZipStructureError): Kind {
  return /truncated|cut off|beyond the end|no end-of-central/.test(err.message) ? DAMAGE.truncated : DAMAGE.zip;
}

/** The parts of SheetJS's bundled CFB reader this module uses (the package types it as any). */
interface CfbContainer {
  FullPaths: string[];
}
interface CfbApi {
  read(data: Uint8Array, opts: { type: 'array' }): CfbContainer;
}

function inspectOle(file: string, b: Uint8Array): SpreadsheetContainer {
  let cfb: CfbContainer;
  try {
    cfb = (XLSX.CFB as CfbApi).read(b, { type: 'array' });
  } catch {
    if (isWpsName(file)) throw wpsEt(file);
    throw corrupt(file, DAMAGE.ole);
  }
  const streams = new Set(cfb.FullPaths.map((p) => (p.split('/').filter(Boolean).pop() ?? '').toLowerCase()));
  // An encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO).
  if (streams.has('encryptedpackage') || streams.has('encryptioninfo')) throw encrypted(file);
  if (streams.has('workbook') || streams.has('book')) return 'xls';
  if (isWpsName(file)) throw wpsEt(file);
  if (streams.has('worddocument')) throw notSpreadsheet(file, KINDS.word);
  if (streams.has('powerpoint document')) throw notSpreadsheet(file, KINDS.powerpoint);
  throw notSpreadsheet(file, KINDS.ole);
}

/** Recognises the container or throws the precise refusal. `b` is not empty and within the size limit. */
export function sniffContainer(file: string, b: Uint8Array, maxUncompressed: number): SpreadsheetContainer {
  return sniffWorkbook(file, b, maxUncompressed).container;
}

/** As sniffContainer, and hands on the parts of a zip container, already inflated within the budget. */
export function sniffWorkbook(file: string, b: Uint8Array, maxUncompressed: number): SniffedWorkbook {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return inspectZip(file, b, maxUncompressed);
  if (startsWith(b, OLE_MAGIC)) return { container: inspectOle(file, b), parts: null };
  const head = asciiPrefix(b, 8);
  if (head.startsWith('%PDF')) throw notSpreadsheet(file, KINDS.pdf);
  if (head.startsWith('PK')) throw corrupt(file, DAMAGE.zip);
  // BIFF2–BIFF5 worksheets written without an OLE container (Excel 2.x–4.x): BOF record ids.
  if ((b[0] === 0x09 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04 || b[1] === 0x08)) && b[2] <= 0x14 && b[3] === 0x00) {
    throw unsupportedFormat(file, KINDS.biffOld);
  }
  if (looksLikeText(b)) classifyText(file, b);
  if (isWpsName(file)) throw wpsEt(file);
  throw notSpreadsheet(file, KINDS.unknown);
}
