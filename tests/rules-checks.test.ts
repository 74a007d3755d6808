/**
 * Every single-workbook check of checks.md: a violating snapshot built from cleanValues() gives
 * exactly the expected findings (rule, severity, cells with sheet and address, values, message).
 */
import { checkCreditCode, creditCodeCheckChar } from '../src/core/rules/credit-code';
import { brief, findingsFor, PLAIN_OVERVIEW, rulesOf, standardRules, t3Values, validator, NOW } from './helpers/rules';
import { CLEAN_CODE, cleanValues, snapshotFrom } from './helpers/snapshot';

const T3 = '表三依申请公开';

describe('clean workbook', () => {
  it('cleanValues() passes every rule with zero findings', async () => {
    const report = await validator.validate(snapshotFrom(cleanValues()), { now: NOW });
    expect(report.findings).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.unit).toEqual({ name: '某某县人民政府', code: CLEAN_CODE, type: '县级人民政府', year: 2023 });
  });

  it('implements every single-workbook check id of checks.md', () => {
    const ids = standardRules.checks.map((c) => c.id).sort();
    expect(ids).toEqual(
      [
        'CELL-REQUIRED', 'CELL-NUMBER', 'CELL-TEXTNUM', 'CELL-INTEGER', 'CELL-NONNEG', 'CELL-APPROX',
        'INFO-TYPE', 'INFO-CODE', 'INFO-YEAR', 'INFO-PHONE', 'INFO-TEMPLATE',
        'T3-BALANCE', 'T3-RESULTS', 'T3-ROWSUM', 'T3-BOUNDS', 'T3-CARRYOUT-HIGH', 'T3-CARRYOUT-NEW',
        'CELL-FORMULA', 'INFO-DATE', 'INFO-DATE-LATE', 'FEE-YUAN',
        'TXT-NO-REQUEST', 'TXT-ALL-DONE', 'TXT-YEAR', 'TXT-NORM', 'TXT-ASSESSMENT', 'Y-SAME-TEXT',
        'T4-SUM', 'T4-CORRECTED-TEXT', 'T2-STOCK', 'T2-RULE-POWER', 'T2-FEE-UNIT',
        'W-HOTLINE-SUM', 'W-HOTLINE-CLOSED', 'W-PRESS-LEADER', 'W-INTERP-PART', 'W-INTERP-OVERLAP', 'W-TRAIN-PERSONS',
        'TXT-REQUIRED', 'TXT-PLACEHOLDER', 'TXT-NUMBERS', 'TXT-NO-REVIEW', 'TXT-FEE',
        'Y-CARRY', 'Y-STOCK', 'Y-PENDING', 'Y-SAME',
      ].sort(),
    );
    const sev = Object.fromEntries(standardRules.checks.map((c) => [c.id, c.severity]));
    expect(sev['CELL-TEXTNUM']).toBe('warning');
    expect(sev['W-INTERP-OVERLAP']).toBe('info');
    expect(sev['Y-CARRY']).toBe('error');
    expect(sev['T2-STOCK']).toBe('warning');
  });
});

describe('every input cell', () => {
  it('CELL-REQUIRED: a blank count is reported once, and the sums using it are skipped', async () => {
    const fs = await findingsFor({ T3_CARRY_BIZ: null });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-REQUIRED', severity: 'error', cells: [`T3_CARRY_BIZ@${T3}!E6`], values: { T3_CARRY_BIZ: null } },
    ]);
    expect(fs[0].message).toBe('“二、上年结转政府信息公开申请数量 · 商业企业”未填写。请填写；没有发生的数量填写 0。');
    expect(fs[0].messages.en).toBe('"II. Requests carried over from last year: businesses" is blank. Fill it in; type 0 where nothing happened.');
  });

  it('CELL-REQUIRED: a blank text of the basic information', async () => {
    const fs = await findingsFor({ INFO_CONTACT: '  ' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-REQUIRED', severity: 'error', cells: ['INFO_CONTACT@基本信息!B8'], values: { INFO_CONTACT: null } },
    ]);
  });

  it('CELL-NUMBER: says what was found and what to type', async () => {
    const fs = await findingsFor({ T2_FEE: '/', W_GAZETTE: '若干', T2_COERCE: '#REF!', W_OPENDAY: '见附件' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-NUMBER', severity: 'error', cells: ['T2_COERCE@表二主动公开!B12'], values: { T2_COERCE: '#REF!' } },
      { rule: 'CELL-NUMBER', severity: 'error', cells: ['T2_FEE@表二主动公开!B15'], values: { T2_FEE: '/' } },
      { rule: 'CELL-NUMBER', severity: 'error', cells: ['W_OPENDAY@工作指标!B16'], values: { W_OPENDAY: '见附件' } },
      { rule: 'CELL-NUMBER', severity: 'error', cells: ['W_GAZETTE@工作指标!B18'], values: { W_GAZETTE: '若干' } },
    ]);
    expect(fs.map((f) => f.message)).toEqual([
      '“行政强制 · 本年处理决定数量”是错误值“#REF!”（公式或引用出错）。请改为填写数字。',
      '“行政事业性收费 · 本年收费金额（单位：万元）”填写的是“/”。没有发生请填写 0 而不是“/”。',
      '“政府开放日活动（次）”填写的是文字“见附件”。此处只能填写数字（没有则填 0），说明请写在文字部分。',
      '“政府公报（期）”填写的是占位符“若干”。请填写实际数字；没有发生的填写 0。',
    ]);
  });

  it('CELL-TEXTNUM: a number stored as text is flagged and still counts in the sums', async () => {
    const fs = await findingsFor({ T3_OPEN_NAT: '10', T3_OPEN_BIZ: '３', W_HOTLINE_TOTAL: '1200件' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-TEXTNUM', severity: 'warning', cells: [`T3_OPEN_NAT@${T3}!D7`], values: { T3_OPEN_NAT: 10 } },
      { rule: 'CELL-TEXTNUM', severity: 'warning', cells: [`T3_OPEN_BIZ@${T3}!E7`], values: { T3_OPEN_BIZ: 3 } },
      { rule: 'CELL-TEXTNUM', severity: 'warning', cells: ['W_HOTLINE_TOTAL@工作指标!B19'], values: { W_HOTLINE_TOTAL: 1200 } },
    ]);
    expect(fs[2].message).toBe('“12345热线等政民互动受理工单（件）”的“1200件”带有单位，已按 1200 计算。请只填写数字 1200，单位已在表头中。');
    // the value takes part: a wrong text-number breaks the balance like a wrong number
    const wrong = await findingsFor({ T3_OPEN_NGO: '2' });
    expect(rulesOf(wrong)).toEqual(['T3-ROWSUM', 'T3-RESULTS', 'CELL-TEXTNUM']); // errors before warnings
  });

  it('CELL-INTEGER: a count with a fractional part', async () => {
    const fs = await findingsFor({ W_PRESS: 6.5 });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-INTEGER', severity: 'error', cells: ['W_PRESS@工作指标!B14'], values: { W_PRESS: 6.5 } },
    ]);
    expect(fs[0].message).toBe('“新闻发布会（场）”为 6.5，计数应为整数。请填写整数。');
    // an amount may have decimals
    expect(await findingsFor({ T2_FEE: 12.34 })).toEqual([]);
  });

  it('CELL-NONNEG: a negative count', async () => {
    const fs = await findingsFor({ T2_LICENSE: -3 });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-NONNEG', severity: 'error', cells: ['T2_LICENSE@表二主动公开!B8'], values: { T2_LICENSE: -3 } },
    ]);
    expect(fs[0].message).toBe('“行政许可 · 本年处理决定数量”为 -3，不能为负数。请填写实际数字，没有发生的填写 0。');
  });

  it('CELL-APPROX: an approximation', async () => {
    const fs = await findingsFor({ W_PUB_TOTAL: '1500余' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-APPROX', severity: 'error', cells: ['W_PUB_TOTAL@工作指标!B3'], values: { W_PUB_TOTAL: '1500余' } },
    ]);
    expect(fs[0].message).toBe('“主动公开政府信息总数（条）”填写的是约数“1500余”。请核实后填写准确数字。');
  });
});

describe('基本信息', () => {
  it('INFO-TYPE: a unit type not on the list', async () => {
    const fs = await findingsFor({ INFO_UNIT_TYPE: '县政府' });
    expect(fs.map(brief)).toEqual([
      { rule: 'INFO-TYPE', severity: 'error', cells: ['INFO_UNIT_TYPE@基本信息!B4'], values: { INFO_UNIT_TYPE: '县政府', type: '县政府' } },
    ]);
    expect(fs[0].message).toMatch(/^单位类型“县政府”不是规定的类型。/);
    // ASCII brackets and stray spaces still name a listed type (and rules for that type apply)
    const report = await validator.validate(snapshotFrom({ ...cleanValues(), INFO_UNIT_TYPE: ' 乡镇人民政府(街道办事处) ', T2_RULE_VALID: 1 }), { now: NOW });
    expect(report.unit.type).toBe('乡镇人民政府（街道办事处）');
    expect(rulesOf(report.findings)).toEqual(['T2-RULE-POWER']);
  });

  it('INFO-CODE: GB 32100-2015 check character', async () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ shapeOk: true, checkOk: true, expected: '3' });
    expect(creditCodeCheckChar('11340100003041234')).toBe('9');
    expect(checkCreditCode('91350100M000100Y4O').shapeOk).toBe(false);

    const wrongCheck = await findingsFor({ INFO_UNIT_CODE: '113401000030412345' });
    expect(rulesOf(wrongCheck)).toEqual(['INFO-CODE']);
    expect(wrongCheck[0].cells).toEqual([{ name: 'INFO_UNIT_CODE', sheet: '基本信息', address: 'B5' }]);
    expect(wrongCheck[0].values.expectedCheck).toBe('9');
    expect(wrongCheck[0].message).toBe(
      '统一社会信用代码“113401000030412345”的校验位不对（按前 17 位应为 9），可能有输错的字符。请对照单位证书核对。',
    );

    const short = await findingsFor({ INFO_UNIT_CODE: '11340100003041234' });
    expect(rulesOf(short)).toEqual(['INFO-CODE']);
    expect(short[0].message).toMatch(/^统一社会信用代码“11340100003041234”不是 18 位的有效代码/);
    const letterO = await findingsFor({ INFO_UNIT_CODE: '11340100003O412349' });
    expect(rulesOf(letterO)).toEqual(['INFO-CODE']);
    expect(await findingsFor({ INFO_UNIT_CODE: '91350100M000100Y43' })).toEqual([]);
  });

  it('INFO-YEAR: 2021 ≤ year ≤ the current year', async () => {
    for (const bad of [2020, 2025, '二〇二三', '2023余']) {
      const fs = await findingsFor({ INFO_YEAR: bad });
      expect(rulesOf(fs)).toEqual(['INFO-YEAR']);
      expect(fs[0].cells).toEqual([{ name: 'INFO_YEAR', sheet: '基本信息', address: 'B7' }]);
    }
    const fs = await findingsFor({ INFO_YEAR: 2020 });
    expect(fs[0].message).toBe('报告年度 2020 不是合理的年份。请填写四位数字的年度，如 2023（现行格式自 2021 年度起使用）。');
    expect(await findingsFor({ INFO_YEAR: '2023年' })).toEqual([]);
    // a plausible year: no INFO-YEAR; what the other cells then say about it is their own finding
    expect(rulesOf(await findingsFor({ INFO_YEAR: 2024 }))).toEqual(['INFO-DATE', 'TXT-YEAR']);
    expect(rulesOf(await findingsFor({ INFO_YEAR: 2021 }))).toEqual(['INFO-DATE-LATE']);
    expect(await findingsFor({ INFO_YEAR: 2021, INFO_DATE: '2022-01-20' })).toEqual([]);
  });

  it('INFO-PHONE: landline or mobile', async () => {
    const fs = await findingsFor({ INFO_PHONE: '12345' });
    expect(fs.map(brief)).toEqual([
      { rule: 'INFO-PHONE', severity: 'warning', cells: ['INFO_PHONE@基本信息!B9'], values: { INFO_PHONE: 12345 } },
    ]);
    for (const ok of ['13912345678', '(0551)65123456', '0551 6512 3456'.replace(/ (\d{4}) /, ' $1'), '010-87654321', 13912345678]) {
      expect(await findingsFor({ INFO_PHONE: ok })).toEqual([]);
    }
  });

  it('INFO-TEMPLATE: an unknown version', async () => {
    const fs = await findingsFor({}, { templateVersion: '2019.1' });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'INFO-TEMPLATE',
        severity: 'error',
        cells: [],
        values: { id: 'ZWGK-ANNUAL', version: '2019.1', missingCount: 0 },
      },
    ]);
    expect(fs[0].message).toBe('该文件的模板标识为 ZWGK-ANNUAL、版本为 2019.1，不是本程序认识的标准模板（ZWGK-ANNUAL，版本 2024.1、2025.1）。请下载最新的标准模板重新填报。');
    const otherId = await findingsFor({}, { templateId: 'SOMETHING' });
    expect(otherId.map((f) => [f.rule, f.values.id])).toEqual([['INFO-TEMPLATE', 'SOMETHING']]);
  });

  it('INFO-TEMPLATE: names the missing defined names; sums over them are skipped', async () => {
    const fs = await findingsFor({}, { missing: ['T3_NEW_NAT', 'W_PRESS'] });
    expect(rulesOf(fs)).toEqual(['INFO-TEMPLATE']);
    expect(fs[0].values).toEqual({ missingCount: 2, missingList: 'T3_NEW_NAT、W_PRESS', missingListEn: 'T3_NEW_NAT, W_PRESS', missingShare: 0.00823 });
    expect(fs[0].message).toBe(
      '该文件不是标准模板，或被某个程序另存时丢失了定义名称：有 2 个定义名称缺失或无效（T3_NEW_NAT、W_PRESS）。请从标准模板重新填报，或用 Excel/WPS 打开原模板填写后保存。',
    );
  });

  it('INFO-TEMPLATE: says which names point to #REF! or to a missing sheet rather than calling them missing', async () => {
    const snapshot = snapshotFrom(cleanValues(), { missing: ['T3_NEW_NAT', 'W_PRESS'] });
    snapshot.nameIssues = snapshot.nameIssues.map((i) =>
      i.name === 'T3_NEW_NAT' ? { ...i, problem: 'broken-ref', ref: '#REF!' } : { ...i, problem: 'bad-sheet', ref: "'旧表'!$B$14" },
    );
    const report = await validator.validate(snapshot, { now: NOW, locale: 'en' });
    expect(report.findings.map((f) => f.messages['zh-CN'])).toEqual([
      '该文件不是标准模板，或被某个程序另存时丢失了定义名称：有 2 个定义名称缺失或无效（T3_NEW_NAT（指向 #REF!）、W_PRESS（指向不存在的工作表））。请从标准模板重新填报，或用 Excel/WPS 打开原模板填写后保存。',
    ]);
    expect(report.findings[0].message).toContain('2 defined names are missing or invalid (T3_NEW_NAT (points to #REF!), W_PRESS (points to a sheet that does not exist))');
  });

  it('INFO-TEMPLATE: when most names are missing, that one finding replaces everything else', async () => {
    const report = await validator.validate(snapshotFrom({ INFO_UNIT_NAME: '某单位', T3_NEW_SUM: 'XX' }, { templateId: null, templateVersion: null }), { now: NOW });
    expect(report.findings.map(brief)).toEqual([
      {
        rule: 'INFO-TEMPLATE',
        severity: 'error',
        cells: [],
        values: { missingCount: 241, missingShare: 0.99177, missingList: 'INFO_UNIT_TYPE、INFO_UNIT_CODE、INFO_PARENT、INFO_YEAR、INFO_CONTACT、INFO_PHONE、INFO_DATE、T2_RULE_ISSUED …', missingListEn: 'INFO_UNIT_TYPE, INFO_UNIT_CODE, INFO_PARENT, INFO_YEAR, INFO_CONTACT, INFO_PHONE, INFO_DATE, T2_RULE_ISSUED …' },
      },
    ]);
    expect(report.findings[0].message).toMatch(/^该文件不是标准模板，或被某个程序另存时丢失了定义名称：有 241 个定义名称缺失或无效（INFO_UNIT_TYPE、/);
  });
});

describe('表三', () => {
  it('T3-BALANCE: received ≠ handled + carried forward, with the numbers in the message', async () => {
    const fs = await findingsFor({ T3_NEW_BIZ: 6 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'T3-BALANCE',
        severity: 'error',
        cells: [`T3_NEW_BIZ@${T3}!E5`, `T3_CARRY_BIZ@${T3}!E6`, `T3_TOTAL_BIZ@${T3}!E28`, `T3_CARRYOUT_BIZ@${T3}!E29`],
        values: { T3_NEW_BIZ: 6, T3_CARRY_BIZ: 1, T3_TOTAL_BIZ: 5, T3_CARRYOUT_BIZ: 1, lhs: 7, rhs: 6, absDiff: 1 },
      },
      {
        rule: 'T3-ROWSUM',
        severity: 'error',
        cells: [`T3_NEW_SUM@${T3}!J5`, `T3_NEW_NAT@${T3}!D5`, `T3_NEW_BIZ@${T3}!E5`, `T3_NEW_RES@${T3}!F5`, `T3_NEW_NGO@${T3}!G5`, `T3_NEW_LAW@${T3}!H5`, `T3_NEW_ORG@${T3}!I5`],
        values: { T3_NEW_SUM: 31, T3_NEW_NAT: 20, T3_NEW_BIZ: 6, T3_NEW_RES: 0, T3_NEW_NGO: 1, T3_NEW_LAW: 3, T3_NEW_ORG: 2, lhs: 32, rhs: 31, absDiff: 1 },
      },
    ]);
    expect(fs[0].message).toBe(
      '表三“商业企业”列：本年新收 6 + 上年结转 1 = 7，但办理结果总计 5 + 结转下年度 1 = 6，相差 1。按表头注明的勾稽关系，第一项加第二项之和应等于第三项（七）总计加第四项之和，请核对。',
    );
    expect(fs[0].messages.en).toBe(
      'Table 3, column "businesses": received 6 + carried over 1 = 7, but total handled 5 + carried forward 1 = 6, a difference of 1. By the relation stated in the table header, items 1 + 2 must equal item 3 (7) total + item 4; check these numbers.',
    );
    expect(fs[1].message).toBe('表三“一、本年新收政府信息公开申请数量”行：自然人与各类法人或其他组织之和为 32，但总计填写 31，相差 1。');
  });

  it('T3-BALANCE: the 总计 column, as in the format’s header note', async () => {
    const fs = await findingsFor({
      ...t3Values({ NAT: { NEW: 12, CARRY: 1, OPEN: 9, TOTAL: 9, CARRYOUT: 3 } }),
      TXT_OVERVIEW: PLAIN_OVERVIEW,
    });
    expect(rulesOf(fs)).toEqual(['T3-BALANCE', 'T3-BALANCE']);
    expect(fs.map((f) => f.message)).toEqual([
      '表三“自然人”列：本年新收 12 + 上年结转 1 = 13，但办理结果总计 9 + 结转下年度 3 = 12，相差 1。按表头注明的勾稽关系，第一项加第二项之和应等于第三项（七）总计加第四项之和，请核对。',
      '表三“总计”列：本年新收 12 + 上年结转 1 = 13，但办理结果总计 9 + 结转下年度 3 = 12，相差 1。按表头注明的勾稽关系，第一项加第二项之和应等于第三项（七）总计加第四项之和，请核对。',
    ]);
  });

  it('T3-RESULTS: results (1)–(6) ≠ (7) total', async () => {
    const fs = await findingsFor({ T3_OPEN_NGO: 2 });
    // sorted top to bottom: the 予以公开 row (7) before the 总计 row (28)
    expect(fs.map(brief)).toEqual([
      expect.objectContaining({ rule: 'T3-ROWSUM', cells: expect.arrayContaining([`T3_OPEN_SUM@${T3}!J7`]) }),
      {
        rule: 'T3-RESULTS',
        severity: 'error',
        cells: [`T3_TOTAL_NGO@${T3}!G28`, `T3_OPEN_NGO@${T3}!G7`, `T3_PARTIAL_NGO@${T3}!G8`],
        values: { T3_TOTAL_NGO: 1, T3_OPEN_NGO: 2, T3_PARTIAL_NGO: 0, lhs: 2, rhs: 1, absDiff: 1 },
      },
    ]);
    fs.shift();
    expect(fs[0].message).toBe('表三“社会公益组织”列：办理结果（一）至（六）各项之和为 2，但（七）总计填写 1，相差 1。请核对各项办理结果和总计。');
  });

  it('T3-ROWSUM: the applicant columns ≠ 总计', async () => {
    const fs = await findingsFor({ T3_DENY_LAW_SUM: 1 });
    expect(rulesOf(fs)).toEqual(['T3-ROWSUM', 'T3-RESULTS']);
    expect(brief(fs[0])).toMatchObject({ severity: 'error', values: { lhs: 0, rhs: 1, absDiff: 1 } });
    expect(fs[0].cells[0]).toEqual({ name: 'T3_DENY_LAW_SUM', sheet: T3, address: 'J10' });
    expect(fs[0].message).toBe('表三“（三）不予公开·2.其他法律行政法规禁止公开”行：自然人与各类法人或其他组织之和为 0，但总计填写 1，相差 1。');
  });

  it('T3-BOUNDS: total handled above received + carried over, where the column balances', async () => {
    const fs = await findingsFor({ T3_CARRYOUT_RES: -1, T3_TOTAL_RES: 1, T3_OPEN_RES: 1 });
    const bounds = fs.filter((f) => f.rule === 'T3-BOUNDS');
    expect(bounds.map(brief)).toEqual([
      {
        rule: 'T3-BOUNDS',
        severity: 'error',
        cells: [`T3_TOTAL_RES@${T3}!F28`, `T3_NEW_RES@${T3}!F5`, `T3_CARRY_RES@${T3}!F6`],
        values: { T3_TOTAL_RES: 1, T3_NEW_RES: 0, T3_CARRY_RES: 0, lhs: 1, rhs: 0, diff: 1, absDiff: 1 },
      },
    ]);
    expect(bounds[0].message).toBe('表三“科研机构”列：办理结果总计 1 超过了本年新收与上年结转之和 0（多 1）。办理的申请不能多于收到的申请。');
    expect(rulesOf(fs).sort()).toEqual(['CELL-NONNEG', 'T3-BOUNDS', 'T3-ROWSUM', 'T3-ROWSUM', 'T3-ROWSUM']);
  });

  it('T3-BOUNDS: carried forward above received + carried over', async () => {
    const fs = await findingsFor({ T3_CARRYOUT_RES: 1, T3_TOTAL_RES: -1, T3_OPEN_RES: -1 });
    const bounds = fs.filter((f) => f.rule === 'T3-BOUNDS');
    expect(bounds.map(brief)).toEqual([
      {
        rule: 'T3-BOUNDS',
        severity: 'error',
        cells: [`T3_CARRYOUT_RES@${T3}!F29`, `T3_NEW_RES@${T3}!F5`, `T3_CARRY_RES@${T3}!F6`],
        values: { T3_CARRYOUT_RES: 1, T3_NEW_RES: 0, T3_CARRY_RES: 0, lhs: 1, rhs: 0, diff: 1, absDiff: 1 },
      },
    ]);
    expect(bounds[0].message).toBe('表三“科研机构”列：结转下年度 1 超过了本年新收与上年结转之和 0（多 1）。结转的申请不能多于收到的申请。');
  });

  it('T3-BOUNDS: not reported on top of T3-BALANCE for the same column', async () => {
    const fs = await findingsFor({ T3_TOTAL_NGO: 5, T3_OPEN_NGO: 5, T3_OPEN_SUM: 21, T3_TOTAL_SUM: 35 });
    expect(rulesOf(fs)).toEqual(['T3-BALANCE', 'T3-BALANCE']);
  });

  it('T3-BOUNDS: still checks the total when the carried-forward cell is blank', async () => {
    const fs = await findingsFor({ T3_CARRYOUT_NGO: null, T3_TOTAL_NGO: 2, T3_OPEN_NGO: 2, T3_OPEN_SUM: 18, T3_TOTAL_SUM: 32 });
    // T3-BALANCE of the 总计 column (J5) is real; the NGO balance is skipped (blank cell), its bound is not
    expect(rulesOf(fs)).toEqual(['T3-BALANCE', 'T3-BOUNDS', 'CELL-REQUIRED']);
    expect(fs[0].cells[0].name).toBe('T3_NEW_SUM');
    expect(fs[1].values).toEqual({ T3_TOTAL_NGO: 2, T3_NEW_NGO: 1, T3_CARRY_NGO: 0, lhs: 2, rhs: 1, diff: 1, absDiff: 1 });
  });

  it('T3-CARRYOUT-HIGH: more than half of the new requests carried forward', async () => {
    const fs = await findingsFor({
      ...t3Values({ NAT: { NEW: 4, OPEN: 1, TOTAL: 1, CARRYOUT: 3 } }),
      TXT_OVERVIEW: PLAIN_OVERVIEW,
    });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'T3-CARRYOUT-HIGH',
        severity: 'warning',
        cells: [`T3_CARRYOUT_SUM@${T3}!J29`, `T3_NEW_SUM@${T3}!J5`],
        values: { T3_CARRYOUT_SUM: 3, T3_NEW_SUM: 4, value: 3, diff: 2 },
      },
    ]);
    expect(fs[0].message).toBe(
      '表三结转下年度继续办理 3 件，超过本年新收 4 件的一半。申请一般应在 20 个工作日（延长后 40 个工作日）内答复，请确认结转数是否填在了正确的行。',
    );
  });
});

describe('表四', () => {
  it('T4-SUM: upheld + corrected + other + pending ≠ total', async () => {
    const fs = await findingsFor({ T4_AFTER_OTHER: 1 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'T4-SUM',
        severity: 'error',
        cells: ['T4_AFTER_TOTAL@表四复议诉讼!O5', 'T4_AFTER_UPHELD@表四复议诉讼!K5', 'T4_AFTER_CORRECTED@表四复议诉讼!L5', 'T4_AFTER_OTHER@表四复议诉讼!M5', 'T4_AFTER_PENDING@表四复议诉讼!N5'],
        values: { T4_AFTER_TOTAL: 0, T4_AFTER_UPHELD: 0, T4_AFTER_CORRECTED: 0, T4_AFTER_OTHER: 1, T4_AFTER_PENDING: 0, lhs: 1, rhs: 0, absDiff: 1 },
      },
    ]);
    expect(fs[0].message).toBe('表四“行政诉讼·复议后起诉”：结果维持 0 + 结果纠正 0 + 其他结果 1 + 尚未审结 0 = 1，但总计填写 0，相差 1。');
  });

  it('T4-CORRECTED-TEXT: corrected decisions, problems section silent about correction', async () => {
    const fs = await findingsFor({ T4_REVIEW_UPHELD: 0, T4_REVIEW_CORRECTED: 1 });
    expect(fs.map((f) => [f.rule, f.severity, f.cells[0].name])).toEqual([['T4-CORRECTED-TEXT', 'warning', 'TXT_PROBLEMS']]);
    expect(fs[0].values).toMatchObject({ T4_REVIEW_CORRECTED: 1, lhs: 1 });
    expect(fs[0].message).toMatch(/^表四有 1 件复议或诉讼结果为“纠正”/);
    const explained = await findingsFor({
      T4_REVIEW_UPHELD: 0,
      T4_REVIEW_CORRECTED: 1,
      TXT_PROBLEMS: '一起行政复议案件被纠正，已对答复程序进行整改。今后将加强审核。',
    });
    expect(explained).toEqual([]);
  });
});

describe('表二', () => {
  it('T2-STOCK: issued > in force + repealed', async () => {
    const fs = await findingsFor({ T2_NORM_ISSUED: 50 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'T2-STOCK',
        severity: 'warning',
        cells: ['T2_NORM_ISSUED@表二主动公开!B5', 'T2_NORM_REPEALED@表二主动公开!C5', 'T2_NORM_VALID@表二主动公开!D5'],
        values: { T2_NORM_ISSUED: 50, T2_NORM_REPEALED: 2, T2_NORM_VALID: 40, rhs: 42, diff: 8 },
      },
    ]);
    expect(fs[0].message).toBe('表二行政规范性文件：本年制发 50 件，多于现行有效 40 件与本年废止 2 件之和 42。本年制发的文件应现行有效，或已废止、宣布失效（含有效期届满）；请核对。');
  });

  it('T2-RULE-POWER: 规章 reported by a unit without rule-making power', async () => {
    const fs = await findingsFor({ T2_RULE_VALID: 3 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'T2-RULE-POWER',
        severity: 'error',
        cells: ['T2_RULE_ISSUED@表二主动公开!B4', 'T2_RULE_REPEALED@表二主动公开!C4', 'T2_RULE_VALID@表二主动公开!D4'],
        values: { T2_RULE_ISSUED: 0, T2_RULE_REPEALED: 0, T2_RULE_VALID: 3, absDiff: 3 },
      },
    ]);
    expect(await findingsFor({ T2_RULE_VALID: 3, INFO_UNIT_TYPE: '设区的市级人民政府' })).toEqual([]);
  });

  it('T2-FEE-UNIT: an amount in yuan instead of 万元', async () => {
    const fs = await findingsFor({ T2_FEE: 256000 });
    expect(fs.map(brief)).toEqual([
      { rule: 'T2-FEE-UNIT', severity: 'warning', cells: ['T2_FEE@表二主动公开!B15'], values: { T2_FEE: 256000, diff: 256000 } },
    ]);
    expect(await findingsFor({ T2_FEE: 25600, INFO_UNIT_TYPE: '市级政府部门' })).toEqual([]);
    expect(rulesOf(await findingsFor({ T2_FEE: 256000, INFO_UNIT_TYPE: '市级政府部门' }))).toEqual(['T2-FEE-UNIT']);
  });
});

describe('工作指标', () => {
  it('W-HOTLINE-SUM', async () => {
    const fs = await findingsFor({ W_HOTLINE_OTHER: 50 });
    expect(rulesOf(fs)).toEqual(['W-HOTLINE-SUM']);
    expect(brief(fs[0])).toMatchObject({ severity: 'error', values: { lhs: 1210, rhs: 1200, absDiff: 10 } });
    expect(fs[0].cells[0]).toEqual({ name: 'W_HOTLINE_TOTAL', sheet: '工作指标', address: 'B19' });
    expect(fs[0].message).toBe('工作指标：12345 热线投诉 500 + 咨询 400 + 求助 200 + 建议 60 + 举报 0 + 其他 50 = 1210，但受理工单总数填写 1200，相差 10。');
  });

  it('W-HOTLINE-CLOSED', async () => {
    const fs = await findingsFor({ W_HOTLINE_CLOSED: 1300 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'W-HOTLINE-CLOSED',
        severity: 'error',
        cells: ['W_HOTLINE_CLOSED@工作指标!B26', 'W_HOTLINE_TOTAL@工作指标!B19'],
        values: { W_HOTLINE_CLOSED: 1300, W_HOTLINE_TOTAL: 1200, lhs: 1300, rhs: 1200, diff: 100 },
      },
    ]);
    expect(fs[0].message).toBe('工作指标：工单办结 1300 件，多于受理工单 1200 件。办结数不能超过受理数。');
  });

  it('W-PRESS-LEADER', async () => {
    const fs = await findingsFor({ W_PRESS_LEADER: 7 });
    expect(rulesOf(fs)).toEqual(['W-PRESS-LEADER']);
    expect(fs[0].values).toEqual({ W_PRESS_LEADER: 7, W_PRESS: 6, lhs: 7, rhs: 6, diff: 1 });
  });

  it('W-INTERP-PART, without W-INTERP-OVERLAP noise', async () => {
    const fs = await findingsFor({ W_INTERP_GRAPHIC: 31 });
    expect(fs.map(brief)).toEqual([
      {
        rule: 'W-INTERP-PART',
        severity: 'error',
        cells: ['W_INTERP_GRAPHIC@工作指标!B10', 'W_INTERP_TOTAL@工作指标!B8'],
        values: { W_INTERP_GRAPHIC: 31, W_INTERP_TOTAL: 30, lhs: 31, rhs: 30, diff: 1 },
      },
    ]);
    expect(fs[0].message).toBe('工作指标：政策解读中“图表图解”31 篇，多于政策解读总数 30 篇。“其中”项不能超过总数。');
  });

  it('W-INTERP-OVERLAP: forms add up to more than the total', async () => {
    const fs = await findingsFor({ W_INTERP_LEADER: 10, W_INTERP_GRAPHIC: 12, W_INTERP_VIDEO: 5, W_INTERP_MEDIA: 8 });
    expect(rulesOf(fs)).toEqual(['W-INTERP-OVERLAP']);
    expect(fs[0].severity).toBe('info');
    expect(fs[0].values).toMatchObject({ lhs: 35, rhs: 30 });
  });

  it('W-TRAIN-PERSONS: one zero, the other not', async () => {
    expect(rulesOf(await findingsFor({ W_TRAIN: 0 }))).toEqual(['W-TRAIN-PERSONS']);
    const fs = await findingsFor({ W_TRAIN_PERSONS: 0 });
    expect(fs.map(brief)).toEqual([
      { rule: 'W-TRAIN-PERSONS', severity: 'warning', cells: ['W_TRAIN@工作指标!B27', 'W_TRAIN_PERSONS@工作指标!B28'], values: { W_TRAIN: 3, W_TRAIN_PERSONS: 0 } },
    ]);
    expect(fs[0].message).toBe('工作指标：政务公开培训 3 次，培训人次 0。两者应同时为 0 或同时大于 0，请核对。');
    expect(await findingsFor({ W_TRAIN: 0, W_TRAIN_PERSONS: 0 })).toEqual([]);
    expect(rulesOf(await findingsFor({ W_TRAIN: 'XX' }))).toEqual(['CELL-NUMBER']);
  });
});

describe('文字部分', () => {
  it('TXT-REQUIRED: empty or shorter than a sentence (not CELL-REQUIRED as well)', async () => {
    const fs = await findingsFor({ TXT_PROBLEMS: '无。', TXT_OVERVIEW: null });
    expect(fs.map(brief)).toEqual([
      { rule: 'TXT-REQUIRED', severity: 'error', cells: ['TXT_OVERVIEW@文字部分!B3'], values: { TXT_OVERVIEW: null, length: 0 } },
      { rule: 'TXT-REQUIRED', severity: 'error', cells: ['TXT_PROBLEMS@文字部分!B4'], values: { TXT_PROBLEMS: '无。', length: 1 } },
    ]);
    expect(fs[1].message).toBe('文字部分“五、存在的主要问题及改进情况”为空或过短（1 个字）。请用完整的句子填写；确实没有内容的，写明“本年度无……”。');
  });

  it('TXT-PLACEHOLDER: template residue', async () => {
    const fs = await findingsFor({ TXT_OTHER: '本年度办理人大代表建议XX件，政协提案20XX年度完成。' });
    expect(fs.map((f) => [f.rule, f.severity, f.cells[0].name, f.values.match])).toEqual([['TXT-PLACEHOLDER', 'error', 'TXT_OTHER', 'XX件']]);
    expect(fs[0].message).toBe('文字部分“六、其他需要报告的事项”中有未替换的模板文字“XX件”。请改为实际数字或内容。');
    expect((await findingsFor({ TXT_OTHER: '本年度无其他事项，见20XX年报告。' }))[0].values.match).toBe('20XX');
    // an anonymised place name is not template residue
    expect(await findingsFor({ TXT_OTHER: '本年度XX市无其他需要报告的事项。' })).toEqual([]);
  });

  it('TXT-NUMBERS: a figure in the overview differs from the table', async () => {
    const fs = await findingsFor({
      TXT_OVERVIEW: '本年度共收到政府信息公开申请30件，上年结转申请3件，结转下年度继续办理三件。发生行政复议2件，行政诉讼2起。纳入绩效考核。',
    });
    expect(fs.map((f) => [f.rule, f.severity, f.cells.map((c) => c.name), f.values.stated, f.values.table])).toEqual([
      ['TXT-NUMBERS', 'warning', ['TXT_OVERVIEW', 'T3_NEW_SUM', 'T3_CARRY_SUM'], 30, 31],
      ['TXT-NUMBERS', 'warning', ['TXT_OVERVIEW', 'T4_DIRECT_TOTAL', 'T4_AFTER_TOTAL'], 2, 1],
    ]);
    expect(fs[0].message).toBe(
      '文字部分“一、总体情况”中“本年度共收到政府信息公开申请30件，上年结转申请3件，结转下年度继续办理三件。”一句所述“本年度共收到政府信息公开申请30件”为 30 件，' +
        '而表三“一、本年新收政府信息公开申请数量”总计为 31 件，与表三“二、上年结转政府信息公开申请数量”总计 3 件合计 34 件。请核对并统一文字与表格。',
    );
    expect(fs[1].message).toBe(
      '文字部分“一、总体情况”中“发生行政复议2件，行政诉讼2起。”一句所述“行政诉讼2起”为 2 起，而表四“行政诉讼”两组总计（未经复议直接起诉与复议后起诉之和）为 1 件。请核对并统一文字与表格。',
    );
  });

  it('TXT-NO-REVIEW: text says none while 表四 has cases, and the reverse', async () => {
    const denied = await findingsFor({ TXT_OVERVIEW: '本年度共收到政府信息公开申请31件。本年度未发生政府信息公开行政复议，行政诉讼1件。纳入绩效考核。' });
    expect(denied.map((f) => [f.rule, f.severity, f.values.phrase, f.values.table])).toEqual([
      ['TXT-NO-REVIEW', 'warning', '未发生政府信息公开行政复议', 2],
    ]);
    expect(denied[0].message).toBe(
      '文字部分“一、总体情况”中“本年度未发生政府信息公开行政复议，行政诉讼1件。”一句写“未发生政府信息公开行政复议”，而表四“行政复议·总计”为 2 件。请核对并统一文字与表格。',
    );
    const zeros = { T4_REVIEW_UPHELD: 0, T4_REVIEW_PENDING: 0, T4_REVIEW_TOTAL: 0, T4_DIRECT_UPHELD: 0, T4_DIRECT_TOTAL: 0 };
    const reverse = await findingsFor({ ...zeros, TXT_OVERVIEW: '本年度共收到政府信息公开申请31件。本年度发生行政复议案件，已依法办理。纳入绩效考核。' });
    expect(reverse.map((f) => [f.rule, f.values.phrase, f.values.table])).toEqual([['TXT-NO-REVIEW', '发生行政复议', 0]]);
    expect(await findingsFor({ ...zeros, TXT_OVERVIEW: '本年度共收到政府信息公开申请31件。本年度未发生行政复议和行政诉讼。纳入绩效考核。' })).toEqual([]);
  });

  it('TXT-FEE: empty, or contradicting FEE_YUAN', async () => {
    const empty = await findingsFor({ TXT_FEE: null });
    expect(empty.map(brief)).toEqual([
      { rule: 'TXT-FEE', severity: 'warning', cells: ['TXT_FEE@文字部分!B6'], values: { TXT_FEE: null, length: 0 } },
    ]);
    const none = await findingsFor({ FEE_YUAN: 200 });
    expect(none.map((f) => [f.rule, f.values.match, f.values.value])).toEqual([['TXT-FEE', '未收取', 200]]);
    expect(none[0].message).toBe('信息处理费收取情况写“未收取”，但本年收取信息处理费金额填写 200 元。请统一两处。');
    const charged = await findingsFor({ TXT_FEE: '本年度收取信息处理费共计300元，涉及2件申请。' });
    expect(charged.map((f) => [f.rule, f.values.number, f.values.value])).toEqual([['TXT-FEE', 300, 0]]);
    expect(await findingsFor({ TXT_FEE: '本年度收取信息处理费共计300元。', FEE_YUAN: 300 })).toEqual([]);
  });
});
