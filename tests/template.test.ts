import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import {
  INDICATORS,
  REQUIRED_DEFINED_NAMES,
  SHEETS,
  T3_FIRST_ROW,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  UNIT_TYPES,
  indicator,
  sheetSpec,
} from '../src/core/catalogue';
import { buildTemplate, writeTemplate } from '../src/io/template-writer';

/** Sheet!$C$R with the sheet name unquoted, whatever quoting the writer chose. */
function normaliseRef(ref: string): string {
  const [sheet, addr] = ref.split('!');
  return `${sheet.replace(/^'(.*)'$/, '$1')}!${addr}`;
}

function absolute(address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  return `$${m[1]}$${m[2]}`;
}

async function loadExcelJS(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Value shown at a cell: the master's value for a merged cell. */
function shown(ws: ExcelJS.Worksheet, address: string): unknown {
  return ws.getCell(address).master.value;
}

function mergedTo(ws: ExcelJS.Worksheet, address: string): string {
  return ws.getCell(address).master.address;
}

let buf: Buffer;
let xwb: ExcelJS.Workbook;
let swb: XLSX.WorkBook;
const sheet = (key: Parameters<typeof sheetSpec>[0]) => xwb.getWorksheet(sheetSpec(key).name) as ExcelJS.Worksheet;

beforeAll(async () => {
  buf = await writeTemplate();
  xwb = await loadExcelJS(buf);
  swb = XLSX.read(buf);
});

describe('defined names', () => {
  it('carries exactly the catalogue names plus the two template markers, workbook-scoped', () => {
    const names = (swb.Workbook?.Names ?? []).filter((n) => !n.Name.startsWith('_xlnm.'));
    expect(names.map((n) => n.Name).sort()).toEqual([...REQUIRED_DEFINED_NAMES].sort());
    expect(names).toHaveLength(INDICATORS.length + 2);
    expect(names).toHaveLength(243);
    for (const n of names) expect(n.Sheet).toBeUndefined();
  });

  it('points every name at the catalogue sheet and address', () => {
    const refs = new Map((swb.Workbook?.Names ?? []).map((n) => [n.Name, normaliseRef(n.Ref)]));
    for (const ind of INDICATORS) {
      expect([ind.name, refs.get(ind.name)]).toEqual([ind.name, `${sheetSpec(ind.sheet).name}!${absolute(ind.address)}`]);
    }
    expect(refs.get('TEMPLATE_ID')).toBe('基本信息!$B$13');
    expect(refs.get('TEMPLATE_VERSION')).toBe('基本信息!$B$14');
    expect(refs.get('T3_NEW_NAT')).toBe('表三依申请公开!$D$5');
    expect(refs.get('T4_AFTER_TOTAL')).toBe('表四复议诉讼!$O$5');
  });

  it('writes the template markers as text', () => {
    const info = swb.Sheets['基本信息'];
    expect(info.B13).toMatchObject({ t: 's', v: TEMPLATE_ID });
    expect(info.B14).toMatchObject({ t: 's', v: TEMPLATE_VERSION });
    expect([TEMPLATE_ID, TEMPLATE_VERSION]).toEqual(['ZWGK-ANNUAL', '2025.1']);
  });

  it('has the sheets in catalogue order, the guide first', () => {
    expect(swb.SheetNames).toEqual(SHEETS.map((s) => s.name));
    expect(swb.SheetNames[0]).toBe('填报说明');
  });
});

describe('表三 labels and layout', () => {
  const OFFICIAL_ROWS = [
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '（一）予以公开',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
    '1.本机关不掌握相关政府信息',
    '2.没有现成信息需要另行制作',
    '3.补正后申请内容仍不明确',
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.其他',
    '（七）总计',
    '四、结转下年度继续办理',
  ];

  it('shows the 25 official row labels verbatim, at the level the official table puts them', () => {
    const ws = sheet('t3');
    const got = OFFICIAL_ROWS.map((_, i) => {
      const r = T3_FIRST_ROW + i;
      // Top-level items span A:C, 办理结果 items span B:C, numbered sub-items sit in C alone.
      const master = mergedTo(ws, `C${r}`);
      if (master === `A${r}`) return ['A', ws.getCell(master).value, master];
      if (master === `B${r}`) return ['B', ws.getCell(master).value, master];
      return ['C', ws.getCell(`C${r}`).value, `C${r}`];
    });
    expect(got.map((g) => g[1])).toEqual(OFFICIAL_ROWS);
    expect(got.map((g) => g[0]).join('')).toBe('AABBCCCCCCCCCCCCCCCCCCCBA');
  });

  it('puts the header note in the merged top-left cell and the applicant headers over the columns', () => {
    const ws = sheet('t3');
    expect(ws.getCell('A1').value).toBe('三、收到和处理政府信息公开申请情况');
    expect(ws.getCell('A2').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(mergedTo(ws, 'C4')).toBe('A2');
    expect(ws.getCell('D2').value).toBe('申请人情况');
    expect(mergedTo(ws, 'J2')).toBe('D2');
    expect(ws.getCell('D3').value).toBe('自然人');
    expect(mergedTo(ws, 'D4')).toBe('D3');
    expect(ws.getCell('E3').value).toBe('法人或其他组织');
    expect(mergedTo(ws, 'I3')).toBe('E3');
    expect(['E4', 'F4', 'G4', 'H4', 'I4'].map((a) => ws.getCell(a).value)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(ws.getCell('J3').value).toBe('总计');
    expect(mergedTo(ws, 'J4')).toBe('J3');
  });

  it('merges the result group labels vertically as in the official table', () => {
    const ws = sheet('t3');
    const span = (col: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, k) => mergedTo(ws, `${col}${from + k}`));
    expect(shown(ws, 'A7')).toBe('三、本年度办理结果');
    expect(new Set(span('A', 7, 28))).toEqual(new Set(['A7']));
    expect(mergedTo(ws, 'A29')).toBe('A29');
    const groups: Array<[string, number, number]> = [
      ['（三）不予公开', 9, 16],
      ['（四）无法提供', 17, 19],
      ['（五）不予处理', 20, 24],
      ['（六）其他处理', 25, 27],
    ];
    for (const [text, from, to] of groups) {
      expect([text, ws.getCell(`B${from}`).value]).toEqual([text, text]);
      expect(new Set(span('B', from, to))).toEqual(new Set([`B${from}`]));
      expect(mergedTo(ws, `B${to + 1}`)).not.toBe(`B${from}`);
    }
  });

  it('freezes the header rows and label columns and prints landscape', () => {
    const ws = sheet('t3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(sheet('t4').pageSetup.orientation).toBe('landscape');
  });
});

describe('表二 and 表四 headers', () => {
  it('draws the four 表二 blocks with 信息内容 header rows', () => {
    const ws = sheet('t2');
    const at = (a: string) => shown(ws, a);
    expect(at('A1')).toBe('二、主动公开政府信息情况');
    expect([at('A2'), at('A3'), at('B3'), at('C3'), at('D3'), at('A4'), at('A5')]).toEqual([
      '第二十条第（一）项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '行政规范性文件',
    ]);
    expect([at('A6'), at('A7'), at('B7'), at('A8')]).toEqual(['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可']);
    expect([at('A9'), at('A10'), at('B10'), at('A11'), at('A12')]).toEqual([
      '第二十条第（六）项',
      '信息内容',
      '本年处理决定数量',
      '行政处罚',
      '行政强制',
    ]);
    expect([at('A13'), at('A14'), at('B14'), at('A15')]).toEqual([
      '第二十条第（八）项',
      '信息内容',
      '本年收费金额（单位：万元）',
      '行政事业性收费',
    ]);
    expect(mergedTo(ws, 'D2')).toBe('A2');
    expect(mergedTo(ws, 'D8')).toBe('B8');
  });

  it('draws 表四 with 行政复议 over 5 columns and 行政诉讼 over 10, split in two', () => {
    const ws = sheet('t4');
    expect(ws.getCell('A1').value).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(ws.getCell('A2').value).toBe('行政复议');
    expect(mergedTo(ws, 'E2')).toBe('A2');
    expect(ws.getCell('F2').value).toBe('行政诉讼');
    expect(mergedTo(ws, 'O2')).toBe('F2');
    expect(ws.getCell('F3').value).toBe('未经复议直接起诉');
    expect(mergedTo(ws, 'J3')).toBe('F3');
    expect(ws.getCell('K3').value).toBe('复议后起诉');
    expect(mergedTo(ws, 'O3')).toBe('K3');
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(['A3', 'B3', 'C3', 'D3', 'E3'].map((a) => ws.getCell(a).value)).toEqual(results);
    expect(mergedTo(ws, 'A4')).toBe('A3');
    expect('FGHIJKLMNO'.split('').map((c) => ws.getCell(`${c}4`).value)).toEqual([...results, ...results]);
  });
});

describe('input cells', () => {
  it('gives every input cell a data validation with a Chinese hint within Excel limits', () => {
    for (const ind of INDICATORS) {
      const dv = sheet(ind.sheet).getCell(ind.address).dataValidation;
      expect([ind.name, typeof dv?.prompt]).toEqual([ind.name, 'string']);
      expect(dv.showInputMessage).toBe(true);
      expect((dv.promptTitle ?? '').length).toBeLessThanOrEqual(32);
      expect((dv.prompt ?? '').length).toBeLessThanOrEqual(255);
      expect((dv.error ?? '').length).toBeLessThanOrEqual(225);
      expect(dv.prompt).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('validates counts, amounts, the unit type list, the year, the date and the code', () => {
    const dv = (name: string) => {
      const ind = indicator(name);
      if (!ind) throw new Error(name);
      return sheet(ind.sheet).getCell(ind.address).dataValidation;
    };
    expect(dv('T3_NEW_NAT')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, errorStyle: 'stop' });
    expect(dv('T4_REVIEW_TOTAL')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('W_HOTLINE_TOTAL')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('T2_FEE')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('T2_FEE').prompt).toContain('万元');
    expect(dv('FEE_YUAN')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('INFO_UNIT_TYPE')).toMatchObject({ type: 'list', formulae: [`"${UNIT_TYPES.join(',')}"`] });
    expect(dv('INFO_YEAR')).toMatchObject({ type: 'whole', operator: 'between', formulae: [2021, 2100] });
    expect(dv('INFO_DATE').type).toBe('date');
    expect(dv('INFO_UNIT_CODE')).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [18] });
    expect(dv('T3_NEW_BIZ').promptTitle).toBe('商业企业 · 一、本年新收政府信息公开申请数量');
  });

  it('protects every sheet without a password, unlocks inputs and keeps labels locked', () => {
    for (const spec of SHEETS) {
      const ws = xwb.getWorksheet(spec.name) as ExcelJS.Worksheet;
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      expect([spec.name, protection?.sheet]).toEqual([spec.name, true]);
      expect(protection?.hashValue).toBeUndefined();
      expect(protection?.password).toBeUndefined();
    }
    for (const ind of INDICATORS) {
      const cell = sheet(ind.sheet).getCell(ind.address);
      expect([ind.name, cell.protection?.locked]).toEqual([ind.name, false]);
      expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    }
    for (const [key, address] of [
      ['t3', 'C9'],
      ['t3', 'A2'],
      ['t2', 'A4'],
      ['t4', 'A3'],
      ['info', 'A3'],
      ['info', 'B13'],
      ['work', 'A3'],
    ] as const) {
      expect([key, address, sheet(key).getCell(address).protection?.locked]).not.toEqual([key, address, false]);
    }
  });

  it('makes the narrative cells wide, wrapped and tall', () => {
    const ws = sheet('text');
    const cell = ws.getCell(indicator('TXT_OVERVIEW')?.address ?? '');
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(80);
    expect(ws.getRow(Number(cell.row)).height).toBeGreaterThanOrEqual(150);
  });

  it('has a guide sheet that covers the filling rules', () => {
    const ws = sheet('guide');
    const text: string[] = [];
    ws.eachRow((row) => text.push(String(row.getCell(1).value ?? '')));
    const all = text.join('\n');
    for (const phrase of ['非负整数', '填 0', '“/”', '“XX”', '“若干”', '230余', '近50', '万元', '勾稽关系', '名称', '撤消工作表保护']) {
      expect([phrase, all.includes(phrase)]).toEqual([phrase, true]);
    }
  });
});

describe('options', () => {
  it('pre-fills the year and the unit name', async () => {
    const wb = XLSX.read(await writeTemplate({ year: 2025, unitName: '某市某区人民政府办公室' }));
    expect(wb.Sheets['基本信息'].B7).toMatchObject({ t: 'n', v: 2025 });
    expect(wb.Sheets['基本信息'].B3).toMatchObject({ t: 's', v: '某市某区人民政府办公室' });
  });

  it('round-trips numbers, text, dates, formulas with cached results and error values', async () => {
    const out = await writeTemplate({
      year: 2025,
      values: {
        T3_NEW_NAT: 12,
        T3_NEW_BIZ: '若干',
        T3_NEW_RES: '１２',
        T3_NEW_SUM: { formula: '=SUM(D5:I5)', result: 12 },
        T3_CARRY_NAT: { error: '#REF!' },
        T2_FEE: 12.35,
        INFO_DATE: new Date(Date.UTC(2026, 0, 15)),
        INFO_YEAR: null,
        INFO_UNIT_CODE: '911100001000000001',
        TEMPLATE_VERSION: '2019.1',
      },
    });
    const wb = XLSX.read(out, { cellDates: true });
    const t3 = wb.Sheets['表三依申请公开'];
    expect(t3.D5).toMatchObject({ t: 'n', v: 12 });
    expect(t3.E5).toMatchObject({ t: 's', v: '若干' });
    expect(t3.F5).toMatchObject({ t: 's', v: '１２' });
    expect(t3.J5).toMatchObject({ t: 'n', v: 12, f: 'SUM(D5:I5)' });
    expect(t3.D6).toMatchObject({ t: 'e', w: '#REF!' });
    expect(wb.Sheets['表二主动公开'].B15).toMatchObject({ t: 'n', v: 12.35 });
    const date = wb.Sheets['基本信息'].B10;
    expect(date.t).toBe('d');
    expect((date.v as Date).toISOString().slice(0, 10)).toBe('2026-01-15');
    expect(wb.Sheets['基本信息'].B7).toBeUndefined();
    expect(wb.Sheets['基本信息'].B5).toMatchObject({ t: 's', v: '911100001000000001' });
    expect(wb.Sheets['基本信息'].B14).toMatchObject({ t: 's', v: '2019.1' });
  });

  it('leaves out the names it is told to omit, and only those', async () => {
    const wb = XLSX.read(await writeTemplate({ omitNames: ['T3_TOTAL_SUM', 'TEMPLATE_VERSION'] }));
    const names = (wb.Workbook?.Names ?? []).map((n) => n.Name).filter((n) => !n.startsWith('_xlnm.'));
    expect(names).toHaveLength(241);
    expect(names).not.toContain('T3_TOTAL_SUM');
    expect(names).not.toContain('TEMPLATE_VERSION');
    expect(names).toContain('T3_TOTAL_NAT');
    expect(names).toContain('TEMPLATE_ID');
  });

  it('refuses a value for a name the catalogue does not know', async () => {
    await expect(buildTemplate({ values: { T3_NEW_XYZ: 1 } })).rejects.toThrow('T3_NEW_XYZ');
  });

  it('returns a workbook callers can extend before writing', async () => {
    const wb = await buildTemplate();
    wb.addWorksheet('合计');
    const read = XLSX.read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.SheetNames[read.SheetNames.length - 1]).toBe('合计');
    expect((read.Workbook?.Names ?? []).filter((n) => !n.Name.startsWith('_xlnm.'))).toHaveLength(243);
  });
});
