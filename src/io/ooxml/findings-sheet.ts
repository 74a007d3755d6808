/**
 * The findings list sheet (问题清单 / Findings) of a marked copy, the sheet the copy opens on:
 *
 *   row 1  title: unit, year, "问题清单"
 *   row 2  counts by severity, date of the check, file checked
 *   row 3  the switch for the marks (是/否) and what it does
 *   row 4  how to use the list and how to remove the marks
 *   row 5  column headers (repeated on every printed page), frozen
 *   row 6… one row per finding, in the core order (errors before warnings before information
 *          within a sheet), with every cell of the finding in its own column as a link to it.
 *
 * The columns are those of the summary's 问题清单 (core/finding-rows.ts). Text is wrapped and every
 * row's height is set from its longest text, because LibreOffice and WPS do not grow rows written
 * by a program and would overprint the next row. Printed A4 landscape, one page wide.
 * Every text is an inline string, so nothing a message says can become a formula.
 */
import {
  cellLabel,
  countsLine,
  FINDING_COLUMN_WIDTH,
  findingColumns,
  findingHeader,
  type FindingColumn,
  type FindingRow,
  rowHeightFor,
  SEVERITY_WORD,
  wrappedLines,
} from '../../core/finding-rows';
import type { Locale, SeverityCounts } from '../../core/report';
import { columnName, parseCellRef, cellName } from './sheet';
import { cellText } from '../cell-text';
import { escapeAttr, escapeText } from './xml';

export const FINDINGS_SHEET_NAME: Record<Locale, string> = { 'zh-CN': '问题清单', en: 'Findings' };
export const SEVERITY_LABEL = SEVERITY_WORD;

/** Row of the column headers; findings start on the next row. */
export const HEADER_ROW = 5;
/** The cell that switches the marks on (是 / Yes) and off (否 / No). */
export const MARKS_SWITCH_CELL = 'E3';
export const MARKS_OFF: Record<Locale, string> = { 'zh-CN': '否', en: 'No' };
const MARKS_ON: Record<Locale, string> = { 'zh-CN': '是', en: 'Yes' };

const NO_FINDINGS: Record<Locale, string> = { 'zh-CN': '未发现问题。', en: 'No findings.' };
/** Excel refuses longer cell texts. */
const MAX_CELL_TEXT = 32767;
/** Link columns beyond this many are not added; the last one then says how many cells remain. */
const MAX_CELL_COLUMNS = 12;

/** A sheet reference as formulas and link locations write it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface FindingsSheetStyles {
  title: number;
  bold: number;
  header: number;
  link: number;
  wrap: number;
  plain: number;
}

export interface FindingsSheetHead {
  unitName: string | null;
  year: number | null;
  counts: SeverityCounts;
  /** Date of the check, YYYY-MM-DD (local date of the machine that checked). */
  date: string;
  /** File name of the checked workbook. */
  sourceName: string;
}

export interface FindingsSheet {
  xml: string;
  /** Number of link columns (the widest finding's cell count, at least one). */
  cellColumns: number;
  /** Print titles formula for this sheet, e.g. '问题清单'!$5:$5 (the caller names the sheet). */
  printTitles: (sheetName: string) => string;
}

function titleText(head: FindingsSheetHead, locale: Locale): string {
  const unit = head.unitName?.trim() || head.sourceName;
  if (locale === 'en') return `${unit}${head.year !== null ? ` — ${head.year} annual report` : ''} — findings`;
  return `${unit}${head.year !== null ? ` ${head.year}年度` : ''}政府信息公开工作年度报告 问题清单`;
}

function subtitleText(head: FindingsSheetHead, locale: Locale): string {
  const counts = countsLine(head.counts, locale);
  return locale === 'en'
    ? `${counts}    checked ${head.date}    file: ${head.sourceName}`
    : `${counts}　　校验日期 ${head.date}　　文件：${head.sourceName}`;
}

const SWITCH_LABEL: Record<Locale, string> = {
  'zh-CN': '显示各表中的问题标记（填“否”即全部清除）：',
  en: 'Show the marks on the sheets (type "No" to clear them all):',
};

const HOW_TO: Record<Locale, string> = {
  'zh-CN':
    '使用方法：点击“单元格”各列中的位置跳到该单元格，按“说明”改正（错误必须改正，警告请核实，提示供参考）。' +
    '各表中有问题的单元格按级别加了底色（错误红、警告橙、提示蓝）和批注。改完后把上面的“是”改为“否”即清除全部底色标记，' +
    '也可以直接删除本工作表；标记是条件格式，不改动单元格原有的格式。',
  en:
    'How to use: click a location in the Cells columns to jump to the cell and fix it as the message says (errors must be fixed, ' +
    'warnings checked, information is for reference). Marked cells carry a fill by severity (error red, warning amber, info blue) ' +
    'and a note. Once fixed, change "Yes" above to "No" to clear every mark, or delete this sheet; the marks are conditional formats ' +
    'and leave the cells\' own formats untouched.',
};

/** Builds the sheet; `location(cell)` gives the link target (quoted sheet!A1) of a cell that exists in the workbook. */
export function findingsSheetXml(
  rows: readonly FindingRow[],
  head: FindingsSheetHead,
  locale: Locale,
  styles: FindingsSheetStyles,
  location: (sheet: string, address: string) => string | undefined,
): FindingsSheet {
  const columns: FindingColumn[] = findingColumns(false).filter((c) => c !== 'cells');
  const cellColumns = Math.min(MAX_CELL_COLUMNS, Math.max(1, ...rows.map((r) => r.cells.length)));
  const lastCol = columns.length + cellColumns;
  const colOf = (key: FindingColumn): number => columns.indexOf(key) + 1;
  const widths = [...columns.map((c) => FINDING_COLUMN_WIDTH[c]), ...Array.from({ length: cellColumns }, () => FINDING_COLUMN_WIDTH.cells)];
  const messageWidth = FINDING_COLUMN_WIDTH.message;
  const fullWidth = widths.reduce((a, b) => a + b, 0);

  // Empty values get no cell at all, so the cell reads as blank rather than as an empty string.
  const text = (ref: string, value: string, s: number): string =>
    value === '' ? '' : `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(cellText(value.slice(0, MAX_CELL_TEXT)))}</t></is></c>`;
  const row = (r: number, cells: string, height?: number): string =>
    `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`;
  const last = columnName(lastCol);

  const body: string[] = [];
  const merges: string[] = [`A1:${last}1`, `A2:${last}2`, `A3:D3`, `A4:${last}4`];
  body.push(row(1, text('A1', titleText(head, locale), styles.title), 24));
  body.push(row(2, text('A2', subtitleText(head, locale), styles.plain), 18));
  body.push(row(3, text('A3', SWITCH_LABEL[locale], styles.bold) + text(MARKS_SWITCH_CELL, MARKS_ON[locale], styles.header), 18));
  body.push(row(4, text('A4', HOW_TO[locale], styles.wrap), rowHeightFor(wrappedLines(HOW_TO[locale], fullWidth))));
  const headerCells = columns.map((c, i) => text(`${columnName(i + 1)}${HEADER_ROW}`, findingHeader(c, locale), styles.header));
  for (let i = 0; i < cellColumns; i++) {
    // The "单元格" header spans every link column; the covered cells still carry the header format.
    const ref = `${columnName(columns.length + 1 + i)}${HEADER_ROW}`;
    headerCells.push(i === 0 ? text(ref, findingHeader('cells', locale), styles.header) : `<c r="${ref}" s="${styles.header}"/>`);
  }
  if (cellColumns > 1) merges.push(`${columnName(columns.length + 1)}${HEADER_ROW}:${last}${HEADER_ROW}`);
  body.push(row(HEADER_ROW, headerCells.join(''), 20));

  const links: string[] = [];
  rows.forEach((f, i) => {
    const r = HEADER_ROW + 1 + i;
    const cells: string[] = [
      `<c r="A${r}" s="${styles.plain}"><v>${f.seq}</v></c>`,
      text(`${columnName(colOf('severity'))}${r}`, SEVERITY_WORD[locale][f.severity], styles.plain),
      text(`${columnName(colOf('rule'))}${r}`, f.rule, styles.plain),
      text(`${columnName(colOf('sheet'))}${r}`, f.sheet, styles.wrap),
      text(`${columnName(colOf('message'))}${r}`, f.message, styles.wrap),
    ];
    let lines = Math.max(wrappedLines(f.message.slice(0, MAX_CELL_TEXT), messageWidth), wrappedLines(f.sheet, FINDING_COLUMN_WIDTH.sheet));
    f.cells.slice(0, cellColumns).forEach((c, k) => {
      const ref = `${columnName(columns.length + 1 + k)}${r}`;
      const parsed = parseCellRef(c.address);
      const address = parsed ? cellName(parsed) : c.address;
      let label = cellLabel(f, { ...c, address });
      if (k === cellColumns - 1 && f.cells.length > cellColumns) {
        label += locale === 'en' ? ` (+${f.cells.length - cellColumns})` : `（另 ${f.cells.length - cellColumns} 个）`;
      }
      const target = parsed ? location(c.sheet, address) : undefined;
      cells.push(text(ref, label, target ? styles.link : styles.wrap));
      lines = Math.max(lines, wrappedLines(label, FINDING_COLUMN_WIDTH.cells));
      if (target) links.push(`<hyperlink ref="${ref}" location="${escapeAttr(target)}" display="${escapeAttr(label)}"/>`);
    });
    body.push(row(r, cells.join(''), rowHeightFor(lines)));
  });
  if (rows.length === 0) body.push(row(HEADER_ROW + 1, text(`${columnName(colOf('message'))}${HEADER_ROW + 1}`, NO_FINDINGS[locale], styles.wrap)));
  const lastRow = Math.max(HEADER_ROW + 1, HEADER_ROW + rows.length);
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Printed landscape, one page wide (as many pages tall as needed): the list is handed over on paper too.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${lastRow}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${HEADER_ROW + 1}" sqref="A${HEADER_ROW + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${body.join('')}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${escapeText(locale === 'en' ? '&CPage &P of &N' : '&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>` +
    '</worksheet>';
  return { xml, cellColumns, printTitles: (name) => `${quoteSheetName(name)}!$${HEADER_ROW}:$${HEADER_ROW}` };
}
