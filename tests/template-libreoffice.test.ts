/**
 * The template as LibreOffice Calc sees it: it opens and converts, a save-as round trip keeps every
 * defined name and the input validation, and the printed 表三 fits on one page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { INDICATORS, REQUIRED_DEFINED_NAMES, sheetSpec } from '../src/core/catalogue';
import { writeTemplate } from '../src/io/template-writer';
import { convertWithLibreOffice, sofficePath } from './helpers/libreoffice';

const describeLo = sofficePath() ? describe : describe.skip;

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function names(buf: Buffer): Map<string, string> {
  const wb = XLSX.read(buf);
  return new Map(
    (wb.Workbook?.Names ?? [])
      .filter((n) => !n.Name.startsWith('_xlnm.') && n.Sheet === undefined)
      .map((n) => [n.Name, n.Ref.replace(/^'([^']*)'!/, '$1!')]),
  );
}

describeLo('template in LibreOffice', () => {
  let source: string;
  let roundTrip: Buffer;
  // One LibreOffice conversion shared by the round-trip tests: each takes seconds.
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-template-lo-'));
    source = join(dir, 'template.xlsx');
    writeFileSync(source, await writeTemplate({ year: 2025, values: { T3_NEW_NAT: 3 } }));
    roundTrip = readFileSync(convertWithLibreOffice(source, 'xlsx'));
  }, 180000);

  it('keeps all 243 workbook-scoped names, at the same cells, through an xlsx round trip', async () => {
    const before = names(readFileSync(source));
    const after = names(roundTrip);
    expect(before.size).toBe(243);
    expect([...after.keys()].sort()).toEqual([...REQUIRED_DEFINED_NAMES].sort());
    for (const [name, ref] of before) expect([name, after.get(name)]).toEqual([name, ref]);
  });

  it('keeps the data validation and the values through the round trip', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(roundTrip as unknown as ArrayBuffer);
    const cell = (name: string) => {
      const ind = INDICATORS.find((i) => i.name === name);
      if (!ind) throw new Error(name);
      return wb.getWorksheet(sheetSpec(ind.sheet).name)?.getCell(ind.address);
    };
    expect(cell('T3_NEW_NAT')?.value).toBe(3);
    expect(cell('T3_NEW_NAT')?.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(cell('INFO_UNIT_TYPE')?.dataValidation?.type).toBe('list');
    expect(cell('INFO_YEAR')?.value).toBe(2025);
  });

  it('prints 表三 on a single page', () => {
    const pdf = convertWithLibreOffice(source, 'pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasTool('pdftotext')) return;
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const t3 = pages.filter((p) => p.includes('三、收到和处理政府信息公开申请情况'));
    expect(t3).toHaveLength(1);
    expect(t3[0]).toContain('四、结转下年度继续办理');
    expect(t3[0]).toContain('（本列数据的勾稽关系为');
  }, 180000);
});

