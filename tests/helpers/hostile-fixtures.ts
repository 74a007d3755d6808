/**
 * Hostile and broken inputs for the reader, the CLI and the fuzz test, made from the real example
 * submission (examples/01, a clean report made from the standard template): its package is unzipped
 * with fflate, one XML part is changed the way a user, another program or an attacker would, and it
 * is zipped again. Also raw bytes of the kinds a batch folder really collects.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as XLSX from 'xlsx';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
/** The clean example: validates with status ok and no findings. */
export const GOOD_EXAMPLE = join(EXAMPLES_DIR, '01-县教育局-合格.xlsx');

export function exampleBytes(path = GOOD_EXAMPLE): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export type Parts = Record<string, Uint8Array>;

export function unzipParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function zipParts(parts: Parts, level: 0 | 1 | 6 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) z[name] = [data, { level }];
  return zipSync(z);
}

export function text(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

export function setText(parts: Parts, name: string, xml: string): void {
  parts[name] = strToU8(xml);
}

/** Changes the example package: `edit` gets the unzipped parts and may change them in place. */
export function patchExample(edit: (parts: Parts) => void, source = exampleBytes(), level: 0 | 1 | 6 = 6): Uint8Array {
  const parts = unzipParts(source);
  edit(parts);
  return zipParts(parts, level);
}

/** The part name (xl/worksheets/sheetN.xml) of a sheet, found through workbook.xml and its rels. */
export function sheetPart(parts: Parts, sheetName: string): string {
  const wb = text(parts, 'xl/workbook.xml');
  const m = new RegExp(`<sheet [^>]*name="${escapeRe(xmlEscape(sheetName))}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheetName}`);
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const r = new RegExp(`<Relationship Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels);
  if (!r) throw new Error(`no relationship ${m[1]}`);
  return `xl/${r[1].replace(/^\/?xl\//, '')}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type CellContent = { text: string } | { number: number } | { formula: string; cached: number };

/** Replaces (or adds, in an existing row) one cell of a sheet, keeping its style. */
export function setCell(parts: Parts, sheetName: string, address: string, content: CellContent): void {
  const part = sheetPart(parts, sheetName);
  let xml = text(parts, part);
  const cellRe = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const m = cellRe.exec(xml);
  const style = m ? (/\ss="\d+"/.exec(m[1])?.[0] ?? '') : '';
  let cell: string;
  if ('text' in content) cell = `<c r="${address}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(content.text)}</t></is></c>`;
  else if ('formula' in content) cell = `<c r="${address}"${style}><f>${xmlEscape(content.formula)}</f><v>${content.cached}</v></c>`;
  else cell = `<c r="${address}"${style}><v>${content.number}</v></c>`;
  if (m) xml = xml.replace(cellRe, () => cell);
  else {
    const row = /\d+$/.exec(address)?.[0];
    const rowRe = new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`);
    if (!rowRe.test(xml)) throw new Error(`no row ${row} in ${sheetName}`);
    // Appended at the end of the row: SheetJS does not need column order, Excel would.
    xml = xml.replace(rowRe, (_all, open: string, body: string, close: string) => `${open}${body}${cell}${close}`);
  }
  setText(parts, part, xml);
}

/** The <definedNames> of workbook.xml as [name, ref, localSheetId?] (refs unescaped). */
export function definedNames(parts: Parts): Array<{ name: string; ref: string; localSheetId?: number }> {
  const wb = text(parts, 'xl/workbook.xml');
  const out: Array<{ name: string; ref: string; localSheetId?: number }> = [];
  for (const m of wb.matchAll(/<definedName name="([^"]+)"((?:\s+localSheetId="(\d+)")?)[^>]*>([^<]*)<\/definedName>/g)) {
    const ref = m[4].replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    out.push(m[3] !== undefined ? { name: m[1], ref, localSheetId: Number(m[3]) } : { name: m[1], ref });
  }
  return out;
}

/** Replaces the whole <definedNames> list. */
export function setDefinedNames(parts: Parts, names: ReadonlyArray<{ name: string; ref: string; localSheetId?: number }>): void {
  const wb = text(parts, 'xl/workbook.xml');
  const body = names
    .map((n) => `<definedName name="${xmlEscape(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ''}>${xmlEscape(n.ref)}</definedName>`)
    .join('');
  setText(parts, 'xl/workbook.xml', wb.replace(/<definedNames>[\s\S]*<\/definedNames>/, `<definedNames>${body}</definedNames>`));
}

/** The reference a sheet name takes in a formula or defined name: quoted when needed. */
export function sheetRefName(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Renames a sheet the way Excel does: the sheet entry and every defined name pointing into it. */
export function renameSheet(parts: Parts, from: string, to: string): void {
  const wb = text(parts, 'xl/workbook.xml');
  setText(parts, 'xl/workbook.xml', wb.replace(`name="${xmlEscape(from)}"`, `name="${xmlEscape(to)}"`));
  const names = definedNames(parts).map((n) => {
    const prefixes = [`'${from}'!`, `${from}!`];
    const hit = prefixes.find((p) => n.ref.startsWith(p));
    return hit ? { ...n, ref: `${sheetRefName(to)}!${n.ref.slice(hit.length)}` } : n;
  });
  setDefinedNames(parts, names);
}

export function hideSheet(parts: Parts, sheet: string, state: 'hidden' | 'veryHidden' = 'hidden'): void {
  const wb = text(parts, 'xl/workbook.xml');
  const re = new RegExp(`(<sheet [^>]*name="${escapeRe(xmlEscape(sheet))}"[^>]*?)state="visible"`);
  if (!re.test(wb)) throw new Error(`no visible sheet ${sheet}`);
  setText(parts, 'xl/workbook.xml', wb.replace(re, `$1state="${state}"`));
}

/** Appends rows (a number in column A each) to a sheet, from row `from` to row `to`. */
export function appendRows(parts: Parts, sheetName: string, from: number, to: number): void {
  const part = sheetPart(parts, sheetName);
  const rows: string[] = [];
  for (let r = from; r <= to; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const xml = text(parts, part).replace('</sheetData>', `${rows.join('')}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:C${to}"/>`);
  setText(parts, part, xml);
}

/** Turns the package into an .xlsm: a VBA project part (never run, never even parsed) and its content type. */
export function makeMacroEnabled(parts: Parts): void {
  parts['xl/vbaProject.bin'] = noise(4096, 77);
  const ct = text(parts, '[Content_Types].xml')
    .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  setText(parts, '[Content_Types].xml', ct);
  const rels = text(parts, 'xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  setText(parts, 'xl/_rels/workbook.xml.rels', rels);
}

/** Deterministic noise (a linear congruential generator), so a failing case can be reproduced. */
export function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** Offsets of the central-directory records of a zip (found by signature). */
export function centralEntries(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) out.push(i);
  return out;
}

/** An OLE compound file holding the given streams (how Office stores an encrypted .xlsx). */
export function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  // SheetJS bundles the CFB library but types it as any.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const CFB = XLSX.CFB as any;
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, Buffer.from(data));
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

/** Files that cannot be read, each with the refusal code the reader must give. */
export interface BadFile {
  label: string;
  name: string;
  bytes: Uint8Array;
  code: string;
  /** Extra arguments of `zwgk validate` the case needs. */
  args?: string[];
}

export function badFiles(): BadFile[] {
  const good = exampleBytes();
  const bomb = new Uint8Array(good);
  writeU32(bomb, centralEntries(bomb)[0] + 24, 300 * 1024 * 1024);
  const padded = patchExample((p) => {
    p['xl/media/image1.png'] = noise(80 * 1024, 5); // noise does not compress
  });
  const docx = zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>年度报告</w:t></w:r></w:p></w:body></w:document>'),
  });
  return [
    { label: 'an empty file', name: 'empty.xlsx', bytes: new Uint8Array(0), code: 'empty-file' },
    // 80 KB against a limit of 60 KB; the good example (28 KB) stays under it.
    { label: 'a file over --max-size', name: 'big.xlsx', bytes: padded, code: 'too-large', args: ['--max-size', '0.06'] },
    { label: 'a zip bomb (a part declares 300 MB)', name: 'bomb.xlsx', bytes: bomb, code: 'zip-bomb' },
    { label: 'a truncated .xlsx', name: 'cut.xlsx', bytes: good.slice(0, Math.floor(good.length * 0.7)), code: 'corrupt' },
    { label: 'random bytes named .xlsx', name: 'random.xlsx', bytes: noise(30000, 4242), code: 'not-spreadsheet' },
    {
      label: 'a password-protected workbook',
      name: 'locked.xlsx',
      bytes: oleFile({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: noise(6000, 9) }),
      code: 'encrypted',
    },
    { label: 'a .csv renamed .xlsx', name: 'data.xlsx', bytes: strToU8('单位名称,年度\nXX县教育局,2025\n'), code: 'csv-not-supported' },
    { label: 'a .docx renamed .xlsx', name: 'report.xlsx', bytes: docx, code: 'not-spreadsheet' },
  ];
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** sha256 of every file under a folder, by relative path. */
export function hashTree(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashTree(p, base, out);
    else out[p.slice(base.length + 1)] = sha256(p);
  }
  return out;
}

/** A writable stream that keeps what is written, for main([...]) in tests. */
export function captureStream(isTTY = false): NodeJS.WritableStream & { text(): string; isTTY?: boolean } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return Object.assign(w, { text: () => chunks.join(''), isTTY });
}

function shiftRef(ref: string, at: number, count: number): string {
  return ref.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) >= at ? Number(row) + count : Number(row)}`);
}

/**
 * Inserts `count` rows before row `at` of a sheet the way Excel does: every cell, row, merged range,
 * data-validation range, frozen pane and dimension at or below `at` moves down, and so does every
 * defined name pointing there. (The template has no formulas, so none need rewriting.)
 */
export function insertRows(parts: Parts, sheetName: string, at: number, count: number): void {
  const part = sheetPart(parts, sheetName);
  const xml = text(parts, part).replace(/ (r|ref|sqref|topLeftCell|activeCell)="([^"]*)"/g, (_m, attr: string, value: string) =>
    attr === 'r' && /^\d+$/.test(value) ? ` r="${Number(value) >= at ? Number(value) + count : value}"` : ` ${attr}="${shiftRef(value, at, count)}"`,
  );
  setText(parts, part, xml);
  const prefixes = [`'${sheetName}'!`, `${sheetName}!`];
  setDefinedNames(
    parts,
    definedNames(parts).map((n) => {
      const hit = prefixes.find((p) => n.ref.startsWith(p));
      return hit ? { ...n, ref: hit + shiftRef(n.ref.slice(hit.length), at, count) } : n;
    }),
  );
}

/** Moves one cell (content and style) to an empty address of the same sheet, with the names pointing to it (Excel's cut and paste). */
export function moveCell(parts: Parts, sheetName: string, from: string, to: string): void {
  const part = sheetPart(parts, sheetName);
  let xml = text(parts, part);
  const cellRe = new RegExp(`<c r="${from}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
  const m = cellRe.exec(xml);
  if (!m) throw new Error(`no cell ${from}`);
  xml = xml.replace(cellRe, `<c r="${from}"/>`);
  const row = /\d+$/.exec(to)?.[0];
  const moved = `<c r="${to}"${m[1]}${m[2]}`;
  const rowRe = new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`);
  xml = rowRe.test(xml) ? xml.replace(rowRe, (_a, o: string, b: string, c: string) => `${o}${b}${moved}${c}`) : xml.replace('</sheetData>', `<row r="${row}">${moved}</row></sheetData>`);
  setText(parts, part, xml);
  const abs = (a: string): string => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  setDefinedNames(
    parts,
    definedNames(parts).map((n) =>
      [`'${sheetName}'!`, `${sheetName}!`].some((p) => n.ref === p + abs(from)) ? { ...n, ref: n.ref.slice(0, -abs(from).length) + abs(to) } : n,
    ),
  );
}
