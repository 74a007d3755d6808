/**
 * The marked copy (问题标注) of a unit's workbook: marked cells get a conditional format by their
 * worst severity and a note with the messages, and a findings sheet (问题清单), on which the copy
 * opens, lists every finding with links to its cells and a switch that clears the marks.
 *
 * The package parts are patched directly (SheetJS CE does not write styles; ExcelJS drops defined
 * names, x14 data validation and drawings), so everything the unit's file had stays as it was.
 */
import type { Finding, Locale, Severity } from '../core/report';
import { UserError } from '../core/errors';
import { addNotes } from './ooxml/comments';
import { findingRowsOf, severityCounts } from '../core/finding-rows';
import { orderFindings } from '../core/rules/findings';
import { FINDINGS_SHEET_NAME, findingsSheetXml, MARKS_OFF, MARKS_SWITCH_CELL, quoteSheetName, SEVERITY_LABEL } from './ooxml/findings-sheet';
import { OoxmlPackage } from './ooxml/package';
import { markPackage } from './output-marker';
import { addConditionalMarks, cellName, parseCellRef, unselectTab } from './ooxml/sheet';
import { StyleBook } from './ooxml/styles';
import { addDefinedName, appendWorksheet, freeSheetName, readWorkbook, type SheetEntry, setActiveTab, stylesPath } from './ooxml/workbook';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface AnnotateOptions {
  locale: Locale;
  /** File name shown in error messages and on 问题清单. */
  sourceName: string;
  /** The unit and year for the title of 问题清单 (from the validated workbook). */
  unit?: { name: string | null; year: number | null };
  /** Date of the check shown on 问题清单, YYYY-MM-DD (default: today in the local time zone). */
  date?: string;
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
    throw new UserError('annotate-not-xlsx', {
      'zh-CN': `无法为“${opts.sourceName}”写出标注副本：它不是有效的 .xlsx/.xlsm 文件。请在 Excel 或 WPS 中另存为 .xlsx 后重试。`,
      en: `Cannot write an annotated copy of "${opts.sourceName}": it is not a valid .xlsx/.xlsm file. Save it as .xlsx in Excel or WPS and try again.`,
    });
  }
  try {
    return annotatePackage(pkg, findings, opts);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserError('annotate-failed', {
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

/** Workbook-scoped name the marks' conditional formats test; it points at the switch on 问题清单. */
export const MARKS_NAME = 'ZWGK_SHOW_MARKS';

function annotatePackage(pkg: OoxmlPackage, findings: Finding[], opts: AnnotateOptions): Uint8Array {
  const locale = opts.locale;
  const wb = readWorkbook(pkg);
  const findSheet = (name: string): SheetEntry | undefined =>
    wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const ordered = orderFindings(findings, wb.sheets.map((s) => s.name));

  const marks = new Map<string, SheetMarks>();
  for (const f of ordered) {
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

  const listName = freeSheetName(wb, FINDINGS_SHEET_NAME[locale]);
  const stylesPart = stylesPath(pkg, wb);
  const styles = new StyleBook(pkg.text(stylesPart));
  // The marks are conditional formats that hold while the switch on 问题清单 is not 否: the unit
  // clears them all with one edit (or by deleting the sheet), and the cells keep their own formats.
  const marksOn = `${MARKS_NAME}<>"${MARKS_OFF[locale]}"`;
  for (const [path, m] of marks) {
    let xml = addConditionalMarks(pkg.text(path), m.severity, (s) => styles.markDxf(s), marksOn);
    const notes = new Map([...m.lines].map(([address, lines]) => [address, lines.join('\n')] as [string, string]));
    xml = addNotes(pkg, path, xml, notes);
    pkg.setText(path, xml);
  }
  // The copy opens on 问题清单: no other tab stays selected.
  for (const s of wb.sheets) if (s.path) pkg.setText(s.path, unselectTab(pkg.text(s.path)));

  const rows = findingRowsOf(ordered);
  const sheet = findingsSheetXml(
    rows,
    { unitName: opts.unit?.name ?? null, year: opts.unit?.year ?? null, counts: severityCounts(ordered), date: opts.date ?? localDate(new Date()), sourceName: opts.sourceName },
    locale,
    {
      title: styles.findingsXf('title'),
      bold: styles.findingsXf('bold'),
      header: styles.findingsXf('header'),
      link: styles.findingsXf('link'),
      wrap: styles.findingsXf('wrap'),
      plain: styles.findingsXf('plain'),
    },
    // Links must name the sheet exactly as the workbook spells it.
    (sheetName, address) => {
      const target = findSheet(sheetName);
      return target?.path ? `${quoteSheetName(target.name)}!${address}` : undefined;
    },
  );
  appendWorksheet(pkg, wb, listName, sheet.xml);
  const index = wb.sheets.length - 1;
  setActiveTab(pkg, wb, index);
  addDefinedName(pkg, wb, '_xlnm.Print_Titles', sheet.printTitles(listName), index);
  addDefinedName(pkg, wb, MARKS_NAME, `${quoteSheetName(listName)}!$${MARKS_SWITCH_CELL.replace(/(\d+)/, '$$$1')}`);
  pkg.setText(stylesPart, styles.toXml());
  // Marked as zwgk's output, so a later folder scan does not take the copy for a submission.
  markPackage(pkg, 'annotated');
  return pkg.toBytes();
}

/** YYYY-MM-DD in the machine's time zone (the date a coordinator sees on the calendar). */
function localDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** One line of a note: severity, rule id and the message in the report's language. */
function noteLine(f: Finding, locale: Locale): string {
  const label = SEVERITY_LABEL[locale][f.severity];
  return locale === 'zh-CN' ? `【${label}】${f.rule}：${f.message}` : `[${label}] ${f.rule}: ${f.message}`;
}
