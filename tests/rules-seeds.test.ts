/**
 * Cases taken from real annual summaries (../shared/seeds), entered into the standard workbook the
 * way a unit would, and what a reviewer expects to be told. Also: one root cause, one finding;
 * the order of findings; the language.
 */
import { SHEETS } from '../src/core/catalogue';
import { brief, findingsFor, NOW, rulesOf, t3Values, validator } from './helpers/rules';
import { cleanValues, snapshotFrom } from './helpers/snapshot';

const T3 = '表三依申请公开';
const W = '工作指标';

/** The 高新区 summary: "本年度线上收到依申请3件，予以公开2件。" and the 12345 sentence with "XX". */
const HIGH_TECH_OVERVIEW =
  '2023年高新区政务公开网共发布信息201条。本年度线上收到依申请3件，予以公开2件。' +
  '全年累计受理12345电子工单XX件，并全部办理完毕。其中投诉类电子工单951件，咨询类电子工单XX件，求助类XX件，建议类78件。';

describe('seed cases', () => {
  it('高新区: 3 applications received but only 2 outcomes; 12345 counts written as "XX"', async () => {
    const fs = await findingsFor({
      INFO_UNIT_TYPE: '开发区（园区）管委会',
      ...t3Values({ NAT: { NEW: 3, OPEN: 2, TOTAL: 2 } }),
      T4_REVIEW_UPHELD: 0, T4_REVIEW_PENDING: 0, T4_REVIEW_TOTAL: 0, T4_DIRECT_UPHELD: 0, T4_DIRECT_TOTAL: 0,
      W_HOTLINE_TOTAL: 'XX件',
      W_HOTLINE_COMPLAINT: 951,
      W_HOTLINE_INQUIRY: 'XX件',
      W_HOTLINE_HELP: 'XX件',
      W_HOTLINE_SUGGEST: 78,
      W_HOTLINE_OTHER: 0,
      W_HOTLINE_CLOSED: 'XX件',
      TXT_OVERVIEW: HIGH_TECH_OVERVIEW,
    });
    expect(fs.map((f) => [f.rule, f.severity, f.cells[0] && `${f.cells[0].sheet}!${f.cells[0].address}`])).toEqual([
      ['T3-BALANCE', 'error', `${T3}!D5`],
      ['T3-BALANCE', 'error', `${T3}!J5`],
      ['CELL-NUMBER', 'error', `${W}!B19`],
      ['CELL-NUMBER', 'error', `${W}!B21`],
      ['CELL-NUMBER', 'error', `${W}!B22`],
      ['CELL-NUMBER', 'error', `${W}!B26`],
      ['TXT-PLACEHOLDER', 'error', '文字部分!B3'],
    ]);
    expect(fs[1].message).toBe(
      '表三“总计”列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 2 + 结转下年度 0 = 2，相差 1。按表头注明的勾稽关系，第一项加第二项之和应等于第三项（七）总计加第四项之和，请核对。',
    );
    expect(fs[2].message).toBe('“12345热线等政民互动受理工单（件）”填写的是占位符“XX件”。请填写实际数字；没有发生的填写 0。');
    expect(fs[6].values.match).toBe('XX件');
    // the hotline sum and the closed-tickets bound use the "XX" cells: skipped, not reported
    expect(rulesOf(fs)).not.toContain('W-HOTLINE-SUM');
    expect(rulesOf(fs)).not.toContain('W-HOTLINE-CLOSED');
  });

  it('省人社厅: "受理办理依申请公开230余件", "公开信息9500余条", "主动回应信息280余条"', async () => {
    const fs = await findingsFor({ T3_NEW_SUM: '230余', W_PUB_TOTAL: '9500余', W_RESPONSE: '280余' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-APPROX', severity: 'error', cells: [`T3_NEW_SUM@${T3}!J5`], values: { T3_NEW_SUM: '230余' } },
      { rule: 'CELL-APPROX', severity: 'error', cells: [`W_PUB_TOTAL@${W}!B3`], values: { W_PUB_TOTAL: '9500余' } },
      { rule: 'CELL-APPROX', severity: 'error', cells: [`W_RESPONSE@${W}!B13`], values: { W_RESPONSE: '280余' } },
    ]);
    expect(fs[0].message).toBe('“一、本年新收政府信息公开申请数量 · 总计”填写的是约数“230余”。请核实后填写准确数字。');
  });

  it('镇: "主动公开信息近400多条"', async () => {
    const fs = await findingsFor({ W_PUB_TOTAL: '近400多' });
    expect(rulesOf(fs)).toEqual(['CELL-APPROX']);
  });
});

describe('one root cause, one finding', () => {
  it('a placeholder in 办理结果总计 is reported once; no balance, results, row or bound finding', async () => {
    const fs = await findingsFor({ T3_TOTAL_SUM: 'XX' });
    expect(fs.map(brief)).toEqual([
      { rule: 'CELL-NUMBER', severity: 'error', cells: [`T3_TOTAL_SUM@${T3}!J28`], values: { T3_TOTAL_SUM: 'XX' } },
    ]);
  });

  it('a dash in a column reported once per cell, nothing else', async () => {
    const fs = await findingsFor({ T3_NEW_RES: '/', T3_CARRY_RES: '—', T3_TOTAL_RES: '无' });
    expect(rulesOf(fs)).toEqual(['CELL-NUMBER', 'CELL-NUMBER', 'CELL-NUMBER']);
  });

  it('a text-number takes part in the sums with its value', async () => {
    expect(rulesOf(await findingsFor({ T3_NEW_SUM: '31' }))).toEqual(['CELL-TEXTNUM']);
    expect(rulesOf(await findingsFor({ T3_NEW_SUM: '32' }))).toEqual(['T3-BALANCE', 'T3-ROWSUM', 'CELL-TEXTNUM', 'TXT-NUMBERS']);
  });
});

describe('an untouched template', () => {
  it('reports each required blank once, the narrative sections, nothing arithmetic', async () => {
    const blank = Object.fromEntries(Object.keys(cleanValues()).map((k) => [k, null]));
    const report = await validator.validate(snapshotFrom(blank), { now: NOW });
    const counts: Record<string, number> = {};
    for (const f of report.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    // one finding per blank table (表二 表三 表四 工作指标, every cell marked), 7 blank cells of 基本信息
    // (INFO_PARENT is optional) and FEE_YUAN; the 3 narrative sections are TXT-REQUIRED
    expect(counts).toEqual({ 'CELL-REQUIRED': 12, 'TXT-REQUIRED': 3, 'TXT-FEE': 1 });
    expect(report.findings.filter((f) => f.rule === 'CELL-REQUIRED').map((f) => f.cells.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 10, 175, 15, 28, 1]);
    expect(report.counts).toEqual({ error: 15, warning: 1, info: 0 });
    expect(report.unit).toEqual({ name: null, code: null, type: null, year: null });
  });
});

describe('order and language', () => {
  it('sorts by the workbook’s sheet order, then row, then column', async () => {
    const values = { ...cleanValues(), W_PRESS: 'XX', T2_LICENSE: '/', INFO_CONTACT: null, T3_OPEN_LAW: '—', T3_NEW_LAW: '无' };
    const normal = await validator.validate(snapshotFrom(values), { now: NOW });
    expect(normal.findings.map((f) => f.cells[0].name)).toEqual(['INFO_CONTACT', 'T2_LICENSE', 'T3_NEW_LAW', 'T3_OPEN_LAW', 'W_PRESS']);
    const reordered = snapshotFrom(values);
    reordered.sheetOrder = [...SHEETS.map((s) => s.name)].reverse();
    const rev = await validator.validate(reordered, { now: NOW });
    expect(rev.findings.map((f) => f.cells[0].name)).toEqual(['W_PRESS', 'T3_NEW_LAW', 'T3_OPEN_LAW', 'T2_LICENSE', 'INFO_CONTACT']);
  });

  it('message follows the locale; messages holds both', async () => {
    const report = await validator.validate(snapshotFrom({ ...cleanValues(), W_PRESS_LEADER: 7 }), { now: NOW, locale: 'en' });
    expect(report.findings[0].message).toBe('Work indicators: the head attended 7 press conferences, more than the 6 held.');
    expect(report.findings[0].messages['zh-CN']).toBe('工作指标：主要负责人出席 7 场，多于新闻发布会总数 6 场。“其中”项不能超过总数。');
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
  });
});
