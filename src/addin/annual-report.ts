/**
 * 生成年度报告 in the task pane: the open workbook's 政府信息公开工作年度报告 (national format,
 * 国办公开办函〔2021〕30号) as a Word document and as the HTML fragment for a website's CMS, from the
 * snapshot and findings the check tab already has. The same policy as `zwgk report` and the web page:
 * a workbook with errors is refused unless the user asks for it anyway, and then the document says on
 * its first page that it failed the checks (core failedChecksNotice, through buildReportDocument).
 *
 * No DOM here. This module pulls in the `docx` package, so the pane loads it as a lazy chunk
 * ("report") only when the button is pressed.
 */
import type { Finding } from '../core/report';
import { buildReportDocument } from '../core/report-doc/build';
import type { ReportDocument } from '../core/report-doc/model';
import type { Snapshot } from '../core/snapshot';
import { reportDocumentToDocx } from '../io/report/docx';
import { reportDocumentToHtml } from '../io/report/html';

/** The report of one workbook, ready to save or copy. */
export interface AnnualReport {
  /** The model both files are drawn from (the pane's preview draws it too). */
  doc: ReportDocument;
  /** The .docx bytes. */
  docx: Uint8Array;
  /** The HTML fragment (inline styles only), as `zwgk report --format html` writes it. */
  html: string;
  /** "<标题>.docx", safe on Windows. */
  fileName: string;
  /** Errors of the workbook the report was written from (0 unless forced). */
  errors: number;
}

export type AnnualReportResult = { kind: 'refused'; errors: number } | { kind: 'ready'; report: AnnualReport };

/** How many errors the check found: the number the refusal and the first-page notice name. */
export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

/** Characters Windows refuses in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** The file name of the Word document: the report's title (unit, year, 政府信息公开工作年度报告). */
export function reportFileName(doc: ReportDocument): string {
  const stem = doc.title.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${Array.from(stem).slice(0, 120).join('') || '政府信息公开工作年度报告'}.docx`;
}

/**
 * The report of the checked workbook. `findings` are the check's findings for `snapshot`; with any
 * error the result is `refused` unless `force`, and a forced report carries the failed-checks notice
 * on its first page (in both the .docx and the HTML). `date` fixes the document's time stamp.
 */
export async function buildAnnualReport(
  snapshot: Snapshot,
  findings: readonly Finding[],
  opts: { force?: boolean; date?: Date } = {},
): Promise<AnnualReportResult> {
  const errors = errorCount(findings);
  if (errors > 0 && !opts.force) return { kind: 'refused', errors };
  const doc = buildReportDocument(snapshot, { failedFindings: errors > 0 ? findings : null });
  const docx = await reportDocumentToDocx(doc, { date: opts.date });
  return { kind: 'ready', report: { doc, docx, html: reportDocumentToHtml(doc), fileName: reportFileName(doc), errors } };
}
