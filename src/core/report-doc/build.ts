/**
 * Snapshot → ReportDocument: the national-format report (国办公开办函〔2021〕30号) of one unit,
 * in the format's order: title, preamble, 一、总体情况, 表二, 表三, 表四, 五, 六 (with the
 * 信息处理费 statement). Pure: the .docx and HTML writers and any host (web page, add-in) call it.
 */
import type { Finding } from '../report';
import type { Snapshot } from '../snapshot';
import type { DocBlock, ReportDocument } from './model';
import { FEE_LEAD, SECTIONS, preamble, reportTitle } from './structure';
import { table2, table3, table4 } from './tables';

export interface BuildReportOptions {
  /** Findings of a workbook that failed the checks: the first page then says so (see failedChecksNotice). */
  failedFindings?: readonly Finding[] | null;
}

/** The text a cell shows (its formatted text, else its stored value), "" when absent or blank. */
export function shownText(snapshot: Snapshot, name: string): string {
  const r = snapshot.cells[name];
  if (!r) return '';
  const text = r.text !== '' ? r.text : r.raw === null ? '' : String(r.raw);
  return text.trim();
}

/** A narrative cell as paragraphs: one per line, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((p) => p !== '');
}

/**
 * The first-page notice of a report written from a workbook with errors: how many errors, and the
 * first three messages, so nobody publishes it by mistake.
 */
export function failedChecksNotice(findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'error');
  const lines = [
    `注意：本报告所依据的工作簿未通过校验，有 ${errors.length} 项错误，表格或文字可能有误。请更正工作簿并重新生成后再报送或公开。`,
  ];
  for (const f of errors.slice(0, 3)) lines.push(`· ${f.messages['zh-CN']}`);
  if (errors.length > 3) lines.push(`…… 另有 ${errors.length - 3} 项错误，见校验报告。`);
  return lines;
}

/** Builds the document of a unit's annual report from its (checked) snapshot. */
export function buildReportDocument(snapshot: Snapshot, opts: BuildReportOptions = {}): ReportDocument {
  const unitName = shownText(snapshot, 'INFO_UNIT_NAME');
  const yearText = shownText(snapshot, 'INFO_YEAR');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const valueOf = (name: string): string => shownText(snapshot, name);
  const blocks: DocBlock[] = [{ kind: 'paragraph', text: preamble(year) }];
  for (const section of SECTIONS) {
    blocks.push({ kind: 'heading', level: 1, text: section.heading });
    if (section.key === 't2') blocks.push({ kind: 'table', table: table2(valueOf) });
    else if (section.key === 't3') blocks.push({ kind: 'table', table: table3(valueOf) });
    else if (section.key === 't4') blocks.push({ kind: 'table', table: table4(valueOf) });
    if (section.text) {
      for (const p of paragraphsOf(shownText(snapshot, section.text))) blocks.push({ kind: 'paragraph', text: p });
    }
    if (section.key === 'other') {
      const fee = shownText(snapshot, 'TXT_FEE').replace(/\s+/gu, ' ');
      if (fee !== '') blocks.push({ kind: 'paragraph', text: `${FEE_LEAD}${fee}` });
    }
  }
  const failed = opts.failedFindings?.some((f) => f.severity === 'error') ? failedChecksNotice(opts.failedFindings) : null;
  return { title: reportTitle(unitName, year), unitName, year, notice: failed, blocks };
}
