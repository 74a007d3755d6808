/**
 * One-click fixes, declared by the rules (`quickFix` in a rule's metadata) and offered only where
 * the correct value is certain:
 * - a total that differs from the sum of its parts when every part is a real number
 *   (表三 row sums, 表四 group totals, the 12345 hotline total);
 * - a count stored as text ("12", full-width "１２", "12件"): the number meant is unambiguous.
 * Everything else (which of two balanced lists is wrong, approximations, placeholders) needs a person.
 */
import { indicator, partsOf } from '../core/catalogue';
import type { Finding, Locale } from '../core/report';
import type { CellReading, Snapshot } from '../core/snapshot';
import { paneStrings } from './i18n';

export interface QuickFix {
  /** Defined name of the cell that is written. */
  name: string;
  sheet: string;
  address: string;
  /** The number written into the cell. */
  value: number;
  kind: 'set-total' | 'text-to-number';
  /** The text of the cell before the fix (shown in the label of text-to-number). */
  before: string;
}

/**
 * The total cell and its parts of a set-total fix: the first cell of the finding that the catalogue
 * gives parts, with the parts the workbook has (a workbook of an older version lacks newer ones).
 */
function sumShape(finding: Finding, snapshot: Snapshot): { total: string; parts: string[] } | null {
  const total = finding.cells.map((c) => c.name).find((n) => partsOf(n).length > 0);
  if (!total) return null;
  return { total, parts: partsOf(total).filter((n) => snapshot.cells[n] !== undefined) };
}

function isWholeNumberCell(r: CellReading | undefined): r is CellReading & { value: number } {
  return r !== undefined && r.cls === 'number' && r.value !== null && Number.isInteger(r.value) && r.value >= 0;
}

export function quickFixFor(finding: Finding, snapshot: Snapshot): QuickFix | null {
  const shape = finding.quickFix === 'set-total' ? sumShape(finding, snapshot) : null;
  if (shape) {
    const total = snapshot.cells[shape.total];
    const parts = shape.parts.map((n) => snapshot.cells[n]);
    if (!total || total.formula || !parts.every(isWholeNumberCell)) return null;
    const sum = parts.reduce((acc, p) => acc + (p as CellReading & { value: number }).value, 0);
    if (total.value === sum) return null;
    return { name: total.name, sheet: total.sheet, address: total.address, value: sum, kind: 'set-total', before: total.text };
  }
  if (finding.quickFix === 'text-to-number' && finding.cells.length > 0) {
    const reading = snapshot.cells[finding.cells[0].name];
    if (!reading || reading.value === null || reading.formula) return null;
    const spec = indicator(reading.name);
    const certain =
      reading.cls === 'text-number' ||
      reading.cls === 'fullwidth-number' ||
      // "12件" in a count cell: the unit is only a measure word. For amounts the unit may be the wrong one (元 vs 万元).
      (reading.cls === 'number-with-unit' && spec?.kind === 'count');
    if (!certain) return null;
    return { name: reading.name, sheet: reading.sheet, address: reading.address, value: reading.value, kind: 'text-to-number', before: reading.text.trim() };
  }
  return null;
}

export function quickFixLabel(fix: QuickFix, locale: Locale): string {
  const s = paneStrings(locale);
  return fix.kind === 'set-total' ? s.quickFixTotal(fix.value) : s.quickFixToNumber(fix.before, fix.value);
}
