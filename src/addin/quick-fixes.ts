/**
 * One-click fixes, declared by the rules (`quickFix` in a rule's metadata) and offered only where
 * the correct value is certain: a count stored as text ("12",
 * full-width "１２", "12件") means that number and nothing else.
 *
 * Sums are not fixed: when the parts of a row add up to 12 and its 总计 says 13, either the total or one
 * of the parts may be the wrong figure, and only the person who filled it in knows which. Such findings
 * take the user to the cells (clicking the finding selects the first one; the marks colour them all).
 */
import { indicator } from '../core/catalogue';
import type { Finding, Locale } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { paneStrings } from './i18n';

export interface QuickFix {
  /** Defined name of the cell that is written. */
  name: string;
  sheet: string;
  address: string;
  /** The number written into the cell. */
  value: number;
  kind: 'text-to-number';
  /** The text of the cell before the fix (shown in the label of text-to-number). */
  before: string;
}

/** The certain fix for a finding, or null when a person has to decide (see the module note). */
export function quickFixFor(finding: Finding, snapshot: Snapshot): QuickFix | null {
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
  return s.quickFixToNumber(fix.before, fix.value);
}
