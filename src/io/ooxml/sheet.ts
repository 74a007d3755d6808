/**
 * Edits to a worksheet part: conditional formats that mark cells (the cells themselves are not
 * touched), the selected tab, and a legacy drawing for notes.
 */
import type { Severity } from '../../core/report';
import { NS_REL } from './package';
import { attr, childElements, escapeText, localName, openTag, prefixForNamespace, qn, removeAttr, rootElement, rootPrefix, Splicer } from './xml';

export interface CellRef {
  row: number;
  col: number;
}

/** "B3" (or "$B$3") to 1-based row and column; null when it is not a single-cell reference. */
export function parseCellRef(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > 16384 || row > 1048576) return null;
  return { row, col };
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellName(ref: CellRef): string {
  return `${columnName(ref.col)}${ref.row}`;
}

/** Elements that follow <legacyDrawing> in CT_Worksheet; a new one goes before the first of these. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Relationship id of the sheet's <legacyDrawing>, if it has one. */
export function legacyDrawingId(xml: string): string | undefined {
  const root = rootElement(xml);
  const el = childElements(xml, root).find((c) => localName(c.name) === 'legacyDrawing');
  if (!el) return undefined;
  const tag = openTag(xml, el);
  for (const [name, value] of attributesEndingWith(tag, ':id')) if (name) return value;
  return undefined;
}

function attributesEndingWith(tag: string, suffix: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) if (m[1].endsWith(suffix)) out.push([m[1], m[3] ?? m[4] ?? '']);
  return out;
}

/** Adds <legacyDrawing r:id="…"/> in the position the schema requires. */
export function addLegacyDrawing(xml: string, relId: string): string {
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  const relPrefix = prefixForNamespace(xml, NS_REL);
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
  const markup = `<${qn(prefix, 'legacyDrawing')} ${idAttr}/>`;
  const next = childElements(xml, root).find((c) => AFTER_LEGACY_DRAWING.includes(localName(c.name)));
  const at = next ? next.start : root.closeStart;
  return xml.slice(0, at) + markup + xml.slice(at);
}

/** Elements that follow <conditionalFormatting> in CT_Worksheet; new ones go before the first of these. */
const AFTER_CONDITIONAL_FORMATTING = [
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', ...AFTER_LEGACY_DRAWING,
];

/**
 * Marks cells with conditional formats instead of changing their own format: one
 * <conditionalFormatting> per severity over its cells, whose rule applies the severity's dxf while
 * `formula` is true. The unit's own formats and conditional formats stay as they are; the new rules
 * take priorities after the sheet's existing ones, so they never reorder them.
 * `targets` maps "B3"-style addresses (already validated) to the worst severity of that cell.
 */
export function addConditionalMarks(xml: string, targets: Map<string, Severity>, dxfOf: (s: Severity) => number, formula: string): string {
  if (targets.size === 0) return xml;
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  let priority = 0;
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(m[1]));
  const bySeverity: Record<Severity, string[]> = { error: [], warning: [], info: [] };
  for (const [address, severity] of targets) bySeverity[severity].push(address);
  const e = (local: string): string => qn(prefix, local);
  let markup = '';
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const cells = bySeverity[severity];
    if (cells.length === 0) continue;
    cells.sort((a, b) => {
      const x = parseCellRef(a) as CellRef;
      const y = parseCellRef(b) as CellRef;
      return x.row - y.row || x.col - y.col;
    });
    markup +=
      `<${e('conditionalFormatting')} sqref="${cells.join(' ')}">` +
      `<${e('cfRule')} type="expression" dxfId="${dxfOf(severity)}" priority="${++priority}"><${e('formula')}>${escapeText(formula)}</${e('formula')}></${e('cfRule')}>` +
      `</${e('conditionalFormatting')}>`;
  }
  const next = childElements(xml, root).find((c) => AFTER_CONDITIONAL_FORMATTING.includes(localName(c.name)));
  const at = next ? next.start : root.closeStart;
  return xml.slice(0, at) + markup + xml.slice(at);
}

/** Removes tabSelected from the sheet's views, so that only the sheet the workbook opens on is selected. */
export function unselectTab(xml: string): string {
  const root = rootElement(xml);
  const views = childElements(xml, root).find((c) => localName(c.name) === 'sheetViews');
  if (!views || views.selfClosing) return xml;
  const edit = new Splicer(xml);
  let changed = false;
  for (const view of childElements(xml, views)) {
    const tag = openTag(xml, view);
    if (localName(view.name) !== 'sheetView' || attr(tag, 'tabSelected') === undefined) continue;
    edit.replace(view.start, view.openEnd, removeAttr(tag, 'tabSelected'));
    changed = true;
  }
  return changed ? edit.apply() : xml;
}
