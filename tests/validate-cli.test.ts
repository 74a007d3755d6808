/**
 * `zwgk validate` end to end through main(): the JSON report contract, the terminal and HTML
 * reports, exit codes, a bad file inside a batch, annotated copies, local rules, last year's files.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { BatchReport } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { cleanUnitValues } from '../src/examples/units';
import { writeTemplate } from '../src/io/template-writer';
import { Capture, run } from './helpers/cli';

const EXAMPLES = join(__dirname, '..', 'examples');

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'zwgk-validate-'));
}

function copyExample(name: string, dir: string, as?: string): string {
  const target = join(dir, as ?? `${name}.xlsx`);
  copyFileSync(join(EXAMPLES, `${name}.xlsx`), target);
  return target;
}

describe('zwgk validate', () => {
  it('reports a batch as the JSON contract, goes on past a bad file and exits 3', async () => {
    const dir = tempDir();
    copyExample('01-县教育局-合格', dir);
    copyExample('02-高新区-表三不平衡', dir);
    writeFileSync(join(dir, '03-坏文件.xlsx'), Buffer.from('这不是一个工作簿'));
    const missing = join(dir, '不存在.xlsx');
    const { code, out } = await run(['validate', dir, missing, '--format', 'json']);
    expect(code).toBe(3);
    const report = JSON.parse(out) as BatchReport;
    expect(report.files.map((f) => [f.file.replace(dir, 'D'), f.status])).toEqual([
      [missing.replace(dir, 'D'), 'unreadable'],
      ['D/01-县教育局-合格.xlsx', 'ok'],
      ['D/02-高新区-表三不平衡.xlsx', 'error'],
      ['D/03-坏文件.xlsx', 'unreadable'],
    ]);
    expect(report.files[0].error?.code).toBe('input-not-found');
    expect(report.files[3].error?.code).toBe('csv-not-supported');
    expect(report.files[3].error?.message).toContain('03-坏文件.xlsx');
    expect(report.files[1].unit).toEqual({ name: 'XX县教育局', code: cleanUnitValues().INFO_UNIT_CODE, type: '县级政府部门', year: 2025 });
    const f = report.files[2].findings[1];
    expect(Object.keys(f).sort()).toEqual(['cells', 'message', 'rule', 'severity', 'values']);
    expect(f.rule).toBe('T3-BALANCE');
    expect(f.cells[0]).toEqual({ name: 'T3_NEW_SUM', sheet: '表三依申请公开', address: 'J5' });
    expect(f.values).toMatchObject({ lhs: 3, rhs: 2, absDiff: 1 });
    expect(report.counts).toEqual({ files: 4, ok: 1, warning: 0, error: 1, unreadable: 2, findings: { error: 2, warning: 0, info: 0 } });
  });

  it('exits 0 for a clean file, 1 for errors, and 1 for warnings only with --fail-on warning', async () => {
    const dir = tempDir();
    const clean = copyExample('01-县教育局-合格', dir);
    const warnOnly = join(dir, 'warn.xlsx');
    writeFileSync(warnOnly, await writeTemplate({ values: { ...cleanUnitValues(), W_PRESS: '2' } }));
    expect((await run(['validate', clean])).code).toBe(0);
    expect((await run(['validate', copyExample('02-高新区-表三不平衡', dir)])).code).toBe(1);
    expect((await run(['validate', warnOnly])).code).toBe(0);
    expect((await run(['validate', warnOnly, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('prints a terminal report grouped by file and sheet, without colour codes in a pipe', async () => {
    const dir = tempDir();
    const file = copyExample('05-镇政府-斜杠与近似', dir);
    const { code, out } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(out).not.toContain('\x1b[');
    const lines = out.split('\n');
    expect(lines[0]).toBe(`${file}  [有错误]`);
    expect(lines).toContain('  基本信息');
    expect(lines).toContain('  表二主动公开');
    expect(lines.indexOf('  基本信息')).toBeLessThan(lines.indexOf('  表二主动公开'));
    expect(out).toContain('✖ B4       CELL-NUMBER  “规章 · 本年制发件数”填写的是“/”。没有发生请填写 0 而不是“/”。');
    expect(lines.filter((l) => l.startsWith('共 1 个文件'))).toEqual([
      '共 1 个文件：通过 0，有警告 0，有错误 1，无法读取 0；问题：错误 5 · 警告 1 · 提示 0。',
    ]);
  });

  it('speaks English with --lang en', async () => {
    const file = copyExample('02-高新区-表三不平衡', tempDir());
    const { out } = await run(['validate', file, '--lang', 'en']);
    expect(out).toContain('[errors]');
    expect(out).toContain('Table 3, column "total": received 3 + carried over 0 = 3');
    expect(out).toMatch(/1 file\(s\): 0 passed, 0 with warnings, 1 with errors, 0 unreadable/);
  });

  it('writes a self-contained HTML page where workbook text stays text', async () => {
    const dir = tempDir();
    const file = join(dir, 'evil.xlsx');
    const values = { ...cleanUnitValues(), INFO_UNIT_NAME: '<img src=x onerror=alert(1)>', W_PRESS: '\x1b[31m2' };
    writeFileSync(file, await writeTemplate({ values }));
    const out = join(dir, 'report.html');
    const r = await run(['validate', file, '--format', 'html', '-o', out]);
    expect(r.out).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\x1b');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('does not overwrite an existing report without --force', async () => {
    const dir = tempDir();
    const file = copyExample('01-县教育局-合格', dir);
    const out = join(dir, 'report.json');
    writeFileSync(out, 'keep me');
    const r = await run(['validate', file, '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await run(['validate', file, '--format', 'json', '-o', out, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).counts.ok).toBe(1);
  });

  it('writes annotated copies of the files with findings and leaves the inputs untouched', async () => {
    const dir = tempDir();
    const inputs = mkdirSync(join(dir, 'in'), { recursive: true }) ?? join(dir, 'in');
    const clean = copyExample('01-县教育局-合格', inputs);
    const faulty = copyExample('03-高新区-热线工单XX', inputs);
    const before = [sha(clean), sha(faulty)];
    // A folder that does not exist yet is created.
    const outDir = join(dir, 'marked', '2025');
    const r = await run(['validate', inputs, '--annotate', outDir]);
    expect(r.code).toBe(1);
    expect([sha(clean), sha(faulty)]).toEqual(before);
    // Named by the unit (INFO_UNIT_NAME), saying it is a marked copy.
    expect(readdirSync(outDir)).toEqual(['XX经济开发区管委会-问题标注.xlsx']);
    const wb = XLSX.read(readFileSync(join(outDir, 'XX经济开发区管委会-问题标注.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames[wb.SheetNames.length - 1]).toBe('问题清单');
    // The unit's defined names survive in the copy.
    expect(wb.Workbook?.Names?.some((n) => n.Name === 'W_HOTLINE_TOTAL')).toBe(true);
    const note = wb.Sheets['工作指标'].B19?.c?.[0]?.t ?? '';
    expect(note).toContain('CELL-NUMBER');
  });

  it('lets a local rule folder lower a severity', async () => {
    const dir = tempDir();
    const file = join(dir, 'warn.xlsx');
    writeFileSync(file, await writeTemplate({ values: { ...cleanUnitValues(), W_PRESS: '2' } }));
    const local = join(dir, 'local-rules');
    mkdirSync(local);
    writeFileSync(
      join(local, 'overrides.json'),
      JSON.stringify({ format: 'zwgk-rules/1', overrides: [{ rule: 'CELL-TEXTNUM', severity: 'info' }] }),
    );
    const r = await run(['validate', file, '--rules', local, '--format', 'json', '--fail-on', 'warning']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as BatchReport;
    expect(report.files[0].findings.map((f) => [f.rule, f.severity])).toEqual([['CELL-TEXTNUM', 'info']]);
  });

  it('runs the checks across years with --previous', async () => {
    const dir = tempDir();
    const lastYear = join(dir, '2024');
    mkdirSync(lastYear);
    const prev = cleanUnitValues();
    // Last year the unit carried 2 applications forward; this year it reports 1 carried over.
    const prevValues = { ...prev, INFO_YEAR: 2024, T3_CARRYOUT_NAT: 2, T3_CARRYOUT_SUM: 2, T3_TOTAL_NAT: 9, T3_TOTAL_SUM: 12 };
    writeFileSync(join(lastYear, 'last.xlsx'), await writeTemplate({ values: prevValues }));
    const file = copyExample('01-县教育局-合格', dir);
    const r = await run(['validate', file, '--previous', lastYear, '--format', 'json']);
    const findings = (JSON.parse(r.out) as BatchReport).files[0].findings;
    expect(findings.filter((f) => f.rule === 'Y-CARRY').map((f) => [f.severity, f.cells.map((c) => c.address)])).toEqual([
      // Errors before warnings within a sheet.
      ['error', ['J6']],
      ['warning', ['D6']],
    ]);
    expect(r.code).toBe(1);
  });

  it('answers a usage error in one sentence and exit 2', async () => {
    const r = await run(['validate', '--format', 'pdf', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('未知的报告格式“pdf”，可选 text、json、html。');
    expect(existsSync('x.xlsx')).toBe(false);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', '--help'])).out).toContain('用法：zwgk validate');
  });
});
