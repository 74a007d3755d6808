/**
 * The versioned template contract: a workbook filled on the 2024.1 template (no 举报 category)
 * still validates as the standard workbook after 2025.1 added W_HOTLINE_REPORT; a 2025.1 workbook
 * must carry the new name and its 举报 count takes part in the 12345 sum. Real .xlsx files are
 * written by the template writer and read back by the file reader.
 */
import { quickFixFor } from '../src/addin/quick-fixes';
import {
  TEMPLATE_VERSION,
  TEMPLATE_VERSIONS,
  indicator,
  isAskedIn,
  namesOfVersion,
  partsOf,
  zeroCounts,
} from '../src/core/catalogue';
import { readWorkbook } from '../src/io/read-workbook';
import { describeMissingNames } from '../src/io/reader/describe';
import { CellInput, writeTemplate } from '../src/io/template-writer';
import { cleanUnitValues } from '../src/examples/units';
import { brief, validator } from './helpers/rules';

/** A unit's clean workbook as the 2024.1 template wrote it: no W_HOTLINE_REPORT name, version 2024.1. */
async function workbook2024(changes: Record<string, CellInput> = {}): Promise<Uint8Array> {
  const values: Record<string, CellInput> = { ...cleanUnitValues(), TEMPLATE_VERSION: '2024.1', ...changes };
  delete values.W_HOTLINE_REPORT;
  return new Uint8Array(await writeTemplate({ values, omitNames: ['W_HOTLINE_REPORT'] }));
}

async function validateBytes(bytes: Uint8Array) {
  const snap = readWorkbook(bytes, 'unit.xlsx');
  return { snap, report: await validator.validate(snap, { now: new Date('2026-03-01T00:00:00Z') }) };
}

describe('the accepted template versions', () => {
  it('are an explicit list, each with its own names; 2025.1 adds 举报', () => {
    expect(TEMPLATE_VERSIONS).toEqual(['2024.1', '2025.1']);
    expect(TEMPLATE_VERSION).toBe('2025.1');
    const v2024 = namesOfVersion('2024.1');
    const v2025 = namesOfVersion('2025.1');
    expect(v2025.filter((n) => !v2024.includes(n))).toEqual(['W_HOTLINE_REPORT']);
    expect(v2024).toHaveLength(240);
    expect(indicator('W_HOTLINE_REPORT')).toMatchObject({ label: '其中：举报', since: '2025.1', partOf: 'W_HOTLINE_TOTAL', sheet: 'work', address: 'B24' });
    expect(isAskedIn('W_HOTLINE_REPORT', '2024.1')).toBe(false);
    expect(isAskedIn('W_HOTLINE_REPORT', '2025.1')).toBe(true);
    // an unknown version is read as the current one (INFO-TEMPLATE reports the version itself)
    expect(isAskedIn('W_HOTLINE_REPORT', '2019.1')).toBe(true);
    expect(partsOf('W_HOTLINE_TOTAL')).toEqual([
      'W_HOTLINE_COMPLAINT', 'W_HOTLINE_INQUIRY', 'W_HOTLINE_HELP', 'W_HOTLINE_SUGGEST', 'W_HOTLINE_REPORT', 'W_HOTLINE_OTHER',
    ]);
    expect('W_HOTLINE_REPORT' in zeroCounts('2024.1')).toBe(false);
    expect(zeroCounts().W_HOTLINE_REPORT).toBe(0);
  });
});

describe('a workbook filled on the 2024.1 template', () => {
  it('validates as the standard workbook with no finding at all', async () => {
    const { snap, report } = await validateBytes(await workbook2024());
    expect(snap.templateVersion).toBe('2024.1');
    expect(snap.cells.W_HOTLINE_REPORT).toBeUndefined();
    expect(report.findings.map(brief)).toEqual([]);
    expect(describeMissingNames(snap, 'zh-CN')).toBe('');
  });

  it('still has its 12345 sum checked over the categories it had, without 举报', async () => {
    const { snap, report } = await validateBytes(await workbook2024({ W_HOTLINE_OTHER: 14 }));
    expect(report.findings.map(brief)).toEqual([
      {
        rule: 'W-HOTLINE-SUM',
        severity: 'error',
        cells: [
          'W_HOTLINE_TOTAL@工作指标!B19',
          'W_HOTLINE_COMPLAINT@工作指标!B20',
          'W_HOTLINE_INQUIRY@工作指标!B21',
          'W_HOTLINE_HELP@工作指标!B22',
          'W_HOTLINE_SUGGEST@工作指标!B23',
          'W_HOTLINE_OTHER@工作指标!B25',
        ],
        values: {
          W_HOTLINE_TOTAL: 156, W_HOTLINE_COMPLAINT: 40, W_HOTLINE_INQUIRY: 90, W_HOTLINE_HELP: 10, W_HOTLINE_SUGGEST: 12, W_HOTLINE_OTHER: 14,
          lhs: 166, rhs: 156, absDiff: 10,
        },
      },
    ]);
    expect(report.findings[0].messages['zh-CN']).toBe('工作指标：12345 热线投诉 40 + 咨询 90 + 求助 10 + 建议 12 + 其他 14 = 166，但受理工单总数填写 156，相差 10。');
    expect(report.findings[0].messages.en).toBe(
      'Work indicators: hotline complaints 40 + inquiries 90 + help 10 + suggestions 12 + other 14 = 166, but the ticket total is 156, a difference of 10.',
    );
    // a sum is never fixed in one click: only the unit knows which figure is wrong
    expect(quickFixFor(report.findings[0], snap)).toBeNull();
  });
});

describe('a workbook of the current version', () => {
  it('must carry W_HOTLINE_REPORT: a 2025.1 workbook without it is not the standard template', async () => {
    const values: Record<string, CellInput> = { ...cleanUnitValues() };
    delete values.W_HOTLINE_REPORT;
    const { snap, report } = await validateBytes(new Uint8Array(await writeTemplate({ values, omitNames: ['W_HOTLINE_REPORT'] })));
    expect(report.findings.map((f) => [f.rule, f.values.missingCount, f.values.missingList])).toEqual([['INFO-TEMPLATE', 1, 'W_HOTLINE_REPORT']]);
    expect(describeMissingNames(snap, 'zh-CN')).toContain('缺少 1 个标准定义名称（W_HOTLINE_REPORT）');
  });

  it('counts 举报 in the 12345 sum, and a blank 举报 is CELL-REQUIRED', async () => {
    const { report } = await validateBytes(new Uint8Array(await writeTemplate({ values: { ...cleanUnitValues(), W_HOTLINE_REPORT: 7 } })));
    expect(report.findings.map((f) => [f.rule, f.values.lhs, f.values.rhs])).toEqual([['W-HOTLINE-SUM', 163, 156]]);
    expect(report.findings[0].message).toBe('工作指标：12345 热线投诉 40 + 咨询 90 + 求助 10 + 建议 12 + 举报 7 + 其他 4 = 163，但受理工单总数填写 156，相差 7。');
    const blank = await validateBytes(new Uint8Array(await writeTemplate({ values: { ...cleanUnitValues(), W_HOTLINE_REPORT: null } })));
    expect(blank.report.findings.map((f) => [f.rule, f.cells[0].address])).toEqual([['CELL-REQUIRED', 'B24']]);
  });

  it('names the accepted versions from the catalogue when the version is unknown', async () => {
    const { report } = await validateBytes(new Uint8Array(await writeTemplate({ values: { ...cleanUnitValues(), TEMPLATE_VERSION: '2023.9' } })));
    expect(report.findings.map((f) => f.rule)).toEqual(['INFO-TEMPLATE']);
    expect(report.findings[0].messages['zh-CN']).toBe(
      '该文件的模板标识为 ZWGK-ANNUAL、版本为 2023.9，不是本程序认识的标准模板（ZWGK-ANNUAL，版本 2024.1、2025.1）。请下载最新的标准模板重新填报。',
    );
    expect(report.findings[0].messages.en).toContain('(ZWGK-ANNUAL, versions 2024.1, 2025.1)');
  });
});
