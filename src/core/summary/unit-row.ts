/**
 * The per-unit row of the 汇总 sheet and the per-finding row of the 问题清单 sheet: the only things
 * the summary keeps of a submission once it has been validated and added to the sums.
 */
import { statusOf, type FileStatus } from '../batch-report';
import { SUMMARY_COLUMNS } from '../catalogue';
import type { Finding, FindingCell, Locale, Severity, SeverityCounts, WorkbookReport } from '../report';
import type { Snapshot, UnitInfo } from '../snapshot';
import { narrativeSignatures, type TextSignature } from '../narrative/identity';

/** A key figure shown per unit: one indicator, or the sum of several (litigation = two groups). */
export interface KeyTotal {
  id: string;
  label: string;
  labelEn: string;
  names: readonly string[];
}

/** The key figures of the 汇总 sheet: the catalogue's summary columns. */
export const KEY_TOTALS: readonly KeyTotal[] = SUMMARY_COLUMNS.map((c) => ({ id: c.id, label: c.label, labelEn: c.labelEn, names: c.names }));

/** Where a unit's identifying cells are, so findings across units can point at them. */
export interface UnitCells {
  name?: FindingCell;
  code?: FindingCell;
  year?: FindingCell;
}

export interface UnitRow {
  /** Position in the batch (sorted file order), 0-based. */
  index: number;
  file: string;
  unit: UnitInfo;
  cells: UnitCells;
  status: FileStatus;
  counts: SeverityCounts;
  /** Key figures by KeyTotal id; null when a cell holds no certain number (or the file was unreadable). */
  totals: Record<string, number | null>;
  /** Whether the unit's numbers went into the running sums. */
  inSums: boolean;
  /** Signatures of the narrative sections (U-SAME-TEXT), absent when a section is short or the file unreadable. */
  narrative?: Partial<Record<string, TextSignature>>;
}

export interface IssueRow {
  unitName: string | null;
  file: string;
  rule: string;
  severity: Severity;
  /** sheet!A1 of the first cell, '' when the finding has no cell. */
  location: string;
  message: string;
  /** Every cell of the finding (the 问题清单 lists them all); absent for rows that have none. */
  cells?: FindingCell[];
}

/** Key figures of one snapshot. */
export function keyTotals(snapshot: Snapshot): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of KEY_TOTALS) {
    let sum: number | null = 0;
    for (const n of k.names) {
      const v = snapshot.cells[n]?.value;
      if (typeof v !== 'number' || sum === null) sum = null;
      else sum += v;
    }
    out[k.id] = sum;
  }
  return out;
}

function cellOf(snapshot: Snapshot, name: string): FindingCell | undefined {
  const c = snapshot.cells[name];
  return c ? { name, sheet: c.sheet, address: c.address, ...(c.location ? { location: c.location } : {}) } : undefined;
}

export function unitCells(snapshot: Snapshot): UnitCells {
  return { name: cellOf(snapshot, 'INFO_UNIT_NAME'), code: cellOf(snapshot, 'INFO_UNIT_CODE'), year: cellOf(snapshot, 'INFO_YEAR') };
}

export function rowFromReport(index: number, file: string, snapshot: Snapshot, report: WorkbookReport): UnitRow {
  return {
    index,
    file,
    unit: report.unit,
    cells: unitCells(snapshot),
    status: statusOf(report.counts),
    counts: { ...report.counts },
    totals: keyTotals(snapshot),
    inSums: false,
    narrative: narrativeSignatures(snapshot),
  };
}

export function unreadableRow(index: number, file: string): UnitRow {
  const totals: Record<string, number | null> = {};
  for (const k of KEY_TOTALS) totals[k.id] = null;
  return {
    index,
    file,
    unit: { name: null, code: null, type: null, year: null },
    cells: {},
    status: 'unreadable',
    counts: { error: 0, warning: 0, info: 0 },
    totals,
    inSums: false,
  };
}

/** Adds findings found later (across units, across years) to a row, updating counts and status. */
export function addFindingsToRow(row: UnitRow, findings: readonly Finding[]): void {
  for (const f of findings) row.counts[f.severity] += 1;
  if (row.status !== 'unreadable') row.status = statusOf(row.counts);
}

export function issueRow(
  row: Pick<UnitRow, 'unit' | 'file'>,
  f: Pick<Finding, 'rule' | 'severity' | 'message' | 'cells'> & { messages?: Finding['messages'] },
  locale: Locale,
): IssueRow {
  const c = f.cells[0];
  return {
    unitName: row.unit.name,
    file: row.file,
    rule: f.rule,
    severity: f.severity,
    location: c ? (c.location ?? `${c.sheet}!${c.address}`) : '',
    message: f.messages?.[locale] ?? f.message,
    cells: f.cells.slice(),
  };
}
