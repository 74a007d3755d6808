/**
 * Reviewer-grade checks on real workbooks: each case is written with the template writer (a real
 * .xlsx), read back by the file reader and validated. The first four are the real reports that
 * gave false or noisy findings (names replaced); the rest are the checks reviewers apply.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { indicator } from '../src/core/catalogue';
import type { Finding } from '../src/core/report';
import type { Snapshot } from '../src/core/snapshot';
import { cleanUnitValues, type ExampleValue } from '../src/examples/units';
import { readWorkbook } from '../src/io/read-workbook';
import { writeTemplate, type CellInput } from '../src/io/template-writer';
import { Validator, loadRuleSet } from '../src/core/validator';
import { readRuleSources } from '../src/io/load-rules';
import { t3Values, validator } from './helpers/rules';

const NOW = new Date('2026-11-25T00:00:00Z');

type Input = Record<string, CellInput | ExampleValue>;

/** The .xlsx bytes of the template filled with the clean county department of the examples, changed by `changes`. */
async function bytesOf(changes: Input): Promise<Uint8Array> {
  return new Uint8Array(await writeTemplate({ values: { ...cleanUnitValues(), ...changes } as Record<string, CellInput> }));
}

async function snapshotOf(changes: Input, patch?: (xml: string) => string): Promise<Snapshot> {
  let bytes = await bytesOf(changes);
  if (patch) {
    const files = unzipSync(bytes);
    for (const name of Object.keys(files)) {
      if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) files[name] = strToU8(patch(strFromU8(files[name])));
    }
    bytes = zipSync(files);
  }
  return readWorkbook(bytes, 'report.xlsx');
}

async function findings(changes: Input, opts: { previous?: Input; patch?: (xml: string) => string } = {}): Promise<Finding[]> {
  const previous = opts.previous ? await snapshotOf(opts.previous) : null;
  const report = await validator.validate(await snapshotOf(changes, opts.patch), { now: NOW, previous });
  return report.findings;
}

/** rule severity A1,A1 … */
const brief = (f: Finding): string => `${f.rule} ${f.severity} ${f.cells.map((c) => c.address).join(',')}`;

/** A government's overview must speak of 考核 (TXT-ASSESSMENT): the cases that are not about it say so. */
const ASSESSMENT = '政务公开工作纳入年度绩效考核，本年度未发生责任追究情况。';

describe('real reports that gave wrong findings', () => {
  it('盟行政公署办公室: "共受理…申请24件（含上年结转1件）" with 新收 23 and 上年结转 1 is silent', async () => {
    const t3 = t3Values({ NAT: { NEW: 23, CARRY: 1, OPEN: 20, NA_NOTHELD: 4, TOTAL: 24 } });
    const text = '2025年，我办认真贯彻《中华人民共和国政府信息公开条例》。全年共受理政府信息公开申请24件（含上年结转1件），已全部办结。';
    expect(await findings({ ...t3, INFO_UNIT_TYPE: '市级政府部门', TXT_OVERVIEW: text })).toEqual([]);
    // the same sentence with 新收 24: 24 must then be 新收 + 上年结转 = 25
    const wrong = await findings({
      ...t3Values({ NAT: { NEW: 24, CARRY: 1, OPEN: 21, NA_NOTHELD: 4, TOTAL: 25 } }),
      INFO_UNIT_TYPE: '市级政府部门',
      TXT_OVERVIEW: text,
    });
    expect(wrong.map(brief)).toEqual(['TXT-NUMBERS warning B3,J5,J6']);
    expect(wrong[0].message).toBe(
      '文字部分“一、总体情况”中“全年共受理政府信息公开申请24件（含上年结转1件），已全部办结。”一句所述“全年共受理政府信息公开申请24件”为 24 件，' +
        '而表三“一、本年新收政府信息公开申请数量”总计为 24 件，与表三“二、上年结转政府信息公开申请数量”总计 1 件合计 25 件。请核对并统一文字与表格。',
    );
    expect(wrong[0].values).toMatchObject({ stated: 24, table: 24 });
  });

  it('市政府办公厅: "因政府信息公开引起行政复议10件、行政诉讼3件" with 表四 10 and 3 is silent', async () => {
    const t4 = {
      T4_REVIEW_UPHELD: 8, T4_REVIEW_CORRECTED: 1, T4_REVIEW_OTHER: 0, T4_REVIEW_PENDING: 1, T4_REVIEW_TOTAL: 10,
      T4_DIRECT_UPHELD: 2, T4_DIRECT_CORRECTED: 0, T4_DIRECT_OTHER: 0, T4_DIRECT_PENDING: 0, T4_DIRECT_TOTAL: 2,
      T4_AFTER_UPHELD: 1, T4_AFTER_CORRECTED: 0, T4_AFTER_OTHER: 0, T4_AFTER_PENDING: 0, T4_AFTER_TOTAL: 1,
    };
    const text = '2025年，市政府办公厅全年共收到政府信息公开申请13件，上年结转1件。因政府信息公开引起行政复议10件、行政诉讼3件。' + ASSESSMENT;
    // the label of earlier templates still reads as the unit type it meant
    const fs = await findings({ ...t4, INFO_UNIT_TYPE: '设区的市级人民政府', TXT_OVERVIEW: text, TXT_PROBLEMS: '一起行政复议被纠正，已整改。今后加强答复审核。' });
    expect(fs).toEqual([]);
    const wrong = await findings({ ...t4, T4_REVIEW_PENDING: 0, T4_REVIEW_TOTAL: 9, INFO_UNIT_TYPE: '设区的市、自治州人民政府', TXT_OVERVIEW: text,
      TXT_PROBLEMS: '一起行政复议被纠正，已整改。今后加强答复审核。' });
    expect(wrong.map(brief)).toEqual(['TXT-NUMBERS warning B3,E5']);
    expect(wrong[0].values).toMatchObject({ stated: 10, table: 9, phrase: '因政府信息公开引起行政复议10件' });
  });

  it('县级部门 with every applicant cell of 表三 blank: one finding for the table, every blank cell marked', async () => {
    const blanks: Input = {};
    for (const name of Object.keys(cleanUnitValues())) {
      const ind = indicator(name);
      if (ind?.group === 'T3' && ind.col !== 'SUM') blanks[name] = null;
    }
    const fs = await findings(blanks);
    expect(fs.map((f) => [f.rule, f.severity, f.cells.length])).toEqual([['CELL-REQUIRED', 'error', 150]]);
    expect(fs[0].cells.slice(0, 3).map((c) => `${c.sheet}!${c.address}`)).toEqual(['表三依申请公开!D5', '表三依申请公开!E5', '表三依申请公开!F5']);
    expect(fs[0].values.count).toBe(150);
    expect(fs[0].message).toBe(
      '表三（收到和处理政府信息公开申请情况）有 150 个单元格空白（已全部标出），与发布的表格中把没有发生的项目留空的做法相同。' +
        '年度报告表格中没有发生的数量应填写 0，不能留空：请在空白处填 0，再核对实际发生的数量。',
    );
    // a few blank cells are still reported one by one
    const few = await findings({ T3_NEW_RES: null, T3_CARRY_RES: null });
    expect(few.map(brief)).toEqual(['CELL-REQUIRED error F5', 'CELL-REQUIRED error F6']);
  });

  it('总计 cells holding =SUM() with no saved result: one finding saying to open and save in Excel or WPS', async () => {
    const sums: Input = {};
    for (const name of Object.keys(cleanUnitValues())) {
      const ind = indicator(name);
      if (ind?.group === 'T3' && ind.col === 'SUM') {
        const row = /\d+$/.exec(ind.address)![0];
        sums[name] = { formula: `SUM(D${row}:I${row})` };
      }
    }
    const fs = await findings(sums);
    expect(fs.map((f) => [f.rule, f.severity, f.cells.length, f.cells[0].address])).toEqual([['CELL-FORMULA', 'error', 25, 'J5']]);
    expect(fs[0].message).toBe(
      '有 25 个单元格是公式（如“一、本年新收政府信息公开申请数量 · 总计”：=SUM(D5:I5)），但文件中没有保存公式的计算结果，' +
        '这通常是由不计算公式的程序生成或保存的文件。请用 Excel 或 WPS 打开此文件，确认数字无误后保存，再重新报送。',
    );
    expect(fs[0].message).not.toContain('填写 0');
  });
});

describe('new narrative checks', () => {
  it('TXT-NO-REQUEST: "未收到申请" while 新收 > 0, and a figure while 新收 = 0', async () => {
    const fs = await findings({ TXT_OVERVIEW: '2025年，我局未收到政府信息公开申请。全年发生政府信息公开行政复议1件。' });
    expect(fs.map(brief)).toEqual(['TXT-NO-REQUEST warning B3,J5']);
    expect(fs[0].message).toBe(
      '文字部分“一、总体情况”中“2025年，我局未收到政府信息公开申请。”一句写“未收到政府信息公开申请”，而表三“一、本年新收政府信息公开申请数量”总计为 13 件。请核对并统一文字与表格。',
    );
    const none = t3Values({});
    const reverse = await findings({ ...none, TXT_OVERVIEW: '2025年，我局共收到政府信息公开申请3件。全年发生政府信息公开行政复议1件。' });
    expect(reverse.map(brief)).toEqual(['TXT-NO-REQUEST warning B3,J5']);
    expect(reverse[0].values).toMatchObject({ phrase: '我局共收到政府信息公开申请3件', table: 0 });
    expect(await findings({ ...none, TXT_OVERVIEW: '2025年度我局未收到依申请公开信息，未发生行政诉讼。全年发生政府信息公开行政复议1件。' })).toEqual([]);
  });

  it('TXT-ALL-DONE: "均已办结" while 结转下年度 > 0', async () => {
    const fs = await findings({ TXT_OVERVIEW: '2025年，我局收到政府信息公开申请13件，上年结转1件，均已办结。行政复议1件。' });
    expect(fs.map(brief)).toEqual(['TXT-ALL-DONE warning B3,J29']);
    expect(fs[0].values).toMatchObject({ phrase: '均已办结', table: 1 });
    expect(fs[0].message).toContain('而表三“四、结转下年度继续办理”总计为 1 件。全部办结的，结转下年度应为 0');
  });

  it('TXT-YEAR: the overview speaks of last year', async () => {
    const fs = await findings({ TXT_OVERVIEW: cleanUnitValues().TXT_OVERVIEW!.toString().replace('2025年', '2024年') });
    expect(fs.map(brief)).toEqual(['TXT-YEAR warning B3,B7']);
    expect(fs[0].values).toMatchObject({ stated: 2024, reportYear: 2025 });
    // next year's plans are not last year's text
    expect(await findings({ TXT_OVERVIEW: `${String(cleanUnitValues().TXT_OVERVIEW)}2026年，我局将继续完善工作机制。` })).toEqual([]);
  });

  it('TXT-NORM: 规范性文件 counts in the text against 表二', async () => {
    const fs = await findings({ TXT_OVERVIEW: `${String(cleanUnitValues().TXT_OVERVIEW)}本年度制发行政规范性文件3件，废止1件，现行有效15件。` });
    expect(fs.map(brief)).toEqual(['TXT-NORM warning B3,B5']);
    expect(fs[0].values).toMatchObject({ stated: 3, table: 2 });
    expect(fs[0].message).toContain('而表二“行政规范性文件·本年制发件数”为 2 件');
  });

  it('TXT-ASSESSMENT: a government says nothing of 考核、评议、追究 (条例 art. 50)', async () => {
    const fs = await findings({ INFO_UNIT_TYPE: '县级人民政府' });
    expect(fs.map(brief)).toEqual(['TXT-ASSESSMENT warning B3']);
    expect(fs[0].message).toMatch(/^本单位类型为“县级人民政府”。按《政府信息公开条例》第五十条第（四）项/);
    expect(await findings({ INFO_UNIT_TYPE: '县级人民政府', TXT_PROBLEMS: `${String(cleanUnitValues().TXT_PROBLEMS)}全年开展社会评议1次。` })).toEqual([]);
    // departments are not asked
    expect(await findings({ INFO_UNIT_TYPE: '国务院部门' })).toEqual([]);
  });
});

describe('reviewers’ checks on the numbers', () => {
  it('INFO-DATE: filed in the report year itself; INFO-DATE-LATE: after 1月31日 (部门) or 3月31日 (人民政府)', async () => {
    const same = await findings({ INFO_DATE: new Date(Date.UTC(2025, 11, 20)) });
    expect(same.map(brief)).toEqual(['INFO-DATE warning B10,B7']);
    expect(same[0].message).toBe('报告年度为 2025 年，填报日期 2025-12-20 也在 2025 年。年度报告在次年填报，报告的是上一年度的情况：请核对报告年度或填报日期。');
    const late = await findings({ INFO_DATE: '2026-02-10' });
    expect(late.map(brief)).toEqual(['INFO-DATE-LATE warning B10']);
    expect(late[0].values).toMatchObject({ date: '2026-02-10', deadline: '2026-01-31' });
    expect(
      await findings({ INFO_DATE: '2026-02-10', INFO_UNIT_TYPE: '县级人民政府', TXT_OVERVIEW: String(cleanUnitValues().TXT_OVERVIEW) + ASSESSMENT }),
    ).toEqual([]);
  });

  it('INFO-DATE-LATE with an earlier local deadline: a local rule passes its own date to the filing fact', async () => {
    const local = {
      path: '本地规则/怀化.json',
      json: {
        format: 'zwgk-rules/1',
        overrides: [{ rule: 'INFO-DATE-LATE', enabled: false }],
        rules: [
          {
            name: 'LOCAL-DATE-LATE',
            conditions: { all: [{ fact: 'filing', params: { departmentDeadline: '01-26' }, path: 'late', operator: 'equal', value: false }] },
            event: {
              type: 'local',
              params: {
                ruleId: 'LOCAL-DATE-LATE', severity: 'warning', cells: ['INFO_DATE'],
                description: { 'zh-CN': '本市要求市直单位 1 月 26 日前报送', en: 'Local rule: departments file by 26 January' },
                message: { 'zh-CN': '填报日期 {date} 晚于本市规定的 {deadline}。', en: 'Filed {date}, after the local deadline {deadline}.' },
              },
            },
          },
        ],
      },
    };
    const v = new Validator(loadRuleSet([...readRuleSources(), local]));
    const report = await v.validate(await snapshotOf({ INFO_DATE: '2026-01-28' }), { now: NOW });
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([['LOCAL-DATE-LATE', '填报日期 2026-01-28 晚于本市规定的 2026-01-26。']]);
  });

  it('T2-FEE-UNIT: thresholds tiered by unit type', async () => {
    const town = await findings({ T2_FEE: 8600, INFO_UNIT_TYPE: '乡镇人民政府（街道办事处）' });
    expect(town.map(brief)).toEqual(['T2-FEE-UNIT warning B15']);
    expect(town[0].message).toBe(
      '表二行政事业性收费金额为 8600 万元，对“乡镇人民政府（街道办事处）”而言明显偏大（达到 1000 万元），可能按“元”填写了。该栏单位是“万元”，请换算后填写（元 ÷ 10000）。',
    );
    expect((await findings({ T2_FEE: 35000 })).map(brief)).toEqual(['T2-FEE-UNIT warning B15']);
    expect(await findings({ T2_FEE: 35000, INFO_UNIT_TYPE: '市级政府部门' })).toEqual([]);
  });

  it('FEE-YUAN: not a multiple of 10 元, a fee without requests, a fee above 表二', async () => {
    const odd = await findings({ FEE_YUAN: 35, TXT_FEE: '本年度收取信息处理费35元。', T2_FEE: 1 });
    expect(odd.map(brief)).toEqual(['FEE-YUAN warning B7']);
    expect(odd[0].message).toMatch(/^本年收取信息处理费 35 元，不是 10 元的整数倍。按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）/);
    const noRequests = await findings({ ...t3Values({}), FEE_YUAN: 100, TXT_FEE: '本年度收取信息处理费100元。', T2_FEE: 1,
      TXT_OVERVIEW: '2025年，我局未收到政府信息公开申请。全年发生政府信息公开行政复议1件。' });
    expect(noRequests.map(brief)).toEqual(['FEE-YUAN warning B7,J5,J6']);
    const aboveT2 = await findings({ FEE_YUAN: 200, TXT_FEE: '本年度收取信息处理费200元。' });
    expect(aboveT2.map((f) => [f.rule, f.severity, f.values.rhs])).toEqual([['FEE-YUAN', 'info', 0]]);
  });

  it('T3-CARRYOUT-NEW: more carried forward than received; T3-CARRYOUT-HIGH only from 3 up', async () => {
    const older = t3Values({ NAT: { NEW: 1, CARRY: 3, OPEN: 2, TOTAL: 2, CARRYOUT: 2 } });
    const text = '2025年，我局收到政府信息公开申请1件，上年结转3件，结转下年度2件。全年发生政府信息公开行政复议1件。';
    const fs = await findings({ ...older, TXT_OVERVIEW: text });
    expect(fs.map(brief)).toEqual(['T3-CARRYOUT-NEW warning J29,J5,J6']);
    expect(fs[0].message).toMatch(/^表三“四、结转下年度继续办理”总计 2 件，多于“一、本年新收政府信息公开申请数量”总计 1 件/);
    // one late application carried forward out of two is lawful (art. 33) and not worth a warning
    const one = t3Values({ NAT: { NEW: 2, OPEN: 1, TOTAL: 1, CARRYOUT: 1 } });
    expect(await findings({ ...one, TXT_OVERVIEW: '2025年，我局收到政府信息公开申请2件，结转下年度1件。全年发生政府信息公开行政复议1件。' })).toEqual([]);
  });

  it('Y-SAME-TEXT: the overview identical to last year’s', async () => {
    const prevYear = { INFO_YEAR: 2024, INFO_DATE: '2025-01-20', T3_CARRYOUT_NAT: 1, T3_CARRYOUT_SUM: 1, T2_NORM_VALID: 14 };
    const fs = await findings({}, { previous: { ...prevYear, TXT_PROBLEMS: '去年的问题：栏目更新不及时。下一步将加强栏目维护和工作人员培训，提升工作水平。' } });
    expect(fs.map(brief)).toEqual(['Y-SAME-TEXT warning B3']);
    expect(fs[0].message).toMatch(/^文字部分“一、总体情况”与上年度报告的同一部分完全相同（\d+ 字）。请核实是否沿用了上年度报告/);
  });
});

describe('checks that were too strict', () => {
  it('TXT-REQUIRED accepts "无" in 其他需要报告的事项 when the fee statement is filled', async () => {
    expect(await findings({ TXT_OTHER: '无。' })).toEqual([]);
    const fs = await findings({ TXT_OTHER: '无。', TXT_FEE: null });
    expect(fs.map(brief)).toEqual(['TXT-REQUIRED error B5', 'TXT-FEE warning B6']);
  });

  it('T2-RULE-POWER: error for county level and below, warning for 市级部门, none for 国务院部门; cites 立法法', async () => {
    const county = await findings({ T2_RULE_VALID: 2 });
    expect(county.map(brief)).toEqual(['T2-RULE-POWER error B4,C4,D4']);
    expect(county[0].message).toBe(
      '规章由国务院部门（部门规章）和省、自治区、直辖市及设区的市、自治州人民政府（地方政府规章）制定（《立法法》第八十条、第八十二条，2023年修正后为第九十一条、第九十三条）。' +
        '本单位类型为“县级政府部门”，但“规章”一行填写了数字（制发 0、废止 0、现行有效 2）。县级及以下单位没有规章制定权，规章一行请填 0。',
    );
    const city = await findings({ T2_RULE_VALID: 2, INFO_UNIT_TYPE: '市级政府部门' });
    expect(city.map(brief)).toEqual(['T2-RULE-POWER warning B4,C4,D4']);
    expect(city[0].message).toContain('请按本地口径确认');
    for (const f of [...county, ...city]) expect(f.message).not.toContain('规范性文件');
    expect(await findings({ T2_RULE_VALID: 2, INFO_UNIT_TYPE: '国务院部门' })).toEqual([]);
  });

  it('Y-PENDING is information in neutral words; Y-STOCK lower in-force counts are information (宣布失效、有效期届满)', async () => {
    const prevYear = { INFO_YEAR: 2024, INFO_DATE: '2025-01-20', T3_CARRYOUT_NAT: 1, T3_CARRYOUT_SUM: 1, TXT_OVERVIEW: '2024年，我局依法做好政府信息公开工作，全年收到申请12件。', TXT_PROBLEMS: '去年的问题：栏目更新不及时。下一步将加强栏目维护和工作人员培训，提升工作水平。' };
    const fs = await findings({}, { previous: { ...prevYear, T2_NORM_VALID: 20, T4_REVIEW_PENDING: 3, T4_REVIEW_UPHELD: 0, T4_REVIEW_TOTAL: 3 } });
    expect(fs.map(brief)).toEqual(['Y-STOCK info D5,B5,C5', 'Y-PENDING info E5']);
    expect(fs[0].message).toContain('如有文件宣布失效或有效期届满，属正常情况');
    expect(fs[1].message).toBe(
      '表四“行政复议”：上年度报告“尚未审结”为 3 件，本年度“总计”为 1 件。如本地区按审结年度统计，上年度未审结的案件应计入本年度，请核对；按立案年度统计的，可不作调整。',
    );
  });
});

describe('values that are not what they look like', () => {
  it('a date, a boolean, 1e400 and a denormal in count cells; a zero-width space in the credit code', async () => {
    const fs = await findings(
      { W_PRESS: new Date(Date.UTC(2025, 2, 5)), W_OPENDAY: true, W_CONSULT: 987654, W_GAZETTE: 876543, W_PRESS_LEADER: 0,
        INFO_UNIT_CODE: `${String(cleanUnitValues().INFO_UNIT_CODE).slice(0, 6)}\u200B${String(cleanUnitValues().INFO_UNIT_CODE).slice(6)}` },
      { patch: (xml) => xml.replace('<v>987654</v>', '<v>1e400</v>').replace('<v>876543</v>', '<v>4.9E-324</v>') },
    );
    expect(fs.map(brief)).toEqual([
      'INFO-CODE error B5',
      'CELL-NUMBER error B14',
      'CELL-NUMBER error B16',
      'CELL-NUMBER error B17',
      'CELL-NUMBER error B18',
    ]);
    expect(fs[0].message).toBe(
      `统一社会信用代码中夹有看不见的字符：U+200B（零宽空格，在第 6 个字符之后），多为从网页或聊天软件复制时带入。请删除该单元格内容后重新输入代码“${String(cleanUnitValues().INFO_UNIT_CODE)}”。`,
    );
    expect(fs[1].message).toBe('“新闻发布会（场）”显示为日期“3/5/25”：单元格被设成了日期格式，或输入的内容被自动识别成了日期。请将单元格格式改为“常规”或“数值”，再重新输入数字。');
    expect(fs[2].message).toBe('“政府开放日活动（次）”填写的是逻辑值“TRUE”（TRUE/FALSE），不是数字。请填写阿拉伯数字，没有发生的填写 0。');
    expect(fs[3].message).toMatch(/^“重大决策预公开、意见征集（次）”中的数值“.+”超出正常范围（无穷大、极小的非零数或超过 15 位）/);
    expect(fs[4].message).toMatch(/^“政府公报（期）”中的数值“.+”超出正常范围/);
  });
});
