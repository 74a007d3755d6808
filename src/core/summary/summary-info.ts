/**
 * What the 合计 sheets say about themselves: the basic-information and narrative cells of a summary
 * workbook. They are chosen so that the summary is itself a standard workbook that passes the same
 * checks as a submission (sensible unit type for 规章, narrative that mentions 整改 and states the
 * fee figure it carries, no numbers in the overview that could contradict the tables).
 */
import { RULE_MAKING_UNIT_TYPES, UNIT_TYPES, unitTypeOf } from '../catalogue';

export interface SummaryInfoOptions {
  /** Name of the coordinating unit, e.g. "XX县人民政府办公室"; the sheet says "<name>汇总（N个单位）". */
  unitName?: string;
  unitCode?: string;
  unitType?: string;
  contact?: string;
  phone?: string;
  /** ISO date of filing; the caller passes today's date (the core reads no clock). */
  date: string;
  year: number | null;
  /** Number of units in the sums. */
  units: number;
  /** Unit types of the summed units, for the default type. */
  unitTypes: readonly (string | null)[];
  /** The summed 规章 and fee figures decide the default type and the fee statement. */
  sums: Record<string, number>;
}

/** Values of the INFO and TXT cells (null = leave blank); numbers come from the sums. */
export type SummaryInfoValues = Record<string, string | number | null>;

const RULE_CELLS = ['T2_RULE_ISSUED', 'T2_RULE_REPEALED', 'T2_RULE_VALID'];

/**
 * The unit type of the summary: given explicitly; else the one type all summed units share;
 * else, when the summed 规章 cells are non-zero, the rule-making type found among the units
 * (so T2-RULE-POWER holds); else 其他.
 */
export function summaryUnitType(opts: Pick<SummaryInfoOptions, 'unitType' | 'unitTypes' | 'sums'>): string {
  if (opts.unitType) return opts.unitType;
  const known = opts.unitTypes
    .map((t) => (t === null ? null : UNIT_TYPES.includes(t) ? t : unitTypeOf(t)))
    .filter((t): t is string => t !== null);
  const distinct = [...new Set(known)];
  if (distinct.length === 1) return distinct[0];
  const rules = RULE_CELLS.some((n) => (opts.sums[n] ?? 0) !== 0);
  if (rules) {
    const maker = RULE_MAKING_UNIT_TYPES.find((t) => distinct.includes(t));
    return maker ?? RULE_MAKING_UNIT_TYPES[RULE_MAKING_UNIT_TYPES.length - 1];
  }
  return '其他';
}

export function summaryTitle(unitName: string | undefined, units: number): string {
  return `${unitName ?? ''}汇总（${units}个单位）`;
}

export function summaryInfoValues(opts: SummaryInfoOptions): SummaryInfoValues {
  const fee = opts.sums.FEE_YUAN ?? 0;
  return {
    INFO_UNIT_NAME: summaryTitle(opts.unitName, opts.units),
    INFO_UNIT_TYPE: summaryUnitType(opts),
    INFO_UNIT_CODE: opts.unitCode ?? null,
    INFO_PARENT: null,
    INFO_YEAR: opts.year,
    INFO_CONTACT: opts.contact ?? null,
    INFO_PHONE: opts.phone ?? null,
    INFO_DATE: opts.date,
    TXT_OVERVIEW: `本工作簿为 ${opts.units} 个单位报送的政府信息公开工作年度报告数据的自动汇总，各表数字为这些单位相应数字之和，各单位的具体情况见其报告。`,
    TXT_PROBLEMS: '本汇总不单独列出存在的问题，各单位存在的主要问题及整改情况见其报告。',
    TXT_OTHER: '本汇总由各单位报送数据自动求和生成，文字部分不做汇总，其他需要报告的事项见各单位报告。',
    TXT_FEE: fee > 0 ? `各单位共收取信息处理费 ${fee} 元。` : '未收取信息处理费。',
  };
}
