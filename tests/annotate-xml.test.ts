/** Sheet and style edits on hand-written XML: the shapes real writers produce that ExcelJS fixtures do not. */
import { addConditionalMarks, parseCellRef, columnName, unselectTab } from '../src/io/ooxml/sheet';
import { SEVERITY_FILL, StyleBook } from '../src/io/ooxml/styles';
import { childElements, rootElement, Splicer, scanTags } from '../src/io/ooxml/xml';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/><protection locked="0"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';


test('cell references convert both ways', () => {
  expect(parseCellRef('$AB$12')).toEqual({ row: 12, col: 28 });
  expect(parseCellRef('XFD1048576')).toEqual({ row: 1048576, col: 16384 });
  expect(parseCellRef('XFE1')).toBeNull();
  expect(parseCellRef('A1:B2')).toBeNull();
  expect(columnName(28)).toBe('AB');
  expect(columnName(16384)).toBe('XFD');
});

test('marks are conditional formats after the sheet data, priorities after the existing rules, cells untouched', () => {
  const styles = new StyleBook(STYLES);
  const data = '<row r="1"><c r="A1" s="1"><v>1</v></c></row>';
  const own = '<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="0" priority="4" operator="greaterThan"><formula>9</formula></cfRule></conditionalFormatting>';
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${own}<dataValidations count="0"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`;
  const out = addConditionalMarks(xml, new Map([['C2', 'warning'], ['A1', 'error'], ['B1', 'warning']]), (s) => styles.markDxf(s), 'M<>"否"');
  expect(out).toBe(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${own}` +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="5"><formula>M&lt;&gt;"否"</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="B1 C2"><cfRule type="expression" dxfId="1" priority="6"><formula>M&lt;&gt;"否"</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="0"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>',
  );
});

test('the dxfs are created in schema order (after cellXfs) with fill and border; existing styles are untouched', () => {
  const styles = new StyleBook(STYLES);
  expect(styles.markDxf('error')).toBe(0);
  expect(styles.markDxf('info')).toBe(1);
  expect(styles.markDxf('error')).toBe(0);
  const xml = styles.toXml();
  expect(xml.startsWith(STYLES.replace('</styleSheet>', ''))).toBe(true);
  expect(xml).toContain(
    '</cellXfs><dxfs count="2"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFF6B6B"/><bgColor rgb="FFFF6B6B"/></patternFill></fill>' +
      '<border><left style="thin"><color rgb="FFC00000"/></left><right style="thin"><color rgb="FFC00000"/></right><top style="thin"><color rgb="FFC00000"/></top><bottom style="thin"><color rgb="FFC00000"/></bottom></border></dxf>',
  );
});

test('the mark colours stand apart from the template input fill in grey print', () => {
  const grey = (argb: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(argb.slice(i + 1, i + 3), 16));
    return 0.299 * r + 0.587 * g + 0.114 * b;
  };
  const input = grey('FFFFF2CC');
  const levels = [grey(SEVERITY_FILL.error), grey(SEVERITY_FILL.warning), grey(SEVERITY_FILL.info), input];
  // darker for worse; at least 15 grey levels between neighbours
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeGreaterThanOrEqual(15);
});

test('only the sheet that opens keeps tabSelected', () => {
  const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData/></worksheet>';
  expect(unselectTab(xml)).toBe(xml.replace(' tabSelected="1"', ''));
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
