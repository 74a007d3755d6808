/**
 * The streamed summary workbook (the CLI's, io/summary-stream) against the in-memory one (the web
 * page's, io/summary-writer) on the same batch: the same sheets in the same order, the same cell
 * values and styles, merges, widths, row heights, views, page setup, tables, defined names and the
 * output marker. The findings reach the streamed writer through the spool on disk, as in the CLI.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { INDICATORS } from '../src/core/catalogue';
import type { Snapshot } from '../src/core/snapshot';
import { SummaryBatch, type SummaryResult } from '../src/core/summary/batch';
import { applyRoster, type RosterEntry } from '../src/core/summary/roster';
import { SumAccumulator } from '../src/core/summary/aggregate';
import { summaryInfoValues } from '../src/core/summary/summary-info';
import { unreadableRow, type IssueRow } from '../src/core/summary/unit-row';
import { IssueSpool } from '../src/io/issue-spool';
import { OUTPUT_MARKER_NAME } from '../src/io/output-marker';
import { outputKindOf } from '../src/io/own-output';
import { writeSummaryWorkbookFile } from '../src/io/summary-stream';
import { summaryWorkbookBytes, type SummaryModel } from '../src/io/summary-writer';
import { validator } from './helpers/rules';
import { codeFor, snap, unitValues } from './summary-fixtures';

/** A unit's snapshot from the summary fixtures (dates as ISO text, as a reader gives them). */
function unitSnap(spec: Parameters<typeof unitValues>[0], extra: Record<string, string | number | null> = {}): Snapshot {
  const values = Object.fromEntries(Object.entries(unitValues(spec)).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]));
  return snap({ ...values, ...extra });
}

const ROSTER: RosterEntry[] = [
  { code: codeFor(1), name: '甲局', type: '县级政府部门', line: 2 },
  { code: codeFor(9), name: '癸局', type: '县级政府部门', line: 3 },
];

/** A batch with every kind of row: clean, with errors, a duplicate, another year, unreadable, text a formula or an escape. */
const UNITS: Array<[string, Snapshot | null]> = [
  ['a.xlsx', unitSnap({ name: '甲局', code: codeFor(1), year: 2025, newNat: 5, pub: 10 })],
  ['b.xlsx', unitSnap({ name: '乙局', code: codeFor(2), year: 2025, newNat: 7, pub: 20 })],
  ['b-again.xlsx', unitSnap({ name: '乙局', code: codeFor(2), year: 2025, newNat: 7, pub: 20 })],
  ['c.xlsx', unitSnap({ name: '丙局', code: codeFor(3), year: 2024, newNat: 3 })],
  ['d.xlsx', unitSnap({ name: '=HYPERLINK("http://example.invalid","点我")', code: codeFor(4), year: 2025, fee: 1.5 }, { T3_NEW_NAT: 'XX' })],
  ['e.xlsx', unitSnap({ name: '丁_x0041_局\u0001', code: codeFor(5), year: 2025 }, { TXT_PROBLEMS: '第一行\n第二行：存在的主要问题是解读形式单一，下一步将加强整改。'.repeat(3) })],
  ['broken.xlsx', null],
];

async function runBatch(sink?: IssueSpool): Promise<SummaryResult> {
  const batch = new SummaryBatch(validator, { locale: 'zh-CN', ...(sink ? { issueSink: sink } : {}) });
  for (const [file, s] of UNITS) {
    if (s) await batch.add(file, () => s);
    else batch.addUnreadable(file, 'not-a-workbook', '不是工作簿');
  }
  const result = await batch.finish({ unitName: 'XX县人民政府办公室', contact: '张三', date: '2026-01-20' });
  return result;
}

function model(result: SummaryResult, issues: IssueRow[]): Omit<SummaryModel, 'issues'> {
  const missing = applyRoster(ROSTER, result.rows, issues, 'zh-CN');
  return {
    locale: 'zh-CN',
    rows: result.rows,
    missing,
    sums: result.sums,
    info: result.info,
    title: { unitName: 'XX县人民政府办公室', year: result.majorityYear, date: '2026-01-20', units: result.units },
  };
}

interface SheetDump {
  name: string;
  cells: Record<string, unknown>;
  styles: Record<string, unknown>;
  merges: string[];
  widths: Array<number | undefined>;
  heights: Record<number, number | undefined>;
  views: unknown;
  pageSetup: unknown;
  headerFooter: unknown;
  validations: unknown;
  protection: unknown;
}

function dump(wb: ExcelJS.Workbook): SheetDump[] {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    const styles: Record<string, unknown> = {};
    const heights: Record<number, number | undefined> = {};
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      heights[n] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = JSON.parse(JSON.stringify(cell.style));
        if (Object.keys(style).length) styles[cell.address] = style;
        // An empty text ("" of the template's note cells) reads back from an inline string as no
        // value: both are a blank cell to Excel.
        if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === '') return;
        // ExcelJS decodes the _xHHHH_ escape in shared strings but not in inline ones (Excel and
        // SheetJS decode both: compared in the next test); decoded here so both read as typed.
        cells[cell.address] = typeof cell.value === 'string' ? cell.value.replace(/_x005F_/g, '_') : cell.value;
      });
    });
    const internals = ws as unknown as { dataValidations: { model: unknown }; sheetProtection: unknown };
    return {
      name: ws.name,
      cells,
      styles,
      merges: [...ws.model.merges].sort(),
      widths: (ws.columns ?? []).map((c) => c.width),
      heights,
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      validations: internals.dataValidations.model,
      protection: internals.sheetProtection,
    };
  });
}

/** Defined names as written in the workbook part (name, scope, value), sorted. */
function definedNames(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml']);
  return [...xml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => `${m[1]} = ${m[2]}`).sort();
}

function tables(bytes: Uint8Array): string[] {
  const zip = unzipSync(bytes);
  return Object.keys(zip)
    .filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k))
    .sort()
    .map((k) => strFromU8(zip[k]));
}

describe('the streamed summary workbook', () => {
  let dir: string;
  let memory: Uint8Array;
  let streamed: Uint8Array;
  let issueCount: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zwgk-summary-stream-'));
    // In memory: the web page's path.
    const inMemory = await runBatch();
    const memoryIssues = inMemory.issues.slice();
    memory = await summaryWorkbookBytes({ ...model(inMemory, memoryIssues), issues: memoryIssues });
    issueCount = memoryIssues.length;
    // Streamed: the CLI's path, the findings spooled on disk and the roster's after them.
    const spool = new IssueSpool();
    try {
      const result = await runBatch(spool);
      const tail: IssueRow[] = result.issues.slice();
      expect(tail).toEqual([]);
      const m = model(result, tail);
      async function* all(): AsyncGenerator<IssueRow> {
        yield* spool.rows();
        yield* tail;
      }
      const out = join(dir, '汇总.xlsx');
      await writeSummaryWorkbookFile(out, { ...m, issues: all() });
      streamed = new Uint8Array(await readFile(out));
    } finally {
      spool.dispose();
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has the same sheets, cells, styles, merges, widths, heights, views, print setup, validation and protection', async () => {
    const a = new ExcelJS.Workbook();
    await a.xlsx.load(Buffer.from(memory) as unknown as ExcelJS.Buffer);
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(Buffer.from(streamed) as unknown as ExcelJS.Buffer);
    const [da, db] = [dump(a), dump(b)];
    expect(db.map((s) => s.name)).toEqual(['汇总', '问题清单', '未报送', '基本信息', '表二主动公开', '表三依申请公开', '表四复议诉讼', '工作指标', '文字部分']);
    expect(db.map((s) => s.name)).toEqual(da.map((s) => s.name));
    for (let i = 0; i < da.length; i++) expect({ sheet: db[i].name, ...db[i] }).toEqual({ sheet: da[i].name, ...da[i] });
    // the batch is all there: 7 files, every finding (units, across units, roster) numbered in order
    const issues = b.getWorksheet('问题清单') as ExcelJS.Worksheet;
    expect(issues.rowCount).toBe(3 + issueCount);
    expect(issues.getCell(3 + issueCount, 1).value).toBe(issueCount);
    expect(issues.getCell(3 + issueCount, 5).value).toBe('U-MISSING');
    expect((b.getWorksheet('汇总') as ExcelJS.Worksheet).getCell(10, 6).value).toBe('broken.xlsx');
  });

  it('reads the same in SheetJS, text as typed (a formula stays text, an _xHHHH_ stays literal)', () => {
    const a = XLSX.read(memory);
    const b = XLSX.read(streamed);
    expect(b.SheetNames).toEqual(a.SheetNames);
    for (const name of a.SheetNames) {
      expect(XLSX.utils.sheet_to_json(b.Sheets[name], { header: 1, defval: null })).toEqual(XLSX.utils.sheet_to_json(a.Sheets[name], { header: 1, defval: null }));
    }
    const names = XLSX.utils.sheet_to_json<unknown[]>(b.Sheets['汇总'], { header: 1, defval: null }).slice(3).map((r) => r[1]);
    expect(names).toEqual(['甲局', '乙局', '乙局', '丙局', '=HYPERLINK("http://example.invalid","点我")', '丁_x0041_局', null]);
  });

  it('has the same defined names (every name of the template, print titles) and the output marker', () => {
    expect(definedNames(streamed)).toEqual(definedNames(memory));
    expect(definedNames(streamed)).toContain(`name="${OUTPUT_MARKER_NAME}" hidden="1" = "zwgk:summary"`);
    expect(definedNames(streamed).filter((n) => n.startsWith('name="_xlnm.Print_Titles"'))).toEqual([
      'name="_xlnm.Print_Titles" localSheetId="0" = &apos;汇总&apos;!$3:$3',
      'name="_xlnm.Print_Titles" localSheetId="1" = &apos;问题清单&apos;!$3:$3',
      'name="_xlnm.Print_Titles" localSheetId="2" = &apos;未报送&apos;!$3:$3',
      'name="_xlnm.Print_Titles" localSheetId="3" = &apos;基本信息&apos;!$2:$2',
      'name="_xlnm.Print_Titles" localSheetId="5" = &apos;表三依申请公开&apos;!$1:$4',
      'name="_xlnm.Print_Titles" localSheetId="6" = &apos;表四复议诉讼&apos;!$1:$4',
      'name="_xlnm.Print_Titles" localSheetId="7" = &apos;工作指标&apos;!$2:$2',
      'name="_xlnm.Print_Titles" localSheetId="8" = &apos;文字部分&apos;!$2:$2',
    ]);
    // every defined name of the catalogue is there
    const names = definedNames(streamed).map((n) => n.match(/^name="(\w+)"/)?.[1]);
    for (const ind of INDICATORS) expect(names).toContain(ind.name);
    expect(outputKindOf(streamed)).toBe('summary');
    expect(outputKindOf(memory)).toBe('summary');
  });

  it('has the same Excel tables over 汇总 and 问题清单', () => {
    expect(tables(streamed)).toEqual(tables(memory));
    expect(tables(streamed).map((t) => t.match(/ name="(\w+)"[^>]* ref="([A-Z0-9:]+)"/)?.slice(1))).toEqual([
      ['UnitSummary', 'A3:R10'],
      ['UnitFindings', `A3:H${3 + issueCount}`],
    ]);
  });
});

describe('a streamed summary of thousands of rows', () => {
  it('writes every row and finding in order, the compressor drained as it goes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zwgk-summary-stream-'));
    try {
      const rows = Array.from({ length: 1500 }, (_, i) => ({ ...unreadableRow(i, `unit-${i}.xlsx`), status: 'ok' as const }));
      function* issues(): Generator<IssueRow> {
        for (let i = 0; i < 4000; i++) {
          yield { unitName: `单位${i % 1500}`, file: `unit-${i % 1500}.xlsx`, rule: 'U-SAME-TEXT', severity: 'warning', location: '', message: `第 ${i} 条：${'文字部分与本批次其他单位完全相同。'.repeat(4)}` };
        }
      }
      const out = join(dir, 'big.xlsx');
      const sums = new SumAccumulator().totals();
      await writeSummaryWorkbookFile(out, { locale: 'zh-CN', rows, issues: issues(), missing: null, sums, info: summaryInfoValues({ year: 2025, units: 0, unitTypes: [], sums, date: '2026-01-20' }) });
      const bytes = new Uint8Array(await readFile(out));
      const wb = XLSX.read(bytes);
      const units = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1, defval: null }).slice(3);
      expect(units.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
      expect(units[1499][5]).toBe('unit-1499.xlsx');
      const found = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['问题清单'], { header: 1, defval: null }).slice(3);
      expect(found).toHaveLength(4000);
      expect(found.map((r) => r[0])).toEqual(found.map((_, i) => i + 1));
      expect(String(found[3999][6])).toMatch(/^第 3999 条：/);
      expect(tables(bytes).map((t) => t.match(/ ref="([A-Z0-9:]+)"/)?.[1])).toEqual(['A3:R1503', 'A3:H4003']);
      expect(outputKindOf(bytes)).toBe('summary');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a streamed summary that fails midway', () => {
  it('leaves neither the output nor its temporary file, and an existing output unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zwgk-summary-stream-'));
    try {
      const out = join(dir, '汇总.xlsx');
      await writeFile(out, 'before');
      function* failing(): Generator<IssueRow> {
        for (let i = 0; i < 150; i++) yield { unitName: '甲局', file: 'a.xlsx', rule: 'CELL-NUMBER', severity: 'error', location: '', message: `第 ${i} 条` };
        throw new Error('the spool could not be read');
      }
      const sums = new SumAccumulator().totals();
      const info = summaryInfoValues({ year: 2025, units: 0, unitTypes: [], sums, date: '2026-01-20' });
      await expect(writeSummaryWorkbookFile(out, { locale: 'zh-CN', rows: [], issues: failing(), missing: null, sums, info }, { force: true })).rejects.toThrow(
        'the spool could not be read',
      );
      expect(await readdir(dir)).toEqual(['汇总.xlsx']);
      expect(await readFile(out, 'utf8')).toBe('before');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
