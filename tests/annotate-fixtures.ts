/**
 * Real .xlsx fixtures for the annotated-copy tests, written by ExcelJS and then given the parts
 * ExcelJS cannot write itself (a sheet-scoped name, an x14 data validation, sheet parts stored out
 * of tab order), the way Excel files of units look.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Finding, FindingCell, Severity } from '../src/core/report';

export const SHEET_A = '基本 信息';
export const SHEET_B = '表三';
export const SHEET_C = "甲'乙";

/** 1x1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const X14_VALIDATION =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
  "<x14:formula1><xm:f>'表三'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B5</xm:sqref></x14:dataValidation>" +
  '</x14:dataValidations></ext></extLst>';
export const LOCAL_NAME = `<definedName name="LOCAL_TOTAL" localSheetId="1">'表三'!$C$5</definedName>`;

export type Parts = Record<string, Uint8Array>;

export function unzip(data: Uint8Array): Parts {
  return unzipSync(data);
}

export function zip(parts: Parts): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = v;
  return zipSync(z);
}

export function partText(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}; have ${Object.keys(parts).join(', ')}`);
  return strFromU8(p);
}

/**
 * The unit's workbook. Tabs: 基本 信息, 表三, 甲'乙. After post-processing the first tab lives in
 * xl/worksheets/sheet2.xml and the second in sheet1.xml.
 */
export async function buildUnitWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet(SHEET_A);
  const b = wb.addWorksheet(SHEET_B);
  const c = wb.addWorksheet(SHEET_C);

  const styled = a.getCell('B2');
  styled.value = 12;
  styled.numFmt = '0.00';
  styled.font = { bold: true, name: 'Arial', size: 12 };
  styled.border = { top: { style: 'thin' }, bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  styled.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
  const unmarked = a.getCell('B3');
  unmarked.value = 7;
  unmarked.numFmt = '#,##0';
  unmarked.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF9999FF' } };
  a.getCell('C3').value = '备注';
  a.getCell('C3').note = '原有批注';
  a.getCell('B4').value = 5;
  a.getCell('B4').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, showErrorMessage: true, formulae: [0, 1000] };
  a.getCell('D2').value = 'text';
  a.addConditionalFormatting({
    ref: 'B2:B4',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['100'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }],
  });
  wb.definedNames.add(`'${SHEET_A}'!$B$2`, 'WB_TOTAL');

  b.getCell('A1').value = '是';
  b.getCell('A2').value = '否';
  b.getCell('A3').value = '/';
  b.getCell('C5').value = 3;
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  b.addImage(image, 'E1:F3');

  c.getCell('A1').value = 'x';

  const parts = unzip(new Uint8Array(await wb.xlsx.writeBuffer()));
  // Store the first tab in sheet2.xml and the second in sheet1.xml, like workbooks whose tabs were reordered.
  const swap = (x: string, y: string): void => {
    const t = parts[x];
    parts[x] = parts[y];
    parts[y] = t;
  };
  swap('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml');
  swap('xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/_rels/sheet2.xml.rels');
  for (const k of Object.keys(parts)) if (parts[k] === undefined) delete parts[k];
  let rels = partText(parts, 'xl/_rels/workbook.xml.rels');
  rels = rels.replace('worksheets/sheet1.xml', '@@').replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml').replace('@@', 'worksheets/sheet2.xml');
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels);

  let workbook = partText(parts, 'xl/workbook.xml');
  workbook = workbook.replace('</definedNames>', `${LOCAL_NAME}</definedNames>`);
  parts['xl/workbook.xml'] = strToU8(workbook);

  let sheetA = partText(parts, 'xl/worksheets/sheet2.xml');
  sheetA = sheetA.replace('</worksheet>', `${X14_VALIDATION}</worksheet>`);
  parts['xl/worksheets/sheet2.xml'] = strToU8(sheetA);
  return zip(parts);
}

export function finding(rule: string, severity: Severity, message: string, cells: [string, string][]): Finding {
  const fc: FindingCell[] = cells.map(([sheet, address]) => ({ name: `N_${address}`, sheet, address }));
  return { rule, severity, message, messages: { 'zh-CN': message, en: message }, cells: fc, values: {} };
}

/** Outer XML of every element with this local name (for byte-level comparison before and after). */
export function elementsXml(xml: string, local: string): string[] {
  const re = new RegExp(`<((?:\\w+:)?${local})\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, 'g');
  return xml.match(re) ?? [];
}
