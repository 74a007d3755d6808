/**
 * How units are recognised across files: the credit code compared without case or spaces, the
 * name compared exactly apart from surrounding and repeated white space (a name is a legal name;
 * "XX县财政局" and "XX县 财政局" are the same unit, "XX县财政局" and "XX县财政局（本级）" are not).
 */
export function codeKey(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const k = code.replace(/[\s\u00a0\u3000]+/gu, '').toUpperCase();
  return k === '' ? null : k;
}

export function nameKey(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const k = name.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  return k === '' ? null : k;
}
