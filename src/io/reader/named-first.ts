/**
 * Workbook bytes into a Snapshot, named cells first: an .xlsx/.xlsm is read by the named-cell reader
 * (./fast: only the parts and cells the defined names need); wherever it declines, and for .xls and
 * .ods, SheetJS reads the file (./workbook-bytes). Both give the same Snapshot (tests/reader-fast-diff).
 * Browser-safe (no Node built-ins), for hosts with a modern JavaScript engine: the named-cell reader
 * uses saxes, which is not ES5.
 */
import type { Snapshot } from '../../core/snapshot';
import { readNamedCells } from './fast';
import { readSniffedWithSheetJs, sniffed, snapshotFromWorkbook, type ReadLimits } from './workbook-bytes';

/** Reads .xlsx/.xlsm/.xls/.ods bytes into a Snapshot. Throws UserError with a specific code for unreadable input. */
export function readWorkbook(data: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Snapshot {
  const found = sniffed(data, fileName, limits);
  if (found.container === 'ooxml' && found.parts) {
    const fast = readNamedCells(found.parts);
    if (fast.ok) {
      try {
        return snapshotFromWorkbook(fast.workbook, fileName);
      } catch {
        // Not expected; SheetJS, the reference, then decides what the file holds.
      }
    }
  }
  return readSniffedWithSheetJs(data, fileName, found);
}

/** The named-cell reader alone: its Snapshot, or the reason it leaves the file to SheetJS. */
export function readWorkbookFast(
  data: Uint8Array,
  fileName: string,
  limits?: Partial<ReadLimits>,
): { snapshot: Snapshot } | { declined: string } {
  const found = sniffed(data, fileName, limits);
  if (found.container !== 'ooxml' || !found.parts) return { declined: `container ${found.container}` };
  const fast = readNamedCells(found.parts);
  return fast.ok ? { snapshot: snapshotFromWorkbook(fast.workbook, fileName) } : { declined: fast.reason };
}
