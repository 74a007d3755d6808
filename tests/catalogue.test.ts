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
