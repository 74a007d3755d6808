/**
 * The bundled example submissions. One clean unit and several faulty ones, each fault taken from
 * a real 政务公开工作总结 of ../shared/seeds (the 高新区 that received 3 applications but reports 2
 * outcomes, the 12345 counts written as "XX", the "230余件" of a 厅, the "近400多条" of a 镇 …).
 * scripts/build-examples.js writes them with the template writer, so they stay in step with it.
 */
import { T3_COLUMNS, T3_ROWS, t3Name, zeroCounts } from '../core/catalogue';
import { withCheckChar } from '../core/credit-code';

export type ExampleValue = number | string | null;

export interface ExampleUnit {
  /** File name in examples/ (without extension). */
  file: string;
  /** What the example shows, for the README and the tests. */
  about: string;
  values: Record<string, ExampleValue>;
}

export const EXAMPLE_YEAR = 2025;

/** 表三 of a county department: 13 new + 1 carried over = 13 handled + 1 carried forward. */
const T3_CLEAN: Record<string, Partial<Record<string, number>>> = {
  NEW: { NAT: 10, BIZ: 2, LAW: 1 },
  CARRY: { NAT: 1 },
  OPEN: { NAT: 5, BIZ: 1, LAW: 1 },
  PARTIAL: { NAT: 2 },
  DENY_THIRD: { NAT: 1 },
  NA_NOTHELD: { NAT: 2, BIZ: 1 },
  TOTAL: { NAT: 10, BIZ: 2, LAW: 1 },
  CARRYOUT: { NAT: 1 },
};

/** 表三 from the non-zero cells per row and applicant column; each row's 总计 is the sum of its columns, every other cell 0. */
export function table3(rows: Record<string, Partial<Record<string, number>>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of T3_ROWS) {
    let sum = 0;
    for (const col of T3_COLUMNS) {
      if (col.key === 'SUM') continue;
      const v = rows[row.key]?.[col.key] ?? 0;
      out[t3Name(row.key, col.key)] = v;
      sum += v;
    }
    out[t3Name(row.key, 'SUM')] = sum;
  }
  return out;
}

/** A complete, balanced, plausible submission: the base every example starts from. */
export function cleanUnitValues(): Record<string, ExampleValue> {
  return {
    // every count of the current template version, so an indicator added later is never left blank
    ...zeroCounts(),
    INFO_UNIT_NAME: 'XX县教育局',
    INFO_UNIT_TYPE: '县级政府部门',
    INFO_UNIT_CODE: withCheckChar('11340822MB1234567'),
    INFO_PARENT: 'XX县人民政府办公室',
    INFO_YEAR: EXAMPLE_YEAR,
    INFO_CONTACT: '张敏',
    INFO_PHONE: '0556-4212345',
    INFO_DATE: '2026-01-15',

    T2_RULE_ISSUED: 0,
    T2_RULE_REPEALED: 0,
    T2_RULE_VALID: 0,
    T2_NORM_ISSUED: 2,
    T2_NORM_REPEALED: 1,
    T2_NORM_VALID: 15,
    T2_LICENSE: 35,
    T2_PENALTY: 2,
    T2_COERCE: 0,
    T2_FEE: 0,

    ...table3(T3_CLEAN),

    T4_REVIEW_UPHELD: 1,
    T4_REVIEW_CORRECTED: 0,
    T4_REVIEW_OTHER: 0,
    T4_REVIEW_PENDING: 0,
    T4_REVIEW_TOTAL: 1,
    T4_DIRECT_UPHELD: 0,
    T4_DIRECT_CORRECTED: 0,
    T4_DIRECT_OTHER: 0,
    T4_DIRECT_PENDING: 0,
    T4_DIRECT_TOTAL: 0,
    T4_AFTER_UPHELD: 0,
    T4_AFTER_CORRECTED: 0,
    T4_AFTER_OTHER: 0,
    T4_AFTER_PENDING: 0,
    T4_AFTER_TOTAL: 0,

    W_PUB_TOTAL: 420,
    W_PUB_PORTAL: 380,
    W_PUB_WECHAT: 260,
    W_PUB_WEIBO: 0,
    W_PUB_OTHERMEDIA: 40,
    W_INTERP_TOTAL: 12,
    W_INTERP_LEADER: 2,
    W_INTERP_GRAPHIC: 6,
    W_INTERP_VIDEO: 1,
    W_INTERP_MEDIA: 2,
    W_RESPONSE: 35,
    W_PRESS: 2,
    W_PRESS_LEADER: 1,
    W_OPENDAY: 1,
    W_CONSULT: 3,
    W_GAZETTE: 0,
    W_HOTLINE_TOTAL: 156,
    W_HOTLINE_COMPLAINT: 40,
    W_HOTLINE_INQUIRY: 90,
    W_HOTLINE_HELP: 10,
    W_HOTLINE_SUGGEST: 12,
    W_HOTLINE_OTHER: 4,
    W_HOTLINE_CLOSED: 156,
    W_TRAIN: 3,
    W_TRAIN_PERSONS: 85,
    W_STAFF_FULL: 1,
    W_STAFF_PART: 6,

    TXT_OVERVIEW:
      '2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕教育重点工作做好主动公开、政策解读和回应关切。' +
      '全年共收到政府信息公开申请13件，上年结转1件，办结13件，结转下年度继续办理1件。' +
      '全年发生政府信息公开行政复议1件，结果维持；未发生行政诉讼。',
    TXT_PROBLEMS:
      '政策解读形式还不够丰富，部分栏目更新不够及时。下一步将加强图解、视频解读，完善栏目维护责任分工，按季度开展自查。',
    TXT_OTHER: '本年度未收取信息处理费。无其他需要报告的事项。',
    TXT_FEE: '未收取信息处理费',
    FEE_YUAN: 0,
  };
}

function variant(overrides: Record<string, ExampleValue>): Record<string, ExampleValue> {
  return { ...cleanUnitValues(), ...overrides };
}

export const EXAMPLE_UNITS: readonly ExampleUnit[] = [
  {
    file: '01-县教育局-合格',
    about: '填写完整、勾稽关系全部成立的县级部门报表：校验结果为零问题。',
    values: cleanUnitValues(),
  },
  {
    file: '02-高新区-表三不平衡',
    about: '高新区“本年度线上收到依申请3件，予以公开2件”：新收 3 件，办理结果只填了 2 件，结转为 0。',
    values: variant({
      INFO_UNIT_NAME: 'XX高新技术产业开发区管委会',
      INFO_UNIT_TYPE: '开发区（园区）管委会',
      INFO_UNIT_CODE: withCheckChar('11340800MB0987654'),
      ...table3({ NEW: { NAT: 3 }, OPEN: { NAT: 2 }, TOTAL: { NAT: 2 } }),
      T4_REVIEW_UPHELD: 0,
      T4_REVIEW_TOTAL: 0,
      TXT_OVERVIEW:
        '2025年，高新区做到政府信息主动、及时、全面公开。本年度线上收到政府信息公开申请3件，予以公开2件。未发生行政复议和行政诉讼。',
    }),
  },
  {
    file: '03-高新区-热线工单XX',
    about: '“全年累计受理12345电子工单XX件……投诉类951件，咨询类XX件，求助类XX件，建议类78件”：模板残留 XX 原样上报。',
    values: variant({
      INFO_UNIT_NAME: 'XX经济开发区管委会',
      INFO_UNIT_TYPE: '开发区（园区）管委会',
      INFO_UNIT_CODE: withCheckChar('11340800MB0555555'),
      W_HOTLINE_TOTAL: 'XX',
      W_HOTLINE_COMPLAINT: 951,
      W_HOTLINE_INQUIRY: 'XX',
      W_HOTLINE_HELP: 'XX',
      W_HOTLINE_SUGGEST: 78,
      W_HOTLINE_OTHER: 0,
      W_HOTLINE_CLOSED: 'XX',
    }),
  },
  {
    file: '04-省人社厅-约数与单位',
    about: '“共受理办理依申请公开230余件”：约数填进表格；另有“12件”“１５”等带单位、全角数字的单元格。',
    values: variant({
      INFO_UNIT_NAME: '省人力资源和社会保障厅',
      INFO_UNIT_TYPE: '省级政府部门',
      INFO_UNIT_CODE: withCheckChar('11340000MB0011223'),
      T3_NEW_SUM: '230余',
      T2_NORM_ISSUED: '12件',
      T2_NORM_VALID: '１５',
      W_PRESS: '3',
    }),
  },
  {
    file: '05-镇政府-斜杠与近似',
    about: '镇政府：“全镇主动公开信息近400多条”，表二规章栏填“/”，电话与信用代码填错。',
    values: variant({
      INFO_UNIT_NAME: 'XX县XX镇人民政府',
      INFO_UNIT_TYPE: '乡镇人民政府（街道办事处）',
      INFO_UNIT_CODE: '11340822MB12345XY',
      INFO_PHONE: '12345',
      T2_RULE_ISSUED: '/',
      T2_RULE_REPEALED: '/',
      T2_RULE_VALID: '/',
      W_PUB_TOTAL: '近400',
    }),
  },
  {
    file: '06-市统计局-正文与表格不符',
    about: '正文写“办理依申请公开事项16件”，表三本年新收为 13；问题部分照抄模板“XX件”。',
    values: variant({
      INFO_UNIT_NAME: 'XX市统计局',
      INFO_UNIT_TYPE: '市级政府部门',
      INFO_UNIT_CODE: withCheckChar('11340800MB0777777'),
      TXT_OVERVIEW:
        '2025年，市统计局坚持以公开为常态、不公开为例外。全年共收到政府信息公开申请16件，上年结转1件，办结13件，结转下年度继续办理1件。' +
        '全年发生政府信息公开行政复议1件，结果维持；未发生行政诉讼。',
      TXT_PROBLEMS: '一是政策解读数量偏少，全年仅发布解读XX篇；二是基层公开标准化还需加强。下一步将逐项整改。',
    }),
  },
];
