/**
 * The comparison of narrative readings with the table: silent unless sure.
 */
import { compareTopic, statedYears } from '../src/core/narrative/compare';
import { readNarrative } from '../src/core/narrative/read';

const table = (cells: Record<string, number | null>) => (name: string): number | null => (name in cells ? cells[name] : 0);

function check(text: string, topic: Parameters<typeof compareTopic>[1], kind: Parameters<typeof compareTopic>[2], cells: Record<string, number | null>) {
  return compareTopic(readNarrative(text), topic, kind, table(cells));
}

describe('compareTopic', () => {
  it('收到/受理: 新收 or 新收 + 上年结转 both agree; "含上年结转" must be the sum', () => {
    const text = '全年共收到政府信息公开申请24件。';
    expect(check(text, 'RECEIVED', 'numbers', { T3_NEW_SUM: 24, T3_CARRY_SUM: 1 }).ok).toBe(true);
    expect(check(text, 'RECEIVED', 'numbers', { T3_NEW_SUM: 23, T3_CARRY_SUM: 1 }).ok).toBe(true);
    expect(check(text, 'RECEIVED', 'numbers', { T3_NEW_SUM: 22, T3_CARRY_SUM: 1 })).toMatchObject({ ok: false, stated: 24, table: 22, unit: '件' });
    const withCarry = '全年共受理政府信息公开申请24件（含上年结转1件）。';
    expect(check(withCarry, 'RECEIVED', 'numbers', { T3_NEW_SUM: 23, T3_CARRY_SUM: 1 }).ok).toBe(true);
    expect(check(withCarry, 'RECEIVED', 'numbers', { T3_NEW_SUM: 24, T3_CARRY_SUM: 1 }).ok).toBe(false);
  });

  it('"新收" is 本年新收 only', () => {
    expect(check('本年新收政府信息公开申请24件。', 'RECEIVED', 'numbers', { T3_NEW_SUM: 23, T3_CARRY_SUM: 1 }).ok).toBe(false);
  });

  it('stays silent when the text gives two different totals, when the cell holds no number, on parts', () => {
    expect(check('共收到政府信息公开申请24件。全年收到政府信息公开申请26件。', 'RECEIVED', 'numbers', { T3_NEW_SUM: 20 }).ok).toBe(true);
    expect(check('共收到政府信息公开申请24件。', 'RECEIVED', 'numbers', { T3_NEW_SUM: null }).ok).toBe(true);
    expect(check('政府信息公开申请中，自然人申请20件。', 'RECEIVED', 'numbers', { T3_NEW_SUM: 24 }).ok).toBe(true);
  });

  it('a figure ending in 0 is a figure, not a statement of none', () => {
    const text = '因政府信息公开引起行政复议10件、行政诉讼3件。';
    const cells = { T4_REVIEW_TOTAL: 10, T4_DIRECT_TOTAL: 2, T4_AFTER_TOTAL: 1 };
    for (const topic of ['REVIEW', 'LITIGATION'] as const) {
      for (const kind of ['numbers', 'none'] as const) expect(check(text, topic, kind, cells).ok).toBe(true);
    }
    expect(check('涉及政府信息公开的行政复议、行政诉讼数量为0。', 'REVIEW', 'none', { T4_REVIEW_TOTAL: 2 })).toMatchObject({ ok: false, stated: 0, table: 2 });
    expect(check('涉及政府信息公开的行政复议、行政诉讼数量为0。', 'REVIEW', 'none', { T4_REVIEW_TOTAL: 0 }).ok).toBe(true);
  });

  it('全部办结 against 结转下年度, unless the text also states what it carries forward', () => {
    expect(check('收到政府信息公开申请5件，均已办结。', 'CARRYOUT', 'allDone', { T3_CARRYOUT_SUM: 1 })).toMatchObject({ ok: false, phrase: '均已办结' });
    expect(check('收到政府信息公开申请5件，均已办结。', 'CARRYOUT', 'allDone', { T3_CARRYOUT_SUM: 0 }).ok).toBe(true);
    expect(check('收到政府信息公开申请5件，均已办结。结转下年度1件。', 'CARRYOUT', 'allDone', { T3_CARRYOUT_SUM: 1 }).ok).toBe(true);
  });
});

describe('statedYears', () => {
  it('reads the statistical period and a sentence that opens with the year, nothing else', () => {
    expect(statedYears('本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。').map((y) => y.year)).toEqual([2024]);
    expect(statedYears('一、总体情况\n2025年，我局认真贯彻条例。').map((y) => y.year)).toEqual([2025]);
    expect(statedYears('对2024年度政府信息公开工作年度报告指出的问题已整改。较2024年增长10%。')).toEqual([]);
  });
});
