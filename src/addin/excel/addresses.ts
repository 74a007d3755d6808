/**
 * Sheet-qualified addresses as Excel gives them ("'My sheet'!$B$4") and as messages show them.
 */

export interface MarkLocation {
  sheet: string;
  address: string;
}

/** "'My sheet'!$B$4" → {sheet: "My sheet", address: "B4"}. */
export function splitQualifiedAddress(qualified: string): MarkLocation | null {
  const text = qualified.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(bang + 1).replace(/\$/g, '') };
}

/** For messages: "表三依申请公开!J5" (quoted when the sheet name needs it). */
export function qualifiedAddress(cell: MarkLocation): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.address}`;
}
