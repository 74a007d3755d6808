import { SUMMED_NAMES, SumAccumulator } from '../src/core/summary/aggregate';
import { CROSS_UNIT_CHECKS, crossUnitFindings, majorityYear } from '../src/core/summary/cross-unit';
import { matchRoster } from '../src/core/summary/roster';
import { summaryInfoValues, summaryUnitType } from '../src/core/summary/summary-info';
import { KEY_TOTALS, keyTotals, rowFromReport, unreadableRow, type UnitRow } from '../src/core/summary/unit-row';
import { decodeCsv, parseCsv, rosterFromRows } from '../src/io/roster';
import { codeFor, snap } from './summary-fixtures';

function row(index: number, name: string | null, code: string | null, year: number | null, file = `f${index}.xlsx`): UnitRow {
  return {
    index,
    file,
    unit: { name, code, type: '县级政府部门', year },
    cells: {
      name: { name: 'INFO_UNIT_NAME', sheet: '基本信息', address: 'B3' },
      code: { name: 'INFO_UNIT_CODE', sheet: '基本信息', address: 'B5' },
      year: { name: 'INFO_YEAR', sheet: '基本信息', address: 'B7' },
    },
    status: 'ok',
    counts: { error: 0, warning: 0, info: 0 },
    totals: {},
    inSums: true,
  };
}

describe('SumAccumulator', () => {
  it('sums counts and amounts, skips cells without a certain number, and can take a unit out again', () => {
    const acc = new SumAccumulator();
    const a = snap({ T3_NEW_SUM: 5, T2_FEE: 0.1, W_PUB_TOTAL: '12', INFO_UNIT_NAME: '甲' });
    const b = snap({ T3_NEW_SUM: 7, T2_FEE: 0.2, W_PUB_TOTAL: 'XX', T4_REVIEW_TOTAL: '230余' });
    const c = snap({ T3_NEW_SUM: 100 });
    acc.add(a);
    acc.add(b);
    acc.add(c);
    acc.subtract(c);
    const t = acc.totals();
    expect(acc.count).toBe(2);
    expect(t.T3_NEW_SUM).toBe(12);
    expect(t.T2_FEE).toBe(0.3);
    expect(t.W_PUB_TOTAL).toBe(12); // "12" is a number stored as text: read; "XX" adds nothing
    expect(t.T4_REVIEW_TOTAL).toBe(0);
    expect('INFO_UNIT_NAME' in t).toBe(false);
    expect(SUMMED_NAMES).toContain('FEE_YUAN');
    expect(SUMMED_NAMES).not.toContain('INFO_YEAR');
  });

  it('merges another accumulator', () => {
    const a = new SumAccumulator();
    const b = new SumAccumulator();
    a.add(snap({ T3_NEW_NAT: 1 }));
    b.add(snap({ T3_NEW_NAT: 2 }));
    a.merge(b);
    expect(a.count).toBe(2);
    expect(a.totals().T3_NEW_NAT).toBe(3);
  });
});

describe('key totals', () => {
  it('adds the two litigation groups and gives null when a cell holds no number', () => {
    expect(keyTotals(snap({ T4_DIRECT_TOTAL: 2, T4_AFTER_TOTAL: 3, T3_NEW_SUM: 9 }))).toMatchObject({ T4_LITIGATION_TOTAL: 5, T3_NEW_SUM: 9, W_PUB_TOTAL: null });
    expect(keyTotals(snap({ T4_DIRECT_TOTAL: 2, T4_AFTER_TOTAL: '/' })).T4_LITIGATION_TOTAL).toBeNull();
    expect(KEY_TOTALS.map((k) => k.id)).toEqual([
      'T3_NEW_SUM', 'T3_CARRY_SUM', 'T3_TOTAL_SUM', 'T3_CARRYOUT_SUM', 'T4_REVIEW_TOTAL', 'T4_LITIGATION_TOTAL', 'T2_NORM_ISSUED', 'W_PUB_TOTAL',
    ]);
  });
});

describe('checks across units', () => {
  it('U-DUPLICATE by code marks every copy, naming the other files', () => {
    const code = codeFor(1);
    const rows = [row(0, '甲局', code, 2024, 'a.xlsx'), row(1, '甲局（副本）', code.toLowerCase(), 2024, 'b.xlsx'), row(2, '乙局', codeFor(2), 2024)];
    const { byRow } = crossUnitFindings(rows);
    expect(byRow.get(0)?.map((f) => [f.rule, f.severity, f.values.others])).toEqual([['U-DUPLICATE', 'error', 'b.xlsx']]);
    expect(byRow.get(1)?.map((f) => [f.rule, f.values.others])).toEqual([['U-DUPLICATE', 'a.xlsx']]);
    expect(byRow.get(0)?.[0].cells).toEqual([{ name: 'INFO_UNIT_CODE', sheet: '基本信息', address: 'B5' }]);
    expect(byRow.get(0)?.[0].messages['zh-CN']).toContain(`统一社会信用代码 ${code} 在本批次中出现 2 次`);
    expect(byRow.has(2)).toBe(false);
  });

  it('U-DUPLICATE by name only when the codes differ; the same code and name is reported once', () => {
    const rows = [row(0, 'XX县 财政局', codeFor(1), 2024), row(1, 'XX县 财政局', codeFor(2), 2024), row(2, 'XX县 财政局', codeFor(2), 2024)];
    const { byRow } = crossUnitFindings(rows);
    expect(byRow.get(0)?.map((f) => [f.rule, f.values.name, f.values.count])).toEqual([['U-DUPLICATE', 'XX县 财政局', 3]]);
    // rows 1 and 2 share the code (one finding) and the name with row 0 (a second one)
    expect(byRow.get(1)?.map((f) => [f.rule, f.cells[0].name, f.values.others])).toEqual([
      ['U-DUPLICATE', 'INFO_UNIT_CODE', 'f2.xlsx'],
      ['U-DUPLICATE', 'INFO_UNIT_NAME', 'f0.xlsx'],
    ]);
  });

  it('U-DUPLICATE by name is a warning when both credit codes are valid and different, an error otherwise', () => {
    const rows = [row(0, '城关镇人民政府', codeFor(1), 2024), row(1, '城关镇人民政府', codeFor(2), 2024), row(2, '城关镇人民政府', null, 2024, 'c.xlsx')];
    const { byRow } = crossUnitFindings(rows.slice(0, 2));
    expect(byRow.get(0)?.map((f) => [f.rule, f.severity])).toEqual([['U-DUPLICATE', 'warning']]);
    expect(byRow.get(1)?.map((f) => [f.rule, f.severity])).toEqual([['U-DUPLICATE', 'warning']]);
    // a missing (or invalid) code proves nothing: an error, for every copy
    const all = crossUnitFindings(rows).byRow;
    expect([0, 1, 2].map((i) => all.get(i)?.map((f) => f.severity))).toEqual([['error'], ['error'], ['error']]);
  });

  it('U-SAME-TEXT: a narrative section word for word another unit’s (雷同), spaces and punctuation aside', () => {
    const overview = '2024年，本局认真贯彻落实政府信息公开条例，全年主动公开政府信息300条，收到政府信息公开申请5件，均已按时答复。';
    const report = { unit: { name: null, code: null, type: null, year: 2024 }, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    const a = rowFromReport(0, 'a.xlsx', snap({ TXT_OVERVIEW: overview, TXT_PROBLEMS: '无。' }), report);
    const b = rowFromReport(1, 'b.xlsx', snap({ TXT_OVERVIEW: overview.replace(/，/g, ', ') + '\n', TXT_PROBLEMS: '无。' }), report);
    const c = rowFromReport(2, 'c.xlsx', snap({ TXT_OVERVIEW: overview.replace('300', '301') }), report);
    const { byRow } = crossUnitFindings([a, b, c]);
    expect(byRow.get(0)?.map((f) => [f.rule, f.severity, f.cells[0].address, f.values.others, f.values.length])).toEqual([
      ['U-SAME-TEXT', 'warning', 'B3', 'b.xlsx', 53],
    ]);
    expect(byRow.get(1)?.[0].messages['zh-CN']).toBe(
      '文字部分“一、总体情况”与本批次 a.xlsx 的同一部分完全相同（53 字）。年度报告内容雷同的，按国办公开办函〔2021〕30号须追究责任：请各单位按本单位实际情况撰写。',
    );
    // short sections ("无。") are alike in every report and are not compared
    expect(byRow.has(2)).toBe(false);
    expect(CROSS_UNIT_CHECKS.map((c) => [c.id, c.severity])).toEqual([['U-DUPLICATE', 'error'], ['U-YEAR', 'error'], ['U-SAME-TEXT', 'warning']]);
  });

  it('a large group of alike units names five others and counts the rest, so findings stay linear in the batch', () => {
    const overview = '2024年，本镇认真贯彻落实政府信息公开条例，全年主动公开政府信息300条，收到政府信息公开申请5件，均已按时答复。';
    const report = { unit: { name: null, code: null, type: null, year: 2024 }, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    const rows = Array.from({ length: 300 }, (_, i) => rowFromReport(i, `t${i}.xlsx`, snap({ TXT_OVERVIEW: overview }), report));
    const { byRow } = crossUnitFindings(rows);
    expect(byRow.size).toBe(300);
    const f = byRow.get(7)![0];
    expect(f.values.others).toBe('t0.xlsx; t1.xlsx; t2.xlsx; t3.xlsx; t4.xlsx; +294');
    expect(f.messages['zh-CN']).toContain('与本批次 t0.xlsx、t1.xlsx、t2.xlsx、t3.xlsx、t4.xlsx 等 299 个文件 的同一部分完全相同');
    expect(f.messages.en).toContain('t0.xlsx, t1.xlsx, t2.xlsx, t3.xlsx, t4.xlsx and 294 more of this batch');
    // the unit itself is never among the others named
    expect(byRow.get(2)![0].values.others).toBe('t0.xlsx; t1.xlsx; t3.xlsx; t4.xlsx; t5.xlsx; +294');
  });

  it('U-YEAR flags submissions of another year than the majority; a tie goes to the later year', () => {
    const rows = [row(0, 'a', codeFor(1), 2024), row(1, 'b', codeFor(2), 2024), row(2, 'c', codeFor(3), 2023), row(3, 'd', codeFor(4), null)];
    const res = crossUnitFindings(rows);
    expect(res.majorityYear).toBe(2024);
    expect([...res.byRow.keys()]).toEqual([2]);
    expect(res.byRow.get(2)?.[0]).toMatchObject({ rule: 'U-YEAR', severity: 'error', values: { year: 2023, batchYear: 2024 } });
    expect(majorityYear([row(0, 'a', null, 2023), row(1, 'b', null, 2024)])).toBe(2024);
    expect(majorityYear([unreadableRow(0, 'x.xlsx')])).toBeNull();
  });
});

describe('roster', () => {
  it('matches by code, then by exact name, and lists the rest as U-MISSING warnings in roster order', () => {
    const rows = [row(0, '甲局', codeFor(1), 2024), row(1, '乙局', null, 2024), { ...unreadableRow(2, 'x.xlsx') }];
    const roster = [
      { code: codeFor(1), name: '甲局（旧名）', type: null, line: 2 },
      { code: null, name: '乙局', type: null, line: 3 },
      { code: codeFor(9), name: '丙局', type: '县级政府部门', line: 4 },
      { code: null, name: '丁局', type: null, line: 5 },
    ];
    const m = matchRoster(roster, rows);
    expect(m.missing.map((e) => e.line)).toEqual([4, 5]);
    expect(m.findings.map((f) => [f.rule, f.severity])).toEqual([['U-MISSING', 'warning'], ['U-MISSING', 'warning']]);
    expect(m.findings[0].messages['zh-CN']).toBe(`名册中的单位“丙局”（统一社会信用代码 ${codeFor(9)}）没有报送：请催报，或确认名册是否需要更新。`);
  });

  it('reads CSV in UTF-8 with BOM and in GBK, headers in Chinese or English', () => {
    const gbk = Uint8Array.from(Buffer.from('b5a5cebbc3fbb3c62cb5a5cebbb4fac2eb0d0ab2c6d5febed62c58', 'hex'));
    expect(rosterFromRows(parseCsv(decodeCsv(gbk)), 'r.csv')).toEqual([{ code: 'X', name: '财政局', type: null, line: 2 }]);
    const utf8 = new TextEncoder().encode('\uFEFFUnit Code,Name,"Unit type"\n,"甲局, 本级",县级政府部门\n\n' + codeFor(3) + ',乙局,\n');
    expect(rosterFromRows(parseCsv(decodeCsv(utf8)), 'r.csv')).toEqual([
      { code: null, name: '甲局, 本级', type: '县级政府部门', line: 2 },
      { code: codeFor(3), name: '乙局', type: null, line: 4 },
    ]);
    expect(() => rosterFromRows([['序号', '备注']], 'r.csv')).toThrow(expect.objectContaining({ code: 'roster-no-columns' }));
  });
});

describe('summary information cells', () => {
  it('takes the shared unit type, a rule-making type when 规章 are summed, else 其他', () => {
    expect(summaryUnitType({ unitTypes: ['县级政府部门', '县级政府部门'], sums: {} })).toBe('县级政府部门');
    expect(summaryUnitType({ unitTypes: ['县级政府部门', '乡镇人民政府（街道办事处）'], sums: { T2_RULE_VALID: 0 } })).toBe('其他');
    expect(summaryUnitType({ unitTypes: ['设区的市、自治州人民政府', '市级政府部门'], sums: { T2_RULE_ISSUED: 2 } })).toBe('设区的市、自治州人民政府');
    // the label of earlier templates means the same type
    expect(summaryUnitType({ unitTypes: ['设区的市级人民政府', '市级政府部门'], sums: { T2_RULE_ISSUED: 2 } })).toBe('设区的市、自治州人民政府');
    expect(summaryUnitType({ unitType: '县级人民政府', unitTypes: ['其他'], sums: {} })).toBe('县级人民政府');
  });

  it('names the summary, states the fees it carries and mentions 整改 in the problems section', () => {
    const v = summaryInfoValues({ unitName: 'XX县', date: '2025-01-20', year: 2024, units: 3, unitTypes: [], sums: { FEE_YUAN: 150 } });
    expect(v.INFO_UNIT_NAME).toBe('XX县汇总（3个单位）');
    expect(v.INFO_UNIT_CODE).toBeNull();
    expect(v.INFO_YEAR).toBe(2024);
    expect(v.TXT_FEE).toBe('各单位共收取信息处理费 150 元。');
    expect(v.TXT_PROBLEMS).toContain('整改');
    expect(summaryInfoValues({ date: '2025-01-20', year: 2024, units: 1, unitTypes: [], sums: {} }).TXT_FEE).toBe('未收取信息处理费。');
  });
});
