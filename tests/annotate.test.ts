import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { annotateWorkbook, canAnnotate } from '../src/io/annotate';
import { UserError } from '../src/core/errors';
import { buildUnitWorkbook, elementsXml, finding, LOCAL_NAME, partText, SHEET_A, SHEET_B, SHEET_C, unzip, X14_VALIDATION, type Parts } from './annotate-fixtures';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const FINDINGS = [
  finding('T3-BALANCE', 'error', '本年新收申请数与办理结果合计不一致：差额 2。', [
    [SHEET_A, 'B2'],
    [SHEET_A, 'A2'],
  ]),
  finding('T2-FORMAT', 'warning', '=SUM(A1) 不是数字', [[SHEET_A, 'C3']]),
  finding('INFO-ROW1', 'info', '+1 看起来像公式 & <tag> "quoted"', [[SHEET_A, 'B1']]),
  finding('FAR-CELL', 'warning', '-x @y', [[SHEET_A, 'E10']]),
  finding('T3-B-INFO', 'info', '提示信息', [[SHEET_B, 'C5']]),
  finding('T3-B-ERR', 'error', '错误信息', [[SHEET_B, '$C$5']]),
  finding('QUOTE', 'warning', '引号工作表', [[SHEET_C, 'A1']]),
  finding('GLOBAL', 'info', '没有单元格的提示', []),
];

let input: Uint8Array;
let inputHash: string;
let output: Uint8Array;
let before: Parts;
let after: Parts;

beforeAll(async () => {
  input = await buildUnitWorkbook();
  inputHash = sha(input);
  output = annotateWorkbook(input, FINDINGS, { locale: 'zh-CN', sourceName: 'unit.xlsx' });
  before = unzip(input);
  after = unzip(output);
});

describe('annotateWorkbook: package integrity', () => {
  test('the input bytes are not modified', () => {
    expect(sha(input)).toBe(inputHash);
  });

  test('parts that need no change keep their exact bytes; only the expected parts change or appear', () => {
    const changed = Object.keys(before).filter((k) => after[k] && sha(after[k]) !== sha(before[k])).sort();
    const added = Object.keys(after).filter((k) => !before[k]).sort();
    const removed = Object.keys(before).filter((k) => !after[k]);
    expect(removed).toEqual([]);
    expect(changed).toEqual(
      [
        '[Content_Types].xml',
        'docProps/app.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/worksheets/_rels/sheet3.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].filter((k) => before[k]).sort(),
    );
    expect(added).toEqual(
      ['xl/comments2.xml', 'xl/comments3.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/drawings/vmlDrawing3.vml', 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/worksheets/sheet4.xml'].sort(),
    );
  });

  test('defined names (workbook and sheet scope), data validation, x14 extLst, conditional formats and drawings are identical', () => {
    const wbBefore = partText(before, 'xl/workbook.xml');
    const wbAfter = partText(after, 'xl/workbook.xml');
    // The unit's names are untouched; the copy only gains the hidden marker of zwgk's outputs.
    expect(elementsXml(wbAfter, 'definedNames')).toEqual(
      elementsXml(wbBefore, 'definedNames').map((x) => x.replace('</definedNames>', '<definedName name="ZWGK_OUTPUT" hidden="1">"zwgk:annotated"</definedName></definedNames>')),
    );
    expect(wbAfter).toContain(LOCAL_NAME);
    const a0 = partText(before, 'xl/worksheets/sheet2.xml');
    const a1 = partText(after, 'xl/worksheets/sheet2.xml');
    for (const el of ['dataValidations', 'conditionalFormatting', 'extLst', 'pageMargins', 'sheetFormatPr']) {
      expect(elementsXml(a1, el)).toEqual(elementsXml(a0, el));
      expect(elementsXml(a1, el).length).toBeGreaterThan(0);
    }
    expect(a1).toContain(X14_VALIDATION);
    expect(a1.endsWith(`${X14_VALIDATION}</worksheet>`)).toBe(true);
    const b0 = partText(before, 'xl/worksheets/sheet1.xml');
    const b1 = partText(after, 'xl/worksheets/sheet1.xml');
    expect(elementsXml(b1, 'drawing')).toEqual(elementsXml(b0, 'drawing'));
    expect(elementsXml(b1, 'drawing')).toHaveLength(1);
    // legacyDrawing is placed after <drawing> as the schema orders them.
    expect(b1.indexOf('<legacyDrawing')).toBeGreaterThan(b1.indexOf('<drawing'));
  });

  test('the findings sheet is appended last and registered consistently', () => {
    const wb = partText(after, 'xl/workbook.xml');
    const names = [...wb.matchAll(/<sheet [^>]*>/g)].map((m) => [/name="([^"]*)"/.exec(m[0])?.[1], /sheetId="(\d+)"/.exec(m[0])?.[1]]);
    expect(names).toEqual([
      [SHEET_A, '1'],
      [SHEET_B, '2'],
      ['甲&apos;乙', '3'],
      ['问题清单', '4'],
    ]);
    const rid = /name="问题清单"[^>]*r:id="(rId\d+)"/.exec(wb)?.[1];
    expect(partText(after, 'xl/_rels/workbook.xml.rels')).toContain(`Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"`);
    const ct = partText(after, '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(ct.match(/Extension="vml"/g)).toHaveLength(1);
    const app = partText(after, 'docProps/app.xml');
    expect(app).toContain('<vt:i4>4</vt:i4>');
    expect(app).toContain(`<vt:vector size="4" baseType="lpstr"><vt:lpstr>${SHEET_A}</vt:lpstr><vt:lpstr>${SHEET_B}</vt:lpstr><vt:lpstr>甲&apos;乙</vt:lpstr><vt:lpstr>问题清单</vt:lpstr></vt:vector>`);
  });

  test('marked cells are written in row and column order; absent rows and cells are inserted', () => {
    const xml = partText(after, 'xl/worksheets/sheet2.xml');
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    expect(rows).toEqual([1, 2, 3, 4, 10]);
    const row2 = /<row r="2"[^>]*>(.*?)<\/row>/.exec(xml)?.[1] ?? '';
    expect([...row2.matchAll(/<c r="([A-Z]+2)"/g)].map((m) => m[1])).toEqual(['A2', 'B2', 'D2']);
    expect(xml).toMatch(/<row r="1"><c r="B1" s="\d+"\/><\/row>/);
    expect(xml).toMatch(/<row r="10"><c r="E10" s="\d+"\/><\/row>/);
    expect(xml).toContain('<dimension ref="A1:E10"/>');
    expect(/<row r="2" spans="([^"]*)"/.exec(xml)?.[1]).toBe('1:4');
  });

  test('every VML drawing uses its own shape-id block', () => {
    const blocks = Object.keys(after)
      .filter((k) => k.endsWith('.vml'))
      .map((k) => /o:idmap v:ext="edit" data="(\d+)"/.exec(partText(after, k))?.[1]);
    expect(blocks).toHaveLength(3);
    expect(new Set(blocks).size).toBe(3);
  });

  test('the findings sheet holds only values, never formulas', () => {
    const xml = partText(after, 'xl/worksheets/sheet4.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('<t xml:space="preserve">=SUM(A1) 不是数字</t>');
    expect(xml).toContain('+1 看起来像公式 &amp; &lt;tag&gt; "quoted"');
  });
});

describe('annotateWorkbook: read back with SheetJS', () => {
  let wb: XLSX.WorkBook;
  beforeAll(() => {
    wb = XLSX.read(output, { type: 'array', cellStyles: true, cellFormula: true });
  });

  test('sheet order is unchanged, the findings sheet is last', () => {
    expect(wb.SheetNames).toEqual([SHEET_A, SHEET_B, SHEET_C, '问题清单']);
  });

  test('问题清单 rows are exactly the findings, one per cell, with links to the cells', () => {
    const ws = wb.Sheets['问题清单'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    expect(rows).toEqual([
      ['序号', '级别', '规则', '工作表', '单元格', '说明'],
      [1, '错误', 'T3-BALANCE', SHEET_A, 'B2', '本年新收申请数与办理结果合计不一致：差额 2。'],
      [1, '错误', 'T3-BALANCE', SHEET_A, 'A2', '本年新收申请数与办理结果合计不一致：差额 2。'],
      [2, '警告', 'T2-FORMAT', SHEET_A, 'C3', '=SUM(A1) 不是数字'],
      [3, '提示', 'INFO-ROW1', SHEET_A, 'B1', '+1 看起来像公式 & <tag> "quoted"'],
      [4, '警告', 'FAR-CELL', SHEET_A, 'E10', '-x @y'],
      [5, '提示', 'T3-B-INFO', SHEET_B, 'C5', '提示信息'],
      [6, '错误', 'T3-B-ERR', SHEET_B, 'C5', '错误信息'],
      [7, '警告', 'QUOTE', SHEET_C, 'A1', '引号工作表'],
      [8, '提示', 'GLOBAL', null, null, '没有单元格的提示'],
    ]);
    for (const addr of ['F4', 'F5', 'F6']) {
      expect(ws[addr].t).toBe('s');
      expect(ws[addr].f).toBeUndefined();
    }
    const links = ['E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'].map((a) => (ws[a] as XLSX.CellObject).l?.Target);
    expect(links).toEqual([
      `#'${SHEET_A}'!B2`,
      `#'${SHEET_A}'!A2`,
      `#'${SHEET_A}'!C3`,
      `#'${SHEET_A}'!B1`,
      `#'${SHEET_A}'!E10`,
      `#'${SHEET_B}'!C5`,
      `#'${SHEET_B}'!C5`,
      "#'甲''乙'!A1",
    ]);
    expect((ws['E10'] as XLSX.CellObject | undefined)?.l).toBeUndefined();
  });

  test('notes are present with the expected text, the existing note keeps its text', () => {
    const a = wb.Sheets[SHEET_A];
    const noteText = (ws: XLSX.WorkSheet, addr: string): string => ((ws[addr] as XLSX.CellObject).c ?? []).map((c) => c.t).join('|');
    expect(noteText(a, 'C3')).toBe('原有批注\nzwgk:\n【警告】T2-FORMAT：=SUM(A1) 不是数字');
    expect(noteText(a, 'B2')).toBe('zwgk:\n【错误】T3-BALANCE：本年新收申请数与办理结果合计不一致：差额 2。');
    expect(noteText(wb.Sheets[SHEET_B], 'C5')).toBe('zwgk:\n【提示】T3-B-INFO：提示信息\n【错误】T3-B-ERR：错误信息');
    expect(noteText(wb.Sheets[SHEET_C], 'A1')).toBe('zwgk:\n【警告】QUOTE：引号工作表');
  });

  test('defined names read back with their scopes', () => {
    const names = (wb.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref, n.Sheet ?? null]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['WB_TOTAL', `'${SHEET_A}'!$B$2`, null],
        ['LOCAL_TOTAL', `'${SHEET_B}'!$C$5`, 1],
      ]),
    );
  });
});

describe('annotateWorkbook: read back with ExcelJS', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
  });

  const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill && cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

  test('a marked styled cell gets the severity fill and keeps font, border and number format', () => {
    const b2 = wb.getWorksheet(SHEET_A)!.getCell('B2');
    expect(fillOf(b2)).toBe('FFFFC7CE');
    expect(b2.numFmt).toBe('0.00');
    expect(b2.font).toMatchObject({ bold: true, name: 'Arial', size: 12 });
    expect(b2.border.top?.style).toBe('thin');
    expect(b2.border.bottom).toMatchObject({ style: 'double', color: { argb: 'FF0000FF' } });
    expect(b2.value).toBe(12);
  });

  test('unmarked cells keep their original style', () => {
    const b3 = wb.getWorksheet(SHEET_A)!.getCell('B3');
    expect(fillOf(b3)).toBe('FF9999FF');
    expect(b3.numFmt).toBe('#,##0');
    expect(fillOf(wb.getWorksheet(SHEET_A)!.getCell('D2'))).toBeUndefined();
  });

  test('each marked cell is coloured by its worst severity', () => {
    const a = wb.getWorksheet(SHEET_A)!;
    expect(fillOf(a.getCell('A2'))).toBe('FFFFC7CE');
    expect(fillOf(a.getCell('C3'))).toBe('FFFFEB9C');
    expect(fillOf(a.getCell('B1'))).toBe('FFDDEBF7');
    expect(fillOf(a.getCell('E10'))).toBe('FFFFEB9C');
    expect(fillOf(wb.getWorksheet(SHEET_B)!.getCell('C5'))).toBe('FFFFC7CE');
    expect(a.getCell('C3').value).toBe('备注');
  });

  test('data validation survives', () => {
    const dv = wb.getWorksheet(SHEET_A)!.getCell('B4').dataValidation;
    expect(dv).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 1000] });
  });

  test('the findings header row is bold', () => {
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('F1').value).toBe('说明');
    expect(ws.getCell('E2').font?.underline).toBeTruthy();
  });
});

describe('annotateWorkbook: other inputs', () => {
  test('English locale names the sheet Findings and uses English labels', () => {
    const out = annotateWorkbook(input, [FINDINGS[0]], { locale: 'en', sourceName: 'unit.xlsx' });
    const wb = XLSX.read(out, { type: 'array' });
    expect(wb.SheetNames[3]).toBe('Findings');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Findings, { header: 1 });
    expect(rows[0]).toEqual(['No.', 'Severity', 'Rule', 'Sheet', 'Cell', 'Description']);
    expect(rows[1]).toEqual([1, 'Error', 'T3-BALANCE', SHEET_A, 'B2', FINDINGS[0].message]);
    expect(((wb.Sheets[SHEET_A]['B2'] as XLSX.CellObject).c ?? [])[0].t).toBe(`zwgk:\n[Error] T3-BALANCE: ${FINDINGS[0].message}`);
  });

  test('annotating an annotated copy adds a second list sheet instead of clashing', () => {
    const twice = annotateWorkbook(output, [FINDINGS[0]], { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const wb = XLSX.read(twice, { type: 'array' });
    expect(wb.SheetNames).toEqual([SHEET_A, SHEET_B, SHEET_C, '问题清单', '问题清单 (2)']);
  });

  test('no findings still gives a list sheet that says so', () => {
    const out = annotateWorkbook(input, [], { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(out, { type: 'array' }).Sheets['问题清单'], { header: 1, defval: null });
    expect(rows).toEqual([
      ['序号', '级别', '规则', '工作表', '单元格', '说明'],
      [null, null, null, null, null, '未发现问题。'],
    ]);
  });

  test('a file that is not a workbook gives one clear sentence naming the file', () => {
    let err: unknown;
    try {
      annotateWorkbook(new Uint8Array([1, 2, 3, 4]), FINDINGS, { locale: 'zh-CN', sourceName: '某单位.xls' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('ANNOTATE_NOT_XLSX');
    expect((err as UserError).messageIn('zh-CN')).toContain('某单位.xls');
  });

  test('canAnnotate accepts only Office Open XML workbooks', () => {
    expect(canAnnotate('单位.xlsx')).toBe(true);
    expect(canAnnotate('UNIT.XLSM')).toBe(true);
    expect(canAnnotate('unit.xls')).toBe(false);
    expect(canAnnotate('unit.ods')).toBe(false);
    expect(canAnnotate('unit.et')).toBe(false);
  });
});
