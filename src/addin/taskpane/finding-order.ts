/**
 * The order of the check tab's list, and whether a workbook is the standard one at all.
 */
import { INDICATORS, TEMPLATE_ID, parseAddress } from '../../core/catalogue';
import type { Finding, FindingCell } from '../../core/report';
import type { Snapshot } from '../../core/snapshot';

/** Fewer than half of the indicator names present: this is not the standard workbook at all. */
export function looksLikeTemplate(snapshot: Snapshot): boolean {
  if (snapshot.templateId === TEMPLATE_ID) return true;
  const missing = snapshot.nameIssues.filter((i) => i.problem === 'missing').length;
  return missing < INDICATORS.length / 2;
}

function cellOrder(snapshot: Snapshot | null, cell: FindingCell | undefined): [number, number, number] {
  if (!cell) return [-1, 0, 0];
  const sheetIndex = snapshot ? snapshot.sheetOrder.indexOf(cell.sheet) : -1;
  try {
    const { row, col } = parseAddress(cell.address);
    return [sheetIndex < 0 ? Number.MAX_SAFE_INTEGER : sheetIndex, row, col];
  } catch {
    return [sheetIndex, 0, 0];
  }
}

/** Findings in reading order: workbook-level first, then sheet order, then top to bottom, left to right. */
export function sortFindings(findings: readonly Finding[], snapshot: Snapshot | null): Finding[] {
  const keyed = findings.map((f, i) => ({ f, i, k: cellOrder(snapshot, f.cells[0]) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i);
  return keyed.map((x) => x.f);
}
