/**
 * `zwgk summary` over a generated batch of real .xlsx submissions: clean units, a faulty unit, a
 * duplicate, a unit of another year, an unreadable file, a roster with a missing unit and last
 * year's files with a carry-over mismatch. The written workbook is read back and checked cell by cell.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { Validator, loadRuleSet } from '../src/core/validator';
import { loadRuleSources } from '../src/io/load-rules';
import { readWorkbookFile } from '../src/io/read-workbook';
import { captureStream, codeFor, unitValues, writeUnitFile } from './summary-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwgk-summary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = row.values as unknown[];
    out[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => vals[i + 1] ?? null);
  });
  return out;
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const SUMMED_KEYS = ['T3_NEW_SUM', 'T3_CARRY_SUM', 'T3_TOTAL_SUM', 'T3_CARRYOUT_SUM', 'T4_REVIEW_TOTAL', 'T2_NORM_ISSUED', 'W_PUB_TOTAL'];
const TABLE_RULE = /^(T2|T3|T4|W)-/;

describe('zwgk summary: a clean batch', () => {
  let out: string;
  beforeAll(async () => {
    const batch = join(dir, 'clean');
    await mkdir(batch);
    await writeUnitFile(join(batch, '01.xlsx'), unitValues({ name: 'XX县财政局', code: codeFor(1), newNat: 5, carryNat: 1, carryoutNat: 1, fee: 1.1, pub: 100 }));
    await writeUnitFile(join(batch, '02.xlsx'), unitValues({ name: 'XX县教育局', code: codeFor(2), newNat: 8, carryNat: 2, carryoutNat: 3, fee: 2.2, pub: 50 }));
    await writeUnitFile(join(batch, '03.xlsx'), unitValues({ name: 'XX县民政局', code: codeFor(3), newNat: 20, carryNat: 0, carryoutNat: 0, fee: 0, pub: 7 }));
    out = join(dir, 'clean-summary.xlsx');
    const res = await runCli(['summary', batch, '-o', out, '--unit-name', 'XX县', '--contact', '李四', '--phone', '0571-88888888']);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('3 个文件，其中 0 个有错误、0 个无法读取；合计计入 3 个单位');
  });

  it('writes one row per unit with status and key figures', async () => {
    const wb = await readBack(out);
    // No clerks' 填报说明 in a summary sent up.
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['汇总', '问题清单', '基本信息']);
    expect(wb.getWorksheet('填报说明')).toBeUndefined();
    const rows = sheetValues(wb.getWorksheet('汇总') as ExcelJS.Worksheet).slice(2);
    expect(rows[0]).toEqual([
      '序号', '单位名称', '统一社会信用代码', '单位类型', '报告年度', '文件', '状态', '错误数', '警告数', '计入合计',
      '本年新收', '上年结转', '办理总计', '结转下年度', '复议总计', '诉讼总计', '规范性文件', '主动公开总数',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[6], r[7], r[8], r[9], ...r.slice(10)])).toEqual([
      ['XX县财政局', codeFor(1), 2024, '通过', 0, 0, '是', 6, 1, 6, 1, 1, 1, 2, 100],
      ['XX县教育局', codeFor(2), 2024, '通过', 0, 0, '是', 9, 2, 8, 3, 1, 1, 2, 50],
      ['XX县民政局', codeFor(3), 2024, '通过', 0, 0, '是', 21, 0, 21, 0, 1, 1, 2, 7],
    ]);
  });

  it('writes the sums in the template layout, and the summary passes the table checks itself', async () => {
    const snapshot = await readWorkbookFile(out);
    const v = (n: string): unknown => snapshot.cells[n]?.value;
    expect([v('T3_NEW_NAT'), v('T3_NEW_BIZ'), v('T3_NEW_SUM'), v('T3_CARRY_SUM'), v('T3_TOTAL_SUM'), v('T3_CARRYOUT_SUM')]).toEqual([33, 3, 36, 3, 35, 4]);
    expect([v('T4_REVIEW_TOTAL'), v('T4_DIRECT_TOTAL'), v('T2_NORM_VALID'), v('T2_FEE'), v('W_PUB_TOTAL'), v('W_HOTLINE_TOTAL')]).toEqual([3, 3, 30, 3.3, 157, 30]);
    expect(snapshot.cells.INFO_UNIT_NAME.raw).toBe('XX县汇总（3个单位）');
    expect(snapshot.cells.INFO_UNIT_TYPE.raw).toBe('县级政府部门');
    expect(snapshot.cells.INFO_YEAR.value).toBe(2024);

    const validator = new Validator(loadRuleSet(await loadRuleSources()));
    const report = await validator.validate(snapshot);
    expect(report.findings.filter((f) => TABLE_RULE.test(f.rule))).toEqual([]);
    // Documented: without --unit-code the summary's credit code is blank; the summary is dated today, long
    // after the 2024 reports were due (INFO-DATE-LATE), the only other finding.
    expect(report.findings.map((f) => `${f.rule}:${f.cells[0]?.name}`)).toEqual(['CELL-REQUIRED:INFO_UNIT_CODE', 'INFO-DATE-LATE:INFO_DATE']);

    // With the coordinator's code the summary is a submission without any other finding.
    const coded = join(dir, 'clean-summary-coded.xlsx');
    const res = await runCli(['summary', join(dir, 'clean'), '-o', coded, '--unit-code', codeFor(99), '--contact', '李四', '--phone', '0571-88888888']);
    expect(res.code).toBe(0);
    const codedReport = await validator.validate(await readWorkbookFile(coded));
    expect(codedReport.findings.map((f) => f.rule)).toEqual(['INFO-DATE-LATE']);
  });

  it('rejects an invalid --unit-code as a usage error', async () => {
    const res = await runCli(['summary', join(dir, 'clean'), '-o', join(dir, 'x.xlsx'), '--unit-code', '123']);
    expect(res.code).toBe(2);
    expect(res.err).toContain('--unit-code 123 不是有效的统一社会信用代码');
  });
});

describe('zwgk summary: a batch with problems, a roster and last year', () => {
  let out: string;
  let res: { code: number; out: string; err: string };
  const HYPERLINK = '=HYPERLINK("http://example.invalid","点我")';
  beforeAll(async () => {
    const batch = join(dir, 'mixed');
    const prev = join(dir, 'prev');
    await mkdir(batch);
    await mkdir(prev);
    // 甲: last year carried forward 2, this year says 1 carried over → Y-CARRY.
    await writeUnitFile(join(batch, 'a.xlsx'), unitValues({ name: '甲局', code: codeFor(1), newNat: 5, carryNat: 1 }));
    await writeUnitFile(join(prev, 'a-2023.xlsx'), unitValues({ name: '甲局', code: codeFor(1), year: 2023, newNat: 4, carryNat: 0, carryoutNat: 2, normValid: 9, pub: 90 }));
    // 乙: last year's file has another code, found by the name; carry-over consistent.
    await writeUnitFile(join(batch, 'b.xlsx'), unitValues({ name: '乙局', code: codeFor(2), newNat: 7, carryNat: 1, pub: 40 }));
    await writeUnitFile(join(prev, 'b-2023.xlsx'), unitValues({ name: '乙局', code: codeFor(8), year: 2023, newNat: 3, carryNat: 0, carryoutNat: 1, normValid: 9, pub: 30 }));
    // 丙: a placeholder in a count.
    await writeUnitFile(join(batch, 'c.xlsx'), { ...unitValues({ name: '丙局', code: codeFor(3) }), T3_NEW_NAT: 'XX' });
    // 丁 twice (same code).
    await writeUnitFile(join(batch, 'd.xlsx'), unitValues({ name: '丁局', code: codeFor(4), newNat: 3 }));
    await writeUnitFile(join(batch, 'e.xlsx'), unitValues({ name: '丁局', code: codeFor(4), newNat: 3 }));
    // 戊 reports 2023.
    await writeUnitFile(join(batch, 'f.xlsx'), unitValues({ name: '戊局', code: codeFor(5), year: 2023 }));
    // Not a workbook.
    await writeFile(join(batch, 'g.xlsx'), 'this is not a workbook');
    // A unit name that looks like a formula.
    await writeUnitFile(join(batch, 'h.xlsx'), unitValues({ name: HYPERLINK, code: codeFor(6), newNat: 2, pub: 5 }));
    const roster = join(dir, 'roster.csv');
    await writeFile(
      roster,
      '\uFEFF单位代码,单位名称,单位类型\n' + [1, 2, 3, 4, 5, 6].map((i) => `${codeFor(i)},单位${i},县级政府部门`).join('\n') + `\n${codeFor(7)},己局,县级政府部门\n`,
    );
    out = join(dir, 'mixed-summary.xlsx');
    res = await runCli(['summary', batch, '-o', out, '--roster', roster, '--previous', prev]);
  });

  it('exits 3 (written, one file could not be read) and says what it did', () => {
    expect(res.err).toBe('');
    expect(res.code).toBe(3);
    expect(res.out).toContain('8 个文件，其中 5 个有错误、1 个无法读取；合计计入 2 个单位；名册中 1 个单位未报送');
  });

  it('lists every unit with its status; only 乙 and the unit named like a formula are summed', async () => {
    const wb = await readBack(out);
    const ws = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const rows = sheetValues(ws).slice(3);
    expect(rows.map((r) => [r[1], r[4], (r[5] as string).replace(/^.*[\\/]/, ''), r[6], r[9], r[10]])).toEqual([
      ['甲局', 2024, 'a.xlsx', '有错误', '否', 6],
      ['乙局', 2024, 'b.xlsx', '通过', '是', 8],
      ['丙局', 2024, 'c.xlsx', '有错误', '否', 6],
      ['丁局', 2024, 'd.xlsx', '有错误', '否', 4],
      ['丁局', 2024, 'e.xlsx', '有错误', '否', 4],
      ['戊局', 2023, 'f.xlsx', '有错误', '否', 6],
      [null, null, 'g.xlsx', '无法读取', '否', null],
      [HYPERLINK, 2024, 'h.xlsx', '通过', '是', 3],
    ]);
    // Units with errors are filled; the clean ones are not.
    const fill = (r: number): string | undefined => (ws.getCell(r, 2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([4, 5, 6, 10, 11].map(fill)).toEqual(['FFFFC7CE', undefined, 'FFFFC7CE', 'FFD9D9D9', undefined]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // A real Excel table over the header and the 8 rows, with filter buttons.
    const zip = unzipSync(new Uint8Array(await readFile(out)));
    const tables = Object.entries(zip).filter(([n]) => /^xl\/tables\/table\d+\.xml$/.test(n)).map(([, d]) => strFromU8(d));
    const units = tables.find((x) => x.includes('name="UnitSummary"'));
    expect(units).toMatch(/ref="A3:R11"/);
    expect(units).toMatch(/<autoFilter ref="A3:R11"/);
  });

  it('lists the findings of every unit and across units', async () => {
    const wb = await readBack(out);
    const rows = sheetValues(wb.getWorksheet('问题清单') as ExcelJS.Worksheet).slice(3);
    // Columns: 序号 单位名称 文件 级别 检查项 工作表 说明 单元格; shown here as unit, file, check, severity, sheet!cell.
    const short = rows.map((r) => [r[1], (r[2] as string | null)?.replace(/^.*[\\/]/, '') ?? null, r[4], r[3], r[5] ? `${r[5]}!${r[7]}` : r[7]]);
    const pick = (rule: string): unknown[][] => short.filter((r) => r[2] === rule);
    expect(pick('U-DUPLICATE')).toEqual([
      ['丁局', 'd.xlsx', 'U-DUPLICATE', '错误', '基本信息!B5'],
      ['丁局', 'e.xlsx', 'U-DUPLICATE', '错误', '基本信息!B5'],
    ]);
    expect(pick('U-YEAR')).toEqual([['戊局', 'f.xlsx', 'U-YEAR', '错误', '基本信息!B7']]);
    expect(pick('U-MISSING')).toEqual([['己局', null, 'U-MISSING', '警告', null]]);
    expect(pick('Y-CARRY').map((r) => [r[0], r[3], r[4]])).toContainEqual(['甲局', '错误', '表三依申请公开!J6']);
    expect(pick('Y-MATCH-NAME')).toEqual([['乙局', 'b.xlsx', 'Y-MATCH-NAME', '提示', '基本信息!B3']]);
    expect(pick('CELL-NUMBER')).toEqual([['丙局', 'c.xlsx', 'CELL-NUMBER', '错误', '表三依申请公开!D5']]);
    expect(short.filter((r) => r[1] === 'g.xlsx').map((r) => [r[3], r[4]])).toEqual([['错误', null]]);
    // No finding at all for the two clean units apart from the informational ones.
    expect(short.filter((r) => r[1] === 'b.xlsx' || r[1] === 'h.xlsx').map((r) => r[2])).toEqual(['Y-MATCH-NAME', 'Y-NO-PREVIOUS']);
  });

  it('lists the roster unit without a submission', async () => {
    const wb = await readBack(out);
    expect(sheetValues(wb.getWorksheet('未报送') as ExcelJS.Worksheet).slice(2)).toEqual([
      ['名册行号', '统一社会信用代码', '单位名称', '单位类型'],
      [8, codeFor(7), '己局', '县级政府部门'],
    ]);
  });

  it('sums only the units without errors', async () => {
    const snapshot = await readWorkbookFile(out);
    const sums = SUMMED_KEYS.map((k) => snapshot.cells[k].value);
    // 乙: new 7+1, carry 1, total 8, carryout 1; h: new 2+1, carry 1, total 3, carryout 1.
    expect(sums).toEqual([11, 2, 11, 2, 2, 4, 45]);
    expect(snapshot.cells.INFO_UNIT_NAME.raw).toBe('汇总（2个单位）');
  });

  it('with --include-all also sums units with errors, but never duplicates or other years', async () => {
    const all = join(dir, 'mixed-all.xlsx');
    const r = await runCli(['summary', join(dir, 'mixed'), '-o', all, '--include-all']);
    expect(r.code).toBe(3); // written; one file of the batch is unreadable
    expect(r.out).toContain('合计计入 4 个单位');
    const snapshot = await readWorkbookFile(all);
    // 乙 8 + h 3 + 甲 6 + 丙 6 (its SUM cell; its 自然人 cell "XX" adds nothing)
    expect([snapshot.cells.T3_NEW_SUM.value, snapshot.cells.T3_NEW_NAT.value]).toEqual([23, 7 + 2 + 5]);
  });

  it('writes unit text as text, never as a formula', async () => {
    const zip = unzipSync(new Uint8Array(await readFile(out)));
    const sheetXml = Object.entries(zip)
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map(([, data]) => strFromU8(data));
    expect(sheetXml.some((x) => /<f>/.test(x))).toBe(false);
    // The summary is streamed with its text in the cells (inline strings): its row in 汇总, its finding in 问题清单.
    const cells = sheetXml.flatMap((x) => x.match(/<c [^>]*>(?:(?!<\/c>).)*HYPERLINK(?:(?!<\/c>).)*<\/c>/g) ?? []);
    expect(cells.map((c) => c.replace(/ s="\d+"/, ''))).toEqual(
      ['B11', 'B13'].map((at) => `<c r="${at}" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://example.invalid&quot;,&quot;点我&quot;)</t></is></c>`),
    );
  });

  it('refuses to replace the output without --force, and replaces it with --force', async () => {
    const again = await runCli(['summary', join(dir, 'mixed'), '-o', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    const forced = await runCli(['summary', join(dir, 'mixed'), '-o', out, '--force', '--lang', 'en']);
    expect(forced.code).toBe(3);
    expect(forced.out).toContain('Summary workbook written to');
  });
});

describe('zwgk summary: output inside the input folder', () => {
  it('does not read its own earlier summary as a submission', async () => {
    const batch = join(dir, 'self');
    await mkdir(batch);
    await writeUnitFile(join(batch, '01.xlsx'), unitValues({ name: '甲局', code: codeFor(1) }));
    const out = join(batch, '汇总.xlsx');
    expect((await runCli(['summary', batch, '-o', out])).code).toBe(0);
    const again = await runCli(['summary', batch, '-o', out, '--force']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('1 个文件，其中 0 个有错误');
  });
});

describe('zwgk summary: usage', () => {
  it('exits 2 without output, and 3 when nothing is readable', async () => {
    expect((await runCli(['summary', dir])).code).toBe(2);
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'x.xlsx'), 'nope');
    const res = await runCli(['summary', bad, '-o', join(dir, 'never.xlsx')]);
    expect(res.code).toBe(3);
    expect(res.err).toContain('没有可读取的报送文件');
  });
});
