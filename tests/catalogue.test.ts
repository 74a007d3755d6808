import {
  INDICATORS,
  REQUIRED_DEFINED_NAMES,
  T3_ROWS,
  T3_COLUMNS,
  columnLetter,
  parseAddress,
  indicator,
} from '../src/core/catalogue';

describe('indicator catalogue', () => {
  it('has exactly the groups and counts of indicators.md', () => {
    const count = (g: string) => INDICATORS.filter((i) => i.group === g).length;
    expect([count('INFO'), count('T2'), count('T3'), count('T4'), count('W'), count('TXT')]).toEqual([8, 10, 175, 15, 28, 5]);
    expect(REQUIRED_DEFINED_NAMES).toHaveLength(8 + 10 + 175 + 15 + 28 + 5 + 2);
  });

  it('has unique names and unique cells per sheet', () => {
    expect(new Set(INDICATORS.map((i) => i.name)).size).toBe(INDICATORS.length);
    expect(new Set(INDICATORS.map((i) => `${i.sheet}!${i.address}`)).size).toBe(INDICATORS.length);
  });

  it('places 表三 in 25 rows × 7 columns from D5', () => {
    expect(T3_ROWS).toHaveLength(25);
    expect(T3_COLUMNS.map((c) => c.key)).toEqual(['NAT', 'BIZ', 'RES', 'NGO', 'LAW', 'ORG', 'SUM']);
    expect(indicator('T3_NEW_NAT')?.address).toBe('D5');
    expect(indicator('T3_CARRYOUT_SUM')?.address).toBe('J29');
    expect(indicator('T3_TOTAL_SUM')?.address).toBe('J28');
    expect(indicator('T4_AFTER_TOTAL')?.address).toBe('O5');
  });

  it('converts column letters both ways', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(parseAddress('$AB$12')).toEqual({ col: 28, row: 12 });
  });
});

describe('what each record carries', () => {
  it('the parts of every total, the 汇总 columns, hints and validation come from the records', () => {
    const { partsOf, SUMMARY_COLUMNS } = jest.requireActual('../src/core/catalogue') as typeof import('../src/core/catalogue');
    expect(partsOf('T3_NEW_SUM')).toEqual(['T3_NEW_NAT', 'T3_NEW_BIZ', 'T3_NEW_RES', 'T3_NEW_NGO', 'T3_NEW_LAW', 'T3_NEW_ORG']);
    expect(partsOf('T4_REVIEW_TOTAL')).toEqual(['T4_REVIEW_UPHELD', 'T4_REVIEW_CORRECTED', 'T4_REVIEW_OTHER', 'T4_REVIEW_PENDING']);
    expect(partsOf('W_PUB_TOTAL')).toEqual([]);
    expect(SUMMARY_COLUMNS.map((c) => [c.id, c.label, c.names])).toEqual([
      ['T3_NEW_SUM', '本年新收', ['T3_NEW_SUM']],
      ['T3_CARRY_SUM', '上年结转', ['T3_CARRY_SUM']],
      ['T3_TOTAL_SUM', '办理总计', ['T3_TOTAL_SUM']],
      ['T3_CARRYOUT_SUM', '结转下年度', ['T3_CARRYOUT_SUM']],
      ['T4_REVIEW_TOTAL', '复议总计', ['T4_REVIEW_TOTAL']],
      ['T4_LITIGATION_TOTAL', '诉讼总计', ['T4_DIRECT_TOTAL', 'T4_AFTER_TOTAL']],
      ['T2_NORM_ISSUED', '规范性文件', ['T2_NORM_ISSUED']],
      ['W_PUB_TOTAL', '主动公开总数', ['W_PUB_TOTAL']],
    ]);
    expect(indicator('INFO_PHONE')).toMatchObject({ numFmt: '@', note: '必填，固定电话请带区号', validation: { type: 'any' } });
    expect(indicator('T2_FEE')).toMatchObject({ kind: 'amount', validation: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] } });
    expect(indicator('T2_FEE')!.hint).toContain('单位：万元');
    expect(indicator('INFO_DATE')!.validation).toMatchObject({ type: 'date', formulae: ['2021-01-01'] });
    expect(indicator('T3_NEW_NAT')).toMatchObject({ since: '2024.1', partOf: 'T3_NEW_SUM', numFmt: '' });
  });
});
