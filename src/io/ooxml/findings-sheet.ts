/**
 * The findings list sheet (问题清单 / Findings): one row per finding and cell, each cell reference a
 * link to that cell. Every text is an inline string, so nothing a message says can become a formula.
 */
import { SEVERITY_TITLES } from '../../core/codes/labels';
import { FINDING_COLUMNS, findingColumnLabels, findingRowValues, findingRows as projectFindings, type FindingRow as CoreFindingRow, type FindingSource } from '../../core/finding-row';
import type { Finding, Locale, Severity } from '../../core/report';
import { cellName, columnName, parseCellRef } from './sheet';
import { escapeAttr, escapeText } from './xml';

export const FINDINGS_SHEET_NAME: Record<Locale, string> = { 'zh-CN': '问题清单', en: 'Findings' };

export const SEVERITY_LABEL: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = SEVERITY_TITLES;

const NO_FINDINGS: Record<Locale, string> = { 'zh-CN': '未发现问题。', en: 'No findings.' };
/** The columns of the core's finding row: the summary workbook's 问题清单 has the same. */
const COLUMN_WIDTHS = FINDING_COLUMNS.map((c) => c.width);
const LAST_COLUMN = columnName(FINDING_COLUMNS.length);
const CELL_COLUMN = columnName(FINDING_COLUMNS.findIndex((c) => c.key === 'cell') + 1);
/** Excel refuses longer cell texts. */
const MAX_CELL_TEXT = 32767;

export interface FindingRow extends CoreFindingRow {
  /** Internal link target like 'Sheet name'!B3, when the cell exists in the workbook. */
  location?: string;
}

/** A sheet reference as formulas and link locations write it: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One row per finding and cell (the core's projection), each cell a link when its sheet exists. */
export function findingRows(
  findings: readonly Finding[],
  locale: Locale,
  sheetExists: (name: string) => boolean,
  source: FindingSource = { unit: null, file: '' },
): FindingRow[] {
  return projectFindings(findings, locale, source, true).map((row) => {
    if (row.sheet === '') return row;
    const ref = parseCellRef(row.cell);
    const cell = ref ? cellName(ref) : row.cell;
    const location = ref && sheetExists(row.sheet) ? `${quoteSheetName(row.sheet)}!${cell}` : undefined;
    return location ? { ...row, cell, location } : { ...row, cell };
  });
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
    value === '' ? '' : `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(value.slice(0, MAX_CELL_TEXT))}</t></is></c>`;
  const header = findingColumnLabels(locale).map((h, i) => text(`${columnName(i + 1)}1`, h, styles.header)).join('');
  const body: string[] = [`<row r="1">${header}</row>`];
  const links: string[] = [];
  rows.forEach((row, i) => {
    const r = i + 2;
    const cells = findingRowValues(row).map((v, k) => {
      const ref = `${columnName(k + 1)}${r}`;
      const key = FINDING_COLUMNS[k].key;
      if (typeof v === 'number') return `<c r="${ref}" s="${styles.plain}"><v>${v}</v></c>`;
      const style = key === 'cell' && row.location ? styles.link : key === 'message' ? styles.wrap : styles.plain;
      return text(ref, v ?? '', style);
    });
    body.push(`<row r="${r}">${cells.join('')}</row>`);
    if (row.location) links.push(`<hyperlink ref="${CELL_COLUMN}${r}" location="${escapeAttr(row.location)}" display="${escapeAttr(row.cell)}"/>`);
  });
  if (rows.length === 0) body.push(`<row r="2">${text(`${LAST_COLUMN}2`, NO_FINDINGS[locale], styles.wrap)}</row>`);
  const lastRow = Math.max(2, rows.length + 1);
  const cols = COLUMN_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Printed landscape, one page wide: the list is meant to be handed over on paper too.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${LAST_COLUMN}${lastRow}"/>` +
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
