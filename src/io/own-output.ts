/**
 * The tool's own workbooks (the summary workbook, marked copies) carry a marker: a hidden defined
 * name ZWGK_OUTPUT whose value says which output it is. A folder scan recognises them by the marker,
 * not by the file name (a user may rename a copy), and leaves them out, so a second `zwgk summary`
 * into the submissions folder does not count the first summary as a unit, and marked copies written
 * next to the submissions are not read again. A file named explicitly is still read: the summary
 * workbook is itself a standard workbook that `zwgk validate` checks.
 *
 * Looking for the marker reads only the zip directory and the workbook part, within a byte budget,
 * so it cannot hang on a hostile file (the full read of a submission runs under the guard).
 */
import { Inflate } from 'fflate';
import { open } from 'node:fs/promises';
import { MARKER_VALUE, OUTPUT_MARKER_NAME, REPORT_SOURCE_ATTRIBUTE, REPORT_SOURCE_PROPERTY, type OutputKind } from './output-marker';
import { attr, childElements, localName, openTag, rootElement, textContent, unescapeXml } from './ooxml/xml';
import { entryData, readZipDirectory, type ZipEntry } from './reader/zip';

export { OUTPUT_MARKER_NAME, REPORT_SOURCE_ATTRIBUTE, REPORT_SOURCE_PROPERTY, markPackage, markWorkbookBytes, type OutputKind } from './output-marker';

/** Largest workbook part looked at (a real one is a few KB; a summary of 5,000 units stays far below). */
const MAX_WORKBOOK_PART = 4 * 1024 * 1024;

class TooLarge extends Error {}

/** Inflates an entry, stopping as soon as it exceeds `limit` bytes. */
function inflateBounded(b: Uint8Array, entry: ZipEntry, limit: number): string {
  const data = entryData(b, entry);
  if (entry.method === 0) {
    if (data.length > limit) throw new TooLarge();
    return new TextDecoder('utf-8').decode(data);
  }
  if (entry.method !== 8) throw new TooLarge();
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    parts.push(chunk);
  });
  inflater.push(data, true);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return new TextDecoder('utf-8').decode(out);
}

/** The output kind a workbook's bytes are marked with, or null (not marked, not an .xlsx, damaged). */
export function outputKindOf(bytes: Uint8Array): OutputKind | null {
  try {
    const dir = readZipDirectory(bytes);
    // The workbook part of an Office Open XML package; zwgk writes it at the usual path.
    const entry = dir.entries.find((e) => /^xl\/workbook\d*\.xml$/i.test(e.name));
    if (!entry) return null;
    const xml = inflateBounded(bytes, entry, MAX_WORKBOOK_PART);
    if (!xml.includes(OUTPUT_MARKER_NAME)) return null;
    const names = childElements(xml, rootElement(xml)).find((el) => localName(el.name) === 'definedNames');
    if (!names || names.selfClosing) return null;
    for (const el of childElements(xml, names)) {
      if (localName(el.name) !== 'definedName' || attr(openTag(xml, el), 'name') !== OUTPUT_MARKER_NAME) continue;
      const value = textContent(xml, el).trim().replace(/^"|"$/g, '');
      if (value === MARKER_VALUE.summary) return 'summary';
      if (value === MARKER_VALUE.annotated) return 'annotated';
    }
    return null;
  } catch {
    return null; // whatever is wrong with the file, the reader will say it
  }
}

/**
 * The output kind of a file on disk, or null. Reads at most `maxBytes` (larger files are left to the
 * reader, which refuses them). `disk` is the path to open when it differs from the shown one (a name
 * in GBK bytes). The caller passes regular files only (opening a FIFO would block).
 */
export async function outputKindOfFile(path: string, maxBytes: number, disk: string | Buffer = path): Promise<OutputKind | null> {
  if (!/\.(xlsx|xlsm)$/i.test(path.trim())) return null;
  const bytes = await readStart(disk, maxBytes, Infinity);
  return bytes && bytes.length >= 22 ? outputKindOf(bytes) : null;
}

/**
 * The bytes of a regular file, at most `prefix` of them from its start; null for a file larger
 * than `maxBytes`, not a regular file, or not readable (the reader then says why).
 */
async function readStart(disk: string | Buffer, maxBytes: number, prefix: number): Promise<Uint8Array | null> {
  let handle;
  try {
    handle = await open(disk, 'r');
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) return null;
    const bytes = new Uint8Array(Math.min(st.size, prefix));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return bytes.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Largest custom-properties part looked at (zwgk writes one property). */
const MAX_CUSTOM_PART = 256 * 1024;
/** How far into an HTML report the mark is looked for (it is on the fragment's first element). */
const HTML_HEAD_BYTES = 64 * 1024;

/**
 * The file name of the workbook a report document was made from, as `zwgk report` marks it
 * (REPORT_SOURCE_PROPERTY in a .docx's custom properties, REPORT_SOURCE_ATTRIBUTE in an HTML
 * fragment), or null: not such a report, or not readable (the reader then says why).
 */
export function reportSourceOf(bytes: Uint8Array, fileName: string): string | null {
  try {
    if (/\.html?$/i.test(fileName.trim())) {
      const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HTML_HEAD_BYTES));
      const m = new RegExp(`${REPORT_SOURCE_ATTRIBUTE}="([^"]{1,1000})"`).exec(head);
      return m ? unescapeXml(m[1]) : null;
    }
    if (!/\.docx$/i.test(fileName.trim())) return null;
    const entry = readZipDirectory(bytes).entries.find((e) => e.name === 'docProps/custom.xml');
    if (!entry) return null;
    const xml = inflateBounded(bytes, entry, MAX_CUSTOM_PART);
    if (!xml.includes(REPORT_SOURCE_PROPERTY)) return null;
    for (const el of childElements(xml, rootElement(xml))) {
      if (localName(el.name) !== 'property' || attr(openTag(xml, el), 'name') !== REPORT_SOURCE_PROPERTY) continue;
      const value = textContent(xml, el).trim();
      return value === '' ? null : value;
    }
    return null;
  } catch {
    return null;
  }
}

/** reportSourceOf for a file on disk, reading at most `maxBytes` (see outputKindOfFile for `disk`). */
export async function reportSourceOfFile(path: string, maxBytes: number, disk: string | Buffer = path): Promise<string | null> {
  if (!/\.(docx|html?)$/i.test(path.trim())) return null;
  // An HTML report carries its mark at the start; a .docx is a zip, read whole.
  const html = /\.html?$/i.test(path.trim());
  const bytes = await readStart(disk, maxBytes, html ? HTML_HEAD_BYTES : Infinity);
  return bytes ? reportSourceOf(bytes, path) : null;
}
