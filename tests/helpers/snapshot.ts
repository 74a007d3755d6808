/**
 * Builds Snapshots for tests of the rules: a clean, balanced, plausible set of values for every
 * indicator, and a builder that places values at the catalogue's sheet and address and classifies
 * them exactly as a reader would (a string goes through classifyText, like a text cell).
 */
import {
  INDICATORS,
  SHEETS,
  T3_COLUMNS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  sheetSpec,
  t3Name,
  t4Name,
  zeroCounts,
} from '../../src/core/catalogue';
import { readingFromRaw } from '../../src/core/classify';
import type { CellReading, NameIssue, Snapshot } from '../../src/core/snapshot';

export type Values = Record<string, number | string | null>;

/** A valid 统一社会信用代码 (check character 9). */
export const CLEAN_CODE = '113401000030412349';

/** 表三 per column: the non-zero rows; every other row is 0. Each column balances. */
const T3_CLEAN: Record<string, Record<string, number>> = {
  NAT: { NEW: 20, CARRY: 2, OPEN: 10, PARTIAL: 2, DENY_THIRD: 1, NA_NOTHELD: 5, NP_REPEAT: 1, OT_NOCORRECT: 1, TOTAL: 20, CARRYOUT: 2 },
  BIZ: { NEW: 5, CARRY: 1, OPEN: 3, NA_NOTHELD: 2, TOTAL: 5, CARRYOUT: 1 },
  RES: {},
  NGO: { NEW: 1, OPEN: 1, TOTAL: 1 },
  LAW: { NEW: 3, OPEN: 1, PARTIAL: 1, DENY_PROCESS: 1, TOTAL: 3 },
  ORG: { NEW: 2, OPEN: 2, TOTAL: 2 },
};

/** A balanced, fully filled, plausible workbook (a county government, 2023): passes every rule. */
export function cleanValues(): Values {
  const v: Values = {
    ...zeroCounts(),
    INFO_UNIT_NAME: '某某县人民政府',
    INFO_UNIT_TYPE: '县级人民政府',
    INFO_UNIT_CODE: CLEAN_CODE,
    INFO_PARENT: '某某市人民政府',
    INFO_YEAR: 2023,
    INFO_CONTACT: '张三',
    INFO_PHONE: '0551-65123456',
    INFO_DATE: '2024-01-15',
    T2_RULE_ISSUED: 0,
    T2_RULE_REPEALED: 0,
    T2_RULE_VALID: 0,
    T2_NORM_ISSUED: 5,
    T2_NORM_REPEALED: 2,
    T2_NORM_VALID: 40,
    T2_LICENSE: 1200,
    T2_PENALTY: 300,
    T2_COERCE: 12,
    T2_FEE: 25.6,
  };
  for (const ind of INDICATORS) {
    if (ind.group !== 'T3' || ind.col === 'SUM') continue;
    v[ind.name] = T3_CLEAN[ind.col!][ind.row!] ?? 0;
  }
  for (const ind of INDICATORS) {
    if (ind.group !== 'T3' || ind.col !== 'SUM') continue;
    v[ind.name] = T3_COLUMNS.filter((c) => c.key !== 'SUM').reduce((s, c) => s + (v[t3Name(ind.row!, c.key)] as number), 0);
  }
  const t4: Record<string, number[]> = { REVIEW: [1, 0, 0, 1, 2], DIRECT: [1, 0, 0, 0, 1], AFTER: [0, 0, 0, 0, 0] };
  for (const [g, nums] of Object.entries(t4)) {
    ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING', 'TOTAL'].forEach((r, i) => (v[t4Name(g, r)] = nums[i]));
  }
  Object.assign(v, {
    W_PUB_TOTAL: 1500,
    W_PUB_PORTAL: 1200,
    W_PUB_WECHAT: 600,
    W_PUB_WEIBO: 300,
    W_PUB_OTHERMEDIA: 50,
    W_INTERP_TOTAL: 30,
    W_INTERP_LEADER: 5,
    W_INTERP_GRAPHIC: 10,
    W_INTERP_VIDEO: 3,
    W_INTERP_MEDIA: 4,
    W_RESPONSE: 40,
    W_PRESS: 6,
    W_PRESS_LEADER: 2,
    W_OPENDAY: 2,
    W_CONSULT: 8,
    W_GAZETTE: 4,
    W_HOTLINE_TOTAL: 1200,
    W_HOTLINE_COMPLAINT: 500,
    W_HOTLINE_INQUIRY: 400,
    W_HOTLINE_HELP: 200,
    W_HOTLINE_SUGGEST: 60,
    W_HOTLINE_OTHER: 40,
    W_HOTLINE_CLOSED: 1190,
    W_TRAIN: 3,
    W_TRAIN_PERSONS: 120,
    W_STAFF_FULL: 2,
    W_STAFF_PART: 10,
    TXT_OVERVIEW:
      '2023年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息1500条。' +
      '本年度共收到政府信息公开申请31件，上年结转申请3件，结转下年度继续办理3件。' +
      '发生行政复议2件，行政诉讼1件。政务公开工作纳入年度绩效考核，本年度未发生责任追究情况。',
    TXT_PROBLEMS: '存在的问题：政策解读形式还不够丰富。改进措施：加强培训，提升工作人员业务能力。',
    TXT_OTHER: '本年度无其他需要报告的事项。',
    TXT_FEE: '本年度未收取信息处理费。',
    FEE_YUAN: 0,
  });
  return v;
}

export interface SnapshotOptions {
  source?: string;
  /** null = the TEMPLATE_ID / TEMPLATE_VERSION name is missing. */
  templateId?: string | null;
  templateVersion?: string | null;
  /** Defined names the workbook lacks (also: every catalogue name absent from `values`). */
  missing?: string[];
}

/**
 * Places `values` at the catalogue's sheet and address. A number is a number cell, a string a
 * text cell (classified by classifyText), null an empty cell; a catalogue name absent from
 * `values` (or listed in opts.missing) is a missing defined name.
 */
export function snapshotFrom(values: Values, opts: SnapshotOptions = {}): Snapshot {
  const cells: Record<string, CellReading> = {};
  const nameIssues: NameIssue[] = [];
  const missing = new Set(opts.missing ?? []);
  for (const ind of INDICATORS) {
    if (!(ind.name in values) || missing.has(ind.name)) {
      nameIssues.push({ name: ind.name, problem: 'missing' });
      continue;
    }
    const v = values[ind.name];
    const sheet = sheetSpec(ind.sheet).name;
    cells[ind.name] =
      v === null
        ? readingFromRaw(ind.name, sheet, ind.address, { type: 'z', value: null })
        : typeof v === 'number'
          ? readingFromRaw(ind.name, sheet, ind.address, { type: 'n', value: v })
          : readingFromRaw(ind.name, sheet, ind.address, { type: 's', value: v });
  }
  const templateId = opts.templateId === undefined ? TEMPLATE_ID : opts.templateId;
  const templateVersion = opts.templateVersion === undefined ? TEMPLATE_VERSION : opts.templateVersion;
  if (templateId === null) nameIssues.push({ name: 'TEMPLATE_ID', problem: 'missing' });
  if (templateVersion === null) nameIssues.push({ name: 'TEMPLATE_VERSION', problem: 'missing' });
  return {
    source: opts.source ?? 'test.xlsx',
    templateId,
    templateVersion,
    cells,
    nameIssues,
    sheetOrder: SHEETS.map((s) => s.name),
  };
}

/** cleanValues() with some cells changed. */
export function snapshotWith(changes: Values, opts: SnapshotOptions = {}): Snapshot {
  return snapshotFrom({ ...cleanValues(), ...changes }, opts);
}
