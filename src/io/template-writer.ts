/**
 * Writes the standard indicator workbook (标准指标工作簿): the official tables' look, a workbook-
 * scoped defined name on every input cell, data validation with Chinese hints, input cells
 * unlocked and every sheet protected without a password. Everything is derived from the catalogue.
 *
 * ExcelJS is used because it writes styles, merged cells, data validation and protection; the
 * SheetJS community edition cannot.
 */
import ExcelJS from 'exceljs';
import {
  INDICATORS,
  Indicator,
  SHEETS,
  SheetKey,
  TEMPLATE_ID,
  TEMPLATE_ID_ADDRESS,
  TEMPLATE_ID_NAME,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_ADDRESS,
  TEMPLATE_VERSION_NAME,
  indicator,
} from '../core/catalogue';
import { drawInfo, drawText, drawWork, styleMarker } from './template/forms';
import { drawGuide } from './template/guide';
import { ALL_BORDERS, BODY_FONT, INPUT_FILL, protectSheet } from './template/style';
import { drawT2, drawT3, drawT4 } from './template/tables';
import { validationFor } from './template/validation';

export type CellInput =
  | number
  | string
  | boolean
  | null
  | Date
  | { formula: string; result?: number | string }
  | { error: string };

export interface TemplateOptions {
  year?: number;
  unitName?: string;
  /** Values to put into indicator cells, by defined name (used to build test fixtures, examples and the summary's 合计 sheets). */
  values?: Record<string, CellInput>;
  /** Defined names to leave out (tests of workbooks that lost names). */
  omitNames?: string[];
}

const DRAW: Record<SheetKey, (ws: ExcelJS.Worksheet) => void> = {
  guide: drawGuide,
  info: drawInfo,
  t2: drawT2,
  t3: drawT3,
  t4: drawT4,
  work: drawWork,
  text: drawText,
};

/** Builds the workbook in memory; callers may add sheets before writing it. */
export async function buildTemplate(opts: TemplateOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zwgk';
  wb.title = '政府信息公开工作年度报告';
  wb.subject = `${TEMPLATE_ID} ${TEMPLATE_VERSION}`;

  const sheets = new Map<SheetKey, ExcelJS.Worksheet>();
  for (const spec of SHEETS) {
    const ws = wb.addWorksheet(spec.name, { properties: { defaultRowHeight: 18 } });
    DRAW[spec.key](ws);
    sheets.set(spec.key, ws);
  }
  const sheetOf = (key: SheetKey): ExcelJS.Worksheet => sheets.get(key) as ExcelJS.Worksheet;
  const omitted = new Set(opts.omitNames ?? []);

  for (const ind of INDICATORS) {
    const cell = sheetOf(ind.sheet).getCell(ind.address);
    styleInput(cell, ind);
    if (!omitted.has(ind.name)) cell.name = ind.name;
  }
  const markers: Array<[string, string, string]> = [
    [TEMPLATE_ID_NAME, TEMPLATE_ID_ADDRESS, TEMPLATE_ID],
    [TEMPLATE_VERSION_NAME, TEMPLATE_VERSION_ADDRESS, TEMPLATE_VERSION],
  ];
  for (const [name, address, value] of markers) {
    const cell = sheetOf('info').getCell(address);
    cell.value = value;
    styleMarker(cell);
    if (!omitted.has(name)) cell.name = name;
  }

  const prefill: Record<string, CellInput> = {};
  if (opts.year !== undefined) prefill.INFO_YEAR = opts.year;
  if (opts.unitName !== undefined) prefill.INFO_UNIT_NAME = opts.unitName;
  for (const [name, value] of Object.entries({ ...prefill, ...(opts.values ?? {}) })) {
    cellByName(name, sheetOf).value = toExcelValue(value);
  }

  for (const ws of sheets.values()) await protectSheet(ws);
  // Open on the guide: the first thing a unit should read.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** Builds the workbook and returns the .xlsx bytes. */
export async function writeTemplate(opts: TemplateOptions = {}): Promise<Buffer> {
  const wb = await buildTemplate(opts);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function cellByName(name: string, sheetOf: (key: SheetKey) => ExcelJS.Worksheet): ExcelJS.Cell {
  if (name === TEMPLATE_ID_NAME) return sheetOf('info').getCell(TEMPLATE_ID_ADDRESS);
  if (name === TEMPLATE_VERSION_NAME) return sheetOf('info').getCell(TEMPLATE_VERSION_ADDRESS);
  const ind = indicator(name);
  if (!ind) throw new Error(`buildTemplate: "${name}" is not a defined name of the catalogue`);
  return sheetOf(ind.sheet).getCell(ind.address);
}

function toExcelValue(value: CellInput): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value) {
    const formula = value.formula.replace(/^=/, '');
    return value.result === undefined ? { formula } : { formula, result: value.result };
  }
  // ExcelJS types error values as a closed union; any Excel error text is accepted when written.
  return { error: value.error } as ExcelJS.CellErrorValue;
}

function styleInput(cell: ExcelJS.Cell, ind: Indicator): void {
  const numeric = ind.kind === 'count' || ind.kind === 'amount' || ind.kind === 'year';
  const longText = ind.group === 'TXT' && ind.kind === 'text';
  cell.fill = INPUT_FILL;
  cell.border = ALL_BORDERS;
  cell.font = BODY_FONT;
  cell.alignment = numeric
    ? { horizontal: 'center', vertical: 'middle' }
    : { horizontal: 'left', vertical: longText ? 'top' : 'middle', wrapText: true, indent: 1 };
  if (ind.numFmt) cell.numFmt = ind.numFmt;
  cell.protection = { locked: false };
  // The 'any' rule (hint only) is outside ExcelJS's typings but written correctly by it.
  cell.dataValidation = validationFor(ind) as ExcelJS.DataValidation;
}
