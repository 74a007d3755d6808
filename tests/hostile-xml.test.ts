/**
 * Every XML scan of the annotate path is linear and accepts what XML allows: whitespace inside tags
 * (`</row >`, `< /c>` is not XML but `<c  r="A1" />` is), attributes in any order, self-closing rows,
 * namespace prefixes. A sheet of 200,000 rows whose end tags carry whitespace is annotated in one
 * pass (a quadratic scan took hours on a 500 KB sheet).
 */
import { addConditionalMarks } from '../src/io/ooxml/sheet';
import type { Severity } from '../src/core/report';
import { StyleBook } from '../src/io/ooxml/styles';
import { childElements, findCloseTag, rootElement } from '../src/io/ooxml/xml';

/** Marks as the marked copy writes them (conditional formats after the sheet data). */
function markCells(xml: string, targets: Map<string, Severity>, styles: StyleBook): string {
  return addConditionalMarks(xml, targets, (sev) => styles.markDxf(sev), 'ZWGK_SHOW_MARKS<>"否"');
}

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

test('close tags with whitespace are found; longer names that start alike are not taken for them', () => {
  const xml = '<row r="1"></rows></row\n\t >';
  expect(findCloseTag(xml, 'row', 10)).toEqual({ start: 18, end: xml.length });
  expect(findCloseTag('<row>', 'row', 5)).toBeNull();
});

test('whitespace in end tags, attributes in any order, self-closing rows and a namespace prefix', () => {
  const xml =
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData >' +
    '<x:row  spans="1:2" r="1" ><x:c s="1"  r="A1" ><x:v>1</x:v ></x:c ><x:c r="B1"/></x:row >' +
    '<x:row r="2" />' +
    '<x:row r="4"><x:c r="A4" t="s"><x:v>0</x:v></x:c></x:row\n>' +
    '</x:sheetData ></x:worksheet >';
  const styles = new StyleBook(STYLES);
  const out = markCells(xml, new Map([['A1', 'error'], ['B2', 'warning'], ['A3', 'info'], ['A4', 'error']]), styles);
  // The cells are not touched; the marks follow the sheet data, in the document's prefix.
  expect(out).toBe(
    xml.replace(
      '</x:worksheet >',
      '<x:conditionalFormatting sqref="A1 A4"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>ZWGK_SHOW_MARKS&lt;&gt;"否"</x:formula></x:cfRule></x:conditionalFormatting>' +
        '<x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="1" priority="2"><x:formula>ZWGK_SHOW_MARKS&lt;&gt;"否"</x:formula></x:cfRule></x:conditionalFormatting>' +
        '<x:conditionalFormatting sqref="A3"><x:cfRule type="expression" dxfId="2" priority="3"><x:formula>ZWGK_SHOW_MARKS&lt;&gt;"否"</x:formula></x:cfRule></x:conditionalFormatting>' +
        '</x:worksheet >',
    ),
  );
});

test('a sheet of 200,000 rows with `</row >` end tags is annotated in one linear pass', () => {
  const rows: string[] = [];
  for (let r = 1; r <= 200_000; r++) rows.push(`<row r="${r}" ><c r="A${r}"><v>${r}</v></c ></row >`);
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData ></worksheet>`;
  const root = rootElement(xml);
  const top = childElements(xml, root);
  expect(top.map((e) => e.name)).toEqual(['sheetData']);
  const rowEls = childElements(xml, top[0]);
  expect(rowEls).toHaveLength(200_000);
  const styles = new StyleBook(STYLES);
  const out = markCells(xml, new Map([['A1', 'error'], ['B100000', 'warning'], ['A200000', 'info']]), styles);
  expect(out.startsWith(xml.slice(0, xml.indexOf('</sheetData >')))).toBe(true);
  expect(out).toContain('</sheetData ><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1">');
  expect(out).toContain('<conditionalFormatting sqref="B100000">');
  expect(out).toContain('<conditionalFormatting sqref="A200000">');
}, 60_000);

test('a damaged sheet whose rows are never closed is scanned once, not once per row', () => {
  const rows: string[] = [];
  for (let r = 1; r <= 50_000; r++) rows.push(`<row r="${r}"><c r="A${r}"/>`);
  const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const styles = new StyleBook(STYLES);
  let outcome: string;
  try {
    outcome = markCells(xml, new Map([['A1', 'error']]), styles).slice(0, 60);
  } catch (e) {
    outcome = (e as Error).message;
  }
  // Nothing to mark in a sheet whose rows cannot be told apart: the part comes back unchanged.
  expect(outcome).toBe(xml.slice(0, 60));
}, 60_000);
