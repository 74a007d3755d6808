/**
 * The file reader on real .xlsx files built by SheetJS: every value class read from a real cell,
 * defined-name resolution and its problems, moved tables, template markers, and read-only access.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATORS, REQUIRED_DEFINED_NAMES, TEMPLATE_VERSION } from '../src/core/catalogue';
import { describeMissingNames, readWorkbook, readWorkbookFile } from '../src/io/read-workbook';
import { parseNameRef } from '../src/io/reader/names';
import { CLASS_CASES, essence, filledValues, fixtureBytes, type FixtureOptions, type FixtureValue } from './helpers/sheetjs-fixtures';

function read(opts: FixtureOptions, fileName = 'report.xlsx') {
  return readWorkbook(new Uint8Array(fixtureBytes(opts)), fileName);
}

describe('readWorkbook: value classes from real cells', () => {
  const values: Record<string, FixtureValue> = {};
  for (const [name, v] of CLASS_CASES) values[name] = v;
  const snap = read({ values });

  it.each(CLASS_CASES.map(([n, , e]) => [n, e]))('%s', (name, expected) => {
    expect(essence(snap.cells[name as string])).toEqual(expected);
  });

  it('reads the sheet and the $-free address of each cell from its name', () => {
    expect(snap.cells.T2_NORM_VALID.sheet).toBe('表二主动公开');
    expect(snap.cells.T2_NORM_VALID.address).toBe('D5');
    expect(snap.cells.W_PUB_TOTAL.sheet).toBe('工作指标');
    expect(snap.cells.W_PUB_TOTAL.address).toBe('B3');
  });

  it('gives every indicator a reading (blank when the cell does not exist) and lists no name issues', () => {
    expect(Object.keys(snap.cells).sort()).toEqual(INDICATORS.map((i) => i.name).sort());
    expect(snap.nameIssues).toEqual([]);
    expect(snap.cells.T3_NEW_NAT.cls).toBe('blank');
  });

  it('reads the template markers and the sheet order', () => {
    expect(snap.templateId).toBe('ZWGK-ANNUAL');
    expect(snap.templateVersion).toBe(TEMPLATE_VERSION);
    expect(snap.sheetOrder).toEqual(['填报说明', '基本信息', '表二主动公开', '表三依申请公开', '表四复议诉讼', '工作指标', '文字部分']);
    expect(snap.source).toBe('report.xlsx');
  });

  it('reads a date in a workbook using the 1904 date system as the same date', () => {
    const s = read({ values: { INFO_DATE: { date: '2024-01-15' } }, date1904: true });
    expect(s.cells.INFO_DATE.date).toBe('2024-01-15');
    expect(s.cells.INFO_DATE.cls).toBe('date');
  });

  it('keeps a number in a time-only format a number (no date in it)', () => {
    const s = read({ values: { W_TRAIN: { number: 0.5, format: 'h:mm' } } });
    expect(s.cells.W_TRAIN.cls).toBe('number');
    expect(s.cells.W_TRAIN.value).toBe(0.5);
  });

  it('reads a number shown with a format by its value and keeps the shown text', () => {
    const s = read({ values: { T2_FEE: { number: 1234.5, format: '#,##0.00' } } });
    expect(essence(s.cells.T2_FEE)).toEqual({ cls: 'number', value: 1234.5, raw: 1234.5, text: '1,234.50', formula: undefined, unitText: undefined, date: undefined });
  });
});

describe('readWorkbook: a filled report', () => {
  it('reads every value of a complete report', () => {
    const values = filledValues();
    const snap = read({ values });
    expect(snap.nameIssues).toEqual([]);
    expect(snap.cells.INFO_UNIT_NAME.raw).toBe('某某市某某区人民政府办公室');
    expect(snap.cells.INFO_YEAR.value).toBe(2024);
    expect(snap.cells.T2_FEE.value).toBe(12.5);
    expect(snap.cells.T3_NEW_SUM.value).toBe(50);
    expect(snap.cells.T3_CARRYOUT_NAT.value).toBe(7);
    expect(snap.cells.INFO_DATE.date).toBe('2025-01-15');
    for (const [name, v] of Object.entries(values)) {
      if (typeof v === 'number') expect([name, snap.cells[name]?.value]).toEqual([name, v]);
    }
  });

  it('reads the same values after rows were inserted above every table (the names moved with them)', () => {
    const values = filledValues();
    const plain = read({ values });
    const moved = read({ values, rowOffset: { info: 2, t2: 3, t3: 4, t4: 1, work: 5, text: 2 } });
    expect(moved.nameIssues).toEqual([]);
    for (const ind of INDICATORS) expect([ind.name, essence(moved.cells[ind.name])]).toEqual([ind.name, essence(plain.cells[ind.name])]);
    expect(moved.cells.T3_NEW_NAT.address).toBe('D9');
    expect(plain.cells.T3_NEW_NAT.address).toBe('D5');
    expect(moved.templateVersion).toBe(TEMPLATE_VERSION);
  });

  it('leaves the input bytes unchanged', () => {
    const bytes = new Uint8Array(fixtureBytes({ values: filledValues() }));
    const copy = bytes.slice();
    readWorkbook(bytes, 'report.xlsx');
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('reads a file from disk without writing to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-reader-'));
    const path = join(dir, '年报.xlsx');
    writeFileSync(path, fixtureBytes({ values: filledValues() }));
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    const snap = await readWorkbookFile(path);
    expect(snap.source).toBe(path);
    expect(snap.cells.W_PUB_TOTAL.value).toBe(3520);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});

describe('readWorkbook: defined names', () => {
  it('reads a name whose sheet name needs quotes', () => {
    const s = read({ values: { T2_LICENSE: 9 }, sheetNames: { t2: "Unit's Table 2" } });
    expect(s.cells.T2_LICENSE.sheet).toBe("Unit's Table 2");
    expect(s.cells.T2_LICENSE.value).toBe(9);
    expect(s.nameIssues).toEqual([]);
  });

  it('uses a sheet-scoped name when no workbook-scoped one exists', () => {
    const s = read({ values: { T2_LICENSE: 9 }, extraNames: [{ Name: 'T2_LICENSE', Ref: '表二主动公开!$B$8', Sheet: 2 }] });
    expect(s.cells.T2_LICENSE.value).toBe(9);
    expect(s.nameIssues).toEqual([]);
  });

  it('prefers the workbook-scoped name over a sheet-scoped one of the same name', () => {
    const s = read({
      values: { T2_LICENSE: 9, T2_PENALTY: 4 },
      extraNames: [
        { Name: 'T2_LICENSE', Ref: '表二主动公开!$B$11', Sheet: 2 },
        { Name: 'T2_LICENSE', Ref: '表二主动公开!$B$8' },
      ],
    });
    expect(s.cells.T2_LICENSE.address).toBe('B8');
    expect(s.cells.T2_LICENSE.value).toBe(9);
  });

  it('reports each kind of unreadable name and leaves those cells out', () => {
    const s = read({
      values: { T2_LICENSE: 9 },
      omitNames: ['INFO_PHONE', 'TEMPLATE_VERSION'],
      extraNames: [
        { Name: 'T2_LICENSE', Ref: '#REF!' },
        { Name: 'T2_PENALTY', Ref: '表二主动公开!#REF!' },
        { Name: 'T2_COERCE', Ref: '已删除的表!$B$12' },
        { Name: 'T2_FEE', Ref: '表二主动公开!$B$15:$D$15' },
        { Name: 'FEE_YUAN', Ref: '0' },
      ],
    });
    expect(s.nameIssues).toEqual([
      { name: 'INFO_PHONE', problem: 'missing' },
      { name: 'T2_LICENSE', problem: 'broken-ref', ref: '#REF!' },
      { name: 'T2_PENALTY', problem: 'broken-ref', ref: '表二主动公开!#REF!' },
      { name: 'T2_COERCE', problem: 'bad-sheet', ref: '已删除的表!$B$12' },
      { name: 'T2_FEE', problem: 'not-a-cell', ref: '表二主动公开!$B$15:$D$15' },
      { name: 'FEE_YUAN', problem: 'not-a-cell', ref: '0' },
      { name: 'TEMPLATE_VERSION', problem: 'missing' },
    ]);
    for (const n of ['INFO_PHONE', 'T2_LICENSE', 'T2_PENALTY', 'T2_COERCE', 'T2_FEE', 'FEE_YUAN']) expect(s.cells[n]).toBeUndefined();
    expect(s.templateVersion).toBeNull();
    expect(s.templateId).toBe('ZWGK-ANNUAL');
  });

  it('yields a snapshot listing every name as missing for a workbook without names, and says so', () => {
    const s = read({ values: filledValues(), noNames: true }, '复制的表.xlsx');
    expect(Object.keys(s.cells)).toEqual([]);
    expect(s.nameIssues.map((i) => i.name)).toEqual([...REQUIRED_DEFINED_NAMES]);
    expect(s.nameIssues.every((i) => i.problem === 'missing')).toBe(true);
    expect(s.templateId).toBeNull();
    const zh = describeMissingNames(s, 'zh-CN');
    expect(zh).toContain('复制的表.xlsx');
    expect(zh).toContain(`缺少 ${REQUIRED_DEFINED_NAMES.length} 个标准定义名称`);
    expect(zh).toContain('INFO_UNIT_NAME、INFO_UNIT_TYPE');
    expect(zh).toContain('它不是标准模板，或者保存它的程序丢弃了定义名称');
    const en = describeMissingNames(s, 'en');
    expect(en).toContain(`lacks ${REQUIRED_DEFINED_NAMES.length} of the standard defined names`);
    expect(en).toContain(`and ${REQUIRED_DEFINED_NAMES.length - 8} more`);
    expect(en).toContain('this is not the standard template, or it was saved by a program that dropped its names');
  });

  it('describes broken names too, and nothing when all names are fine', () => {
    const s = read({ omitNames: ['W_TRAIN'], extraNames: [{ Name: 'T2_FEE', Ref: '#REF!' }] });
    expect(describeMissingNames(s, 'zh-CN')).toBe(
      '工作簿“report.xlsx”缺少 1 个标准定义名称（W_TRAIN）：它不是标准模板，或者保存它的程序丢弃了定义名称；请下载最新标准模板，把数据填入后用 Excel 或 WPS 保存为 .xlsx 再校验。' +
        '1 个定义名称指向已删除的单元格（#REF!）（T2_FEE），请在“公式 → 名称管理器”中改正或改用标准模板。',
    );
    expect(describeMissingNames(read({}), 'en')).toBe('');
  });
});

describe('parseNameRef', () => {
  it.each([
    ["'My Sheet'!$B$3", { kind: 'cell', sheet: 'My Sheet', address: 'B3' }],
    ["'It''s'!B3", { kind: 'cell', sheet: "It's", address: 'B3' }],
    ['&apos;My Sheet&apos;!$B$3', { kind: 'cell', sheet: 'My Sheet', address: 'B3' }],
    ['=基本信息!$b$3', { kind: 'cell', sheet: '基本信息', address: 'B3' }],
    ['基本信息!$B$3:$B$3', { kind: 'cell', sheet: '基本信息', address: 'B3' }],
    ['$C$4', { kind: 'cell', sheet: null, address: 'C4' }],
    ['#REF!', { kind: 'broken' }],
    ['Sheet1!#REF!', { kind: 'broken' }],
    ['#N/A', { kind: 'broken' }],
    ['Sheet1!$A$1:$B$2', { kind: 'not-a-cell' }],
    ['Sheet1!$A$1,Sheet1!$A$2', { kind: 'not-a-cell' }],
    ['"ZWGK"', { kind: 'not-a-cell' }],
    ['[1]Sheet1!$A$1', { kind: 'not-a-cell' }],
  ])('%s', (ref, expected) => {
    expect(parseNameRef(ref)).toEqual(expected);
  });
});
