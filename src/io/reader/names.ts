/**
 * Resolves the workbook's defined names to single cells. Readers locate every indicator by its
 * defined name, never by a fixed address, so inserted rows and renamed sheets still read right.
 */
import type { NameProblem } from '../../core/snapshot';

/** One defined name as SheetJS reports it (wb.Workbook.Names). */
export interface WorkbookName {
  Name: string;
  Ref: string;
  /** Index of the sheet the name is local to; null/undefined for workbook scope. */
  Sheet?: number | null;
}

export type ParsedRef =
  | { kind: 'cell'; sheet: string | null; address: string }
  | { kind: 'broken' }
  | { kind: 'not-a-cell' };

export type NameTarget =
  /** sheetKey: the key of wb.Sheets; sheet: the sheet's real name (they differ only for ODS, see below). */
  | { ok: true; sheetKey: string; sheet: string; address: string; ref: string }
  | { ok: false; problem: NameProblem; ref?: string };

const XML_ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * SheetJS 0.20.3 leaves XML entities in the references and the sheet names it reads from ODS
 * (&apos;My Sheet&apos;!$B$3, a sheet called Unit&apos;s Table).
 */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(?:apos|quot|amp|lt|gt);/g, (m) => XML_ENTITIES[m]);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const AREA = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/s;

/** Parses a defined name's reference: "'My Sheet'!$B$3", "基本信息!$B$3", "#REF!", a range or a constant. */
export function parseNameRef(rawRef: string): ParsedRef {
  const ref = unescapeXml(rawRef).trim().replace(/^=/, '').trim();
  // LibreOffice writes a deleted target into .xls as #N/A; Excel and .xlsx keep #REF!.
  if (ref === '' || /#REF!/i.test(ref) || /^#N\/A$/i.test(ref)) return { kind: 'broken' };
  let sheet: string | null = null;
  let target = ref;
  const m = SHEET_PREFIX.exec(ref);
  if (m) {
    sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    target = m[3];
    // A reference into another workbook ([1]Sheet!A1) is not a cell of this one.
    if (sheet.startsWith('[')) return { kind: 'not-a-cell' };
  }
  const cell = CELL.exec(target);
  if (cell) return { kind: 'cell', sheet, address: `${cell[1].toUpperCase()}${cell[2]}` };
  const area = AREA.exec(target);
  if (area && area[1].toUpperCase() === area[3].toUpperCase() && area[2] === area[4]) {
    return { kind: 'cell', sheet, address: `${area[1].toUpperCase()}${area[2]}` };
  }
  return { kind: 'not-a-cell' };
}

/** Finds the sheet key by the sheet's real name, else case-insensitively (Excel treats sheet names so). */
function findSheet(sheetNames: readonly string[], wanted: string): string | undefined {
  const exact = sheetNames.find((s) => unescapeXml(s) === wanted);
  if (exact !== undefined) return exact;
  const lower = wanted.toLowerCase();
  return sheetNames.find((s) => unescapeXml(s).toLowerCase() === lower);
}

/**
 * Picks the definition of `name`: the workbook-scoped one, else the first sheet-scoped one.
 * Names compare case-insensitively, as in Excel.
 */
export function pickName(names: readonly WorkbookName[], name: string): WorkbookName | undefined {
  const wanted = name.toUpperCase();
  const same = names.filter((n) => n.Name.toUpperCase() === wanted);
  return same.find((n) => n.Sheet === null || n.Sheet === undefined) ?? same[0];
}

function isWorkbookScoped(n: WorkbookName): boolean {
  return n.Sheet === null || n.Sheet === undefined;
}

/**
 * The workbook's names indexed once, with the same choice as pickName (workbook scope first, else
 * the first sheet-scoped one): a reader resolves some 240 names, and scanning every name for each
 * of them cost more than parsing the sheets.
 */
export class NameResolver {
  private readonly byName = new Map<string, WorkbookName>();
  private readonly sheetByName = new Map<string, string>();
  private readonly sheetByLowerName = new Map<string, string>();

  constructor(
    names: readonly WorkbookName[],
    private readonly sheetNames: readonly string[],
  ) {
    for (const n of names) {
      const key = n.Name.toUpperCase();
      const existing = this.byName.get(key);
      if (!existing || (!isWorkbookScoped(existing) && isWorkbookScoped(n))) this.byName.set(key, n);
    }
    for (const s of sheetNames) {
      const real = unescapeXml(s);
      if (!this.sheetByName.has(real)) this.sheetByName.set(real, s);
      const lower = real.toLowerCase();
      if (!this.sheetByLowerName.has(lower)) this.sheetByLowerName.set(lower, s);
    }
  }

  /** Where the defined name `name` points, or why it cannot be read. */
  resolve(name: string): NameTarget {
    return resolveDefinition(this.byName.get(name.toUpperCase()), this.sheetNames, (wanted) =>
      this.sheetByName.get(wanted) ?? this.sheetByLowerName.get(wanted.toLowerCase()),
    );
  }
}

/** Where the defined name `name` points, or why it cannot be read. */
export function resolveName(names: readonly WorkbookName[], sheetNames: readonly string[], name: string): NameTarget {
  return resolveDefinition(pickName(names, name), sheetNames, (wanted) => findSheet(sheetNames, wanted));
}

function resolveDefinition(
  def: WorkbookName | undefined,
  sheetNames: readonly string[],
  sheetKeyOf: (wanted: string) => string | undefined,
): NameTarget {
  if (!def) return { ok: false, problem: 'missing' };
  const ref = unescapeXml(def.Ref ?? '');
  const parsed = parseNameRef(ref);
  if (parsed.kind === 'broken') return { ok: false, problem: 'broken-ref', ref };
  if (parsed.kind === 'not-a-cell') return { ok: false, problem: 'not-a-cell', ref };
  let sheetKey: string | undefined;
  if (parsed.sheet !== null) sheetKey = sheetKeyOf(parsed.sheet);
  else if (typeof def.Sheet === 'number') sheetKey = sheetNames[def.Sheet];
  else return { ok: false, problem: 'not-a-cell', ref };
  if (sheetKey === undefined) return { ok: false, problem: 'bad-sheet', ref };
  return { ok: true, sheetKey, sheet: unescapeXml(sheetKey), address: parsed.address, ref };
}
