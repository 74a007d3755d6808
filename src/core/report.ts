/**
 * Findings and reports: what every host shows and what the JSON report contract serialises.
 */
import type { UnitInfo } from './snapshot';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export type LocalisedText = Record<Locale, string>;

export interface FindingCell {
  /** Defined name of the indicator. */
  name: string;
  /** Sheet name as found in the workbook. */
  sheet: string;
  /** A1 address, no $ signs. */
  address: string;
  /** Where a person finds the value in a report document ("表三 第5行「总计」列"); absent for workbooks. */
  location?: string;
}

export interface Finding {
  /** Stable check id of checks.md, e.g. T3-BALANCE. */
  rule: string;
  severity: Severity;
  /** The message in the report's locale. */
  message: string;
  /** The message in every locale (hosts switch language without re-running the rules). */
  messages: LocalisedText;
  /** Every cell involved; the first is the one to jump to. */
  cells: FindingCell[];
  /** The actual values behind the message (sums, differences, cell values). */
  values: Record<string, number | string | null>;
  /** The one-click fix the rule declares, which a host may offer when the value to write is certain. */
  quickFix?: 'text-to-number';
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface WorkbookReport {
  unit: UnitInfo;
  findings: Finding[];
  counts: SeverityCounts;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
