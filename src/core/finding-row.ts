/**
 * One shape of a finding as a row of a list: the JSON report's findings, the HTML report's tables,
 * the 问题清单 sheet of an annotated copy and the one of the summary workbook (the same columns),
 * the task pane and the web page all show these fields, labelled and ordered as here.
 */
import { SEVERITY_TITLES } from './codes/labels';
import type { Finding, Locale, LocalisedText, Severity } from './report';

export type FindingColumnKey = 'seq' | 'unit' | 'file' | 'severity' | 'rule' | 'sheet' | 'cell' | 'message';

export interface FindingColumn {
  key: FindingColumnKey;
  label: LocalisedText;
  /** Width in characters in a worksheet. */
  width: number;
}

/** The columns of every findings list, in order. */
export const FINDING_COLUMNS: readonly FindingColumn[] = [
  { key: 'seq', label: { 'zh-CN': '序号', en: 'No.' }, width: 7 },
  { key: 'unit', label: { 'zh-CN': '单位名称', en: 'Unit' }, width: 28 },
  { key: 'file', label: { 'zh-CN': '文件', en: 'File' }, width: 30 },
  { key: 'severity', label: { 'zh-CN': '级别', en: 'Severity' }, width: 8 },
  { key: 'rule', label: { 'zh-CN': '检查项', en: 'Check' }, width: 20 },
  { key: 'sheet', label: { 'zh-CN': '工作表', en: 'Sheet' }, width: 16 },
  { key: 'cell', label: { 'zh-CN': '单元格', en: 'Cell' }, width: 10 },
  { key: 'message', label: { 'zh-CN': '说明', en: 'Message' }, width: 80 },
];

/** One finding (or, per cell, one of its cells) as a list row. */
export interface FindingRow {
  /** Number of the finding, 1-based; the rows of one finding's cells share it. */
  seq: number;
  unit: string | null;
  file: string;
  severity: Severity;
  severityLabel: string;
  rule: string;
  /** Sheet and A1 address of the cell ('' when the finding names no cell). */
  sheet: string;
  cell: string;
  /** Defined name of the cell ('' when none). */
  name: string;
  /** Every cell of the finding as sheet!A1 (a list that shows one row per finding names them all). */
  locations: string[];
  message: string;
}

/** Whose findings these are: the unit's name and the file, as the lists show them. */
export interface FindingSource {
  unit: string | null;
  file: string;
}

/** A finding-like record: a finding, or a file's failure shown as one. */
export type RowFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'cells'> & { messages?: Finding['messages'] };

/** The rows of one finding: one per cell with `perCell`, else one at its first cell. */
function rowsOf(f: RowFinding, seq: number, locale: Locale, source: FindingSource, perCell: boolean): FindingRow[] {
  const base = {
    seq,
    unit: source.unit,
    file: source.file,
    severity: f.severity,
    severityLabel: SEVERITY_TITLES[locale][f.severity],
    rule: f.rule,
    locations: f.cells.map((c) => `${c.sheet}!${c.address}`),
    message: f.messages?.[locale] ?? f.message,
  };
  const cells = perCell ? f.cells : f.cells.slice(0, 1);
  if (cells.length === 0) return [{ ...base, sheet: '', cell: '', name: '' }];
  return cells.map((c) => ({ ...base, sheet: c.sheet, cell: c.address, name: c.name }));
}

/** One row of a finding at its first cell (the cell to jump to). */
export function findingRow(f: RowFinding, seq: number, locale: Locale, source: FindingSource): FindingRow {
  return rowsOf(f, seq, locale, source, false)[0];
}

/**
 * The rows of a list of findings. `perCell`: one row per cell (the annotated copy links every
 * cell); otherwise one row per finding at its first cell (the cell to jump to).
 */
export function findingRows(findings: readonly RowFinding[], locale: Locale, source: FindingSource, perCell = false): FindingRow[] {
  return findings.flatMap((f, i) => rowsOf(f, i + 1, locale, source, perCell));
}

/** The header of a findings list. */
export function findingColumnLabels(locale: Locale): string[] {
  return FINDING_COLUMNS.map((c) => c.label[locale]);
}

/** A row's values in column order (null where a value is empty). */
export function findingRowValues(row: FindingRow): Array<string | number | null> {
  const v = (s: string | null): string | null => (s === null || s === '' ? null : s);
  return [row.seq, v(row.unit), v(row.file), row.severityLabel, row.rule, v(row.sheet), v(row.cell), v(row.message)];
}
