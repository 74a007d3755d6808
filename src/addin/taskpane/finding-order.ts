/**
 * The order of the check tab's list, and whether a workbook is the standard one at all.
 */
import { INDICATORS, TEMPLATE_ID } from '../../core/catalogue';
import type { Finding } from '../../core/report';
import { orderFindings } from '../../core/rules/findings';
import type { Snapshot } from '../../core/snapshot';

/** Fewer than half of the indicator names present: this is not the standard workbook at all. */
export function looksLikeTemplate(snapshot: Snapshot): boolean {
  if (snapshot.templateId === TEMPLATE_ID) return true;
  const missing = snapshot.nameIssues.filter((i) => i.problem === 'missing').length;
  return missing < INDICATORS.length / 2;
}

/** Findings in the order a person fixes them: the core order (sheet, then errors before warnings before information, then position). */
export function sortFindings(findings: readonly Finding[], snapshot: Snapshot | null): Finding[] {
  return orderFindings(findings, snapshot ? snapshot.sheetOrder : null);
}
