/**
 * The bundled examples (examples/*.xlsx) are what a newcomer runs first: each must produce exactly
 * the findings a reviewer expects, and nothing else; and the committed files must match what
 * scripts/build-examples.js writes from src/examples/units.ts today.
 */
import { join } from 'node:path';
import { Validator, loadRuleSet } from '../src/core/validator';
import { EXAMPLE_UNITS } from '../src/examples/units';
import { readRuleSources } from '../src/io/load-rules';
import { readWorkbook, readWorkbookFile } from '../src/io/read-workbook';
import { writeTemplate } from '../src/io/template-writer';

const validator = new Validator(loadRuleSet(readRuleSources()));
const NOW = new Date('2026-11-25T00:00:00Z');

/** rule severity address… for each finding, in report order. */
async function briefFindings(file: string): Promise<string[]> {
  const snapshot = await readWorkbookFile(join(__dirname, '..', 'examples', `${file}.xlsx`));
  const report = await validator.validate(snapshot, { now: NOW });
  return report.findings.map((f) => `${f.rule} ${f.severity} ${f.cells.map((c) => c.address).join(',')}`);
}

const EXPECTED: Record<string, string[]> = {
  '01-县教育局-合格': [],
  '02-高新区-表三不平衡': ['T3-BALANCE error D5,D6,D28,D29', 'T3-BALANCE error J5,J6,J28,J29'],
  '03-高新区-热线工单XX': [
    'CELL-NUMBER error B19',
    'CELL-NUMBER error B21',
    'CELL-NUMBER error B22',
    'CELL-NUMBER error B26',
  ],
  '04-省人社厅-约数与单位': [
    'CELL-TEXTNUM warning B5',
    'CELL-TEXTNUM warning D5',
    'CELL-APPROX error J5',
    'CELL-TEXTNUM warning B14',
  ],
  '05-镇政府-斜杠与近似': [
    'INFO-CODE error B5',
    'INFO-PHONE warning B9',
    'CELL-NUMBER error B4',
    'CELL-NUMBER error C4',
    'CELL-NUMBER error D4',
    'CELL-APPROX error B3',
  ],
  '06-市统计局-正文与表格不符': ['TXT-PLACEHOLDER error B4', 'TXT-NUMBERS warning B3,J5,J6'],
};

describe('bundled examples', () => {
  it('has an expectation for every example and no more', () => {
    expect(EXAMPLE_UNITS.map((u) => u.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} gives exactly the expected findings`, async () => {
      expect(await briefFindings(file)).toEqual(expected);
    });
  }

  it('the 高新区 imbalance says the numbers in plain Chinese', async () => {
    const snapshot = await readWorkbookFile(join(__dirname, '..', 'examples', '02-高新区-表三不平衡.xlsx'));
    const report = await validator.validate(snapshot, { now: NOW });
    expect(report.findings[1].message).toBe(
      '表三“总计”列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 2 + 结转下年度 0 = 2，相差 1。按表头注明的勾稽关系，第一项加第二项之和应等于第三项（七）总计加第四项之和，请核对。',
    );
    expect(report.findings[1].cells.map((c) => c.name)).toEqual(['T3_NEW_SUM', 'T3_CARRY_SUM', 'T3_TOTAL_SUM', 'T3_CARRYOUT_SUM']);
  });

  it('the committed files are in step with src/examples/units.ts (run npm run examples otherwise)', async () => {
    for (const unit of EXAMPLE_UNITS) {
      const committed = await readWorkbookFile(join(__dirname, '..', 'examples', `${unit.file}.xlsx`));
      const fresh = readWorkbook(new Uint8Array(await writeTemplate({ values: unit.values })), `${unit.file}.xlsx`);
      const view = (s: typeof fresh) => Object.values(s.cells).map((c) => [c.name, c.address, c.raw, c.cls]);
      expect(view(committed)).toEqual(view(fresh));
    }
  });
});
