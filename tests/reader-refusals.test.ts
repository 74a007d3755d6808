/**
 * Every kind of unreadable input is refused with its own code and a message (zh-CN and en) that
 * names the file. The inputs are real files of each kind, built here with SheetJS and fflate.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { REQUIRED_DEFINED_NAMES } from '../src/core/catalogue';
import { UserError } from '../src/core/errors';
import { readWorkbook, readWorkbookFile, type ReadLimits } from '../src/io/read-workbook';
import { buildFixtureWorkbook, filledValues, fixtureBytes } from './helpers/sheetjs-fixtures';

/** Runs the reader and returns the UserError it throws (fails the test if it does not throw one). */
function refusal(bytes: Uint8Array | Buffer, fileName: string, limits?: Partial<ReadLimits>): UserError {
  try {
    readWorkbook(new Uint8Array(bytes), fileName, limits);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw new Error(`expected a UserError, got ${String(err)}`);
  }
  throw new Error(`expected ${fileName} to be refused`);
}

async function fileRefusal(path: string, limits?: Partial<ReadLimits>): Promise<UserError> {
  try {
    await readWorkbookFile(path, limits);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw new Error(`expected a UserError, got ${String(err)}`);
  }
  throw new Error(`expected ${path} to be refused`);
}

function expectRefused(err: UserError, code: string, fileName: string): void {
  expect(err.code).toBe(code);
  expect(err.messageIn('zh-CN')).toContain(`“${fileName}”`);
  expect(err.messageIn('en')).toContain(`"${fileName}"`);
  // One sentence each, no stack trace or internal detail.
  for (const m of [err.messageIn('zh-CN'), err.messageIn('en')]) {
    expect(m).not.toMatch(/\n|Error:|\.(?:ts|js):\d+/);
  }
}

const XLSX_BYTES = fixtureBytes({ values: filledValues() });

/** Deterministic noise (a linear congruential generator), so a failing case can be reproduced. */
function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Offsets of the central-directory entries of a zip (found by signature). */
function centralEntries(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) out.push(i);
  return out;
}

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

function sheetJsBook(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['单位名称', '某某局'], ['报告年度', 2024]]), '基本信息');
  return wb;
}

function ole(streams: Record<string, Uint8Array>): Buffer {
  // SheetJS bundles the CFB library but types it as any.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const CFB = XLSX.CFB as any;
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, Buffer.from(data));
  return CFB.write(c, { type: 'buffer' }) as Buffer;
}

describe('readWorkbook refusals', () => {
  it('empty-file: 0 bytes', () => {
    expectRefused(refusal(new Uint8Array(0), '空.xlsx'), 'empty-file', '空.xlsx');
  });

  it('too-large: over maxBytes, with both sizes in the message', () => {
    const err = refusal(XLSX_BYTES, 'big.xlsx', { maxBytes: 10 * 1024 });
    expectRefused(err, 'too-large', 'big.xlsx');
    expect(err.messageIn('en')).toContain(`is ${Math.ceil(XLSX_BYTES.length / 1024)} KB, over the 10 KB limit`);
    expect(err.messageIn('zh-CN')).toContain('超过 10 KB 的上限');
  });

  it('not-spreadsheet: random bytes', () => {
    expectRefused(refusal(noise(4096), 'noise.xlsx'), 'not-spreadsheet', 'noise.xlsx');
  });

  it('not-spreadsheet: a Word document renamed .xlsx (a zip without xl/workbook.xml)', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    const err = refusal(docx, '年报.xlsx');
    expectRefused(err, 'not-spreadsheet', '年报.xlsx');
    expect(err.messageIn('zh-CN')).toContain('Word 文档');
  });

  it('not-spreadsheet: a zip with something else in it', () => {
    const err = refusal(zipSync({ 'photo.jpg': noise(300) }), 'photos.xlsx');
    expectRefused(err, 'not-spreadsheet', 'photos.xlsx');
    expect(err.messageIn('en')).toContain('a zip archive without a workbook');
  });

  it('not-spreadsheet: a PDF', () => {
    const pdf = strToU8('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const err = refusal(pdf, '年报.pdf');
    expectRefused(err, 'not-spreadsheet', '年报.pdf');
    expect(err.messageIn('zh-CN')).toContain('PDF 文档');
  });

  it('not-spreadsheet: a web page saved as .xls', () => {
    const html = XLSX.write(sheetJsBook(), { type: 'buffer', bookType: 'html' }) as Buffer;
    const err = refusal(html, 'export.xls');
    expectRefused(err, 'not-spreadsheet', 'export.xls');
    expect(err.messageIn('en')).toContain('a web page (HTML)');
  });

  it('not-spreadsheet: a Word 97 document renamed .xls', () => {
    const err = refusal(ole({ WordDocument: noise(600), '1Table': noise(600, 7) }), 'old.xls');
    expectRefused(err, 'not-spreadsheet', 'old.xls');
    expect(err.messageIn('zh-CN')).toContain('Word 文档');
  });

  it('csv-not-supported: a CSV written by SheetJS, with a BOM', () => {
    const csv = XLSX.write(sheetJsBook(), { type: 'buffer', bookType: 'csv' }) as Buffer;
    expectRefused(refusal(csv, 'data.csv'), 'csv-not-supported', 'data.csv');
  });

  it('csv-not-supported: tab-separated text renamed .xlsx, and UTF-16 text', () => {
    expectRefused(refusal(strToU8('单位\t数量\n某某局\t12\n'), 'data.xlsx'), 'csv-not-supported', 'data.xlsx');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位,数量\r\n某某局,12\r\n', 'utf16le')]);
    expectRefused(refusal(utf16, 'data.txt'), 'csv-not-supported', 'data.txt');
  });

  it('encrypted: an OLE container holding EncryptionInfo and EncryptedPackage (a password-protected .xlsx)', () => {
    const enc = ole({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: noise(5000) });
    const err = refusal(enc, '加密.xlsx');
    expectRefused(err, 'encrypted', '加密.xlsx');
    expect(err.messageIn('zh-CN')).toContain('打开密码');
  });

  it('encrypted: a password-protected ODS (its manifest lists encryption data)', () => {
    const ods = zipSync(
      {
        mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
        'content.xml': noise(800),
        'META-INF/manifest.xml': strToU8(
          '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
        ),
      },
      { level: 6 },
    );
    expectRefused(refusal(ods, '加密.ods'), 'encrypted', '加密.ods');
  });

  it('corrupt: a truncated .xlsx', () => {
    const cut = XLSX_BYTES.subarray(0, Math.floor(XLSX_BYTES.length * 0.6));
    const err = refusal(cut, '截断.xlsx');
    expectRefused(err, 'corrupt', '截断.xlsx');
    expect(err.messageIn('zh-CN')).toContain('文件被截断');
  });

  it('corrupt: a compressed .xlsx whose deflated parts are damaged', () => {
    const compressed = XLSX.write(buildFixtureWorkbook({ values: filledValues() }), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const bytes = new Uint8Array(compressed);
    const entries = centralEntries(bytes);
    // Damage the deflate stream of every entry (keep the zip headers): 0xFF starts a block of reserved type.
    for (const cd of entries) {
      const local = bytes[cd + 42] | (bytes[cd + 43] << 8) | (bytes[cd + 44] << 16) | (bytes[cd + 45] << 24);
      const start = local + 30 + (bytes[local + 26] | (bytes[local + 27] << 8)) + (bytes[local + 28] | (bytes[local + 29] << 8));
      bytes.fill(0xff, start, start + 8);
    }
    expect(entries.every((cd) => bytes[cd + 10] === 8)).toBe(true);
    const err = refusal(bytes, 'damaged.xlsx');
    expectRefused(err, 'corrupt', 'damaged.xlsx');
    expect(err.messageIn('en')).toContain('its zip structure is broken');
  });

  it('corrupt: a truncated .xls', () => {
    const xls = XLSX.write(sheetJsBook(), { type: 'buffer', bookType: 'xls' }) as Buffer;
    expectRefused(refusal(xls.subarray(0, 700), 'cut.xls'), 'corrupt', 'cut.xls');
  });

  it('zip-bomb: declared uncompressed size over the limit (default 200 MB)', () => {
    const bytes = new Uint8Array(XLSX_BYTES);
    const [first] = centralEntries(bytes);
    writeU32(bytes, first + 24, 250 * 1024 * 1024);
    const err = refusal(bytes, 'bomb.xlsx');
    expectRefused(err, 'zip-bomb', 'bomb.xlsx');
    expect(err.messageIn('en')).toContain('over the 200.0 MB safety limit');
  });

  it('zip-bomb: sizes that lie are caught while inflating, before SheetJS sees the file', () => {
    const big = new Uint8Array(3 * 1024 * 1024); // 3 MB of zeros deflate to a few KB
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': big }, { level: 9 });
    for (const cd of centralEntries(zip)) writeU32(zip, cd + 24, 100); // claim 100 bytes each
    expect(zip.length).toBeLessThan(64 * 1024);
    const err = refusal(zip, 'liar.xlsx', { maxUncompressedBytes: 1024 * 1024 });
    expectRefused(err, 'zip-bomb', 'liar.xlsx');
  });

  it('wps-et: an .et file that is not a readable workbook', () => {
    expectRefused(refusal(noise(2048, 99), '年报.et'), 'wps-et', '年报.et');
    expectRefused(refusal(ole({ ETExtData: noise(700) }), '年报.et'), 'wps-et', '年报.et');
  });

  it('reads an .et file that is really an .xls workbook instead of refusing it', () => {
    // SheetJS writes no defined names into .xls, so only the sheets can be checked here;
    // names in .xls are proven with LibreOffice's .xls in reader-libreoffice.test.ts.
    const xls = fixtureBytes({ values: { T2_LICENSE: 9 } }, 'xls');
    const snap = readWorkbook(new Uint8Array(xls), '年报.et');
    expect(snap.sheetOrder).toEqual(['填报说明', '基本信息', '表二主动公开', '表三依申请公开', '表四复议诉讼', '工作指标', '文字部分']);
    expect(snap.nameIssues).toHaveLength(REQUIRED_DEFINED_NAMES.length);
  });

  it.each([
    ['Excel 2003 XML', 'xlml', 'Excel 2003 XML'],
    ['flat OpenDocument', 'fods', 'fods'],
    ['Excel 2.x worksheet', 'biff2', 'Excel 2.x–4.x'],
  ] as const)('unsupported-format: %s', (_label, bookType, inMessage) => {
    const bytes = XLSX.write(sheetJsBook(), { type: 'buffer', bookType }) as Buffer;
    const err = refusal(bytes, `report.${bookType}`);
    expectRefused(err, 'unsupported-format', `report.${bookType}`);
    expect(err.messageIn('en')).toContain(inMessage);
  });

  it('unsupported-format: an Apple Numbers file', () => {
    const numbers = zipSync({ 'Index/Document.iwa': noise(500), 'Metadata/Properties.plist': noise(100, 3) });
    const err = refusal(numbers, '年报.numbers');
    expectRefused(err, 'unsupported-format', '年报.numbers');
    expect(err.messageIn('zh-CN')).toContain('Apple Numbers');
  });
});

describe('readWorkbookFile refusals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-refuse-'));

  it('file-not-found', async () => {
    const path = join(dir, '不存在.xlsx');
    expectRefused(await fileRefusal(path), 'file-not-found', path);
  });

  it('not-a-file: a folder', async () => {
    const path = join(dir, 'folder.xlsx');
    mkdirSync(path);
    expectRefused(await fileRefusal(path), 'not-a-file', path);
  });

  it('too-large is decided from the file size before reading it', async () => {
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, XLSX_BYTES);
    expectRefused(await fileRefusal(path, { maxBytes: 1000 }), 'too-large', path);
  });

  it('empty-file from disk', async () => {
    const path = join(dir, 'empty.xlsx');
    writeFileSync(path, '');
    expectRefused(await fileRefusal(path), 'empty-file', path);
  });
});
