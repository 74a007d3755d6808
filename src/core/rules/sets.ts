/**
 * Built-in sets a rule can be expanded over with `forEach`. They derive from the catalogue, so a
 * rule over "every 表三 column" never repeats the column list.
 */
import { T3_COLUMNS, T3_PART_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_GROUPS, t3ColumnLabel, t3Name, t3RowLabel } from '../catalogue';
import type { LocalisedText } from '../report';

export interface SetItem {
  key: string;
  label: LocalisedText;
}

export const BUILTIN_SETS: Readonly<Record<string, readonly SetItem[]>> = {
  /** The 7 表三 columns NAT … SUM. */
  t3Columns: T3_COLUMNS.map((c) => ({ key: c.key, label: { 'zh-CN': t3ColumnLabel(c), en: c.labelEn } })),
  /** The 25 表三 rows NEW … CARRYOUT. */
  t3Rows: T3_ROWS.map((r) => ({ key: r.key, label: { 'zh-CN': t3RowLabel(r), en: r.labelEn } })),
  /** The 3 表四 groups REVIEW, DIRECT, AFTER. */
  t4Groups: T4_GROUPS.map((g) => ({ key: g.key, label: { 'zh-CN': g.label, en: g.labelEn } })),
};

/**
 * Named lists of defined names a fact's terms can refer to by key ({"set": "t3Results.NAT"})
 * instead of spelling the names out: a condition stays short, and json-rules-engine, which copies
 * every condition of every rule on every run, has less to copy.
 * - t3Results.<column>: the 21 办理结果 rows (一) to (六) of a 表三 column, whose sum is (七) 总计;
 * - t3Applicants.<row>: the six applicant columns of a 表三 row, whose sum is its 总计.
 */
export const NAME_SETS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries([
    ...T3_COLUMNS.map((c) => [`t3Results.${c.key}`, T3_RESULT_ROWS.map((r) => t3Name(r, c.key))] as const),
    ...T3_ROWS.map((r) => [`t3Applicants.${r.key}`, T3_PART_COLUMNS.map((c) => t3Name(r.key, c))] as const),
  ]),
);
