/**
 * The annotated copy of a unit's workbook: marked cells get a fill by their worst severity and a
 * note with the messages, and a findings sheet lists everything with links to the cells.
 *
 * The package parts are patched directly (SheetJS CE does not write styles; ExcelJS drops defined
 * names, x14 data validation and drawings), so everything the unit's file had stays as it was.
 */
import type { Finding, Locale, Severity } from '../core/report';
import { UserError } from '../core/errors';
import { addNotes } from './ooxml/comments';
import { FINDINGS_SHEET_NAME, findingRows, findingsSheetXml, quoteSheetName, SEVERITY_LABEL } from './ooxml/findings-sheet';
import { OoxmlPackage } from './ooxml/package';
import { markPackage } from './own-output';
import { cellName, markCells, parseCellRef } from './ooxml/sheet';
import { StyleBook } from './ooxml/styles';
import { appendWorksheet, freeSheetName, readWorkbook, type SheetEntry, stylesPath } from './ooxml/workbook';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface AnnotateOptions {
  locale: Locale;
  /** File name shown in error messages. */
  sourceName: string;
}

/** Whether the annotated copy can be written for this file type (Office Open XML workbooks only). */
export function canAnnotate(fileName: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(fileName.trim());
}

/** Returns a copy of an .xlsx/.xlsm with the findings marked; the input bytes are not modified. */
export function annotateWorkbook(data: Uint8Array, findings: Finding[], opts: AnnotateOptions): Uint8Array {
  let pkg: OoxmlPackage;
  try {
    // A private copy: the zip reader must never be able to touch the caller's bytes.
    pkg = new OoxmlPackage(new Uint8Array(data));
  } catch {
    throw new UserError('ANNOTATE_NOT_XLSX', {
      'zh-CN': `无法为“${opts.sourceName}”写出标注副本：它不是有效的 .xlsx/.xlsm 文件。请在 Excel 或 WPS 中另存为 .xlsx 后重试。`,
      en: `Cannot write an annotated copy of "${opts.sourceName}": it is not a valid .xlsx/.xlsm file. Save it as .xlsx in Excel or WPS and try again.`,
    });
  }
  try {
    return annotatePackage(pkg, findings, opts.locale);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserError('ANNOTATE_FAILED', {
      'zh-CN': `无法为“${opts.sourceName}”写出标注副本：文件内部结构无法识别（${detail}）。请在 Excel 中另存为 .xlsx 后重试。`,
      en: `Cannot write an annotated copy of "${opts.sourceName}": its internal structure is not recognised (${detail}). Save it as .xlsx in Excel and try again.`,
    });
  }
}

interface SheetMarks {
  sheet: SheetEntry;
  severity: Map<string, Severity>;
  lines: Map<string, string[]>;
}

function annotatePackage(pkg: OoxmlPackage, findings: Finding[], locale: Locale): Uint8Array {
  const wb = readWorkbook(pkg);
  const findSheet = (name: string): SheetEntry | undefined =>
    wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

  const marks = new Map<string, SheetMarks>();
  for (const f of findings) {
    const line = noteLine(f, locale);
    for (const c of f.cells) {
      const sheet = findSheet(c.sheet);
      const ref = parseCellRef(c.address);
      if (!sheet?.path || !ref) continue;
      const address = cellName(ref);
      let m = marks.get(sheet.path);
      if (!m) {
        m = { sheet, severity: new Map(), lines: new Map() };
        marks.set(sheet.path, m);
      }
      const current = m.severity.get(address);
      if (!current || RANK[f.severity] > RANK[current]) m.severity.set(address, f.severity);
      const lines = m.lines.get(address) ?? [];
      if (!lines.includes(line)) lines.push(line);
      m.lines.set(address, lines);
    }
  }

  const stylesPart = stylesPath(pkg, wb);
  const styles = new StyleBook(pkg.text(stylesPart));
  for (const [path, m] of marks) {
    let xml = markCells(pkg.text(path), m.severity, styles);
    const notes = new Map([...m.lines].map(([address, lines]) => [address, lines.join('\n')] as [string, string]));
    xml = addNotes(pkg, path, xml, notes);
    pkg.setText(path, xml);
  }

  const rows = findingRows(findings, locale, (name) => findSheet(name)?.path !== undefined);
  // Links must name the sheet exactly as the workbook spells it.
  for (const row of rows) {
    const sheet = findSheet(row.sheet);
    if (row.location && sheet) row.location = row.location.replace(/^'.*'!/, () => `${quoteSheetName(sheet.name)}!`);
  }
  const sheetXml = findingsSheetXml(rows, locale, {
    header: styles.findingsXf('header'),
    link: styles.findingsXf('link'),
    wrap: styles.findingsXf('wrap'),
    plain: styles.findingsXf('plain'),
  });
  appendWorksheet(pkg, wb, freeSheetName(wb, FINDINGS_SHEET_NAME[locale]), sheetXml);
  pkg.setText(stylesPart, styles.toXml());
  // Marked as zwgk's output, so a later folder scan does not take the copy for a submission.
  markPackage(pkg, 'annotated');
  return pkg.toBytes();
}

/** One line of a note: severity, rule id and the message in the report's language. */
function noteLine(f: Finding, locale: Locale): string {
  const label = SEVERITY_LABEL[locale][f.severity];
  return locale === 'zh-CN' ? `【${label}】${f.rule}：${f.message}` : `[${label}] ${f.rule}: ${f.message}`;
}
