/**
 * The summary workbook of `zwgk summary`, written as a stream (ExcelJS's streaming WorkbookWriter)
 * so memory stays flat however many units a batch has: each row of 汇总 and 问题清单 goes to the
 * zip as soon as it is made, and the findings come from a spool on disk (io/issue-spool).
 *
 * The cells, defined names and sums are those of the in-memory writer (io/summary-writer, which
 * the web page keeps): both take the rows from core/summary/sheet-rows and the layout helpers of
 * summary-writer. The streaming writer lacks two things the in-memory one has, added here:
 * - Excel tables: the table part (the same XML as ExcelJS's), its relationship, the sheet's
 *   <tableParts> and the content type are added around the writer, since the rows are known only
 *   once written;
 * - the output marker (a hidden defined name with a constant, see output-marker): added to the
 *   workbook part as the writer hands it to the zip, so the file is never read back.
 * The standard template's sheets (the 合计) are built in memory as always (their size does not
 * depend on the batch) and copied cell by cell, with styles, merges, validation and protection.
 *
 * Node only (file streams); the file is written atomically (io/atomic-write).
 */
import { once, type EventEmitter } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { SheetValue } from '../core/summary/sheet-rows';
import {
  ISSUE_COLUMN_WIDTHS,
  UNIT_COLUMN_WIDTHS,
  issueColumns,
  issueSheetRow,
  unitColumns,
  unitSheetRow,
} from '../core/summary/sheet-rows';
import type { IssueRow } from '../core/summary/unit-row';
import { writeAtomicWith, type AtomicWriteOptions } from './atomic-write';
import { cellRow } from './cell-text';
import { markWorkbookXml } from './output-marker';
import {
  HEADER_ROW,
  ISSUES_SHEET,
  ISSUES_TABLE,
  SUMMARY_SHEET,
  UNITS_TABLE,
  MISSING_SHEET,
  buildSumsTemplate,
  listSheetOptions,
  paintUnitRow,
  styleIssueRow,
  styleUnitsHeader,
  tableProperties,
  writeMissingSheet,
  writeTitleRows,
  type SummaryModel,
} from './summary-writer';

// ExcelJS's own table serialiser, so a streamed table part is byte for byte the in-memory writer's.
const TableXform = require('exceljs/lib/xlsx/xform/table/table-xform') as new () => {
  prepare(model: object, options: object): void;
  toXml(model: object): string;
};

export interface StreamedSummaryModel extends Omit<SummaryModel, 'issues'> {
  /** Every finding in list order (each unit's, then those across units and of the roster), read once. */
  issues: AsyncIterable<IssueRow> | Iterable<IssueRow>;
}

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** Rows written between two pauses that let the zip take what was written (so it is not all buffered). */
const ROWS_PER_TURN = 100;

/** What this module reaches inside ExcelJS's streaming writer (lib/stream/xlsx), untyped there. */
interface ZipInternals {
  append(source: unknown, data: { name: string }): unknown;
}
interface SheetInternals {
  stream: { write(data: unknown, ...rest: unknown[]): unknown; pipes?: Array<EventEmitter & { _writableState?: { needDrain?: boolean } }> };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  _writePageMargins(): void;
  dataValidations: { model: Record<string, unknown> };
  sheetProtection: unknown;
}

/**
 * Writes the summary workbook to `path` (atomically; an existing file only with `force`), marked as
 * zwgk's output. Memory does not grow with the number of rows or findings.
 */
export async function writeSummaryWorkbookFile(path: string, model: StreamedSummaryModel, opts: AtomicWriteOptions = {}): Promise<void> {
  // Built before the temporary file exists: the template's size does not depend on the batch.
  const template = await buildSumsTemplate(model);
  await writeAtomicWith(path, (temp) => streamTo(createWriteStream(temp, { flags: 'wx' }), model, template), opts);
}

async function streamTo(stream: WriteStream, model: StreamedSummaryModel, template: ExcelJS.Workbook): Promise<void> {
  // A write error (disk full) before the writer listens for one must still end the wait.
  let failed: (e: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  stream.on('error', (e) => failed(e));
  try {
    await Promise.race([failure, writeWorkbook(stream, model, template)]);
  } finally {
    if (!stream.closed) await new Promise<void>((resolve) => stream.close(() => resolve()));
  }
}

async function writeWorkbook(stream: WriteStream, model: StreamedSummaryModel, template: ExcelJS.Workbook): Promise<void> {
  // No shared-string table: it would keep every distinct text of the batch (each finding's
  // message) in memory until the end. Text goes into the cells instead (see prepareSheet).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = template.creator;
  wb.title = template.title;
  wb.subject = template.subject;
  // as the in-memory writer says when no one is named
  wb.lastModifiedBy = template.lastModifiedBy ?? 'Unknown';
  const tables: string[] = [];
  rewriteParts(wb, tables);

  // The per-unit table comes first and is the sheet that opens; the 合计 sheets follow in template order.
  await writeUnitsSheet(wb, model, tables);
  await writeIssuesSheet(wb, model, tables);
  if (model.missing) {
    const ws = prepareSheet(wb.addWorksheet(MISSING_SHEET, listSheetOptions(model.locale)));
    writeMissingSheet(ws, model, model.missing);
    ws.commit();
  }
  for (const ws of template.worksheets) copyWorksheet(wb, ws);
  wb.definedNames.model = template.definedNames.model;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  await wb.commit();
}

/**
 * Parts the writer hands to the zip as whole strings, completed on the way: the workbook part gets
 * the output marker, the content types the streamed tables.
 */
function rewriteParts(wb: ExcelJS.stream.xlsx.WorkbookWriter, tables: readonly string[]): void {
  const zip = (wb as unknown as { zip: ZipInternals }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    if (typeof source !== 'string') return append(source, data);
    const name = data.name.replace(/^\//, '');
    if (name === 'xl/workbook.xml') return append(markWorkbookXml(source, 'summary'), data);
    if (name === '[Content_Types].xml' && tables.length) {
      const overrides = tables.map((t) => `<Override PartName="/xl/tables/${t}" ContentType="${TABLE_TYPE}"/>`).join('');
      return append(source.replace('</Types>', `${overrides}</Types>`), data);
    }
    return append(source, data);
  };
}

/**
 * An Excel table over the header and `count` data rows of a streamed sheet: its part, the sheet's
 * relationship to it and the sheet's <tableParts> (written last in the sheet, where it belongs).
 * Call before the sheet is committed.
 */
function addStreamedTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet, tables: string[], name: string, columns: readonly string[], count: number, model: StreamedSummaryModel): void {
  const id = tables.length + 1;
  const target = `table${id}.xml`;
  tables.push(target);
  // The model ExcelJS builds for the same table (defaults filled in), on a scratch sheet with one row.
  const scratch = new ExcelJS.Workbook().addWorksheet('scratch');
  const table = scratch.addTable(tableProperties(name, columns, [columns.map(() => null)], model.locale));
  const ref = `A${HEADER_ROW}:${scratch.getColumn(columns.length).letter}${HEADER_ROW + count}`;
  const tableModel = { ...(table as unknown as { model: object }).model, id, target, tableRef: ref, autoFilterRef: ref };
  const xform = new TableXform();
  xform.prepare(tableModel, {});
  (wb as unknown as { zip: ZipInternals }).zip.append(xform.toXml(tableModel), { name: `xl/tables/${target}` });

  const sheet = ws as unknown as SheetInternals;
  const rId = sheet._sheetRelsWriter.addRelationship({ Type: TABLE_REL, Target: `../tables/${target}` });
  const writeLast = sheet._writeLegacyData.bind(sheet);
  sheet._writeLegacyData = () => {
    writeLast();
    sheet.stream.write(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`);
  };
}

/**
 * Completes a streamed sheet where ExcelJS's streaming writer falls short of its in-memory writer:
 * - without a shared-string table, text is written as a formula's cached string (t="str" with a
 *   <v> and no <f>), which SheetJS decodes twice: a typed "_x0041_" (kept literal by io/cell-text
 *   as "_x005F_x0041_") would come back as "A". The rows are rewritten on their way to the zip into
 *   inline strings (t="inlineStr", <is><t>), the form ECMA-376 has for text in a cell, which every
 *   reader decodes once. Only cells of that exact form are touched (a formula's has an <f> first);
 * - <printOptions> (centred on the page, gridlines, headings) is not written at all: added before
 *   <pageMargins>, where the schema puts it.
 */
function prepareSheet(ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
  const sheet = ws as unknown as SheetInternals;
  const stream = sheet.stream;
  const write = stream.write.bind(stream);
  stream.write = (data: unknown, ...rest: unknown[]) =>
    write(typeof data === 'string' ? data.replace(STRING_CELL, ' t="inlineStr"><is><t xml:space="preserve">$1</t></is></c>') : data, ...rest);
  const writeMargins = sheet._writePageMargins.bind(sheet);
  sheet._writePageMargins = () => {
    const p = ws.pageSetup;
    const flags: Array<[string, boolean | undefined]> = [
      ['headings', p.showRowColHeaders],
      ['gridLines', p.showGridLines],
      ['horizontalCentered', p.horizontalCentered],
      ['verticalCentered', p.verticalCentered],
    ];
    const attrs = flags.filter(([, on]) => on).map(([name]) => ` ${name}="1"`).join('');
    if (attrs) sheet.stream.write(`<printOptions${attrs}/>`);
    writeMargins();
  };
  return ws;
}

/** A text cell as the streaming writer renders it (its value is XML-escaped: no "<" inside). */
const STRING_CELL = / t="str"><v>([^<]*)<\/v><\/c>/g;

/**
 * Lets the zip take what was written so far. ExcelJS's sheet stream hands its data on to the zip's
 * compressor without waiting, so a sheet written in one go would sit in memory, compressed or not:
 * wait while the compressor holds more than its buffer's worth.
 */
async function settle(ws: ExcelJS.Worksheet): Promise<void> {
  // the compressor's input is a readable-stream PassThrough, which keeps its state in _writableState
  for (const pipe of (ws as unknown as SheetInternals).stream.pipes ?? []) {
    if (!pipe._writableState?.needDrain) continue;
    // never a hang: a drain that does not come only costs a pause
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([once(pipe, 'drain'), new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_WAIT_MS)))]);
    clearTimeout(timer);
  }
  await new Promise((resolve) => setImmediate(resolve));
}

/** The longest wait for the compressor to drain before writing on. */
const DRAIN_WAIT_MS = 2000;

/** The header row of a list sheet: plain under a table (the table styles it), bold without one. */
function writeHeader(ws: ExcelJS.Worksheet, columns: readonly string[], asTable: boolean): void {
  const header = ws.getRow(HEADER_ROW);
  header.values = [...columns];
  if (!asTable) header.font = { bold: true };
}

async function writeUnitsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: StreamedSummaryModel, tables: string[]): Promise<void> {
  const columns = unitColumns(model.locale);
  const ws = prepareSheet(wb.addWorksheet(SUMMARY_SHEET, listSheetOptions(model.locale, 2)));
  // Column formats first: a streamed row takes them when it is made.
  UNIT_COLUMN_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(6).alignment = { shrinkToFit: true };
  writeTitleRows(ws, model, SUMMARY_SHEET, columns.length);
  // The in-memory writer sets the column's alignment once its cells exist, the title's too (all
  // cells of a merge share one style).
  for (const r of [1, 2]) ws.getCell(r, 6).alignment = { shrinkToFit: true };
  writeHeader(ws, columns, model.rows.length > 0);
  styleUnitsHeader(ws, columns.length);
  // the file column shrinks its text to fit, the header cell too (as in the in-memory writer)
  ws.getCell(HEADER_ROW, 6).alignment = { shrinkToFit: true };
  ws.getRow(HEADER_ROW).commit();
  for (const [i, r] of model.rows.entries()) {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = cellRow(unitSheetRow(r, i, model.locale)) as SheetValue[];
    paintUnitRow(row, r.status, columns.length);
    row.commit();
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await settle(ws);
  }
  if (model.rows.length > 0) addStreamedTable(wb, ws, tables, UNITS_TABLE, columns, model.rows.length, model);
  ws.commit();
}

async function writeIssuesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: StreamedSummaryModel, tables: string[]): Promise<void> {
  const columns = issueColumns(model.locale);
  const ws = prepareSheet(wb.addWorksheet(ISSUES_SHEET, listSheetOptions(model.locale)));
  ISSUE_COLUMN_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  writeTitleRows(ws, model, ISSUES_SHEET, columns.length);
  let count = 0;
  for await (const f of model.issues) {
    // The header is plain under a table, which needs one data row: known with the first finding.
    if (count === 0) {
      writeHeader(ws, columns, true);
      ws.getRow(HEADER_ROW).commit();
    }
    const values = issueSheetRow(f, count, model.locale);
    const row = ws.getRow(HEADER_ROW + 1 + count);
    row.values = cellRow(values) as SheetValue[];
    styleIssueRow(row, values, ISSUE_COLUMN_WIDTHS);
    row.commit();
    count += 1;
    if (count % ROWS_PER_TURN === 0) await settle(ws);
  }
  if (count === 0) writeHeader(ws, columns, false);
  else addStreamedTable(wb, ws, tables, ISSUES_TABLE, columns, count, model);
  ws.commit();
}

/**
 * Copies one sheet of the in-memory template: its options, column widths, merges, every cell's
 * value and style, row heights, data validation and protection. Merges come first: merging gives
 * the covered cells the first cell's style, and the template's own style of each cell then follows.
 */
function copyWorksheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, src: ExcelJS.Worksheet): void {
  const out = prepareSheet(wb.addWorksheet(src.name, {
    properties: { ...src.properties },
    views: src.views.map((v) => ({ ...v })),
    pageSetup: { ...src.pageSetup },
    headerFooter: { ...src.headerFooter },
    state: src.state,
  }));
  src.columns?.forEach((c, i) => {
    const col = out.getColumn(i + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const range of src.model.merges) out.mergeCells(range);
  src.eachRow({ includeEmpty: true }, (row, n) => {
    const to = out.getRow(n);
    if (row.height !== undefined) to.height = row.height;
    if (row.hidden) to.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const copy = to.getCell(c);
      if (cell.type !== ExcelJS.ValueType.Merge) copy.value = cell.value;
      copy.style = structuredClone(cell.style);
    });
  });
  const from = src as unknown as SheetInternals;
  const into = out as unknown as SheetInternals;
  into.dataValidations.model = { ...from.dataValidations.model };
  into.sheetProtection = from.sheetProtection;
  out.commit();
}
