/**
 * The report over a batch of submissions: the JSON report contract of `zwgk validate --format json`.
 *
 *   { files: [{ file, status: "ok"|"warning"|"error"|"unreadable", unit: {name, code, type, year},
 *               findings: [{ rule, severity, message, cells: [{name, sheet, address}], values }],
 *               error?: { code, message } }],
 *     counts: { files, ok, warning, error, unreadable, findings: {error, warning, info} } }
 */
import type { Finding, Severity, SeverityCounts, WorkbookReport } from './report';
import type { UnitInfo } from './snapshot';

export type FileStatus = 'ok' | 'warning' | 'error' | 'unreadable';

export interface ContractFinding {
  rule: string;
  severity: Severity;
  message: string;
  cells: Finding['cells'];
  values: Finding['values'];
}

export interface FileReport {
  file: string;
  status: FileStatus;
  unit: UnitInfo;
  findings: ContractFinding[];
  error?: { code: string; message: string };
}

export interface BatchCounts {
  files: number;
  ok: number;
  warning: number;
  error: number;
  unreadable: number;
  findings: SeverityCounts;
}

export interface BatchReport {
  files: FileReport[];
  counts: BatchCounts;
}

export const EMPTY_UNIT: UnitInfo = { name: null, code: null, type: null, year: null };

export function statusOf(counts: SeverityCounts): FileStatus {
  if (counts.error > 0) return 'error';
  if (counts.warning > 0) return 'warning';
  return 'ok';
}

export function fileReportFromWorkbook(file: string, report: WorkbookReport): FileReport {
  return {
    file,
    status: statusOf(report.counts),
    unit: report.unit,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      cells: f.cells,
      values: f.values,
    })),
  };
}

export function unreadableFileReport(file: string, code: string, message: string): FileReport {
  return { file, status: 'unreadable', unit: { ...EMPTY_UNIT }, findings: [], error: { code, message } };
}

export function batchCounts(files: readonly FileReport[]): BatchCounts {
  const counts: BatchCounts = {
    files: files.length,
    ok: 0,
    warning: 0,
    error: 0,
    unreadable: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const f of files) {
    counts[f.status] += 1;
    for (const x of f.findings) counts.findings[x.severity] += 1;
  }
  return counts;
}
