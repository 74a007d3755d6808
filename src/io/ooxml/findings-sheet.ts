/**
 * The findings list sheet (问题清单 / Findings): one row per finding and cell, each cell reference a
 * link to that cell. Every text is an inline string, so nothing a message says can become a formula.
 */
import type { Finding, Locale, Severity } from '../../core/report';
import { cellName, parseCellRef } from './sheet';
import { cellText } from '../cell-text';
import { escapeAttr, escapeText } from './xml';

export const FINDINGS_SHEET_NAME: Record<Locale, string> = { 'zh-CN': '问题清单', en: 'Findings' };

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['序号', '级别', '规则', '工作表', '单元格', '说明'],
  en: ['No.', 'Severity', 'Rule', 'Sheet', 'Cell', 'Description'],
};

export const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

const NO_FINDINGS: Record<Locale, string> = { 'zh-CN': '未发现问题。', en: 'No findings.' };
const COLUMN_WIDTHS = [7, 9, 20, 16, 10, 70];
/** Excel refuses longer cell texts. */
const MAX_CELL_TEXT = 32767;

export interface FindingRow {
  /** Number of the finding (1-based); rows of one finding's cells share it. */
  seq: number;
  severity: string;
  rule: string;
  sheet: string;
  cell: string;
  message: string;
  /** Internal link target like 'Sheet name'!B3, when the cell exists in the workbook. */
  location?: string;
}

/** A sheet reference as formulas and link locations write it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function findingRows(findings: readonly Finding[], locale: Locale, sheetExists: (name: string) => boolean): FindingRow[] {
  const rows: FindingRow[] = [];
  findings.forEach((f, i) => {
    const base = { seq: i + 1, severity: SEVERITY_LABEL[locale][f.severity], rule: f.rule, message: f.message };
    if (f.cells.length === 0) {
      rows.push({ ...base, sheet: '', cell: '' });
      return;
    }
    for (const c of f.cells) {
      const ref = parseCellRef(c.address);
      const cell = ref ? cellName(ref) : c.address;
      const location = ref && sheetExists(c.sheet) ? `${quoteSheetName(c.sheet)}!${cell}` : undefined;
      rows.push({ ...base, sheet: c.sheet, cell, location });
    }
  });
  return rows;
}

export interface FindingsSheetStyles {
  header: number;
  link: number;
  wrap: number;
  plain: number;
}

export function findingsSheetXml(rows: readonly FindingRow[], locale: Locale, styles: FindingsSheetStyles): string {
  // Empty values get no cell at all, so the cell reads as blank rather than as an empty string.
  const text = (ref: string, value: string, s: number): string =>
    value === '' ? '' : `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(cellText(value.slice(0, MAX_CELL_TEXT)))}</t></is></c>`;
  const header = HEADERS[locale].map((h, i) => text(`${'ABCDEF'[i]}1`, h, styles.header)).join('');
  const body: string[] = [`<row r="1">${header}</row>`];
  const links: string[] = [];
  rows.forEach((row, i) => {
    const r = i + 2;
    body.push(
      `<row r="${r}">` +
        `<c r="A${r}" s="${styles.plain}"><v>${row.seq}</v></c>` +
        text(`B${r}`, row.severity, styles.plain) +
        text(`C${r}`, row.rule, styles.plain) +
        text(`D${r}`, row.sheet, styles.plain) +
        text(`E${r}`, row.cell, row.location ? styles.link : styles.plain) +
        text(`F${r}`, row.message, styles.wrap) +
        '</row>',
    );
    if (row.location) links.push(`<hyperlink ref="E${r}" location="${escapeAttr(row.location)}" display="${escapeAttr(row.cell)}"/>`);
  });
  if (rows.length === 0) body.push(`<row r="2">${text('F2', NO_FINDINGS[locale], styles.wrap)}</row>`);
  const lastRow = Math.max(2, rows.length + 1);
  const cols = COLUMN_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Printed landscape, one page wide: the list is meant to be handed over on paper too.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:F${lastRow}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${body.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}
