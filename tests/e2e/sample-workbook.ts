/**
 * A filled-in standard workbook for the fake Excel host, laid out from the catalogue (defined names
 * on the template's cells). The figures are a plausible county department's report with three
 * deliberate problems: the 表三 row total of NEW is 13 instead of 12 (T3-ROWSUM, and the SUM column
 * no longer balances), 新闻发布会 is the text "12" (CELL-TEXTNUM), and the interpretation forms add
 * up to more than the total (W-INTERP-OVERLAP).
 */
import {
  INDICATORS,
  SHEETS,
  T3_COLUMNS,
  TEMPLATE_ID,
  TEMPLATE_ID_ADDRESS,
  TEMPLATE_ID_NAME,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_ADDRESS,
  TEMPLATE_VERSION_NAME,
  sheetSpec,
  t3Name,
} from '../../src/core/catalogue';
import { creditCodeCheckChar } from '../../src/core/rules/credit-code';
import type { FakeCellData, FakeModel, FakeValue } from './fake-excel';

const CODE17 = '11340000MB0000001';
export const SAMPLE_CREDIT_CODE = CODE17 + creditCodeCheckChar(CODE17);

const T3_NEW = [5, 3, 1, 0, 2, 1];

function sampleValues(): Record<string, FakeValue | FakeCellData> {
  const v: Record<string, FakeValue | FakeCellData> = {
    INFO_UNIT_NAME: '某某县人民政府办公室',
    INFO_UNIT_TYPE: '县级政府部门',
    INFO_UNIT_CODE: SAMPLE_CREDIT_CODE,
    INFO_PARENT: '某某县人民政府',
    INFO_YEAR: 2024,
    INFO_CONTACT: '张三',
    INFO_PHONE: '0551-62345678',
    INFO_DATE: { value: 45667, numberFormat: 'yyyy-mm-dd' },
    T2_NORM_ISSUED: 2,
    T2_NORM_REPEALED: 1,
    T2_NORM_VALID: 10,
    W_PUB_TOTAL: 320,
    W_PUB_PORTAL: 300,
    W_PUB_WECHAT: 20,
    W_INTERP_TOTAL: 10,
    W_INTERP_LEADER: 3,
    W_INTERP_GRAPHIC: 4,
    W_INTERP_VIDEO: 2,
    W_INTERP_MEDIA: 3,
    W_RESPONSE: 15,
    W_PRESS: { value: '12', numberFormat: '@' },
    W_PRESS_LEADER: 2,
    W_HOTLINE_TOTAL: 30,
    W_HOTLINE_COMPLAINT: 10,
    W_HOTLINE_INQUIRY: 12,
    W_HOTLINE_HELP: 3,
    W_HOTLINE_SUGGEST: 5,
    W_HOTLINE_OTHER: 0,
    W_HOTLINE_CLOSED: 30,
    W_TRAIN: 2,
    W_TRAIN_PERSONS: 80,
    W_STAFF_FULL: 1,
    W_STAFF_PART: 3,
    TXT_OVERVIEW: '本机关认真贯彻落实政府信息公开条例，健全工作机制，依法做好主动公开和依申请公开工作，政府信息公开工作取得新进展。',
    TXT_PROBLEMS: '信息发布的及时性还需提高，政策解读形式比较单一。下一步将加强培训，丰富解读形式，提升公开质量。',
    TXT_OTHER: '本年度无其他需要报告的事项。',
    TXT_FEE: '本年度未收取信息处理费。',
    FEE_YUAN: 0,
  };
  T3_COLUMNS.forEach((col, i) => {
    const n = i < T3_NEW.length ? T3_NEW[i] : 12;
    v[t3Name('NEW', col.key)] = col.key === 'SUM' ? 13 : n;
    v[t3Name('OPEN', col.key)] = n;
    v[t3Name('TOTAL', col.key)] = n;
  });
  return v;
}

export interface SampleOptions {
  apiMinor?: number;
  values?: Record<string, FakeValue | FakeCellData>;
  /** Build a workbook that is not the standard template (no defined names). */
  blank?: boolean;
}

export function sampleModel(opts: SampleOptions = {}): FakeModel {
  const model: FakeModel = {
    name: '某某县人民政府办公室2024年报.xlsx',
    sheets: SHEETS.map((s) => ({ name: s.name, cells: {} })),
    names: [],
    conditionalFormats: [],
    notes: [],
    settings: {},
    fills: {},
    apiMinor: opts.apiMinor ?? 18,
    insertedTemplates: 0,
  };
  if (opts.blank) {
    model.sheets = [{ name: 'Sheet1', cells: { A1: { value: '随便一张表' } } }];
    return model;
  }
  const put = (sheet: string, address: string, data: FakeValue | FakeCellData): void => {
    const s = model.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(sheet);
    const cell: FakeCellData = data !== null && typeof data === 'object' ? data : { value: data };
    s.cells[address] = cell;
  };
  const values = { ...sampleValues(), ...(opts.values ?? {}) };
  for (const ind of INDICATORS) {
    const sheet = sheetSpec(ind.sheet).name;
    model.names.push({ name: ind.name, formula: `=${sheet}!$${ind.address.replace(/(\d+)/, '$$$1')}` });
    const v = values[ind.name];
    put(sheet, ind.address, v === undefined ? (ind.kind === 'count' || ind.kind === 'amount' ? 0 : null) : v);
  }
  const info = sheetSpec('info').name;
  model.names.push({ name: TEMPLATE_ID_NAME, formula: `=${info}!$B$13` });
  model.names.push({ name: TEMPLATE_VERSION_NAME, formula: `=${info}!$B$14` });
  put(info, TEMPLATE_ID_ADDRESS, TEMPLATE_ID);
  put(info, TEMPLATE_VERSION_ADDRESS, TEMPLATE_VERSION);
  return model;
}
