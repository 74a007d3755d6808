/**
 * The number format of each cell style (18.8.10 cellXfs, 18.8.31 numFmts): all a named cell needs
 * from the style sheet to show its value as Excel does (the shown text, and whether a number is a
 * date).
 */
import { Decline, checkAstral, localName, ooxmlText, parseXml, section, sheetJsAttributes } from './xml';

/**
 * The built-in number formats (ECMA-376 18.8.30) with the ids and codes SheetJS gives them before it
 * reads a file's own formats; tests check this table against SheetJS's.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = Object.freeze({
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
});

/** Above this id SheetJS renumbers formats; the fast reader leaves such files to it. */
const MAX_FORMAT_ID = 0x188;

export interface CellStyles {
  /** numFmtId of each cellXfs entry, undefined where the entry has none. */
  formatIds: Array<number | undefined>;
  /** The format code of an id: the file's own, else the built-in one. */
  formats: Map<number, string>;
}

/** An empty style sheet (a package without styles.xml). */
export function noStyles(): CellStyles {
  return { formatIds: [], formats: new Map(Object.entries(BUILTIN_FORMATS).map(([k, v]) => [Number(k), v])) };
}

/** Reads numFmts and cellXfs; only the first section of each counts, as in SheetJS. */
export function parseStyles(bytes: Uint8Array, part: string): CellStyles {
  const styles = noStyles();
  const numFmts = section(bytes, 'numFmts', part);
  if (numFmts !== null) {
    parseXml(numFmts, part, {
      open(tag) {
        if (localName(tag.name) !== 'numFmt') return;
        const y = sheetJsAttributes(tag.attributes);
        const id = parseInt(y.numFmtId, 10);
        if (!(id <= MAX_FORMAT_ID)) throw new Decline(`${part}: number format id ${y.numFmtId}`);
        if (y.formatCode === undefined) throw new Decline(`${part}: number format without code`);
        checkAstral(y.formatCode, numFmts, part);
        if (id > 0) styles.formats.set(id, ooxmlText(y.formatCode, false));
      },
      close() {},
    });
  }
  const cellXfs = section(bytes, 'cellXfs', part);
  if (cellXfs !== null) {
    parseXml(cellXfs, part, {
      open(tag) {
        if (localName(tag.name) !== 'xf') return;
        const y = sheetJsAttributes(tag.attributes);
        let id: number | undefined;
        if (y.numFmtId) {
          id = parseInt(y.numFmtId, 10);
          if (id > MAX_FORMAT_ID) throw new Decline(`${part}: cell style with format id ${id}`);
        }
        styles.formatIds.push(id);
      },
      close() {},
    });
  }
  return styles;
}
