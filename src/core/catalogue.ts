/**
 * The indicator catalogue: the single source of truth for the standard workbook.
 *
 * Every indicator of ../shared/domain/indicators.md is listed here once, with its workbook-scoped
 * defined name, Chinese (and English) label, the sheet and cell where the standard template puts
 * it, its kind and whether it must be filled. The template writer, the readers, the rules, the
 * summary and the tests all derive from this list; nothing else hard-codes a cell.
 */

export const TEMPLATE_ID = 'ZWGK-ANNUAL';
export const TEMPLATE_VERSION = '2024.1';
/** Template versions this release can read and validate. */
export const KNOWN_TEMPLATE_VERSIONS: readonly string[] = [TEMPLATE_VERSION];
export const TEMPLATE_ID_NAME = 'TEMPLATE_ID';
export const TEMPLATE_VERSION_NAME = 'TEMPLATE_VERSION';

export type SheetKey = 'guide' | 'info' | 't2' | 't3' | 't4' | 'work' | 'text';

export interface SheetSpec {
  key: SheetKey;
  /** Sheet name in the standard template (not part of the contract: readers go by defined names). */
  name: string;
  nameEn: string;
}

/** Sheets of the standard template, in workbook order (findings are sorted in this order). */
export const SHEETS: readonly SheetSpec[] = [
  { key: 'guide', name: '填报说明', nameEn: 'Instructions' },
  { key: 'info', name: '基本信息', nameEn: 'Basic information' },
  { key: 't2', name: '表二主动公开', nameEn: 'Table 2 Proactive disclosure' },
  { key: 't3', name: '表三依申请公开', nameEn: 'Table 3 Requests' },
  { key: 't4', name: '表四复议诉讼', nameEn: 'Table 4 Review and litigation' },
  { key: 'work', name: '工作指标', nameEn: 'Work indicators' },
  { key: 'text', name: '文字部分', nameEn: 'Narrative' },
];

export function sheetSpec(key: SheetKey): SheetSpec {
  const spec = SHEETS.find((s) => s.key === key);
  if (!spec) throw new Error(`unknown sheet key ${key}`);
  return spec;
}

/**
 * count: non-negative whole number; amount: non-negative decimal (unit in `unit`);
 * text/code/year/date/choice as in indicators.md.
 */
export type IndicatorKind = 'count' | 'amount' | 'text' | 'code' | 'year' | 'date' | 'choice';

export type IndicatorGroup = 'INFO' | 'T2' | 'T3' | 'T4' | 'W' | 'TXT';

export interface Indicator {
  name: string;
  label: string;
  labelEn: string;
  group: IndicatorGroup;
  sheet: SheetKey;
  /** A1 address of the input cell in the standard template. */
  address: string;
  kind: IndicatorKind;
  required: boolean;
  /** Unit of an amount: 万元 or 元. */
  unit?: '万元' | '元';
  /** Allowed values of a choice. */
  choices?: readonly string[];
  /** 表三 row and column keys, 表四 group and result keys. */
  row?: string;
  col?: string;
}

/**
 * Unit types as the bodies that file a report are organised (条例 art. 49–50, 立法法 art. 80/82):
 * the levels of 人民政府 (with 设区的市 and 自治州 together, and the 地区行署/盟 that a province sends
 * out), 国务院部门, the 政府部门 of each level, 垂直管理机构 (税务、海关、气象、烟草、邮政… run from
 * above rather than by the local government), 乡镇/街道, 开发区, and 其他.
 */
export const UNIT_TYPES: readonly string[] = [
  '省级人民政府',
  '设区的市、自治州人民政府',
  '地区行政公署（盟行政公署）',
  '县级人民政府',
  '国务院部门',
  '省级政府部门',
  '市级政府部门',
  '县级政府部门',
  '垂直管理机构',
  '乡镇人民政府（街道办事处）',
  '开发区（园区）管委会',
  '其他',
];

/**
 * Labels that earlier templates offered, or that units type by hand, and the unit type they mean.
 * A workbook filled on an earlier template keeps reading as it did.
 */
export const UNIT_TYPE_ALIASES: Readonly<Record<string, string>> = {
  设区的市级人民政府: '设区的市、自治州人民政府',
  设区的市人民政府: '设区的市、自治州人民政府',
  自治州人民政府: '设区的市、自治州人民政府',
  地区行政公署: '地区行政公署（盟行政公署）',
  地区行署: '地区行政公署（盟行政公署）',
  盟行政公署: '地区行政公署（盟行政公署）',
  垂直管理部门: '垂直管理机构',
  乡镇人民政府: '乡镇人民政府（街道办事处）',
  街道办事处: '乡镇人民政府（街道办事处）',
  开发区管委会: '开发区（园区）管委会',
};

/** The listed unit type a text means ("乡镇人民政府(街道办事处)" with ASCII brackets or spaces, or an alias), else null. */
export function unitTypeOf(text: string): string | null {
  const t = text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  return UNIT_TYPES.find((u) => u === t) ?? UNIT_TYPE_ALIASES[t] ?? null;
}

/**
 * Unit types with the power to make 规章: 国务院部门 (部门规章, 立法法 art. 80) and the governments of
 * provinces, 设区的市 and 自治州 (地方政府规章, art. 82). The last is the summary's fallback type.
 */
export const RULE_MAKING_UNIT_TYPES: readonly string[] = ['国务院部门', '省级人民政府', '设区的市、自治州人民政府'];

/** 人民政府 types: their reports are due by 3月31日 (条例 art. 49) and cover 考核、评议、追究 (art. 50). */
export const GOVERNMENT_UNIT_TYPES: readonly string[] = ['省级人民政府', '设区的市、自治州人民政府', '地区行政公署（盟行政公署）', '县级人民政府'];

// ---------------------------------------------------------------- 基本信息

interface SimpleSpec {
  name: string;
  label: string;
  labelEn: string;
  kind: IndicatorKind;
  required: boolean;
  unit?: '万元' | '元';
  choices?: readonly string[];
}

const INFO_SPECS: readonly SimpleSpec[] = [
  { name: 'INFO_UNIT_NAME', label: '单位名称', labelEn: 'Unit name', kind: 'text', required: true },
  { name: 'INFO_UNIT_TYPE', label: '单位类型', labelEn: 'Unit type', kind: 'choice', required: true, choices: UNIT_TYPES },
  { name: 'INFO_UNIT_CODE', label: '统一社会信用代码', labelEn: 'Unified social credit code', kind: 'code', required: true },
  { name: 'INFO_PARENT', label: '汇总（上级）单位', labelEn: 'Parent (aggregating) unit', kind: 'text', required: false },
  { name: 'INFO_YEAR', label: '报告年度', labelEn: 'Report year', kind: 'year', required: true },
  { name: 'INFO_CONTACT', label: '填报人', labelEn: 'Contact person', kind: 'text', required: true },
  { name: 'INFO_PHONE', label: '联系电话', labelEn: 'Contact phone', kind: 'text', required: true },
  { name: 'INFO_DATE', label: '填报日期', labelEn: 'Date of filing', kind: 'date', required: true },
];
/** First row of the basic-information inputs (column B). */
export const INFO_FIRST_ROW = 3;
/** Where TEMPLATE_ID and TEMPLATE_VERSION live on the basic-information sheet. */
export const TEMPLATE_ID_ADDRESS = 'B13';
export const TEMPLATE_VERSION_ADDRESS = 'B14';

// ---------------------------------------------------------------- 表二

interface PlacedSpec extends SimpleSpec {
  address: string;
}

const T2_SPECS: readonly PlacedSpec[] = [
  { name: 'T2_RULE_ISSUED', label: '规章 · 本年制发件数', labelEn: 'Rules: issued this year', kind: 'count', required: true, address: 'B4' },
  { name: 'T2_RULE_REPEALED', label: '规章 · 本年废止件数', labelEn: 'Rules: repealed this year', kind: 'count', required: true, address: 'C4' },
  { name: 'T2_RULE_VALID', label: '规章 · 现行有效件数', labelEn: 'Rules: in force', kind: 'count', required: true, address: 'D4' },
  { name: 'T2_NORM_ISSUED', label: '行政规范性文件 · 本年制发件数', labelEn: 'Normative documents: issued this year', kind: 'count', required: true, address: 'B5' },
  { name: 'T2_NORM_REPEALED', label: '行政规范性文件 · 本年废止件数', labelEn: 'Normative documents: repealed this year', kind: 'count', required: true, address: 'C5' },
  { name: 'T2_NORM_VALID', label: '行政规范性文件 · 现行有效件数', labelEn: 'Normative documents: in force', kind: 'count', required: true, address: 'D5' },
  { name: 'T2_LICENSE', label: '行政许可 · 本年处理决定数量', labelEn: 'Administrative licences: decisions this year', kind: 'count', required: true, address: 'B8' },
  { name: 'T2_PENALTY', label: '行政处罚 · 本年处理决定数量', labelEn: 'Administrative penalties: decisions this year', kind: 'count', required: true, address: 'B11' },
  { name: 'T2_COERCE', label: '行政强制 · 本年处理决定数量', labelEn: 'Administrative coercion: decisions this year', kind: 'count', required: true, address: 'B12' },
  { name: 'T2_FEE', label: '行政事业性收费 · 本年收费金额（单位：万元）', labelEn: 'Administrative fees: amount this year (10,000 yuan)', kind: 'amount', unit: '万元', required: true, address: 'B15' },
];

// ---------------------------------------------------------------- 表三

export interface T3Column {
  key: string;
  label: string;
  labelEn: string;
}

/** 表三 applicant columns, in the order of the official table; SUM is 总计. */
export const T3_COLUMNS: readonly T3Column[] = [
  { key: 'NAT', label: '自然人', labelEn: 'natural persons' },
  { key: 'BIZ', label: '商业企业', labelEn: 'businesses' },
  { key: 'RES', label: '科研机构', labelEn: 'research institutions' },
  { key: 'NGO', label: '社会公益组织', labelEn: 'public-interest organisations' },
  { key: 'LAW', label: '法律服务机构', labelEn: 'legal service providers' },
  { key: 'ORG', label: '其他', labelEn: 'other organisations' },
  { key: 'SUM', label: '总计', labelEn: 'total' },
];
export const T3_PART_COLUMNS: readonly string[] = ['NAT', 'BIZ', 'RES', 'NGO', 'LAW', 'ORG'];
/** First data column of 表三 in the template (D), the first data row (5). */
export const T3_FIRST_COLUMN = 4;
export const T3_FIRST_ROW = 5;

export interface T3Row {
  key: string;
  /** Exact label of the official format. */
  label: string;
  labelEn: string;
  /** The result group the row belongs to (its merged parent label), if any. */
  parent?: T3Group;
}

export type T3Group = 'RESULT' | 'DENY' | 'NA' | 'NP' | 'OT';

export const T3_GROUP_LABELS: Readonly<Record<T3Group, string>> = {
  RESULT: '三、本年度办理结果',
  DENY: '（三）不予公开',
  NA: '（四）无法提供',
  NP: '（五）不予处理',
  OT: '（六）其他处理',
};

/** The 25 data rows of 表三 in table order. */
export const T3_ROWS: readonly T3Row[] = [
  { key: 'NEW', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. New requests received this year' },
  { key: 'CARRY', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. Requests carried over from last year' },
  { key: 'OPEN', label: '（一）予以公开', labelEn: '(1) Disclosed', parent: 'RESULT' },
  { key: 'PARTIAL', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', labelEn: '(2) Partly disclosed', parent: 'RESULT' },
  { key: 'DENY_SECRET', label: '1.属于国家秘密', labelEn: '(3)1 Withheld: state secret', parent: 'DENY' },
  { key: 'DENY_LAW', label: '2.其他法律行政法规禁止公开', labelEn: '(3)2 Withheld: barred by other laws', parent: 'DENY' },
  { key: 'DENY_SAFETY', label: '3.危及“三安全一稳定”', labelEn: '(3)3 Withheld: endangers security or stability', parent: 'DENY' },
  { key: 'DENY_THIRD', label: '4.保护第三方合法权益', labelEn: '(3)4 Withheld: third-party rights', parent: 'DENY' },
  { key: 'DENY_INTERNAL', label: '5.属于三类内部事务信息', labelEn: '(3)5 Withheld: internal affairs', parent: 'DENY' },
  { key: 'DENY_PROCESS', label: '6.属于四类过程性信息', labelEn: '(3)6 Withheld: process information', parent: 'DENY' },
  { key: 'DENY_ENFORCE', label: '7.属于行政执法案卷', labelEn: '(3)7 Withheld: enforcement files', parent: 'DENY' },
  { key: 'DENY_QUERY', label: '8.属于行政查询事项', labelEn: '(3)8 Withheld: administrative query matters', parent: 'DENY' },
  { key: 'NA_NOTHELD', label: '1.本机关不掌握相关政府信息', labelEn: '(4)1 Unavailable: not held', parent: 'NA' },
  { key: 'NA_CREATE', label: '2.没有现成信息需要另行制作', labelEn: '(4)2 Unavailable: would need to be created', parent: 'NA' },
  { key: 'NA_UNCLEAR', label: '3.补正后申请内容仍不明确', labelEn: '(4)3 Unavailable: still unclear after correction', parent: 'NA' },
  { key: 'NP_COMPLAINT', label: '1.信访举报投诉类申请', labelEn: '(5)1 Not processed: petitions and complaints', parent: 'NP' },
  { key: 'NP_REPEAT', label: '2.重复申请', labelEn: '(5)2 Not processed: repeated request', parent: 'NP' },
  { key: 'NP_PUBLICATION', label: '3.要求提供公开出版物', labelEn: '(5)3 Not processed: published material', parent: 'NP' },
  { key: 'NP_MASSIVE', label: '4.无正当理由大量反复申请', labelEn: '(5)4 Not processed: massive repeated requests', parent: 'NP' },
  { key: 'NP_CONFIRM', label: '5.要求行政机关确认或重新出具已获取信息', labelEn: '(5)5 Not processed: confirmation of obtained information', parent: 'NP' },
  { key: 'OT_NOCORRECT', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', labelEn: '(6)1 Other: no correction in time', parent: 'OT' },
  { key: 'OT_NOFEE', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', labelEn: '(6)2 Other: fee not paid in time', parent: 'OT' },
  { key: 'OT_OTHER', label: '3.其他', labelEn: '(6)3 Other', parent: 'OT' },
  { key: 'TOTAL', label: '（七）总计', labelEn: '(7) Total handled', parent: 'RESULT' },
  { key: 'CARRYOUT', label: '四、结转下年度继续办理', labelEn: 'IV. Carried forward to next year' },
];

/**
 * A 表三 row named so it cannot be taken for another: "3.其他" exists under （六）其他处理 only, but
 * "其他" is also a column; the items of （三）–（六） carry their group ("（六）其他处理·3.其他").
 */
export function t3RowLabel(row: T3Row): string {
  return row.parent && row.parent !== 'RESULT' ? `${T3_GROUP_LABELS[row.parent]}·${row.label}` : row.label;
}

/** A 表三 column named so it cannot be taken for a row: the column 其他 is "法人或其他组织·其他". */
export function t3ColumnLabel(col: T3Column): string {
  return col.key === 'ORG' ? `法人或其他组织·${col.label}` : col.label;
}

/** Header note of the official 表三 (top-left merged cell). */
export const T3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Rows whose sum is the 办理结果总计 (T3-RESULTS). */
export const T3_RESULT_ROWS: readonly string[] = T3_ROWS.filter(
  (r) => r.parent !== undefined && r.key !== 'TOTAL',
).map((r) => r.key);

export function t3Name(row: string, col: string): string {
  return `T3_${row}_${col}`;
}

// ---------------------------------------------------------------- 表四

export interface T4Group {
  key: string;
  label: string;
  labelEn: string;
}
export const T4_GROUPS: readonly T4Group[] = [
  { key: 'REVIEW', label: '行政复议', labelEn: 'administrative review' },
  { key: 'DIRECT', label: '行政诉讼·未经复议直接起诉', labelEn: 'litigation without prior review' },
  { key: 'AFTER', label: '行政诉讼·复议后起诉', labelEn: 'litigation after review' },
];
export const T4_RESULTS: readonly T4Group[] = [
  { key: 'UPHELD', label: '结果维持', labelEn: 'upheld' },
  { key: 'CORRECTED', label: '结果纠正', labelEn: 'corrected' },
  { key: 'OTHER', label: '其他结果', labelEn: 'other outcome' },
  { key: 'PENDING', label: '尚未审结', labelEn: 'pending' },
  { key: 'TOTAL', label: '总计', labelEn: 'total' },
];
export const T4_DATA_ROW = 5;

export function t4Name(group: string, result: string): string {
  return `T4_${group}_${result}`;
}

// ---------------------------------------------------------------- 工作指标

const W_SPECS: ReadonlyArray<[string, string, string]> = [
  ['W_PUB_TOTAL', '主动公开政府信息总数（条）', 'Information published proactively (items)'],
  ['W_PUB_PORTAL', '政府网站（含政府信息公开专栏）发布信息数', 'Items on the government website'],
  ['W_PUB_WECHAT', '政务微信公众号发布信息数', 'Items on the WeChat account'],
  ['W_PUB_WEIBO', '政务微博发布信息数', 'Items on Weibo'],
  ['W_PUB_OTHERMEDIA', '其他政务新媒体发布信息数', 'Items on other new media'],
  ['W_INTERP_TOTAL', '政策解读总数（篇）', 'Policy interpretations (total)'],
  ['W_INTERP_LEADER', '其中：主要负责人解读', 'of which: by the head of the unit'],
  ['W_INTERP_GRAPHIC', '其中：图表图解', 'of which: graphics'],
  ['W_INTERP_VIDEO', '其中：音视频、动漫解读', 'of which: audio, video, animation'],
  ['W_INTERP_MEDIA', '其中：媒体、专家解读', 'of which: media and experts'],
  ['W_RESPONSE', '回应社会关切（条）', 'Responses to public concerns'],
  ['W_PRESS', '新闻发布会（场）', 'Press conferences'],
  ['W_PRESS_LEADER', '其中：主要负责人出席（场）', 'of which: attended by the head of the unit'],
  ['W_OPENDAY', '政府开放日活动（次）', 'Government open days'],
  ['W_CONSULT', '重大决策预公开、意见征集（次）', 'Consultations on major decisions'],
  ['W_GAZETTE', '政府公报（期）', 'Government gazette issues'],
  ['W_HOTLINE_TOTAL', '12345热线等政民互动受理工单（件）', '12345 hotline tickets received'],
  ['W_HOTLINE_COMPLAINT', '其中：投诉', 'of which: complaints'],
  ['W_HOTLINE_INQUIRY', '其中：咨询', 'of which: inquiries'],
  ['W_HOTLINE_HELP', '其中：求助', 'of which: requests for help'],
  ['W_HOTLINE_SUGGEST', '其中：建议', 'of which: suggestions'],
  ['W_HOTLINE_OTHER', '其中：其他', 'of which: other'],
  ['W_HOTLINE_CLOSED', '工单办结（件）', 'Tickets closed'],
  ['W_TRAIN', '政务公开培训（次）', 'Training sessions'],
  ['W_TRAIN_PERSONS', '培训人次', 'Training attendances'],
  ['W_STAFF_FULL', '政务公开工作人员：专职（人）', 'Staff: full-time'],
  ['W_STAFF_PART', '政务公开工作人员：兼职（人）', 'Staff: part-time'],
];
/** First row of the work indicators (column B). */
export const W_FIRST_ROW = 3;

// ---------------------------------------------------------------- 文字部分

const TXT_SPECS: readonly SimpleSpec[] = [
  { name: 'TXT_OVERVIEW', label: '一、总体情况', labelEn: 'I. Overview', kind: 'text', required: true },
  { name: 'TXT_PROBLEMS', label: '五、存在的主要问题及改进情况', labelEn: 'V. Main problems and improvements', kind: 'text', required: true },
  { name: 'TXT_OTHER', label: '六、其他需要报告的事项', labelEn: 'VI. Other matters to report', kind: 'text', required: true },
  { name: 'TXT_FEE', label: '信息处理费收取情况（“未收取信息处理费”或金额与件数）', labelEn: 'Information processing fees charged (statement)', kind: 'text', required: false },
  { name: 'FEE_YUAN', label: '本年收取信息处理费金额（元）', labelEn: 'Information processing fees this year (yuan)', kind: 'amount', unit: '元', required: true },
];
export const TXT_FIRST_ROW = 3;

// ---------------------------------------------------------------- the catalogue

function buildCatalogue(): Indicator[] {
  const out: Indicator[] = [];
  INFO_SPECS.forEach((s, i) => out.push({ ...s, group: 'INFO', sheet: 'info', address: `B${INFO_FIRST_ROW + i}` }));
  T2_SPECS.forEach((s) => out.push({ ...s, group: 'T2', sheet: 't2' }));
  T3_ROWS.forEach((row, r) =>
    T3_COLUMNS.forEach((col, c) =>
      out.push({
        name: t3Name(row.key, col.key),
        label: `${t3RowLabel(row)} · ${t3ColumnLabel(col)}`,
        labelEn: `${row.labelEn}: ${col.labelEn}`,
        group: 'T3',
        sheet: 't3',
        address: `${columnLetter(T3_FIRST_COLUMN + c)}${T3_FIRST_ROW + r}`,
        kind: 'count',
        required: true,
        row: row.key,
        col: col.key,
      }),
    ),
  );
  T4_GROUPS.forEach((g, gi) =>
    T4_RESULTS.forEach((res, ri) =>
      out.push({
        name: t4Name(g.key, res.key),
        label: `${g.label} · ${res.label}`,
        labelEn: `${g.labelEn}: ${res.labelEn}`,
        group: 'T4',
        sheet: 't4',
        address: `${columnLetter(1 + gi * T4_RESULTS.length + ri)}${T4_DATA_ROW}`,
        kind: 'count',
        required: true,
        row: g.key,
        col: res.key,
      }),
    ),
  );
  W_SPECS.forEach(([name, label, labelEn], i) =>
    out.push({ name, label, labelEn, group: 'W', sheet: 'work', address: `B${W_FIRST_ROW + i}`, kind: 'count', required: true }),
  );
  TXT_SPECS.forEach((s, i) => out.push({ ...s, group: 'TXT', sheet: 'text', address: `B${TXT_FIRST_ROW + i}` }));
  return out;
}

/** Every indicator, in template order. */
export const INDICATORS: readonly Indicator[] = Object.freeze(buildCatalogue());

const BY_NAME: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.name, i]));

export function indicator(name: string): Indicator | undefined {
  return BY_NAME.get(name);
}

export function isIndicatorName(name: string): boolean {
  return BY_NAME.has(name);
}

/** Indicators whose value is a number (counts and amounts). */
export function isNumericKind(kind: IndicatorKind): boolean {
  return kind === 'count' || kind === 'amount';
}

/** All defined names a standard workbook must carry: the indicators plus the template markers. */
export const REQUIRED_DEFINED_NAMES: readonly string[] = [
  ...INDICATORS.map((i) => i.name),
  TEMPLATE_ID_NAME,
  TEMPLATE_VERSION_NAME,
];

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB12" → {col: 28, row: 12}. */
export function parseAddress(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

// ---------------------------------------------------------------- headers of the official tables

/**
 * A block of 表二: a title row (第二十条第（…）项), a header row (信息内容 and the column labels),
 * then one row per item. The rows hold the defined names of the block's input cells, left to right;
 * the template places the block from those names' addresses (title two rows above the first item).
 */
export interface T2Block {
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ label: string; names: readonly string[] }>;
}
export const T2_ITEM_HEADER = '信息内容';
export const T2_BLOCKS: readonly T2Block[] = [
  {
    title: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { label: '规章', names: ['T2_RULE_ISSUED', 'T2_RULE_REPEALED', 'T2_RULE_VALID'] },
      { label: '行政规范性文件', names: ['T2_NORM_ISSUED', 'T2_NORM_REPEALED', 'T2_NORM_VALID'] },
    ],
  },
  { title: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [{ label: '行政许可', names: ['T2_LICENSE'] }] },
  {
    title: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { label: '行政处罚', names: ['T2_PENALTY'] },
      { label: '行政强制', names: ['T2_COERCE'] },
    ],
  },
  { title: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: [{ label: '行政事业性收费', names: ['T2_FEE'] }] },
];

/** 表三 header: the label over the seven applicant columns and over the five organisation columns. */
export const T3_APPLICANT_LABEL = '申请人情况';
export const T3_ORG_LABEL = '法人或其他组织';
export const T3_ORG_COLUMNS: readonly string[] = ['BIZ', 'RES', 'NGO', 'LAW', 'ORG'];

/** 表四 header: top label over each group, and the second-level label of the two litigation groups. */
export const T4_GROUP_HEADERS: Readonly<Record<string, { top: string; sub?: string }>> = {
  REVIEW: { top: '行政复议' },
  DIRECT: { top: '行政诉讼', sub: '未经复议直接起诉' },
  AFTER: { top: '行政诉讼', sub: '复议后起诉' },
};

/** Titles of the official tables, as printed above each table. */
export const TABLE_TITLES: Readonly<Record<'t2' | 't3' | 't4', string>> = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
};
