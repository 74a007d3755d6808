/**
 * Decides which sheets, and how many rows of them, the reader has to parse. A workbook is parsed
 * twice: once without any sheet (cheap: workbook part, names, sheet list), then only the sheets the
 * contract's defined names point to, down to the lowest row they point to. A unit's notes sheet with
 * a million rows, or a table pasted far below the form, then costs neither time nor memory.
 */
import { INDICATORS, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME, parseAddress } from '../../core/catalogue';
import type { NameResolver } from './names';

export interface ReadPlan {
  /** Keys of wb.SheetNames to parse (empty: no name resolves, nothing to read). */
  sheets: string[];
  /** Rows to parse per sheet (SheetJS sheetRows): the lowest row any name points to. */
  rows: number;
}

const CONTRACT_NAMES: readonly string[] = [...INDICATORS.map((i) => i.name), TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME];

export function planRead(resolver: NameResolver, sheetNames: readonly string[]): ReadPlan {
  const sheets = new Set<string>();
  let rows = 0;
  for (const name of CONTRACT_NAMES) {
    const target = resolver.resolve(name);
    if (!target.ok) continue;
    sheets.add(target.sheetKey);
    rows = Math.max(rows, parseAddress(target.address).row);
  }
  // Keep the workbook's own sheet order, which SheetJS follows anyway.
  return { sheets: sheetNames.filter((s) => sheets.has(s)), rows };
}
