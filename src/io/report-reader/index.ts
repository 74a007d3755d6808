/**
 * Reads a published annual report — a Word document (.docx) or a web page (.html/.htm) — into the
 * Snapshot the rules run on (origin 'document'; each value's location is its place in the
 * document). Browser-safe: bytes in, Snapshot out. A document in which none of 表二, 表三, 表四 is
 * found as a table is refused with one sentence (code 'no-report-tables').
 */
import { recogniseReport } from '../../core/report-doc/recognise';
import type { Snapshot } from '../../core/snapshot';
import { readZipDirectory } from '../reader/zip';
import { readDocxBlocks } from './docx-read';
import { readHtmlBlocks } from './html-read';
import { documentCorrupt, noReportTables } from './refusals';

import { isReportDocumentName } from './names';

export { REPORT_DOCUMENT_EXTENSIONS, isReportDocumentName } from './names';

/**
 * True when the bytes are a report document the name promises: a .docx that is a zip with a Word
 * main part, an .html/.htm that is not a zip. Anything else (a workbook renamed .docx …) goes to the
 * workbook reader, which reads it or says precisely what it is.
 */
export function isReportDocument(bytes: Uint8Array, fileName: string): boolean {
  if (!isReportDocumentName(fileName) || bytes.length === 0) return false;
  if (!fileName.toLowerCase().endsWith('.docx')) return !isZip(bytes);
  if (!isZip(bytes)) return false;
  try {
    return readZipDirectory(bytes).entries.some((e) => e.name === 'word/document.xml' || e.name.startsWith('word/'));
  } catch {
    return true; // a damaged .docx: the document reader gives the refusal
  }
}

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads a report document's bytes. `maxUncompressed` bounds the unzipped document part of a .docx. */
export function readReportDocument(bytes: Uint8Array, fileName: string, maxUncompressed = 200 * 1024 * 1024): Snapshot {
  let doc;
  try {
    doc = isZip(bytes) ? readDocxBlocks(bytes, fileName, maxUncompressed) : readHtmlBlocks(bytes);
  } catch (e) {
    // Elements nested tens of thousands deep (never written by an editor) exhaust the walk.
    if (e instanceof RangeError) throw documentCorrupt(fileName, '结构嵌套过深');
    throw e;
  }
  const { snapshot, tables } = recogniseReport(doc.blocks, fileName);
  if (!tables.t2 && !tables.t3 && !tables.t4) throw noReportTables(fileName);
  return snapshot;
}
