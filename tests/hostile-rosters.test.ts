/**
 * Rosters as offices make them: a merged title row above the header, a 序号 column, Excel's
 * "Unicode 文本" (UTF-16 with BOM, tab-separated), GBK CSV, and credit codes that Excel stored as
 * numbers (flagged as having lost their last digits, matched by name instead of read as 9.13401E+17).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { main } from '../src/cli/main';
import { readRoster } from '../src/io/roster';
import { GOOD_EXAMPLE, captureStream, sha256 } from './helpers/hostile-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zwgk-rosters-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function officeRoster(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['XX县2025年度政府信息公开工作年度报告应报单位名册']);
  ws.mergeCells('A1:D1');
  ws.addRow(['序号', '单位名称', '统一社会信用代码', '单位类型']);
  ws.addRow([1, 'XX县教育局', 913401001234567890, '县级政府部门']);
  ws.addRow([2, 'XX县民政局', '11340822MB1234567X', '县级政府部门']);
  await wb.xlsx.writeFile(path);
}

describe('readRoster', () => {
  it('finds the header below a merged title row, ignores 序号, and flags a code stored as a number', async () => {
    const path = join(dir, '名册.xlsx');
    await officeRoster(path);
    expect(await readRoster(path)).toEqual([
      { code: null, codeLostDigits: '9.13401E+17', name: 'XX县教育局', type: '县级政府部门', line: 3 },
      { code: '11340822MB1234567X', name: 'XX县民政局', type: '县级政府部门', line: 4 },
    ]);
  });

  it('reads Excel\'s "Unicode 文本" (UTF-16 LE with BOM, tab-separated)', async () => {
    const path = join(dir, '名册.txt');
    const text = '序号\t单位名称\t统一社会信用代码\r\n1\tXX县财政局\t11340822MB1234567X\r\n2\tXX县"审计"局\t\r\n';
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await readRoster(path)).toEqual([
      { code: '11340822MB1234567X', name: 'XX县财政局', type: null, line: 2 },
      { code: null, name: 'XX县"审计"局', type: null, line: 3 },
    ]);
  });

  it('reads GBK CSV with a title row, and flags 9.13401E+17 typed back from a number', async () => {
    const path = join(dir, '名册.csv');
    writeFileSync(path, iconv.encode('XX县应报单位名册,,\r\n序号,单位名称,单位代码\r\n1,XX县财政局,11340822MB1234567X\r\n2,XX县教育局,9.13401E+17\r\n', 'gbk'));
    expect(await readRoster(path)).toEqual([
      { code: '11340822MB1234567X', name: 'XX县财政局', type: null, line: 3 },
      { code: null, codeLostDigits: '9.13401E+17', name: 'XX县教育局', type: null, line: 4 },
    ]);
  });
});

test('a roster that is not a regular file, or far too large, is refused before it is read', async () => {
  const fifoDir = join(dir, 'fifo');
  mkdirSync(fifoDir);
  execFileSync('mkfifo', [join(fifoDir, '名册.csv')]);
  await expect(readRoster(join(fifoDir, '名册.csv'))).rejects.toMatchObject({ code: 'roster-not-file' });
  const big = join(dir, '大名册.csv');
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x41));
  await expect(readRoster(big)).rejects.toThrow(/大名册\.csv" is 21\.0 MB, over the 20 MB limit/);
});

test('zwgk summary says which roster lines lost their codes and matches them by name', async () => {
  const roster = join(dir, '名册-汇总.xlsx');
  await officeRoster(roster);
  const subs = join(dir, 'subs');
  mkdirSync(subs);
  copyFileSync(GOOD_EXAMPLE, join(subs, '01.xlsx'));
  const before = sha256(roster);
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(['summary', subs, '-o', join(dir, '汇总.xlsx'), '--roster', roster], { stdout, stderr });
  expect(code).toBe(0);
  expect(stderr.text()).toBe(
    `名册“${roster}”第 3 行：统一社会信用代码被 Excel 存成了数字（9.13401E+17），后几位已丢失，本行按单位名称匹配。请把该列设为“文本”后重新输入代码。\n`,
  );
  // XX县教育局 submitted (matched by name); XX县民政局 did not.
  expect(stdout.text()).toContain('名册中 1 个单位未报送');
  expect(sha256(roster)).toBe(before);
}, 60_000);
