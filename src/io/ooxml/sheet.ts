/**
 * Edits to a worksheet part: point marked cells at new cell formats (inserting cells and rows that
 * the sheet does not store yet, in row and column order) and attach a legacy drawing for notes.
 */
import type { Severity } from '../../core/report';
import type { StyleBook } from './styles';
import { NS_REL } from './package';
import { attr, childElements, type ElementSpan, localName, openTag, prefixForNamespace, qn, removeAttr, rootElement, rootPrefix, setAttr, Splicer } from './xml';

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

interface RowInfo {
  el: ElementSpan;
  index: number;
  explicit: boolean;
  cells: { el: ElementSpan; col: number; explicit: boolean }[];
}

/**
 * Gives every target cell a format that clones its current one with the severity fill.
 * `targets` maps "B3"-style addresses (already validated) to the worst severity of that cell.
 */
export function markCells(xml: string, targets: Map<string, Severity>, styles: StyleBook): string {
  if (targets.size === 0) return xml;
  const prefix = rootPrefix(xml);
  const root = rootElement(xml);
  const top = childElements(xml, root);
  const sheetData = top.find((c) => localName(c.name) === 'sheetData');
  if (!sheetData) throw new Error('worksheet has no <sheetData>');
  const colStyles = columnStyles(xml, top);

  const byRow = new Map<number, { col: number; severity: Severity }[]>();
  for (const [address, severity] of targets) {
    const ref = parseCellRef(address);
    if (!ref) continue;
    const list = byRow.get(ref.row) ?? [];
    list.push({ col: ref.col, severity });
    byRow.set(ref.row, list);
  }
  const rows = readRows(xml, sheetData, new Set(byRow.keys()));

  const edit = new Splicer(xml);
  /** Start-tag rewrites keyed by element start, so an "r" and an "s" change on one tag merge. */
  const tagEdits = new Map<number, { el: ElementSpan; tag: string }>();
  const retag = (el: ElementSpan, change: (tag: string) => string): void => {
    const current = tagEdits.get(el.start) ?? { el, tag: openTag(xml, el) };
    current.tag = change(current.tag);
    tagEdits.set(el.start, current);
  };
  const c = qn(prefix, 'c');
  const rowName = qn(prefix, 'row');
  let insertedRows = false;
  let minRow = Infinity, maxRow = 0, minCol = Infinity, maxCol = 0;
  // Rows by number, and a cursor for "the first row below": targets are visited in row order, so
  // the whole sheet is walked once however many cells are marked (rows are stored in order).
  const rowByIndex = new Map<number, RowInfo>();
  for (const r of rows) if (!rowByIndex.has(r.index)) rowByIndex.set(r.index, r);
  let below = 0;

  for (const [rowIndex, wanted] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    wanted.sort((a, b) => a.col - b.col);
    minRow = Math.min(minRow, rowIndex);
    maxRow = Math.max(maxRow, rowIndex);
    minCol = Math.min(minCol, wanted[0].col);
    maxCol = Math.max(maxCol, wanted[wanted.length - 1].col);
    const row = rowByIndex.get(rowIndex);
    while (below < rows.length && rows[below].index <= rowIndex) below++;
    if (!row) {
      const cells = wanted.map((w) => `<${c} r="${cellName({ row: rowIndex, col: w.col })}" s="${styles.markedXf(colStyles(w.col), w.severity)}"/>`);
      const next = rows[below];
      edit.insert(next ? next.el.start : sheetData.selfClosing ? sheetData.end : sheetData.closeStart, `<${rowName} r="${rowIndex}">${cells.join('')}</${rowName}>`);
      insertedRows = true;
      continue;
    }
    const rowTag = openTag(xml, row.el);
    const rowStyle = attr(rowTag, 'customFormat') === '1' || attr(rowTag, 'customFormat') === 'true' ? Number(attr(rowTag, 's') ?? 0) : undefined;
    let inserted = false;
    for (const w of wanted) {
      const existing = row.cells.find((cell) => cell.col === w.col);
      if (existing) {
        const current = Number(attr(openTag(xml, existing.el), 's') ?? 0);
        retag(existing.el, (tag) => setAttr(tag, 's', String(styles.markedXf(current, w.severity))));
        continue;
      }
      const base = rowStyle ?? colStyles(w.col);
      const markup = `<${c} r="${cellName({ row: rowIndex, col: w.col })}" s="${styles.markedXf(base, w.severity)}"/>`;
      const next = row.cells.find((cell) => cell.col > w.col);
      if (row.el.selfClosing) edit.insert(row.el.end, markup);
      else edit.insert(next ? next.el.start : row.el.closeStart, markup);
      inserted = true;
    }
    if (inserted) {
      // Implicit cell positions would shift around an inserted cell, so make them explicit.
      for (const cell of row.cells) if (!cell.explicit) retag(cell.el, (tag) => setAttr(tag, 'r', cellName({ row: rowIndex, col: cell.col })));
      retag(row.el, (tag) => widenSpans(tag, wanted[0].col, wanted[wanted.length - 1].col));
      if (row.el.selfClosing) {
        retag(row.el, (tag) => tag.replace(/\s*\/>$/, '>'));
        edit.insert(row.el.end, `</${row.el.name}>`);
      }
    }
  }
  if (insertedRows) for (const row of rows) if (!row.explicit) retag(row.el, (tag) => setAttr(tag, 'r', String(row.index)));
  if (insertedRows && sheetData.selfClosing) {
    edit.replace(sheetData.start, sheetData.end, openTag(xml, sheetData).replace(/\s*\/>$/, '>'));
    edit.insert(sheetData.end, `</${sheetData.name}>`);
  }
  for (const { el, tag } of tagEdits.values()) edit.replace(el.start, el.openEnd, tag);

  const dimension = top.find((el) => localName(el.name) === 'dimension');
  if (dimension && maxRow > 0) {
    const tag = openTag(xml, dimension);
    const widened = widenDimension(attr(tag, 'ref'), { row: minRow, col: minCol }, { row: maxRow, col: maxCol });
    if (widened) edit.replace(dimension.start, dimension.openEnd, setAttr(tag, 'ref', widened));
  }
  return edit.apply();
}

/** Rows of the sheet; cells are read only for the rows in `withCells` (the others are not touched). */
function readRows(xml: string, sheetData: ElementSpan, withCells: Set<number>): RowInfo[] {
  if (sheetData.selfClosing) return [];
  const rows: RowInfo[] = [];
  let previousRow = 0;
  for (const el of childElements(xml, sheetData)) {
    if (localName(el.name) !== 'row') continue;
    const r = attr(openTag(xml, el), 'r');
    const index = r ? Number(r) : previousRow + 1;
    previousRow = index;
    const cells: RowInfo['cells'] = [];
    let previousCol = 0;
    if (!el.selfClosing && withCells.has(index)) {
      for (const cellEl of childElements(xml, el)) {
        if (localName(cellEl.name) !== 'c') continue;
        const ref = attr(openTag(xml, cellEl), 'r');
        const parsed = ref ? parseCellRef(ref) : null;
        const col = parsed ? parsed.col : previousCol + 1;
        previousCol = col;
        cells.push({ el: cellEl, col, explicit: parsed !== null });
      }
    }
    rows.push({ el, index, explicit: r !== undefined, cells });
  }
  return rows;
}

/** Style of cells a column gives to cells the sheet does not store (0 when the column has none). */
function columnStyles(xml: string, top: ElementSpan[]): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  for (const cols of top.filter((el) => localName(el.name) === 'cols')) {
    for (const col of childElements(xml, cols)) {
      const tag = openTag(xml, col);
      const style = attr(tag, 'style');
      if (style === undefined) continue;
      ranges.push({ min: Number(attr(tag, 'min') ?? 0), max: Number(attr(tag, 'max') ?? 0), style: Number(style) });
    }
  }
  return (col) => ranges.find((r) => col >= r.min && col <= r.max)?.style ?? 0;
}

function widenSpans(tag: string, fromCol: number, toCol: number): string {
  const spans = attr(tag, 'spans');
  if (spans === undefined) return tag;
  const numbers = spans.split(/[\s:]+/).map(Number).filter((n) => Number.isFinite(n) && n > 0);
  if (numbers.length === 0) return removeAttr(tag, 'spans');
  return setAttr(tag, 'spans', `${Math.min(fromCol, ...numbers)}:${Math.max(toCol, ...numbers)}`);
}

function widenDimension(ref: string | undefined, lo: CellRef, hi: CellRef): string | null {
  if (!ref) return null;
  const [a, b] = ref.split(':');
  const first = parseCellRef(a);
  const last = parseCellRef(b ?? a);
  if (!first || !last) return null;
  const from = { row: Math.min(first.row, lo.row), col: Math.min(first.col, lo.col) };
  const to = { row: Math.max(last.row, hi.row), col: Math.max(last.col, hi.col) };
  const widened = from.row === to.row && from.col === to.col ? cellName(from) : `${cellName(from)}:${cellName(to)}`;
  return widened === ref ? null : widened;
}

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
