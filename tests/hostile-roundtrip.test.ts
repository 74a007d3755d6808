/**
 * Everything written round-trips: a unit name holding U+FFFF, control characters, a lone surrogate,
 * a literal "_x0041_" and a bidi override (all legal in a unit's .xlsx as _xHHHH_ escapes) cannot
 * corrupt the summary workbook or a marked copy: SheetJS and LibreOffice open both, and the other
 * units' names survive. Bidi controls show as [U+202E] in the terminal and HTML; newlines in file
 * names are escaped in the text report.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import * as XLSX from 'xlsx';
import { main } from '../src/cli/main';
import { cellText } from '../src/io/cell-text';
import { EXAMPLES_DIR, GOOD_EXAMPLE, captureStream, hashTree, patchExample, setCell } from './helpers/hostile-fixtures';
import { convertWithLibreOffice } from './helpers/libreoffice';

const OTHER = join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx');
const OTHER_NAME = 'XX高新技术产业开发区管委会';
/** As stored in the unit's sheet XML (OOXML escapes), and as the reader sees it. */
const STORED = '甲_xFFFF_乙_x0001_丙_xD800_丁_x005F_x0041_\u202e戊';

let root: string;
let dir: string;
let inputs: Record<string, string>;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-roundtrip-'));
  dir = join(root, 'in');
  mkdirSync(dir);
  writeFileSync(join(dir, '01-怪名.xlsx'), patchExample((p) => setCell(p, '基本信息', 'B3', { text: STORED })));
  copyFileSync(OTHER, join(dir, '02-高新区.xlsx'));
  inputs = hashTree(dir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Every XML part of a written workbook is well-formed XML 1.0 (what openpyxl and LibreOffice need
 * before anything else): parsed strictly with saxes, returns the parts that fail.
 */
function malformedParts(bytes: Uint8Array): string[] {
  const bad: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: false });
    let failed = false;
    parser.on('error', () => {
      failed = true;
    });
    try {
      parser.write(strFromU8(data)).close();
    } catch {
      failed = true;
    }
    if (failed) bad.push(name);
  }
  return bad;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

test('cellText drops what XML cannot carry and keeps _xHHHH_ literal', () => {
  expect(cellText('a\uffffb\u0001c\ud800d_x0041_e\ufdd0f\ud83f\udffeg\t\n')).toBe('ab c\ufffdd_x005F_x0041_efg\t\n'.replace(' ', ''));
  expect(cellText('表'.repeat(40000))).toHaveLength(32767);
});

test('the summary workbook opens in SheetJS and LibreOffice with every unit name', async () => {
  const out = join(root, '汇总.xlsx');
  const r = await cli(['summary', dir, '-o', out]);
  expect(r.code).toBe(1);
  expect(malformedParts(readFileSync(out))).toEqual([]);
  const wb = XLSX.read(readFileSync(out));
  const table = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1 });
  const header = table.findIndex((row) => row[1] === '单位名称');
  const names = table.slice(header + 1).map((row) => row[1]);
  expect(names).toEqual(['甲乙丙\ufffd丁_x0041_\u202e戊', OTHER_NAME]);
  const csv = readFileSync(convertWithLibreOffice(out, 'csv', join(root, 'lo')), 'utf8');
  expect(csv).toContain(OTHER_NAME);
  expect(csv).toContain('甲乙丙\ufffd丁_x0041_\u202e戊');
  expect(hashTree(dir)).toEqual(inputs);
}, 180_000);

test("a marked copy's 问题清单 opens in SheetJS and LibreOffice", async () => {
  const marked = join(root, 'marked');
  const r = await cli(['validate', dir, '--annotate', marked, '--format', 'json']);
  expect(r.code).toBe(1);
  for (const f of readdirSync(marked)) {
    expect(malformedParts(readFileSync(join(marked, f)))).toEqual([]);
    const wb = XLSX.read(readFileSync(join(marked, f)));
    expect(wb.SheetNames[wb.SheetNames.length - 1]).toBe('问题清单');
    expect(convertWithLibreOffice(join(marked, f), 'csv', join(root, 'lo-marked'))).toMatch(/\.csv$/);
  }
  expect(hashTree(dir)).toEqual(inputs);
}, 180_000);

test('bidi controls show as [U+202E] in the text and HTML reports; a newline in a file name is escaped', async () => {
  const odd = join(root, 'odd');
  mkdirSync(odd);
  copyFileSync(GOOD_EXAMPLE, join(odd, '甲\n乙\u202e.xlsx'));
  const text = await cli(['validate', odd]);
  expect(text.out.split('\n')[0]).toBe(`${odd}/甲\\n乙[U+202E].xlsx  [通过]`);
  const html = await cli(['validate', odd, '--format', 'html']);
  expect(html.out).toContain('乙[U+202E].xlsx');
  expect(html.out).not.toContain('\u202e');
}, 60_000);
