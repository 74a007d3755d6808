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
    // The unit's names stay as they were; the copy adds the print titles of 问题清单, the marks' switch
    // and the hidden marker of zwgk's outputs.
    const namesBefore = elementsXml(wbBefore, 'definedNames')[0];
    expect(elementsXml(wbAfter, 'definedNames')).toEqual([
      namesBefore.replace(
        '</definedNames>',
        `<definedName name="_xlnm.Print_Titles" localSheetId="3">'问题清单'!$5:$5</definedName><definedName name="ZWGK_SHOW_MARKS">'问题清单'!$E$3</definedName>` +
          '<definedName name="ZWGK_OUTPUT" hidden="1">"zwgk:annotated"</definedName></definedNames>',
      ),
    ]);
    expect(wbAfter).toContain(LOCAL_NAME);
    const a0 = partText(before, 'xl/worksheets/sheet2.xml');
    const a1 = partText(after, 'xl/worksheets/sheet2.xml');
    // The unit's own conditional format comes first and keeps its text; the marks follow it.
    expect(elementsXml(a1, 'conditionalFormatting')[0]).toEqual(elementsXml(a0, 'conditionalFormatting')[0]);
    for (const el of ['dataValidations', 'extLst', 'pageMargins', 'sheetFormatPr', 'sheetData']) {
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

  test('marks are conditional formats by worst severity, switched by ZWGK_SHOW_MARKS; the cells are not touched', () => {
    const xml = partText(after, 'xl/worksheets/sheet2.xml');
    expect(elementsXml(xml, 'sheetData')).toEqual(elementsXml(partText(before, 'xl/worksheets/sheet2.xml'), 'sheetData'));
    const marks = [...xml.matchAll(/<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)<\/formula>/g)].map((m) => [m[1], m[3], m[4]]);
    expect(marks).toEqual([
      ['A2 B2', '2', 'ZWGK_SHOW_MARKS&lt;&gt;"否"'],
      ['C3 E10', '3', 'ZWGK_SHOW_MARKS&lt;&gt;"否"'],
      ['B1', '4', 'ZWGK_SHOW_MARKS&lt;&gt;"否"'],
    ]);
    const b = partText(after, 'xl/worksheets/sheet1.xml');
    expect([...b.matchAll(/<conditionalFormatting sqref="([^"]*)"/g)].map((m) => m[1])).toEqual(['C5']);
    // Each severity's dxf: its fill and a darker border, distinct from the template's light-yellow input fill.
    const styles = partText(after, 'xl/styles.xml');
    const dxfs = elementsXml(styles, 'dxfs')[0];
    for (const [fill, edge] of [['FFFF6B6B', 'FFC00000'], ['FFFFC000', 'FF9C5700'], ['FFBDD7EE', 'FF2F5597']]) {
      expect(dxfs).toContain(`<fgColor rgb="${fill}"/><bgColor rgb="${fill}"/>`);
      expect(dxfs).toContain(`<left style="thin"><color rgb="${edge}"/></left>`);
    }
  });

  test('the copy opens on 问题清单: activeTab points at it and no other tab is selected', () => {
    const wb = partText(after, 'xl/workbook.xml');
    expect(wb).toMatch(/<workbookView [^>]*activeTab="3"/);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) expect(partText(after, part)).not.toContain('tabSelected');
    expect(partText(after, 'xl/worksheets/sheet4.xml')).toContain('<sheetView tabSelected="1"');
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

  test('问题清单: title, counts, switch, then one row per finding (errors first within a sheet) with every cell a link', () => {
    const ws = wb.Sheets['问题清单'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, blankrows: true });
    expect(rows[0][0]).toBe('unit.xlsx 政府信息公开工作年度报告 问题清单'.replace(' 政府', '政府'));
    expect(String(rows[1][0])).toMatch(/^错误 2 · 警告 3 · 提示 3　　校验日期 \d{4}-\d{2}-\d{2}　　文件：unit\.xlsx$/);
    expect(rows[2][4]).toBe('是');
    expect(String(rows[3][0])).toContain('把上面的“是”改为“否”即清除全部底色标记');
    expect(rows.slice(4)).toEqual([
      ['序号', '级别', '检查项', '工作表', '说明', '单元格', null],
      [1, '提示', 'GLOBAL', null, '没有单元格的提示', null, null],
      [2, '错误', 'T3-BALANCE', SHEET_A, '本年新收申请数与办理结果合计不一致：差额 2。', 'B2', 'A2'],
      [3, '警告', 'T2-FORMAT', SHEET_A, '=SUM(A1) 不是数字', 'C3', null],
      [4, '警告', 'FAR-CELL', SHEET_A, '-x @y', 'E10', null],
      [5, '提示', 'INFO-ROW1', SHEET_A, '+1 看起来像公式 & <tag> "quoted"', 'B1', null],
      [6, '错误', 'T3-B-ERR', SHEET_B, '错误信息', 'C5', null],
      [7, '提示', 'T3-B-INFO', SHEET_B, '提示信息', 'C5', null],
      [8, '警告', 'QUOTE', SHEET_C, '引号工作表', 'A1', null],
    ]);
    for (const addr of ['E8', 'E9']) {
      expect(ws[addr].t).toBe('s');
      expect(ws[addr].f).toBeUndefined();
    }
    const links = ['F7', 'G7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13'].map((a) => (ws[a] as XLSX.CellObject).l?.Target);
    expect(links).toEqual([
      `#'${SHEET_A}'!B2`,
      `#'${SHEET_A}'!A2`,
      `#'${SHEET_A}'!C3`,
      `#'${SHEET_A}'!E10`,
      `#'${SHEET_A}'!B1`,
      `#'${SHEET_B}'!C5`,
      `#'${SHEET_B}'!C5`,
      "#'甲''乙'!A1",
    ]);
    expect((ws['F6'] as XLSX.CellObject | undefined)?.l).toBeUndefined();
  });

  test('问题清单 rows have heights for their wrapped text; printed A4 landscape, one page wide, header row repeated', () => {
    const xml = partText(after, 'xl/worksheets/sheet4.xml');
    const heights = Object.fromEntries([...xml.matchAll(/<row r="(\d+)" ht="([\d.]+)" customHeight="1"/g)].map((m) => [Number(m[1]), Number(m[2])]));
    for (let r = 1; r <= 13; r++) expect(heights[r]).toBeGreaterThanOrEqual(15);
    expect(heights[4]).toBeGreaterThanOrEqual(3 * 15); // the how-to paragraph wraps to several lines
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<c r="E8" s="(\d+)"/);
    const wrapXf = Number(/<c r="E8" s="(\d+)"/.exec(xml)![1]);
    const cellXfs = elementsXml(partText(after, 'xl/styles.xml'), 'cellXfs')[0];
    const xfs = [...cellXfs.matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs[wrapXf]).toContain('wrapText="1"');
  });

  test('notes are present with the expected text, the existing note keeps its text', () => {
    const a = wb.Sheets[SHEET_A];
    const noteText = (ws: XLSX.WorkSheet, addr: string): string => ((ws[addr] as XLSX.CellObject).c ?? []).map((c) => c.t).join('|');
    expect(noteText(a, 'C3')).toBe('原有批注\nzwgk:\n【警告】T2-FORMAT：=SUM(A1) 不是数字');
    expect(noteText(a, 'B2')).toBe('zwgk:\n【错误】T3-BALANCE：本年新收申请数与办理结果合计不一致：差额 2。');
    expect(noteText(wb.Sheets[SHEET_B], 'C5')).toBe('zwgk:\n【错误】T3-B-ERR：错误信息\n【提示】T3-B-INFO：提示信息');
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

  test('a marked styled cell keeps its own fill, font, border and number format (the mark is a conditional format)', () => {
    const b2 = wb.getWorksheet(SHEET_A)!.getCell('B2');
    expect(fillOf(b2)).toBe('FF00FF00');
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

  test('data validation survives', () => {
    const dv = wb.getWorksheet(SHEET_A)!.getCell('B4').dataValidation;
    expect(dv).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 1000] });
  });

  test('the findings header row is bold', () => {
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('E5').value).toBe('说明');
    expect(ws.getCell('F7').font?.underline).toBeTruthy();
  });
});

describe('annotateWorkbook: other inputs', () => {
  test('English locale names the sheet Findings and uses English labels', () => {
    const out = annotateWorkbook(input, [FINDINGS[0]], { locale: 'en', sourceName: 'unit.xlsx' });
    const wb = XLSX.read(out, { type: 'array' });
    expect(wb.SheetNames[3]).toBe('Findings');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Findings, { header: 1, blankrows: true, defval: null });
    expect(rows[4]).toEqual(['No.', 'Severity', 'Check', 'Sheet', 'Message', 'Cells', null]);
    expect(rows[5]).toEqual([1, 'Error', 'T3-BALANCE', SHEET_A, FINDINGS[0].message, 'B2', 'A2']);
    expect(((wb.Sheets[SHEET_A]['B2'] as XLSX.CellObject).c ?? [])[0].t).toBe(`zwgk:\n[Error] T3-BALANCE: ${FINDINGS[0].message}`);
  });

  test('annotating an annotated copy adds a second list sheet instead of clashing', () => {
    const twice = annotateWorkbook(output, [FINDINGS[0]], { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const wb = XLSX.read(twice, { type: 'array' });
    expect(wb.SheetNames).toEqual([SHEET_A, SHEET_B, SHEET_C, '问题清单', '问题清单 (2)']);
    // The switch of the marks now points at the new list; no name is defined twice.
    const names = [...partText(unzip(twice), 'xl/workbook.xml').matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?/g)].map((m) => `${m[1]}@${m[2] ?? ''}`);
    expect(new Set(names).size).toBe(names.length);
    expect(partText(unzip(twice), 'xl/workbook.xml')).toContain(`<definedName name="ZWGK_SHOW_MARKS">'问题清单 (2)'!$E$3</definedName>`);
  });

  test('no findings still gives a list sheet that says so', () => {
    const out = annotateWorkbook(input, [], { locale: 'zh-CN', sourceName: 'unit.xlsx' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(out, { type: 'array' }).Sheets['问题清单'], { header: 1, defval: null });
    expect(rows.slice(4)).toEqual([
      ['序号', '级别', '检查项', '工作表', '说明', '单元格'],
      [null, null, null, null, '未发现问题。', null],
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
    expect((err as UserError).code).toBe('annotate-not-xlsx');
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
