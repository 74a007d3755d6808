/**
 * The package parts the named-cell reader needs (ECMA-376 Part 2, OPC): the content types, the
 * workbook part, its relationships, and where each sheet lives. Lookups ignore case, as Excel and
 * SheetJS do.
 */
import { Decline, checkAstral, localName, ooxmlText, parseXml, partText, sheetJsAttributes } from './xml';
import type { WorkbookName } from '../names';

const CT_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
const STRINGS_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml', 'application/vnd.ms-excel.sharedStrings']);
const STYLES_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml', 'application/vnd.ms-excel.styles']);
/** The spreadsheet main namespaces SheetJS accepts on <workbook> (transitional, Strict, and two of Excel's). */
const MAIN_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.microsoft.com/office/excel/2006/main',
  'http://schemas.microsoft.com/office/excel/2006/2',
]);
/** Worksheet relationship types, transitional and Strict. */
const WORKSHEET_RELS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);

/** The inflated parts, found by name without regard to case. */
export class Parts {
  private readonly byLower = new Map<string, string>();
  constructor(private readonly parts: Map<string, Uint8Array>) {
    for (const name of parts.keys()) {
      const key = name.toLowerCase().replace(/\\/g, '/');
      if (this.byLower.has(key)) throw new Decline(`two parts named ${name}`);
      this.byLower.set(key, name);
    }
  }
  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }
  bytes(name: string): Uint8Array {
    const real = this.byLower.get(name.toLowerCase());
    if (real === undefined) throw new Decline(`missing part ${name}`);
    return this.parts.get(real) as Uint8Array;
  }
  text(name: string): string {
    return partText(this.bytes(name), name);
  }
}

export interface ContentTypes {
  workbook: string;
  sharedStrings: string | null;
  styles: string | null;
}

function stripSlash(p: string): string {
  return p.startsWith('/') ? p.slice(1) : p;
}

/** [Content_Types].xml: the workbook, shared-string and style parts (the first of each kind, as SheetJS takes them). */
export function readContentTypes(parts: Parts): ContentTypes {
  const text = parts.text('[Content_Types].xml');
  const workbooks: string[] = [];
  const strings: string[] = [];
  const styles: string[] = [];
  let ns: string | undefined;
  parseXml(text, '[Content_Types].xml', {
    open(tag) {
      const local = localName(tag.name);
      const y = sheetJsAttributes(tag.attributes);
      if (local === 'Types') {
        const prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':')) : '';
        ns = y[`xmlns${prefix}`];
      } else if (local === 'Default') {
        if (y.Extension === undefined) throw new Decline('[Content_Types].xml: Default without Extension');
      } else if (local === 'Override') {
        const type = y.ContentType;
        const name = y.PartName;
        // SheetJS keeps such an entry and fails on it later.
        if (name === undefined) throw new Decline('[Content_Types].xml: Override without PartName');
        if (WORKBOOK_TYPES.has(type)) workbooks.push(name);
        else if (STRINGS_TYPES.has(type)) strings.push(name);
        else if (STYLES_TYPES.has(type)) styles.push(name);
      }
    },
    close() {},
  });
  if (ns !== CT_NAMESPACE) throw new Decline('[Content_Types].xml: unknown namespace');
  let workbook = workbooks.length > 0 ? stripSlash(workbooks[0]) : 'xl/workbook.xml';
  if (workbooks.length === 0 && !parts.has(workbook)) throw new Decline('no workbook part');
  if (!workbook.toLowerCase().endsWith('.xml')) throw new Decline('binary workbook (xlsb)');
  workbook = workbook.replace(/\\/g, '/');
  return {
    workbook,
    sharedStrings: strings.length > 0 ? stripSlash(strings[0]) : null,
    styles: styles.length > 0 ? stripSlash(styles[0]) : null,
  };
}

export interface WorkbookSheet {
  name: string;
  relId: string | undefined;
}

export interface WorkbookPart {
  sheets: WorkbookSheet[];
  names: WorkbookName[];
  date1904: boolean;
}

/** The workbook part (18.2.27): sheets in order, defined names, the 1904 date system flag. */
export function readWorkbookPart(parts: Parts, path: string): WorkbookPart {
  const text = parts.text(path);
  const sheets: WorkbookSheet[] = [];
  const names: WorkbookName[] = [];
  let date1904 = false;
  let ns: string | undefined;
  let name: WorkbookName | null = null;
  let nameText = '';
  let nameDepth = 0;
  parseXml(text, path, {
    open(tag) {
      if (name) throw new Decline(`${path}: element inside a defined name`);
      const local = localName(tag.name);
      const y = sheetJsAttributes(tag.attributes);
      switch (local) {
        case 'workbook': {
          const prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':')) : '';
          ns = y[`xmlns${prefix}`];
          break;
        }
        case 'workbookPr':
          if (y.date1904 !== undefined) date1904 = y.date1904 === '1' || y.date1904 === 'true';
          break;
        case 'sheet': {
          if (y.name === undefined) throw new Decline(`${path}: sheet without a name`);
          checkAstral(y.name, text, path);
          sheets.push({ name: ooxmlText(y.name, false), relId: y.id ?? y.strRelID });
          break;
        }
        case 'definedName': {
          if (tag.isSelfClosing) throw new Decline(`${path}: empty defined name`);
          const n = y.name;
          // SheetJS keeps the name attribute as written, entities included.
          if (n === undefined || /[&<>"']/.test(n)) throw new Decline(`${path}: defined name ${n ?? '(none)'}`);
          name = { Name: n, Ref: '' };
          if (y.localSheetId) name.Sheet = +y.localSheetId;
          nameText = '';
          nameDepth = 1;
          break;
        }
      }
    },
    close(tag) {
      if (name && localName(tag.name) === 'definedName' && --nameDepth === 0) {
        checkAstral(nameText, text, path);
        name.Ref = ooxmlText(nameText, false);
        names.push(name);
        name = null;
      }
    },
    text(s) {
      if (name) nameText += s;
    },
  });
  if (ns === undefined || !MAIN_NAMESPACES.has(ns)) throw new Decline(`${path}: unknown namespace`);
  return { sheets, names, date1904 };
}

/**
 * Where each sheet's part is, following the workbook's relationships as SheetJS resolves them; null
 * for a sheet that is not a worksheet or whose part is missing (SheetJS then has no cells for it).
 */
export function sheetParts(parts: Parts, workbookPath: string, sheets: readonly WorkbookSheet[]): Array<string | null> {
  const slash = workbookPath.lastIndexOf('/');
  let relsPath = `${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`;
  if (!parts.has(relsPath)) relsPath = 'xl/_rels/workbook.xml.rels';
  if (!parts.has(relsPath)) throw new Decline('no workbook relationships');
  const text = parts.text(relsPath);
  const byId = new Map<string, { target: string; type: string | undefined }>();
  parseXml(text, relsPath, {
    open(tag) {
      if (tag.name !== 'Relationship') return;
      const y = sheetJsAttributes(tag.attributes);
      if (y.Id === undefined || y.Target === undefined) return;
      byId.set(y.Id, { target: ooxmlText(y.Target, false), type: y.Type });
    },
    close() {},
  });
  const base = relsPath.replace(/_rels\/[\s\S]*$/, '');
  return sheets.map((s) => {
    const rel = s.relId === undefined ? undefined : byId.get(s.relId);
    if (!rel) throw new Decline(`sheet ${s.name} has no relationship`);
    // SheetJS reads a relationship without a type as a worksheet too.
    if (rel.type !== undefined && rel.type !== '' && !WORKSHEET_RELS.has(rel.type)) return null;
    let path = `xl/${rel.target.replace(/[/]?xl\//, '')}`;
    if (!parts.has(path)) path = rel.target;
    if (!parts.has(path)) path = base + rel.target;
    return parts.has(path) ? path : null;
  });
}
