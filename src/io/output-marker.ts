/**
 * The marker of the tool's own workbooks (see own-output.ts): adding it to a workbook's bytes. No
 * Node built-ins, so the web page writes the same summary workbooks and marked copies as the CLI.
 */
import { OoxmlPackage, insertIntoElement } from './ooxml/package';
import { workbookPath } from './ooxml/workbook';
import { attr, childElements, localName, openTag, qn, rootElement, rootPrefix } from './ooxml/xml';

/** The defined name that marks a workbook written by zwgk. */
export const OUTPUT_MARKER_NAME = 'ZWGK_OUTPUT';

/**
 * The mark of an annual report written by `zwgk report` (and the web page): the file name of the
 * workbook it was made from, in a custom document property of the .docx and in an attribute of the
 * HTML fragment's root element. A folder scan leaves such a report out when that workbook lies next
 * to it (the same unit's numbers twice); anywhere else the report is read like any other.
 */
export const REPORT_SOURCE_PROPERTY = 'ZWGK_REPORT_SOURCE';
export const REPORT_SOURCE_ATTRIBUTE = 'data-zwgk-report-source';

/** Which output a marked workbook is. */
export type OutputKind = 'summary' | 'annotated';

export const MARKER_VALUE: Record<OutputKind, string> = { summary: 'zwgk:summary', annotated: 'zwgk:annotated' };

/** Elements that come after <definedNames> in CT_Workbook (a new one goes before the first of these). */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Adds the marker to the workbook part of an open package (replacing an existing marker). */
export function markPackage(pkg: OoxmlPackage, kind: OutputKind): void {
  const path = workbookPath(pkg);
  pkg.setText(path, markWorkbookXml(pkg.text(path), kind));
}

/**
 * The workbook part's XML (xl/workbook.xml) with the marker added (replacing an existing marker):
 * for writers that produce the part themselves, such as the streamed summary (io/summary-stream).
 */
export function markWorkbookXml(source: string, kind: OutputKind): string {
  let xml = source;
  const prefix = rootPrefix(xml);
  const marker = `<${qn(prefix, 'definedName')} name="${OUTPUT_MARKER_NAME}" hidden="1">"${MARKER_VALUE[kind]}"</${qn(prefix, 'definedName')}>`;
  const root = rootElement(xml);
  const top = childElements(xml, root);
  const names = top.find((el) => localName(el.name) === 'definedNames');
  if (names) {
    // A copy of a marked copy keeps one marker.
    const old = childElements(xml, names).find((el) => localName(el.name) === 'definedName' && attr(openTag(xml, el), 'name') === OUTPUT_MARKER_NAME);
    if (old) xml = xml.slice(0, old.start) + xml.slice(old.end);
    const again = childElements(xml, rootElement(xml)).find((el) => localName(el.name) === 'definedNames');
    if (!again) throw new Error('workbook <definedNames> vanished');
    xml = insertIntoElement(xml, again, marker);
  } else {
    const next = top.find((el) => AFTER_DEFINED_NAMES.includes(localName(el.name)));
    const at = next ? next.start : root.closeStart;
    xml = `${xml.slice(0, at)}<${qn(prefix, 'definedNames')}>${marker}</${qn(prefix, 'definedNames')}>${xml.slice(at)}`;
  }
  return xml;
}

/** Returns a copy of workbook bytes (.xlsx) with the marker added. */
export function markWorkbookBytes(bytes: Uint8Array, kind: OutputKind): Uint8Array {
  const pkg = new OoxmlPackage(bytes);
  markPackage(pkg, kind);
  return pkg.toBytes();
}

