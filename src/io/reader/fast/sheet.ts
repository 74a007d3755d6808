/**
 * Scans one worksheet part (18.3.1.99 worksheet) for the named cells. Every element is parsed (an
 * XML parser cannot skip), but only the named cells are built, plus what other cells contribute to
 * them: shared-formula anchors and array-formula ranges.
 *
 * The cell rules follow SheetJS's reading (the reference, with stub cells on), including its less
 * obvious outcomes: a cell without a value is a stub that keeps its formula, an array-formula range
 * marks every cell inside it, a string index past the last entry reads as an empty string.
 */
import type { SaxesTagPlain } from 'saxes';
import * as XLSX from 'xlsx';
import { shiftSharedFormula } from './formula';
import { StringCollector } from './strings';
import { Decline, checkAstral, localName, ooxmlText, parseXml, section, sheetJsAttributes } from './xml';

/** A named cell as found in the sheet, before shared strings and styles are applied. */
export interface FoundCell {
  /** t attribute: undefined, 'n', 's', 'str', 'inlineStr', 'b', 'e' or anything else. */
  type: string | undefined;
  /** <v> text, undefined when absent or empty. */
  v: string | undefined;
  /** Inline string text (t="inlineStr"). */
  inline: string | undefined;
  f?: string;
  F?: string;
  /** s attribute (style index). */
  s: string | undefined;
}

const CELL_REF = /^[A-Z]{1,3}(\d{1,7})$/;
const AREA_REF = /^[A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7}$/;

interface ArrayRange {
  range: XLSX.Range;
  ref: string;
}

interface OpenCell {
  ref: string;
  row: number;
  col: number;
  wanted: boolean;
  type: string | undefined;
  s: string | undefined;
  v: string | undefined;
  vCount: number;
  inV: boolean;
  fCount: number;
  inF: boolean;
  fText: string;
  fAttrs: Record<string, string> | null;
  fSelfClosing: boolean;
  fPrefixed: boolean;
  isCount: number;
  inline: StringCollector | null;
  inlineDepth: number;
  inlineText: string | undefined;
  depth: number;
}

export interface SheetScan {
  cells: Map<string, FoundCell>;
  /**
   * The highest shared-string index of any string cell of the sheet, -1 when none: SheetJS drops a
   * whole sheet when one of its string cells points past the table.
   */
  maxStringIndex: number;
}

/** Reads the cells at `wanted` (A1 addresses without $) of one worksheet part. */
export function scanSheet(bytes: Uint8Array, part: string, wanted: ReadonlySet<string>): SheetScan {
  const found = new Map<string, FoundCell>();
  let maxStringIndex = -1;
  let text = '';
  const shared = new Map<string, { formula: string; anchor: string }>();
  const arrays: ArrayRange[] = [];
  let depth = 0;
  let sheetDataDepth = -1;
  let sheetDataSeen = false;
  let rowDepth = -1;
  let rowNumber = '';
  let cell: OpenCell | null = null;

  const openCell = (tag: SaxesTagPlain): void => {
    const y = sheetJsAttributes(tag.attributes);
    const ref = y.r;
    const m = ref === undefined ? null : CELL_REF.exec(ref);
    if (!m || m[1] !== rowNumber) throw new Decline(`${part}: cell reference ${ref ?? '(none)'} in row ${rowNumber}`);
    const at = XLSX.utils.decode_cell(ref);
    cell = {
      ref,
      row: at.r,
      col: at.c,
      wanted: wanted.has(ref),
      type: y.t,
      s: y.s,
      v: undefined,
      vCount: 0,
      inV: false,
      fCount: 0,
      inF: false,
      fText: '',
      fAttrs: null,
      fSelfClosing: false,
      fPrefixed: false,
      isCount: 0,
      inline: null,
      inlineDepth: -1,
      inlineText: undefined,
      depth,
    };
  };

  const openInCell = (c: OpenCell, tag: SaxesTagPlain, local: string): void => {
    if (c.inline) {
      c.inline.open(tag);
      return;
    }
    if (c.inV || c.inF) throw new Decline(`${part}: element inside <v> or <f> of ${c.ref}`);
    if (local === 'v') {
      c.vCount++;
      if (tag.isSelfClosing) throw new Decline(`${part}: empty <v/> in ${c.ref}`);
      if (c.vCount === 1) {
        c.inV = true;
        c.v = '';
      }
    } else if (local === 'f') {
      c.fCount++;
      if (c.fCount > 1) throw new Decline(`${part}: several <f> in ${c.ref}`);
      c.fAttrs = sheetJsAttributes(tag.attributes);
      c.fSelfClosing = tag.isSelfClosing;
      c.fPrefixed = tag.name !== local;
      if (!tag.isSelfClosing) c.inF = true;
    } else if (local === 'is') {
      c.isCount++;
      if (c.isCount > 1) throw new Decline(`${part}: several <is> in ${c.ref}`);
      if (!tag.isSelfClosing) {
        c.inline = new StringCollector(part);
        c.inlineDepth = depth;
      }
    }
  };

  /** SheetJS's formula handling for one cell: its f text, shared-formula anchors and array ranges. */
  const formulaOf = (c: OpenCell): { f?: string; F?: string } => {
    const out: { f?: string; F?: string } = {};
    const a = c.fAttrs;
    if (a) {
      if (c.fSelfClosing) {
        if (c.fPrefixed) throw new Decline(`${part}: prefixed empty <f/> in ${c.ref}`);
        const anchor = a.si === undefined ? undefined : shared.get(a.si);
        if (anchor) out.f = shift(anchor.formula, anchor.anchor, c.ref);
      } else if (c.fText === '') {
        const anchor = a.t === 'shared' && a.si !== undefined ? shared.get(a.si) : undefined;
        if (anchor) out.f = shift(anchor.formula, anchor.anchor, c.ref);
      } else {
        checkAstral(c.fText, text, part);
        out.f = ooxmlText(c.fText, true).replace(/_xlfn\./g, '');
        if (a.t === 'array') {
          const ref = a.ref;
          if (ref === undefined) throw new Decline(`${part}: array formula without ref in ${c.ref}`);
          out.F = ref;
          if (ref.includes(':')) {
            if (!AREA_REF.test(ref)) throw new Decline(`${part}: array formula range ${ref}`);
            arrays.push({ range: XLSX.utils.decode_range(ref), ref });
          }
        } else if (a.t === 'shared') {
          const si = parseInt(a.si ?? '', 10);
          shared.set(String(si), { formula: ooxmlText(c.fText, false).replace(/_xlfn\./g, ''), anchor: c.ref });
        }
      }
    }
    for (const { range, ref } of arrays) {
      if (c.row >= range.s.r && c.row <= range.e.r && c.col >= range.s.c && c.col <= range.e.c) out.F = ref;
    }
    return out;
  };

  const shift = (formula: string, anchor: string, ref: string): string => {
    try {
      return shiftSharedFormula(formula, anchor, ref);
    } catch {
      throw new Decline(`${part}: shared formula moves out of the sheet at ${ref}`);
    }
  };

  const closeCell = (c: OpenCell): void => {
    if (c.type === 's' && c.v !== undefined && c.v !== '') {
      const i = parseInt(c.v, 10);
      if (!(i >= 0)) throw new Decline(`${part}: string index ${c.v} in ${c.ref}`);
      if (i > maxStringIndex) maxStringIndex = i;
    }
    // Formulas are followed in every cell: a named cell may be part of another cell's group.
    if (!c.wanted && c.fAttrs === null && arrays.length === 0) return;
    const { f, F } = formulaOf(c);
    if (!c.wanted) return;
    const v = c.v === '' ? undefined : c.v;
    if (c.type === 'd') throw new Decline(`${part}: date cell ${c.ref}`);
    if (v !== undefined) checkAstral(v, text, part);
    const cellOut: FoundCell = { type: c.type, v, inline: c.inlineText, s: c.s };
    if (f !== undefined) cellOut.f = f;
    if (F !== undefined) cellOut.F = F;
    found.set(c.ref, cellOut);
  };

  // Only the cell table is parsed (merged cells, validations and the rest follow it and make up
  // most of a template's sheet), taken from the part as SheetJS takes it.
  const table = section(bytes, 'sheetData', part);
  if (table === null) return { cells: found, maxStringIndex };
  text = table;
  parseXml(text, part, {
    open(tag) {
      const local = localName(tag.name);
      if (cell) openInCell(cell, tag, local);
      else if (rowDepth >= 0) {
        if (local !== 'c') throw new Decline(`${part}: <${tag.name}> in a row`);
        openCell(tag);
      } else if (sheetDataDepth >= 0) {
        if (local !== 'row') throw new Decline(`${part}: <${tag.name}> in sheetData`);
        const r = sheetJsAttributes(tag.attributes).r;
        if (r === undefined || !/^[1-9]\d{0,6}$/.test(r)) throw new Decline(`${part}: row without a number`);
        rowNumber = r;
        if (!tag.isSelfClosing) rowDepth = depth;
      } else if (local === 'sheetData') {
        if (sheetDataSeen) throw new Decline(`${part}: several sheetData`);
        sheetDataSeen = true;
        if (!tag.isSelfClosing) sheetDataDepth = depth;
      }
      if (!tag.isSelfClosing) depth++;
      else if (cell && (cell as OpenCell).depth === depth && local === 'c') {
        closeCell(cell);
        cell = null;
      }
    },
    close(tag) {
      if (tag.isSelfClosing) return;
      depth--;
      const c = cell as OpenCell | null;
      if (c) {
        if (depth === c.depth) {
          closeCell(c);
          cell = null;
        } else if (c.inline) {
          if (depth === c.inlineDepth) {
            c.inlineText = c.wanted && c.type === 'inlineStr' ? c.inline.result(text) : '';
            c.inline = null;
          } else c.inline.close(tag);
        } else if (c.inV) c.inV = false;
        else if (c.inF) c.inF = false;
        return;
      }
      if (depth === rowDepth) rowDepth = -1;
      else if (depth === sheetDataDepth) sheetDataDepth = -1;
    },
    text(s) {
      const c = cell as OpenCell | null;
      if (!c) return;
      if (c.inline) c.inline.text(s);
      else if (c.inV) c.v += s;
      else if (c.inF) c.fText += s;
    },
  });
  return { cells: found, maxStringIndex };
}
