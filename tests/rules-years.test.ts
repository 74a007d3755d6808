/**
 * Across years: the Y-* checks run only when last year's workbook is given.
 */
import { brief, findingsFor, rulesOf } from './helpers/rules';
import { Values, cleanValues, snapshotFrom } from './helpers/snapshot';

/** Last year's workbook consistent with cleanValues(): carried forward = this year's carried over. */
function lastYear(changes: Values = {}): ReturnType<typeof snapshotFrom> {
  return snapshotFrom({
    ...cleanValues(),
    INFO_YEAR: 2022,
    T2_NORM_VALID: 37,
    TXT_OVERVIEW: '2022年，本机关依法做好政府信息公开工作，全年主动公开政府信息1300条，收到政府信息公开申请28件。政务公开纳入绩效考核。',
    TXT_PROBLEMS: '存在的问题：公开平台栏目更新不够及时。改进措施：明确栏目责任人，按月检查更新情况。',
    ...changes,
  });
}

const T3 = '表三依申请公开';

describe('across years', () => {
  it('a consistent pair of years has no findings; without last year no Y-* check runs', async () => {
    expect(await findingsFor({}, { previous: lastYear() })).toEqual([]);
    expect(await findingsFor({ T2_NORM_VALID: 99 })).toEqual([]);
  });

  it('Y-CARRY: error in the 总计 column, warning in the applicant columns', async () => {
    const fs = await findingsFor({}, { previous: lastYear({ T3_CARRYOUT_NAT: 3, T3_CARRYOUT_SUM: 4 }) });
    expect(fs.map(brief)).toEqual([
      { rule: 'Y-CARRY', severity: 'error', cells: [`T3_CARRY_SUM@${T3}!J6`], values: { T3_CARRY_SUM: 3, lhs: 3, rhs: 4, absDiff: 1 } },
      { rule: 'Y-CARRY', severity: 'warning', cells: [`T3_CARRY_NAT@${T3}!D6`], values: { T3_CARRY_NAT: 2, lhs: 2, rhs: 3, absDiff: 1 } },
    ]);
    expect(fs[0].message).toBe('表三“总计”列：本年度“二、上年结转政府信息公开申请数量”为 3 件，上年度报告“四、结转下年度继续办理”为 4 件，相差 1 件。两者应当相等，请核对。');
  });

  it('Y-STOCK: in force = last year in force + issued − repealed', async () => {
    const fs = await findingsFor({}, { previous: lastYear({ T2_NORM_VALID: 30 }) });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'Y-STOCK',
        severity: 'warning',
        cells: ['T2_NORM_VALID@表二主动公开!D5', 'T2_NORM_ISSUED@表二主动公开!B5', 'T2_NORM_REPEALED@表二主动公开!C5'],
        values: { T2_NORM_VALID: 40, T2_NORM_ISSUED: 5, T2_NORM_REPEALED: 2, lhs: 40, rhs: 33, diff: 7, absDiff: 7 },
      },
    ]);
    expect(fs[0].message).toBe('表二行政规范性文件：现行有效 40 件，多于上年现行有效 30 + 本年制发 5 − 本年废止 2 = 33 件（多 7 件）。请核对。');
  });

  it('Y-PENDING: last year’s pending cases must reappear', async () => {
    const fs = await findingsFor({}, { previous: lastYear({ T4_REVIEW_PENDING: 3 }) });
    expect(fs.map(brief)).toEqual([
      { rule: 'Y-PENDING', severity: 'info', cells: ['T4_REVIEW_TOTAL@表四复议诉讼!E5'], values: { T4_REVIEW_TOTAL: 2, lhs: 3, rhs: 2, diff: 1 } },
    ]);
    expect(fs[0].message).toBe('表四“行政复议”：上年度报告“尚未审结”为 3 件，本年度“总计”为 2 件。如本地区按审结年度统计，上年度未审结的案件应计入本年度，请核对；按立案年度统计的，可不作调整。');
  });

  it('Y-SAME: every number identical to last year', async () => {
    const same: Values = { T2_NORM_ISSUED: 2 };
    const fs = await findingsFor(same, { previous: lastYear({ ...same, INFO_YEAR: 2023, T2_NORM_VALID: 40 }) });
    expect(fs.map(brief)).toEqual([{ rule: 'Y-SAME', severity: 'warning', cells: [], values: { compared: 229 } }]);
    expect(fs[0].message).toBe('全部 229 项数据与上年度报告完全一致，请核实是否沿用了上年度数据。年度报告内容雷同的，按国办公开办函〔2021〕30号须追究责任。');
    // a unit with nothing to report (all zero both years) is not a copy
    const zeros = Object.fromEntries(Object.entries(cleanValues()).map(([k, v]) => [k, typeof v === 'number' && !k.startsWith('INFO') ? 0 : v]));
    const zeroFindings = await findingsFor(
      { ...zeros, TXT_OVERVIEW: '本年度未收到政府信息公开申请，未发生行政复议和行政诉讼。' },
      { previous: lastYear({ ...zeros }) },
    );
    expect(rulesOf(zeroFindings)).not.toContain('Y-SAME');
  });
});
