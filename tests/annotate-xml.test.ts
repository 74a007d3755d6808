/** Sheet and style edits on hand-written XML: the shapes real writers produce that ExcelJS fixtures do not. */
import { markCells, parseCellRef, columnName } from '../src/io/ooxml/sheet';
import { StyleBook } from '../src/io/ooxml/styles';
import { childElements, rootElement, Splicer, scanTags } from '../src/io/ooxml/xml';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/><protection locked="0"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

const sheet = (cols: string, data: string): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/>${cols}<sheetData>${data}</sheetData></worksheet>`;

test('cell references convert both ways', () => {
  expect(parseCellRef('$AB$12')).toEqual({ row: 12, col: 28 });
  expect(parseCellRef('XFD1048576')).toEqual({ row: 1048576, col: 16384 });
  expect(parseCellRef('XFE1')).toBeNull();
  expect(parseCellRef('A1:B2')).toBeNull();
  expect(columnName(28)).toBe('AB');
  expect(columnName(16384)).toBe('XFD');
});

test('a marked cell clones its xf with children; only fillId/applyFill change', () => {
  const styles = new StyleBook(STYLES);
  const out = markCells(sheet('', '<row r="1"><c r="A1" s="1"><v>1</v></c></row>'), new Map([['A1', 'error']]), styles);
  expect(out).toContain('<c r="A1" s="3"><v>1</v></c>');
  const xml = styles.toXml();
  expect(xml).toContain('<cellXfs count="4">');
  expect(xml).toContain('<xf numFmtId="3" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"/><protection locked="0"/></xf></cellXfs>');
  expect(xml).toContain('<fills count="3">');
  expect(xml).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>');
  // everything before the additions is untouched
  expect(xml.startsWith(STYLES.slice(0, STYLES.indexOf('<fills')))).toBe(true);
});

test('the same xf and severity share one new xf; other severities get their own', () => {
  const styles = new StyleBook(STYLES);
  const out = markCells(sheet('', '<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1" s="1"/></row>'), new Map([['A1', 'warning'], ['B1', 'warning'], ['C1', 'info']]), styles);
  expect(out).toContain('<c r="A1" s="3"/><c r="B1" s="3"/><c r="C1" s="4"/>');
  expect(styles.xfCount).toBe(5);
});

test('cells and rows without r attributes, self-closing rows and column styles', () => {
  const styles = new StyleBook(STYLES);
  const xml = sheet(
    '<cols><col min="2" max="3" width="9" style="2" customWidth="1"/></cols>',
    '<row spans="1:1"><c><v>1</v></c><c><v>2</v></c></row><row r="3" s="1" customFormat="1"/><row><c r="A4"/></row>',
  );
  const out = markCells(xml, new Map([['C1', 'error'], ['B3', 'info'], ['C2', 'warning'], ['A6', 'error']]), styles);
  // row 1: implicit cells get explicit r so the inserted C1 cannot shift them; spans widened
  expect(out).toContain('<row spans="1:3" r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="3"/></row>');
  // row 2 did not exist: inserted between rows 1 and 3, base style from the column (xf 2)
  expect(out).toContain('</row><row r="2"><c r="C2" s="4"/></row><row r="3"');
  // row 3 was self-closing with a row style (xf 1): the new cell clones xf 1
  expect(out).toContain('<row r="3" s="1" customFormat="1"><c r="B3" s="5"/></row>');
  // the implicit row after row 3 becomes explicit row 4; row 6 goes last
  expect(out).toContain('<row r="4"><c r="A4"/></row><row r="6"><c r="A6" s="6"/></row></sheetData>');
  expect(out).toContain('<dimension ref="A1:C6"/>');
  const added = styles.toXml();
  expect(added).toContain('<xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>'); // C1: column style 2
  expect(added).toContain('<xf numFmtId="49" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>'); // C2 warning
});

test('an empty <sheetData/> receives rows', () => {
  const styles = new StyleBook(STYLES);
  const out = markCells('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>', new Map([['B2', 'error']]), styles);
  expect(out).toBe('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" s="3"/></row></sheetData></worksheet>');
});

test('the tag scanner skips comments, CDATA and ">" inside attribute values', () => {
  const xml = '<a x="1>2"><!-- <b> --><![CDATA[<c>]]><d/></a>';
  expect([...scanTags(xml)].map((t) => `${t.kind}:${t.name}`)).toEqual(['start:a', 'empty:d', 'end:a']);
  expect(childElements(xml, rootElement(xml)).map((c) => c.name)).toEqual(['d']);
  const s = new Splicer('abc');
  s.insert(1, 'X');
  s.replace(1, 2, 'Y');
  expect(s.apply()).toBe('aXYc');
});
