/**
 * Built-in sets a rule can be expanded over with `forEach`. They derive from the catalogue, so a
 * rule over "every 表三 column" never repeats the column list.
 */
import { T3_COLUMNS, T3_ROWS, T4_GROUPS, t3ColumnLabel, t3RowLabel } from '../catalogue';
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
