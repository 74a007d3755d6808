/**
 * Reads a unit's workbook file (.xlsx, .xlsm, .xls, .ods) into a Snapshot: the named-cell reader
 * for .xlsx/.xlsm, SheetJS for the rest and wherever the named-cell reader declines.
 *
 * The parsing of the bytes lives in ./reader/named-first and ./reader/workbook-bytes (browser-safe,
 * the latter shared with the Excel add-in); this module adds reading the file from disk. The input
 * file is never modified and no file is ever written.
 */
import { readFile, stat } from 'node:fs/promises';
import { isUserError, type UserError } from '../core/errors';
import type { Snapshot } from '../core/snapshot';
import { fileNotFound, notAFile, tooLarge, unreadable } from './reader/refusals';
import { isReportDocumentName } from './report-reader/names';
import { readWorkbook } from './reader/named-first';
import { effectiveLimits, type ReadLimits } from './reader/workbook-bytes';

export { describeMissingNames } from './reader/describe';
export { readWorkbook } from './reader/named-first';
export { DEFAULT_LIMITS, readWorkbookWithSheetJs, snapshotFromWorkbook, type ReadLimits } from './reader/workbook-bytes';

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

/**
 * Reads a workbook file into a Snapshot. Only reads: the file is never written or locked for writing.
 * `disk` is the path to open when it differs from the name shown in messages (a file name in GBK
 * bytes is opened through its bytes and shown decoded).
 */
export async function readWorkbookFile(path: string, limits?: Partial<ReadLimits>, disk: string | Buffer = path): Promise<Snapshot> {
  const lim = effectiveLimits(limits);
  const data = await readSubmissionBytes(path, lim.maxBytes, disk);
  // A published report (Word document or web page) is read into the same Snapshot shape. The
  // document reader is loaded only for such a name: a batch of workbooks never pays for it.
  if (isReportDocumentName(path)) {
    const documents = await import('./report-reader');
    if (documents.isReportDocument(data, path)) return documents.readReportDocument(data, path, lim.maxUncompressedBytes);
  }
  return readWorkbook(data, path, lim);
}

/**
 * The bytes of a submission file, refused before reading when larger than `maxBytes` (so a huge
 * file is never loaded into memory). Errors: UserError 'file-not-found', 'not-a-file', 'too-large',
 * 'unreadable'. `disk` as for readWorkbookFile.
 */
export async function readSubmissionBytes(path: string, maxBytes: number, disk: string | Buffer = path): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(disk);
    if (!info.isFile()) throw notAFile(path);
    size = info.size;
  } catch (err) {
    if (isUserError(err)) throw err;
    throw fileError(path, err);
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(disk, { flag: 'r' });
  } catch (err) {
    throw fileError(path, err);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
