/**
 * The workbook part: which sheet name lives in which worksheet part (never assume sheet1.xml is the
 * first sheet), and appending a new worksheet at the end so sheet-scoped names keep their index.
 */
import { CT_WORKSHEET, NS_REL, type OoxmlPackage, REL_OFFICE_DOCUMENT, REL_STYLES, REL_WORKSHEET, relTypeIs, insertIntoElement, CT_STYLES } from './package';
import { DEFAULT_STYLES_XML } from './styles';
import { attr, childElements, escapeAttr, escapeText, localName, openTag, prefixForNamespace, qn, rootElement, rootPrefix, setAttr, Splicer, textContent } from './xml';

export interface SheetEntry {
  name: string;
  /** Package path of the worksheet part; undefined for chart sheets and broken links. */
  path?: string;
}

export interface WorkbookInfo {
  path: string;
  sheets: SheetEntry[];
}

export function workbookPath(pkg: OoxmlPackage): string {
  const rel = pkg.relationships('').find((r) => relTypeIs(r.type, REL_OFFICE_DOCUMENT));
  if (!rel) throw new Error('package has no officeDocument relationship');
  return pkg.resolve('', rel);
}

export function readWorkbook(pkg: OoxmlPackage): WorkbookInfo {
  const path = workbookPath(pkg);
  const xml = pkg.text(path);
  const rels = pkg.relationships(path);
  const sheetsEl = childElements(xml, rootElement(xml)).find((c) => localName(c.name) === 'sheets');
  const sheets: SheetEntry[] = [];
  for (const el of sheetsEl ? childElements(xml, sheetsEl) : []) {
    if (localName(el.name) !== 'sheet') continue;
    const tag = openTag(xml, el);
    const id = relIdOf(tag);
    const rel = rels.find((r) => r.id === id && relTypeIs(r.type, REL_WORKSHEET));
    const partPath = rel ? pkg.resolve(path, rel) : undefined;
    sheets.push({ name: attr(tag, 'name') ?? '', path: partPath && pkg.has(partPath) ? partPath : undefined });
  }
  return { path, sheets };
}

function relIdOf(tag: string): string | undefined {
  const m = /\s[^\s=:]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** Path of the styles part, creating a default one when the package has none. */
export function stylesPath(pkg: OoxmlPackage, wb: WorkbookInfo): string {
  const rel = pkg.relationships(wb.path).find((r) => relTypeIs(r.type, REL_STYLES));
  if (rel && pkg.has(pkg.resolve(wb.path, rel))) return pkg.resolve(wb.path, rel);
  const path = pkg.freePartName(wb.path.slice(0, wb.path.lastIndexOf('/')), 'styles', '.xml').replace(/styles1\.xml$/, 'styles.xml');
  pkg.setText(path, DEFAULT_STYLES_XML);
  pkg.setOverride(path, CT_STYLES);
  pkg.addRelationship(wb.path, REL_STYLES, path);
  return path;
}

/** A sheet name not used yet (Excel compares names case-insensitively). */
export function freeSheetName(wb: WorkbookInfo, wanted: string): string {
  const taken = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Adds a worksheet part as the last sheet and registers it everywhere a sheet is listed. */
export function appendWorksheet(pkg: OoxmlPackage, wb: WorkbookInfo, name: string, sheetXml: string): string {
  const dir = wb.path.slice(0, wb.path.lastIndexOf('/'));
  const partPath = pkg.freePartName(`${dir}/worksheets`, 'sheet', '.xml');
  pkg.setText(partPath, sheetXml);
  pkg.setOverride(partPath, CT_WORKSHEET);
  const relId = pkg.addRelationship(wb.path, REL_WORKSHEET, partPath);

  const xml = pkg.text(wb.path);
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  const sheetsEl = childElements(xml, root).find((c) => localName(c.name) === 'sheets');
  if (!sheetsEl) throw new Error('workbook has no <sheets>');
  let maxId = 0;
  for (const el of childElements(xml, sheetsEl)) maxId = Math.max(maxId, Number(attr(openTag(xml, el), 'sheetId') ?? 0) || 0);
  const relPrefix = prefixForNamespace(xml, NS_REL);
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
  const sheet = `<${qn(prefix, 'sheet')} name="${escapeAttr(name)}" sheetId="${maxId + 1}" ${idAttr}/>`;
  pkg.setText(wb.path, insertIntoElement(xml, sheetsEl, sheet));
  updateAppProperties(pkg, name);
  wb.sheets.push({ name, path: partPath });
  return partPath;
}

/**
 * docProps/app.xml lists sheet titles under the "Worksheets" heading; keep it consistent when it
 * has the usual shape, and leave it alone otherwise (Excel rewrites it on save anyway).
 */
function updateAppProperties(pkg: OoxmlPackage, sheetName: string): void {
  const path = 'docProps/app.xml';
  if (!pkg.has(path)) return;
  const xml = pkg.text(path);
  const top = childElements(xml, rootElement(xml));
  const headingVector = vectorOf(xml, top.find((c) => localName(c.name) === 'HeadingPairs'));
  const titleVector = vectorOf(xml, top.find((c) => localName(c.name) === 'TitlesOfParts'));
  if (!headingVector || !titleVector) return;

  // Pairs of (heading name, count); titles are listed in the same order as the headings.
  const variants = childElements(xml, headingVector).filter((c) => localName(c.name) === 'variant');
  const titles = childElements(xml, titleVector).filter((c) => localName(c.name) === 'lpstr');
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = textContent(xml, variants[i]).trim();
    const countEl = childElements(xml, variants[i + 1])[0];
    const count = countEl ? Number(textContent(xml, countEl)) : NaN;
    if (!countEl || !Number.isFinite(count)) return;
    if (/^(worksheets|工作表)$/i.test(label)) {
      if (offset + count > titles.length) return;
      const edit = new Splicer(xml);
      edit.replace(countEl.openEnd, countEl.closeStart, String(count + 1));
      const titleTag = openTag(xml, titleVector);
      edit.replace(titleVector.start, titleVector.openEnd, titleTag.replace(/(\ssize\s*=\s*")(\d+)"/, (_m, a: string, n: string) => `${a}${Number(n) + 1}"`));
      const at = offset + count < titles.length ? titles[offset + count].start : titleVector.closeStart;
      const lpstrName = titles[0]?.name ?? qn(prefixOfName(titleVector.name), 'lpstr');
      edit.insert(at, `<${lpstrName}>${escapeText(sheetName)}</${lpstrName}>`);
      pkg.setText(path, edit.apply());
      return;
    }
    offset += count;
  }
}

function prefixOfName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
}

function vectorOf(xml: string, parent: ReturnType<typeof childElements>[number] | undefined): ReturnType<typeof childElements>[number] | undefined {
  if (!parent || parent.selfClosing) return undefined;
  return childElements(xml, parent).find((c) => localName(c.name) === 'vector');
}

/** Elements that follow <bookViews> / <definedNames> in CT_Workbook (for inserting them where absent). */
const AFTER_BOOK_VIEWS = ['sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
const AFTER_DEFINED_NAMES = AFTER_BOOK_VIEWS.slice(AFTER_BOOK_VIEWS.indexOf('definedNames') + 1);

/**
 * Makes the workbook open on sheet `index` (0-based, in <sheets> order): activeTab of the first
 * workbook view, creating <bookViews> when the workbook has none. The caller unselects the other
 * sheets' tabs (unselectTab) and selects the tab of this one.
 */
export function setActiveTab(pkg: OoxmlPackage, wb: WorkbookInfo, index: number): void {
  const xml = pkg.text(wb.path);
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  const top = childElements(xml, root);
  const views = top.find((c) => localName(c.name) === 'bookViews');
  const view = views && !views.selfClosing ? childElements(xml, views).find((c) => localName(c.name) === 'workbookView') : undefined;
  const edit = new Splicer(xml);
  if (view) {
    let tag = setAttr(openTag(xml, view), 'activeTab', String(index));
    const first = Number(attr(tag, 'firstSheet') ?? 0);
    if (first > index) tag = setAttr(tag, 'firstSheet', String(index));
    edit.replace(view.start, view.openEnd, tag);
  } else {
    const markup = `<${qn(prefix, 'bookViews')}><${qn(prefix, 'workbookView')} activeTab="${index}"/></${qn(prefix, 'bookViews')}>`;
    if (views) edit.replace(views.start, views.end, markup);
    else {
      const next = top.find((c) => AFTER_BOOK_VIEWS.includes(localName(c.name)));
      edit.insert(next ? next.start : root.closeStart, markup);
    }
  }
  pkg.setText(wb.path, edit.apply());
}

/**
 * Adds a defined name (`localSheetId` for a sheet-scoped one, e.g. _xlnm.Print_Titles), creating
 * <definedNames> in schema order when the workbook has none, or replacing a name of the same
 * scope (a marked copy marked again). `formula` is written as given.
 */
export function addDefinedName(pkg: OoxmlPackage, wb: WorkbookInfo, name: string, formula: string, localSheetId?: number): void {
  const xml = pkg.text(wb.path);
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  const top = childElements(xml, root);
  const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
  const markup = `<${qn(prefix, 'definedName')} name="${escapeAttr(name)}"${scope}>${escapeText(formula)}</${qn(prefix, 'definedName')}>`;
  const names = top.find((c) => localName(c.name) === 'definedNames');
  if (names) {
    // A name of the same scope is replaced (two names alike make Excel repair the file).
    const same = childElements(xml, names).find((el) => {
      const tag = openTag(xml, el);
      return localName(el.name) === 'definedName' && attr(tag, 'name')?.toLowerCase() === name.toLowerCase() && attr(tag, 'localSheetId') === (localSheetId === undefined ? undefined : String(localSheetId));
    });
    if (same) {
      pkg.setText(wb.path, xml.slice(0, same.start) + markup + xml.slice(same.end));
      return;
    }
    pkg.setText(wb.path, insertIntoElement(xml, names, markup));
    return;
  }
  const next = top.find((c) => AFTER_DEFINED_NAMES.includes(localName(c.name)));
  const at = next ? next.start : root.closeStart;
  pkg.setText(wb.path, xml.slice(0, at) + `<${qn(prefix, 'definedNames')}>${markup}</${qn(prefix, 'definedNames')}>` + xml.slice(at));
}
