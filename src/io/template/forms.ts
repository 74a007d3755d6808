/**
 * The list-shaped sheets: 基本信息, 工作指标 and 文字部分. Each is a two-column form (label, input)
 * with a hint column; rows come from the catalogue's input addresses.
 */
import type ExcelJS from 'exceljs';
import {
  INDICATORS,
  Indicator,
  SheetKey,
  TEMPLATE_ID_ADDRESS,
  TEMPLATE_VERSION_ADDRESS,
  noteOf,
  parseAddress,
} from '../../core/catalogue';
import { BODY_FONT, NOTE_FONT, ensureHeight, heightFor, label, printSetup, title } from './style';


/** Rows of the long narrative inputs: tall enough to read a few paragraphs without scrolling. */
const TEXT_HEIGHTS: Readonly<Record<string, number>> = {
  TXT_OVERVIEW: 260,
  TXT_PROBLEMS: 180,
  TXT_OTHER: 120,
  TXT_FEE: 48,
};

function onSheet(key: SheetKey): Indicator[] {
  return INDICATORS.filter((i) => i.sheet === key);
}

interface FormLayout {
  sheetTitle: string;
  headers: [string, string, string];
  /** Column widths of label, input and note. */
  widths: [number, number, number];
  landscape?: boolean;
}

function drawForm(ws: ExcelJS.Worksheet, key: SheetKey, layout: FormLayout): void {
  const items = onSheet(key);
  const inputCol = parseAddress(items[0].address).col;
  const labelCol = inputCol - 1;
  const noteCol = inputCol + 1;
  const [labelWidth, inputWidth, noteWidth] = layout.widths;
  ws.getColumn(labelCol).width = labelWidth;
  ws.getColumn(inputCol).width = inputWidth;
  ws.getColumn(noteCol).width = noteWidth;
  const firstRow = Math.min(...items.map((i) => parseAddress(i.address).row));
  title(ws, firstRow - 2, noteCol, layout.sheetTitle);
  layout.headers.forEach((text, k) => label(ws.getCell(firstRow - 1, labelCol + k), text, { header: true, align: 'center' }));
  ws.getRow(firstRow - 1).height = 22;

  for (const ind of items) {
    const { row } = parseAddress(ind.address);
    // "其中：" items are parts of the total above them: indent them like the printed forms do.
    const isPart = ind.label.startsWith('其中');
    label(ws.getCell(row, labelCol), ind.label);
    if (isPart) ws.getCell(row, labelCol).alignment = { ...ws.getCell(row, labelCol).alignment, indent: 3 };
    const note = noteOf(ind);
    label(ws.getCell(row, noteCol), note);
    ws.getCell(row, noteCol).font = NOTE_FONT;
    // Notes are in a smaller font: about a tenth more of them fits on a line.
    ensureHeight(ws, row, TEXT_HEIGHTS[ind.name] ?? Math.max(heightFor(ind.label, labelWidth), heightFor(note, noteWidth * 1.1), 22));
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: firstRow - 1 }];
  printSetup(ws, { landscape: layout.landscape === true, titleRows: `${firstRow - 1}:${firstRow - 1}` });
}

export function drawInfo(ws: ExcelJS.Worksheet): void {
  drawForm(ws, 'info', { sheetTitle: '基本信息', headers: ['项目', '填写内容', '说明'], widths: [24, 44, 30] });
  // The template markers sit under the form, labelled, so nobody wonders what they are.
  const id = parseAddress(TEMPLATE_ID_ADDRESS);
  const version = parseAddress(TEMPLATE_VERSION_ADDRESS);
  const headRow = Math.min(id.row, version.row) - 1;
  const heading = ws.getCell(headRow, id.col - 1);
  heading.value = '模板信息（供校验程序识别，请勿修改）';
  heading.font = { ...NOTE_FONT, bold: true };
  for (const [at, text] of [
    [id, '模板标识'],
    [version, '模板版本'],
  ] as const) {
    const cell = ws.getCell(at.row, at.col - 1);
    cell.value = text;
    cell.font = NOTE_FONT;
  }
}

export function drawWork(ws: ExcelJS.Worksheet): void {
  drawForm(ws, 'work', {
    sheetTitle: '工作指标（政务公开工作主要数据）',
    headers: ['指标', '数值', '说明'],
    widths: [42, 14, 40],
  });
}

export function drawText(ws: ExcelJS.Worksheet): void {
  drawForm(ws, 'text', {
    sheetTitle: '文字部分', headers: ['栏目', '内容', '说明'],
    widths: [22, 88, 24],
    landscape: true,
  });
}

/** Style of a template marker cell: plain grey text, locked. */
export function styleMarker(cell: ExcelJS.Cell): void {
  cell.font = { ...BODY_FONT, color: { argb: 'FF808080' } };
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
  cell.protection = { locked: true };
}
