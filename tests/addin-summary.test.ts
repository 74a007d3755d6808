/**
 * The 汇总 of the task pane computes the same content as `zwgk summary` for the same files: the
 * CLI is run on a batch of real .xlsx files (a clean unit, a unit with errors whose name looks like
 * a formula, a duplicate, an unreadable file) and its workbook read back; the pane's runner reads
 * the same bytes. Then the rows are written into the fake Excel object model, checking the batching
 * and that unit text stays text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { ExcelAdapter, detectCapabilities } from '../src/addin/excel-adapter';
import { MAX_CELLS_PER_SYNC, freeSheetName, sheetsAsWorkbookBase64 } from '../src/addin/summary-output';
import { summariseFiles, summarySheets, type PickedFile, type SummaryProgress } from '../src/addin/summary-runner';
import { main } from '../src/cli/main';
import { issuesSheet, type SummarySheet } from '../src/core/summary/sheet-rows';
import { readWorkbook } from '../src/io/read-workbook';
import { FakeHost } from './e2e/fake-excel';
import { realValidator } from './e2e/node-rules';
import { sampleModel } from './e2e/sample-workbook';
import { captureStream, codeFor, unitValues, writeUnitFile } from './summary-fixtures';

const FORMULA_NAME = '=HYPERLINK("http://example.invalid","XX县审计局")';
const FILES = ['01.xlsx', '02.xlsx', '03.xlsx', '04.xlsx', '05.xlsx'];

let dir: string;
let cliSheets: Record<string, unknown[][]>;
let cliSums: Record<string, unknown>;
let picked: PickedFile[];
const cwd = process.cwd();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-addin-summary-'));
  await writeUnitFile(path.join(dir, '01.xlsx'), unitValues({ name: 'XX县财政局', code: codeFor(1), newNat: 5, fee: 1.1, pub: 100 }));
  const faulty = unitValues({ name: FORMULA_NAME, code: codeFor(2), newNat: 8, pub: 50 });
  faulty.T3_NEW_SUM = 99;
  await writeUnitFile(path.join(dir, '02.xlsx'), faulty);
  await writeUnitFile(path.join(dir, '03.xlsx'), unitValues({ name: 'XX县民政局', code: codeFor(1), newNat: 20, fee: 0, pub: 7 }));
  fs.writeFileSync(path.join(dir, '04.xlsx'), 'this is not a workbook');
  await writeUnitFile(path.join(dir, '05.xlsx'), unitValues({ name: 'XX县教育局', code: codeFor(3), newNat: 8, carryNat: 2, carryoutNat: 3, fee: 2.2, pub: 50 }));

  // The CLI, with file names relative to the batch folder so both sides name files alike.
  process.chdir(dir);
  try {
    const stdout = captureStream();
    const stderr = captureStream();
    const code = await main(['summary', ...FILES, '-o', 'out.xlsx'], { stdout, stderr });
    expect(code).toBe(3); // written; 04.xlsx is unreadable
  } finally {
    process.chdir(cwd);
  }
  const out = fs.readFileSync(path.join(dir, 'out.xlsx'));
  const wb = XLSX.read(out, { type: 'buffer' });
  cliSheets = {};
  for (const name of ['汇总', '问题清单']) {
    cliSheets[name] = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, defval: null, raw: true });
  }
  const snap = readWorkbook(new Uint8Array(out), 'out.xlsx');
  cliSums = Object.fromEntries(Object.entries(snap.cells).map(([k, c]) => [k, c.value ?? c.raw]));

  picked = FILES.map((name) => ({ name, bytes: async () => new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function asAoa(sheet: SummarySheet): unknown[][] {
  return [sheet.columns, ...sheet.rows];
}

/** The CLI's sheet from its header row on: the printed workbook puts a title and an information line above it. */
function fromHeader(aoa: unknown[][], columns: readonly string[]): unknown[][] {
  const at = aoa.findIndex((row) => columns.every((c, i) => row[i] === c));
  return at < 0 ? aoa : aoa.slice(at).map((row) => row.slice(0, columns.length));
}

/** "A1:H6" for a sheet of `columns` columns and `rows` rows below the header. */
const span = (columns: number, rows: number): string => `A1:${String.fromCharCode(64 + columns)}${rows + 1}`;

describe('the pane summary has the content of zwgk summary', () => {
  let sheets: SummarySheet[];
  const progress: SummaryProgress[] = [];
  beforeAll(async () => {
    const result = await summariseFiles(picked, realValidator(), 'zh-CN', (p) => progress.push({ ...p }));
    sheets = summarySheets(result, 'zh-CN');
  });

  it('reports progress file by file', () => {
    expect(progress).toEqual([
      { done: 0, total: 5, current: '01.xlsx' },
      { done: 1, total: 5, current: '02.xlsx' },
      { done: 2, total: 5, current: '03.xlsx' },
      { done: 3, total: 5, current: '04.xlsx' },
      { done: 4, total: 5, current: '05.xlsx' },
      { done: 5, total: 5, current: '' },
    ]);
  });

  it('汇总: the same rows as the CLI', () => {
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '合计']);
    expect(asAoa(sheets[0])).toEqual(fromHeader(cliSheets['汇总'], sheets[0].columns));
    // Spot checks so the comparison cannot pass on two empty sheets.
    const rows = sheets[0].rows;
    expect(rows.map((r) => [r[1], r[5], r[6], r[9]])).toEqual([
      ['XX县财政局', '01.xlsx', '有错误', '否'],
      [FORMULA_NAME, '02.xlsx', '有错误', '否'],
      ['XX县民政局', '03.xlsx', '有错误', '否'],
      [null, '04.xlsx', '无法读取', '否'],
      ['XX县教育局', '05.xlsx', '通过', '是'],
    ]);
    expect(sheets[0].errorRows).toEqual([0, 1, 2]);
    expect(sheets[0].greyRows).toEqual([3]);
  });

  it('问题清单: the same findings as the CLI', () => {
    expect(asAoa(sheets[1])).toEqual(fromHeader(cliSheets['问题清单'], sheets[1].columns));
    const rules = sheets[1].rows.map((r) => r[4]);
    expect(rules).toEqual(expect.arrayContaining(['T3-ROWSUM', 'csv-not-supported', 'U-DUPLICATE']));
    expect(rules.filter((r) => r === 'U-DUPLICATE')).toHaveLength(2);
  });

  it('合计: every value of the CLI sums sheets', () => {
    const rows = sheets[2].rows;
    expect(rows.length).toBeGreaterThan(150);
    for (const [sheet, address, , name, value] of rows) {
      expect(typeof sheet).toBe('string');
      expect(typeof address).toBe('string');
      const expected = cliSums[name as string];
      if (name === 'INFO_DATE') expect(String(expected)).toBe(value);
      else expect([name, value]).toEqual([name, expected]);
    }
    // Only 05 is in the sums (the duplicates leave, 02 has errors).
    const total = (n: string): unknown => rows.find((r) => r[3] === n)?.[4];
    expect(total('INFO_UNIT_NAME')).toBe('汇总（1个单位）');
    expect(total('T3_NEW_NAT')).toBe(8);
    expect(total('W_PUB_TOTAL')).toBe(50);
  });

  it('English labels and messages', async () => {
    const result = await summariseFiles(picked, realValidator(), 'en', () => undefined);
    const en = summarySheets(result, 'en');
    expect(en[0].columns.slice(0, 3)).toEqual(['No.', 'Unit', 'Credit code']);
    expect(en[0].rows[3][6]).toBe('unreadable');
    expect(en[1].rows.find((r) => r[4] === 'U-DUPLICATE')?.[6]).toMatch(/^The credit code /);
  });
});

describe('writing the sheets into the open workbook', () => {
  it('one sync for the names, one per sheet; unit text stays text; a taken name gets a suffix', async () => {
    const result = await summariseFiles(picked, realValidator(), 'zh-CN', () => undefined);
    const sheets = summarySheets(result, 'zh-CN');
    const model = sampleModel();
    model.sheets.push({ name: '汇总', cells: {} });
    const host = new FakeHost(model);
    const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)));
    const written = await adapter.writeSummarySheets(sheets);
    expect(written).toEqual({ names: ['汇总 (2)', '问题清单', '合计'], syncs: 4 });
    expect(host.log.syncs).toBe(4);
    expect(host.log.calls.filter((c) => c.startsWith('values '))).toEqual([
      `values 汇总 (2)!A1:R6`,
      `values 问题清单!${span(sheets[1].columns.length, sheets[1].rows.length)}`,
      `values 合计!A1:E${sheets[2].rows.length + 1}`,
    ]);
    const units = model.sheets.find((s) => s.name === '汇总 (2)')!.cells;
    expect(units.B3).toMatchObject({ value: FORMULA_NAME, numberFormat: '@' });
    expect(units.B3.formula).toBeUndefined();
    expect(units.A2).toMatchObject({ value: 1, numberFormat: 'General' });
    expect(units.B1).toMatchObject({ value: '单位名称' });
    expect(model.tables?.map((t) => `${t.sheet}!${t.address} ${t.style}`)).toEqual([
      '汇总 (2)!A1:R6 TableStyleLight9',
      `问题清单!${span(sheets[1].columns.length, sheets[1].rows.length)} TableStyleLight9`,
      `合计!A1:E${sheets[2].rows.length + 1} TableStyleLight9`,
    ]);
    expect(host.log.calls).toContain('format.fill 汇总 (2)!A2:R2=#FFC7CE');
    expect(host.log.calls).toContain('format.fill 汇总 (2)!A5:R5=#D9D9D9');
    expect(model.frozenRows).toEqual({ '汇总 (2)': 1, 问题清单: 1, 合计: 1 });
    expect(model.active).toEqual({ sheet: '汇总 (2)' });
  });

  it('a very large sheet is sent in slices, still not a sync per row', async () => {
    const issues = Array.from({ length: 12000 }, (_, i) => ({
      unitName: `单位${i}`, file: `${i}.xlsx`, rule: 'T3-ROWSUM', severity: 'error' as const, location: '表三依申请公开!J5', message: '相差 1',
    }));
    const sheet = issuesSheet(issues, 'zh-CN');
    const host = new FakeHost(sampleModel());
    const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)));
    const written = await adapter.writeSummarySheets([sheet]);
    // 8 columns: 序号 单位名称 文件 级别 检查项 工作表 说明 单元格
    const slices = Math.ceil(12001 / Math.floor(MAX_CELLS_PER_SYNC / sheet.columns.length));
    expect(sheet.columns).toHaveLength(8);
    expect(slices).toBe(4);
    expect(written.syncs).toBe(1 + slices);
    // The last row arrived: its number (序号) in A and its unit in B.
    const cells = host.model.sheets.find((s) => s.name === '问题清单')!.cells;
    expect([cells.A12001?.value, cells.B12001?.value]).toEqual([12000, '单位11999']);
  });

  it('freeSheetName follows Excel: case-insensitive, numbered', () => {
    expect(freeSheetName('汇总', ['基本信息'])).toBe('汇总');
    expect(freeSheetName('Summary', ['summary', 'SUMMARY (2)'])).toBe('Summary (3)');
  });

  it('a new workbook: the same rows as an .xlsx whose unit text is text', async () => {
    const result = await summariseFiles(picked, realValidator(), 'zh-CN', () => undefined);
    const sheets = summarySheets(result, 'zh-CN');
    const host = new FakeHost(sampleModel({ apiMinor: 8 }));
    const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)), { createWorkbook: host.createWorkbook });
    await adapter.createSummaryWorkbook(sheets);
    expect(host.model.createdWorkbooks).toHaveLength(1);
    const wb = XLSX.read(host.model.createdWorkbooks![0], { type: 'base64', cellFormula: true });
    expect(wb.SheetNames).toEqual(['汇总', '问题清单', '合计']);
    expect(XLSX.utils.sheet_to_json(wb.Sheets['汇总'], { header: 1, defval: null, raw: true })).toEqual(fromHeader(cliSheets['汇总'], sheets[0].columns));
    expect(wb.Sheets['汇总'].B3).toMatchObject({ t: 's', v: FORMULA_NAME });
    expect(wb.Sheets['汇总'].B3.f).toBeUndefined();
    expect(sheetsAsWorkbookBase64(sheets).length).toBeGreaterThan(1000);

    const old = new FakeHost(sampleModel({ apiMinor: 7 }));
    const oldAdapter = new ExcelAdapter(old.run as never, detectCapabilities((n, v) => old.isSetSupported(n, v)), { createWorkbook: old.createWorkbook });
    await expect(oldAdapter.createSummaryWorkbook(sheets)).rejects.toMatchObject({ code: 'addin-no-new-workbook' });
  });
});
