/**
 * The indicator catalogue: the single source of truth for the standard workbook.
 *
 * Every indicator of ../shared/domain/indicators.md is one record here: its workbook-scoped defined
 * name, Chinese and English label, the sheet and cell where the standard template puts it, its kind,
 * whether it must be filled, the cell's number format, input hint and data validation, the note
 * beside it, its column in the 汇总 sheet, the total it is a part of, and the template version it
 * appeared in. The template writer, the readers, the rules' name lists (`@parts:NAME`), the summary
 * columns, the quick fixes, the guide and docs/checks.md all derive from these records; adding an
 * indicator is one record here (plus the rules that check it).
 */

export const TEMPLATE_ID = 'ZWGK-ANNUAL';
/**
 * The template versions this release accepts, oldest first; the last one is the version the
 * template writer produces. A workbook of an older version validates as the standard workbook:
 * the indicators it never had are "not asked in this version" (see `isAskedIn`).
 * - 2024.1: the first standard workbook.
 * - 2025.1: 12345 热线 tickets broken down with 举报 (W_HOTLINE_REPORT).
 */
export const TEMPLATE_VERSIONS: readonly string[] = ['2024.1', '2025.1'];
export const TEMPLATE_VERSION = TEMPLATE_VERSIONS[TEMPLATE_VERSIONS.length - 1];
/** Template versions this release can read and validate (the same list as TEMPLATE_VERSIONS). */
export const KNOWN_TEMPLATE_VERSIONS: readonly string[] = TEMPLATE_VERSIONS;
/** Earliest and latest report year a workbook may carry (data validation of INFO_YEAR). */
export const YEAR_MIN = 2021;
export const YEAR_MAX = 2100;
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
  /** Template version the indicator first appeared in (one of TEMPLATE_VERSIONS). */
  since: string;
  /** Excel number format of the input cell ('' = General). */
  numFmt: string;
  /** Input hint shown when the cell is selected (data validation prompt). */
  hint: string;
  /** What may be typed into the cell (data validation), with the alert shown on a refused entry. */
  validation: DataRule;
  /** Note beside the input on the list-shaped sheets ('' for none). */
  note: string;
  /** The total this indicator is one part of: the parts of a total add up to it. */
  partOf?: string;
  /** Its column in the 汇总 sheet, if it has one. */
  summary?: SummaryColumn;
}

/**
 * Excel data validation in host-neutral terms (the template writer turns it into ExcelJS's).
 * Dates in `formulae` are ISO yyyy-mm-dd strings.
 */
export interface DataRule {
  type: 'whole' | 'decimal' | 'list' | 'date' | 'textLength' | 'any';
  operator?: 'greaterThanOrEqual' | 'between' | 'equal';
  formulae: Array<number | string>;
  /** Alert shown when Excel refuses an entry (none for 'any'). */
  error?: string;
}

/**
 * A column of the 汇总 sheet. Indicators sharing an `id` are shown as their sum (诉讼总计 =
 * 未经复议直接起诉 + 复议后起诉); `order` places the column among the others.
 */
export interface SummaryColumn {
  id: string;
  label: string;
  labelEn: string;
  order: number;
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

/** What a record states itself; hint, validation and number format default from its kind. */
interface SimpleSpec {
  name: string;
  label: string;
  labelEn: string;
  kind: IndicatorKind;
  required: boolean;
  unit?: '万元' | '元';
  choices?: readonly string[];
  /** A1 address of the input cell in the standard template. */
  address: string;
  since?: string;
  numFmt?: string;
  hint?: string;
  note?: string;
  partOf?: string;
  summary?: SummaryColumn;
}

const INFO_SPECS: readonly SimpleSpec[] = [
  { name: 'INFO_UNIT_NAME', label: '单位名称', labelEn: 'Unit name', kind: 'text', required: true, address: 'B3', note: '必填，单位全称', hint: '填写单位全称，与公章一致。' },
  { name: 'INFO_UNIT_TYPE', label: '单位类型', labelEn: 'Unit type', kind: 'choice', required: true, choices: UNIT_TYPES, address: 'B4', note: '必填，从下拉列表选择' },
  { name: 'INFO_UNIT_CODE', label: '统一社会信用代码', labelEn: 'Unified social credit code', kind: 'code', required: true, address: 'B5', note: '必填，18 位' },
  { name: 'INFO_PARENT', label: '汇总（上级）单位', labelEn: 'Parent (aggregating) unit', kind: 'text', required: false, address: 'B6', note: '选填', hint: '填写负责汇总本单位年报的上级单位全称；没有的可不填。' },
  { name: 'INFO_YEAR', label: '报告年度', labelEn: 'Report year', kind: 'year', required: true, address: 'B7', note: '必填，如 2025' },
  { name: 'INFO_CONTACT', label: '填报人', labelEn: 'Contact person', kind: 'text', required: true, address: 'B8', note: '必填', hint: '填写填报人姓名。' },
  // A phone number is text: a leading 0 or a hyphen must survive.
  { name: 'INFO_PHONE', label: '联系电话', labelEn: 'Contact phone', kind: 'text', required: true, address: 'B9', note: '必填，固定电话请带区号', numFmt: '@', hint: '填写固定电话（含区号，如 010-12345678）或手机号码。' },
  { name: 'INFO_DATE', label: '填报日期', labelEn: 'Date of filing', kind: 'date', required: true, address: 'B10', note: '必填，年-月-日' },
];
/** Where TEMPLATE_ID and TEMPLATE_VERSION live on the basic-information sheet. */
export const TEMPLATE_ID_ADDRESS = 'B13';
export const TEMPLATE_VERSION_ADDRESS = 'B14';

// ---------------------------------------------------------------- 表二

const T2_SPECS: readonly SimpleSpec[] = [
  { name: 'T2_RULE_ISSUED', label: '规章 · 本年制发件数', labelEn: 'Rules: issued this year', kind: 'count', required: true, address: 'B4' },
  { name: 'T2_RULE_REPEALED', label: '规章 · 本年废止件数', labelEn: 'Rules: repealed this year', kind: 'count', required: true, address: 'C4' },
  { name: 'T2_RULE_VALID', label: '规章 · 现行有效件数', labelEn: 'Rules: in force', kind: 'count', required: true, address: 'D4' },
  { name: 'T2_NORM_ISSUED', label: '行政规范性文件 · 本年制发件数', labelEn: 'Normative documents: issued this year', kind: 'count', required: true, address: 'B5', summary: { id: 'T2_NORM_ISSUED', label: '规范性文件', labelEn: 'Normative documents', order: 7 } },
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
  /** The 汇总 column of the row's 总计 cell, if any. */
  summary?: SummaryColumn;
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
  { key: 'NEW', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. New requests received this year', summary: { id: 'T3_NEW_SUM', label: '本年新收', labelEn: 'New requests', order: 1 } },
  { key: 'CARRY', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. Requests carried over from last year', summary: { id: 'T3_CARRY_SUM', label: '上年结转', labelEn: 'Carried over', order: 2 } },
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
  { key: 'TOTAL', label: '（七）总计', labelEn: '(7) Total handled', parent: 'RESULT', summary: { id: 'T3_TOTAL_SUM', label: '办理总计', labelEn: 'Handled', order: 3 } },
  { key: 'CARRYOUT', label: '四、结转下年度继续办理', labelEn: 'IV. Carried forward to next year', summary: { id: 'T3_CARRYOUT_SUM', label: '结转下年度', labelEn: 'Carried forward', order: 4 } },
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

/** Rows whose sum is the 办理结果总计 (T3-RESULTS). */
export const T3_RESULT_ROWS: readonly string[] = T3_ROWS.filter(
  (r) => r.parent !== undefined && r.key !== 'TOTAL',
).map((r) => r.key);

/** Header note of the official 表三 (top-left merged cell). */
export const T3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function t3Name(row: string, col: string): string {
  return `T3_${row}_${col}`;
}

// ---------------------------------------------------------------- 表四

export interface T4Group {
  key: string;
  label: string;
  labelEn: string;
  /** The 汇总 column of the group's 总计 cell, if any. */
  summary?: SummaryColumn;
}
const LITIGATION_COLUMN: SummaryColumn = { id: 'T4_LITIGATION_TOTAL', label: '诉讼总计', labelEn: 'Lawsuits', order: 6 };
export const T4_GROUPS: readonly T4Group[] = [
  { key: 'REVIEW', label: '行政复议', labelEn: 'administrative review', summary: { id: 'T4_REVIEW_TOTAL', label: '复议总计', labelEn: 'Reviews', order: 5 } },
  { key: 'DIRECT', label: '行政诉讼·未经复议直接起诉', labelEn: 'litigation without prior review', summary: LITIGATION_COLUMN },
  { key: 'AFTER', label: '行政诉讼·复议后起诉', labelEn: 'litigation after review', summary: LITIGATION_COLUMN },
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

// 12345 tickets are classified as 投诉/咨询/求助/举报/建议 (统一政务咨询投诉举报平台); 举报 since 2025.1.
const W_SPECS: readonly SimpleSpec[] = [
  { name: 'W_PUB_TOTAL', label: '主动公开政府信息总数（条）', labelEn: 'Information published proactively (items)', kind: 'count', required: true, address: 'B3', note: '本年主动公开的政府信息条数', summary: { id: 'W_PUB_TOTAL', label: '主动公开总数', labelEn: 'Published items', order: 8 } },
  { name: 'W_PUB_PORTAL', label: '政府网站（含政府信息公开专栏）发布信息数', labelEn: 'Items on the government website', kind: 'count', required: true, address: 'B4', note: '同一条信息可在多个渠道发布，各渠道数不相加为总数' },
  { name: 'W_PUB_WECHAT', label: '政务微信公众号发布信息数', labelEn: 'Items on the WeChat account', kind: 'count', required: true, address: 'B5' },
  { name: 'W_PUB_WEIBO', label: '政务微博发布信息数', labelEn: 'Items on Weibo', kind: 'count', required: true, address: 'B6' },
  { name: 'W_PUB_OTHERMEDIA', label: '其他政务新媒体发布信息数', labelEn: 'Items on other new media', kind: 'count', required: true, address: 'B7' },
  { name: 'W_INTERP_TOTAL', label: '政策解读总数（篇）', labelEn: 'Policy interpretations (total)', kind: 'count', required: true, address: 'B8', note: '各种形式可以重叠，每项不超过解读总数' },
  { name: 'W_INTERP_LEADER', label: '其中：主要负责人解读', labelEn: 'of which: by the head of the unit', kind: 'count', required: true, address: 'B9' },
  { name: 'W_INTERP_GRAPHIC', label: '其中：图表图解', labelEn: 'of which: graphics', kind: 'count', required: true, address: 'B10' },
  { name: 'W_INTERP_VIDEO', label: '其中：音视频、动漫解读', labelEn: 'of which: audio, video, animation', kind: 'count', required: true, address: 'B11' },
  { name: 'W_INTERP_MEDIA', label: '其中：媒体、专家解读', labelEn: 'of which: media and experts', kind: 'count', required: true, address: 'B12' },
  { name: 'W_RESPONSE', label: '回应社会关切（条）', labelEn: 'Responses to public concerns', kind: 'count', required: true, address: 'B13' },
  { name: 'W_PRESS', label: '新闻发布会（场）', labelEn: 'Press conferences', kind: 'count', required: true, address: 'B14' },
  { name: 'W_PRESS_LEADER', label: '其中：主要负责人出席（场）', labelEn: 'of which: attended by the head of the unit', kind: 'count', required: true, address: 'B15', note: '不超过新闻发布会场数' },
  { name: 'W_OPENDAY', label: '政府开放日活动（次）', labelEn: 'Government open days', kind: 'count', required: true, address: 'B16' },
  { name: 'W_CONSULT', label: '重大决策预公开、意见征集（次）', labelEn: 'Consultations on major decisions', kind: 'count', required: true, address: 'B17' },
  { name: 'W_GAZETTE', label: '政府公报（期）', labelEn: 'Government gazette issues', kind: 'count', required: true, address: 'B18' },
  { name: 'W_HOTLINE_TOTAL', label: '12345热线等政民互动受理工单（件）', labelEn: '12345 hotline tickets received', kind: 'count', required: true, address: 'B19', note: '{parts}之和等于受理工单数' },
  { name: 'W_HOTLINE_COMPLAINT', label: '其中：投诉', labelEn: 'of which: complaints', kind: 'count', required: true, address: 'B20', partOf: 'W_HOTLINE_TOTAL' },
  { name: 'W_HOTLINE_INQUIRY', label: '其中：咨询', labelEn: 'of which: inquiries', kind: 'count', required: true, address: 'B21', partOf: 'W_HOTLINE_TOTAL' },
  { name: 'W_HOTLINE_HELP', label: '其中：求助', labelEn: 'of which: help', kind: 'count', required: true, address: 'B22', partOf: 'W_HOTLINE_TOTAL' },
  { name: 'W_HOTLINE_SUGGEST', label: '其中：建议', labelEn: 'of which: suggestions', kind: 'count', required: true, address: 'B23', partOf: 'W_HOTLINE_TOTAL' },
  { name: 'W_HOTLINE_REPORT', label: '其中：举报', labelEn: 'of which: reports of wrongdoing', kind: 'count', required: true, address: 'B24', partOf: 'W_HOTLINE_TOTAL', since: '2025.1' },
  { name: 'W_HOTLINE_OTHER', label: '其中：其他', labelEn: 'of which: other', kind: 'count', required: true, address: 'B25', partOf: 'W_HOTLINE_TOTAL' },
  { name: 'W_HOTLINE_CLOSED', label: '工单办结（件）', labelEn: 'Tickets closed', kind: 'count', required: true, address: 'B26' },
  { name: 'W_TRAIN', label: '政务公开培训（次）', labelEn: 'Training sessions', kind: 'count', required: true, address: 'B27' },
  { name: 'W_TRAIN_PERSONS', label: '培训人次', labelEn: 'Training attendances', kind: 'count', required: true, address: 'B28' },
  { name: 'W_STAFF_FULL', label: '政务公开工作人员：专职（人）', labelEn: 'Staff: full-time', kind: 'count', required: true, address: 'B29', note: '按年末在岗人数填写' },
  { name: 'W_STAFF_PART', label: '政务公开工作人员：兼职（人）', labelEn: 'Staff: part-time', kind: 'count', required: true, address: 'B30' },
];

// ---------------------------------------------------------------- 文字部分

const TXT_SPECS: readonly SimpleSpec[] = [
  { name: 'TXT_OVERVIEW', label: '一、总体情况', labelEn: 'I. Overview', kind: 'text', required: true, address: 'B3', note: '与年度报告正文“一、总体情况”一致' },
  { name: 'TXT_PROBLEMS', label: '五、存在的主要问题及改进情况', labelEn: 'V. Main problems and improvements', kind: 'text', required: true, address: 'B4', note: '与年度报告正文“五、存在的主要问题及改进情况”一致' },
  { name: 'TXT_OTHER', label: '六、其他需要报告的事项', labelEn: 'VI. Other matters to report', kind: 'text', required: true, address: 'B5', note: '与年度报告正文“六、其他需要报告的事项”一致' },
  { name: 'TXT_FEE', label: '信息处理费收取情况（“未收取信息处理费”或金额与件数）', labelEn: 'Information processing fees charged (statement)', kind: 'text', required: false, address: 'B6', note: '如“本年度未收取信息处理费”', hint: '写明“未收取信息处理费”，或写明收费金额与件数。' },
  { name: 'FEE_YUAN', label: '本年收取信息处理费金额（元）', labelEn: 'Information processing fees this year (yuan)', kind: 'amount', unit: '元', required: true, address: 'B7', note: '单位：元；未收取的填 0' },
];

// ---------------------------------------------------------------- what a kind implies

const FIRST_VERSION = TEMPLATE_VERSIONS[0];
const COUNT_HINT = '填写非负整数，没有的填 0；不要填“/”“无”“XX”“若干”，不要写“约”“余”“近”或单位。';
const TEXT_HINT = '填写与年度报告正文一致的文字，可直接粘贴；单元格内换行按 Alt+Enter。';

/** The number format, input hint and data validation a kind implies, unless the record says otherwise. */
function kindDefaults(kind: IndicatorKind, unit: string | undefined, choices: readonly string[] | undefined): Pick<Indicator, 'numFmt' | 'hint' | 'validation'> {
  switch (kind) {
    case 'count':
      return {
        numFmt: '',
        hint: COUNT_HINT,
        validation: { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: '这里只能填写大于或等于 0 的整数（没有的填 0）。' },
      };
    case 'amount': {
      const u = unit ?? '元';
      return {
        numFmt: '',
        hint: `填写金额，单位：${u}，可带小数（如 12.35），只填数字，不写“${u}”字；没有的填 0。`,
        validation: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: `这里只能填写大于或等于 0 的数字，单位为${u}。` },
      };
    }
    case 'choice':
      return {
        numFmt: '',
        hint: '从下拉列表中选择一项。',
        validation: { type: 'list', formulae: [`"${(choices ?? UNIT_TYPES).join(',')}"`], error: '请从下拉列表中选择，不要自行输入。' },
      };
    case 'year':
      return {
        numFmt: '0',
        hint: '填写报告所属年度的四位数字，如 2025。',
        validation: { type: 'whole', operator: 'between', formulae: [YEAR_MIN, YEAR_MAX], error: `报告年度应为 ${YEAR_MIN}–${YEAR_MAX} 之间的四位整数。` },
      };
    case 'date':
      return {
        numFmt: 'yyyy-mm-dd',
        hint: '填写日期，如 2026-01-15（年-月-日）。',
        validation: { type: 'date', operator: 'greaterThanOrEqual', formulae: [`${YEAR_MIN}-01-01`], error: '请按“年-月-日”填写一个日期，如 2026-01-15。' },
      };
    case 'code':
      // Codes are text: an all-digit code must not turn into 1.1E+17.
      return {
        numFmt: '@',
        hint: '填写 18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V），不要加空格。',
        validation: { type: 'textLength', operator: 'equal', formulae: [18], error: '统一社会信用代码应为 18 位。' },
      };
    case 'text':
      return { numFmt: '', hint: TEXT_HINT, validation: { type: 'any', formulae: [] } };
  }
}

function fromSpec(s: SimpleSpec, group: IndicatorGroup, sheet: SheetKey): Indicator {
  const d = kindDefaults(s.kind, s.unit, s.choices);
  return {
    ...s,
    group,
    sheet,
    since: s.since ?? FIRST_VERSION,
    numFmt: s.numFmt ?? d.numFmt,
    hint: s.hint ?? d.hint,
    validation: d.validation,
    note: s.note ?? '',
  };
}

// ---------------------------------------------------------------- the catalogue

/** The records the catalogue is made of: lists of indicators by sheet, and the 表三/表四 grids. */
export interface CatalogueRecords {
  info: readonly SimpleSpec[];
  t2: readonly SimpleSpec[];
  t3Rows: readonly T3Row[];
  t3Columns: readonly T3Column[];
  t4Groups: readonly T4Group[];
  t4Results: readonly T4Group[];
  work: readonly SimpleSpec[];
  text: readonly SimpleSpec[];
}

export type { SimpleSpec as IndicatorSpec };

/** The standard workbook's records. */
export const RECORDS: CatalogueRecords = {
  info: INFO_SPECS,
  t2: T2_SPECS,
  t3Rows: T3_ROWS,
  t3Columns: T3_COLUMNS,
  t4Groups: T4_GROUPS,
  t4Results: T4_RESULTS,
  work: W_SPECS,
  text: TXT_SPECS,
};

/** A row or group of a grid table and one of its columns. */
interface GridLine {
  key: string;
  label: string;
  labelEn: string;
  summary?: SummaryColumn;
}

/**
 * One count cell of a grid table (表三, 表四): labelled "row · column"; the cell of the total column
 * carries the row's 汇总 column, every other cell is a part of that total.
 */
function gridCell(
  group: 'T3' | 'T4',
  line: GridLine,
  col: { key: string; label: string; labelEn: string },
  address: string,
  totalKey: string,
  label = `${line.label} · ${col.label}`,
): Indicator {
  const name = group === 'T3' ? t3Name(line.key, col.key) : t4Name(line.key, col.key);
  const total = group === 'T3' ? t3Name(line.key, totalKey) : t4Name(line.key, totalKey);
  const base = fromSpec(
    { name, label, labelEn: `${line.labelEn}: ${col.labelEn}`, kind: 'count', required: true, address },
    group,
    group === 'T3' ? 't3' : 't4',
  );
  const extra = col.key === totalKey ? (line.summary ? { summary: line.summary } : {}) : { partOf: total };
  return { ...base, row: line.key, col: col.key, ...extra };
}

/** Expands the records into one Indicator per input cell, in template order. */
export function buildIndicators(r: CatalogueRecords): Indicator[] {
  const out: Indicator[] = [];
  r.info.forEach((s) => out.push(fromSpec(s, 'INFO', 'info')));
  r.t2.forEach((s) => out.push(fromSpec(s, 'T2', 't2')));
  // every applicant column of a 表三 row is a part of the row's 总计; every result of a 表四 group of its 总计
  r.t3Rows.forEach((row, ri) =>
    r.t3Columns.forEach((col, c) =>
      out.push(
        gridCell('T3', row, col, `${columnLetter(T3_FIRST_COLUMN + c)}${T3_FIRST_ROW + ri}`, 'SUM', `${t3RowLabel(row)} · ${t3ColumnLabel(col)}`),
      ),
    ),
  );
  r.t4Groups.forEach((g, gi) =>
    r.t4Results.forEach((res, ri) =>
      out.push(gridCell('T4', g, res, `${columnLetter(1 + gi * r.t4Results.length + ri)}${T4_DATA_ROW}`, 'TOTAL')),
    ),
  );
  r.work.forEach((s) => out.push(fromSpec(s, 'W', 'work')));
  r.text.forEach((s) => out.push(fromSpec(s, 'TXT', 'text')));
  return out;
}

/** Everything derived from a set of records (see deriveCatalogue). */
export interface DerivedCatalogue {
  /** Every indicator, in template order. */
  INDICATORS: readonly Indicator[];
  /** All defined names a standard workbook of the current version must carry: the indicators plus the template markers. */
  REQUIRED_DEFINED_NAMES: readonly string[];
  /** The columns of the 汇总 sheet, in order, each with the names it sums. */
  SUMMARY_COLUMNS: readonly SummaryColumnNames[];
  indicator(name: string): Indicator | undefined;
  isIndicatorName(name: string): boolean;
  /** The parts of a total, in template order ([] when `total` has none). */
  partsOf(total: string): readonly string[];
  /** The indicator names of a template version (all current names for an unknown version). */
  namesOfVersion(version: string | null): readonly string[];
  /**
   * Whether a workbook of `version` asks for `name`. An unknown or absent version is read as the
   * current one (and reported by INFO-TEMPLATE); names that are not indicators (markers) are asked.
   */
  isAskedIn(name: string, version: string | null): boolean;
  /** The note beside an input, with {parts} filled from the parts of the indicator. */
  noteOf(ind: Indicator): string;
  /**
   * Every count and amount of a template version (default: the current one) set to 0: the base of
   * a fixture or an example, to which a test adds its own values, so fixtures never go stale.
   */
  zeroCounts(version?: string): Record<string, number>;
}

export interface SummaryColumnNames extends SummaryColumn {
  names: readonly string[];
}

const CN_COUNT = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "其中：投诉" → "投诉", "of which: complaints" → "complaints": a part's label inside a sum. */
export function partLabel(label: string): string {
  return label.replace(/^其中[：:]\s*/u, '').replace(/^of which:\s*/i, '');
}

/** The position of a version among TEMPLATE_VERSIONS; the current one for an unknown version. */
function versionIndex(version: string | null): number {
  const i = version === null ? -1 : TEMPLATE_VERSIONS.indexOf(version.trim());
  return i < 0 ? TEMPLATE_VERSIONS.length - 1 : i;
}

/**
 * Derives the indicator list and every lookup from catalogue records. The module's own exports are
 * this applied to RECORDS; a test may derive a catalogue with an extra record.
 */
export function deriveCatalogue(records: CatalogueRecords): DerivedCatalogue {
  const list: readonly Indicator[] = Object.freeze(buildIndicators(records));
  const byName: ReadonlyMap<string, Indicator> = new Map(list.map((i) => [i.name, i]));
  const parts = new Map<string, string[]>();
  for (const ind of list) if (ind.partOf) parts.set(ind.partOf, [...(parts.get(ind.partOf) ?? []), ind.name]);
  const columns = new Map<string, SummaryColumnNames>();
  for (const ind of list) {
    if (!ind.summary) continue;
    const c = columns.get(ind.summary.id);
    columns.set(ind.summary.id, { ...ind.summary, names: [...(c?.names ?? []), ind.name] });
  }
  const byVersion = TEMPLATE_VERSIONS.map((_v, vi) =>
    list.filter((i) => TEMPLATE_VERSIONS.indexOf(i.since) <= vi).map((i) => i.name),
  );
  const askedSets = byVersion.map((names) => new Set(names));
  const partsOf = (total: string): readonly string[] => parts.get(total) ?? [];
  return {
    INDICATORS: list,
    REQUIRED_DEFINED_NAMES: [...list.map((i) => i.name), TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME],
    SUMMARY_COLUMNS: [...columns.values()].sort((x, y) => x.order - y.order),
    indicator: (name) => byName.get(name),
    isIndicatorName: (name) => byName.has(name),
    partsOf,
    namesOfVersion: (version) => byVersion[versionIndex(version)],
    isAskedIn: (name, version) => !byName.has(name) || askedSets[versionIndex(version)].has(name),
    noteOf: (ind) => {
      if (!ind.note.includes('{parts}')) return ind.note;
      const p = partsOf(ind.name).map((n) => partLabel(byName.get(n)?.label ?? n));
      return ind.note.replace('{parts}', `${p.join('、')}${CN_COUNT[p.length] ?? String(p.length)}项`);
    },
    zeroCounts: (version) => {
      const asked = askedSets[versionIndex(version ?? null)];
      const out: Record<string, number> = {};
      for (const ind of list) if (isNumericKind(ind.kind) && asked.has(ind.name)) out[ind.name] = 0;
      return out;
    },
  };
}

const DERIVED = deriveCatalogue(RECORDS);

/** Every indicator, in template order. */
export const INDICATORS: readonly Indicator[] = DERIVED.INDICATORS;
/** All defined names a standard workbook must carry: the indicators plus the template markers. */
export const REQUIRED_DEFINED_NAMES: readonly string[] = DERIVED.REQUIRED_DEFINED_NAMES;
/** The columns of the 汇总 sheet that show indicators, in order. */
export const SUMMARY_COLUMNS: readonly SummaryColumnNames[] = DERIVED.SUMMARY_COLUMNS;
export const indicator = DERIVED.indicator;
export const isIndicatorName = DERIVED.isIndicatorName;
export const partsOf = DERIVED.partsOf;
export const namesOfVersion = DERIVED.namesOfVersion;
export const isAskedIn = DERIVED.isAskedIn;
export const noteOf = DERIVED.noteOf;
export const zeroCounts = DERIVED.zeroCounts;

/** Indicators whose value is a number (counts and amounts). */
export function isNumericKind(kind: IndicatorKind): boolean {
  return kind === 'count' || kind === 'amount';
}

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
