/**
 * The annotated copy against other producers and consumers: LibreOffice opens and renders it,
 * LibreOffice-saved and namespace-prefixed inputs are handled, and a filled standard template
 * keeps its names and protection.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { annotateWorkbook } from '../src/io/annotate';
import { writeTemplate } from '../src/io/template-writer';
import { INDICATORS, SHEETS } from '../src/core/catalogue';
import { convertWithLibreOffice, sofficePath } from './helpers/libreoffice';
import { buildUnitWorkbook, elementsXml, finding, partText, SHEET_A, SHEET_B, unzip, zip } from './annotate-fixtures';

/** The unit's defined names with the hidden marker every zwgk output gains (and nothing else). */
const withMarker = (xs: string[]): string[] =>
  xs.map((x) => x.replace('</definedNames>', '<definedName name="ZWGK_OUTPUT" hidden="1">"zwgk:annotated"</definedName></definedNames>'));

const hasSoffice = sofficePath() !== null;
const withSoffice = hasSoffice ? test : test.skip;

function writeTemp(name: string, data: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'zwgk-annotate-')), name);
  writeFileSync(path, data);
  return path;
}

const FINDINGS = [
  finding('T3-BALANCE', 'error', '合计不一致', [[SHEET_A, 'B2']]),
  finding('T2-FORMAT', 'warning', '=1+1', [[SHEET_A, 'C3']]),
  finding('INFO-CELL', 'info', '提示单元格', [[SHEET_A, 'D2']]),
  finding('B-SHEET', 'error', '表三错误', [[SHEET_B, 'C5']]),
];

describe('LibreOffice opens the annotated copy', () => {
  withSoffice('converts to csv with values and number formats intact', async () => {
    const out = annotateWorkbook(await buildUnitWorkbook(), FINDINGS, { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const csv = readFileSync(convertWithLibreOffice(writeTemp('annotated.xlsx', out), 'csv'), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[1]).toBe(',12.00,,"text"');
    expect(lines[2]).toBe(',7,"备注",');
  });

  withSoffice('renders to pdf with the severity fills and the own fill of the unit', async () => {
    const out = annotateWorkbook(await buildUnitWorkbook(), FINDINGS, { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const pdf = convertWithLibreOffice(writeTemp('annotated.xlsx', out), 'pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftoppm')) return;
    // Render page 1 as a raw PPM and count pixels of each severity fill colour.
    const prefix = join(mkdtempSync(join(tmpdir(), 'zwgk-annotate-page-')), 'page');
    execFileSync('/usr/bin/pdftoppm', ['-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
    const ppm = readFileSync(`${prefix}-1.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const pixels = ppm.subarray(header![0].length);
    const count = (r: number, g: number, b: number): number => {
      let n = 0;
      for (let k = 0; k + 2 < pixels.length; k += 3) if (pixels[k] === r && pixels[k + 1] === g && pixels[k + 2] === b) n++;
      return n;
    };
    // The marks are conditional formats; LibreOffice applies them through the ZWGK_SHOW_MARKS switch.
    expect(count(0xff, 0x6b, 0x6b)).toBeGreaterThan(50); // error mark on B2
    expect(count(0xff, 0xc0, 0x00)).toBeGreaterThan(50); // warning mark on C3
    expect(count(0xbd, 0xd7, 0xee)).toBeGreaterThan(50); // info mark on D2
    expect(count(0x99, 0x99, 0xff)).toBeGreaterThan(50); // the unit's own fill on B3
  });

  withSoffice('a workbook saved by LibreOffice is annotated and re-read', async () => {
    const loPath = convertWithLibreOffice(writeTemp('unit.xlsx', await buildUnitWorkbook()), 'xlsx');
    const lo = new Uint8Array(readFileSync(loPath));
    const out = annotateWorkbook(lo, FINDINGS, { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const before = unzip(lo);
    const after = unzip(out);
    const wbXml = (p: typeof before): string => partText(p, 'xl/workbook.xml');
    expect(elementsXml(withoutCopyNames(wbXml(after)), 'definedNames')).toEqual(withMarker(elementsXml(wbXml(before), 'definedNames')));

    const sj = XLSX.read(out, { type: 'array' });
    expect(sj.SheetNames[sj.SheetNames.length - 1]).toBe('问题清单');
    const note = (addr: string): string => ((sj.Sheets[SHEET_A][addr] as XLSX.CellObject).c ?? []).map((c) => c.t).join('|');
    expect(note('B2')).toBe('zwgk:\n【错误】T3-BALANCE：合计不一致');
    expect(note('C3')).toContain('原有批注');
    expect(note('C3')).toContain('zwgk:\n【警告】T2-FORMAT：=1+1');

    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const b2 = ej.getWorksheet(SHEET_A)!.getCell('B2');
    expect(b2.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } }); // the unit's own fill stays
    expect(b2.numFmt).toBe('0.00');
    expect(b2.font?.bold).toBe(true);
    expect(b2.border.top?.style).toBe('thin');
    // LibreOffice reads the patched file back: values, our notes and the list with its links survive its own save.
    const again = XLSX.read(readFileSync(convertWithLibreOffice(writeTemp('lo-annotated.xlsx', out), 'xlsx')), { type: 'buffer' });
    expect(again.Sheets[SHEET_A]['B2'].v).toBe(12);
    expect(((again.Sheets[SHEET_A]['B2'] as XLSX.CellObject).c ?? []).map((c) => c.t).join('')).toContain('T3-BALANCE');
    expect(((again.Sheets[SHEET_B]['C5'] as XLSX.CellObject).c ?? []).map((c) => c.t).join('')).toContain('表三错误');
    expect((again.Sheets['问题清单']['F6'] as XLSX.CellObject).l?.Target).toBe(`#'${SHEET_A}'!B2`);
  });
});

/** The workbook part without the two names a marked copy adds (print titles of 问题清单, the marks' switch). */
function withoutCopyNames(xml: string): string {
  return xml.replace(/<definedName name="[^"]*"(?: localSheetId="\d+")?>'问题清单'![^<]*<\/definedName>/g, '');
}

/** A package whose SpreadsheetML uses an "x:" prefix (as the Open XML SDK writes), with a non-standard part name. */
function prefixedPackage(): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const head = '<?xml version="1.0" encoding="utf-8"?>';
  return zip({
    '[Content_Types].xml': strToU8(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`${head}<x:workbook xmlns:x="${main}" xmlns:rel="${rel}"><x:sheets><x:sheet name="数据 表" sheetId="7" rel:id="Rdata"/></x:sheets></x:workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="Rdata" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="Rst" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${head}<x:styleSheet xmlns:x="${main}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="宋体"/></x:font></x:fonts>` +
        '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
        '<x:borders count="2"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border><x:border><x:left style="thin"/><x:right style="thin"/><x:top style="thin"/><x:bottom style="thin"/><x:diagonal/></x:border></x:borders>' +
        '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
        '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></x:cellXfs></x:styleSheet>',
    ),
    'xl/worksheets/data.xml': strToU8(
      `${head}<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c></x:row>` +
        '<x:row r="2"><x:c r="B2" s="1"><x:v>1234.5</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    ),
  });
}

describe('namespace-prefixed SpreadsheetML', () => {
  const sheet = '数据 表';
  const findings = [finding('P-1', 'error', '前缀', [[sheet, 'B2']]), finding('P-2', 'warning', '新行', [[sheet, 'C3']])];

  test('cells, notes and the list sheet are written with the document prefix and read back', () => {
    const out = annotateWorkbook(prefixedPackage(), findings, { locale: 'zh-CN', sourceName: 'sdk.xlsx' });
    const parts = unzip(out);
    const data = partText(parts, 'xl/worksheets/data.xml');
    expect(data).toMatch(/<\/x:sheetData><x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>ZWGK_SHOW_MARKS&lt;&gt;"否"<\/x:formula><\/x:cfRule><\/x:conditionalFormatting><x:conditionalFormatting sqref="C3">.*<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
    expect(partText(parts, 'xl/workbook.xml')).toMatch(/<x:sheet name="问题清单" sheetId="8" rel:id="rId\d+"\/><\/x:sheets>/);
    const styles = partText(parts, 'xl/styles.xml');
    expect(styles).not.toMatch(/<(xf|fill|font|dxf) /);
    expect(styles).toContain('<x:dxfs count="2"><x:dxf><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFF6B6B"/>');

    const wb = XLSX.read(out, { type: 'array', cellStyles: true });
    expect(wb.SheetNames).toEqual([sheet, '问题清单']);
    expect(wb.Sheets[sheet]['B2'].v).toBe(1234.5);
    expect(((wb.Sheets[sheet]['C3'] as XLSX.CellObject).c ?? [])[0].t).toBe('zwgk:\n【警告】P-2：新行');
    expect((wb.Sheets['问题清单']['F6'] as XLSX.CellObject).l?.Target).toBe(`#'${sheet}'!B2`);
  });

  withSoffice('LibreOffice opens it', () => {
    const out = annotateWorkbook(prefixedPackage(), findings, { locale: 'zh-CN', sourceName: 'sdk.xlsx' });
    const csv = readFileSync(convertWithLibreOffice(writeTemp('sdk.xlsx', out), 'csv'), 'utf8');
    expect(csv.split(/\r?\n/)[1]).toBe(',"1,234.50",');
  });
});

describe('a filled standard template', () => {
  test('keeps names, protection and validation while marking an indicator cell', async () => {
    const target = INDICATORS.find((i) => i.sheet === 't3' && i.kind === 'count') ?? INDICATORS.find((i) => i.sheet === 't3')!;
    const sheetName = SHEETS.find((s) => s.key === 't3')!.name;
    const input = new Uint8Array(await writeTemplate({ values: { [target.name]: 5 } }));
    const out = annotateWorkbook(input, [finding('T3-BALANCE', 'error', '合计不一致', [[sheetName, target.address]])], { locale: 'zh-CN', sourceName: 'template.xlsx' });
    const before = unzip(input);
    const after = unzip(out);
    expect(elementsXml(withoutCopyNames(partText(after, 'xl/workbook.xml')), 'definedNames')).toEqual(withMarker(elementsXml(partText(before, 'xl/workbook.xml'), 'definedNames')));
    const sheetPart = Object.keys(after).find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k) && before[k] && partText(after, k) !== partText(before, k))!;
    for (const el of ['sheetProtection', 'dataValidations', 'mergeCells']) {
      expect(elementsXml(partText(after, sheetPart), el)).toEqual(elementsXml(partText(before, sheetPart), el));
    }
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const beforeWb = new ExcelJS.Workbook();
    await beforeWb.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    const cell = ej.getWorksheet(sheetName)!.getCell(target.address);
    const original = beforeWb.getWorksheet(sheetName)!.getCell(target.address);
    expect(cell.fill).toEqual(original.fill); // the template's input fill stays under the mark
    expect(partText(after, sheetPart)).toContain(`<conditionalFormatting sqref="${target.address}"><cfRule type="expression"`);
    expect(cell.value).toBe(5);
    expect(cell.border).toEqual(original.border);
    expect(cell.font).toEqual(original.font);
    expect(cell.protection).toEqual(original.protection);
    expect(cell.numFmt).toEqual(original.numFmt);
  });
});
