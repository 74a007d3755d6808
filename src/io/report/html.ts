/**
 * ReportDocument → an HTML fragment for a website's CMS: one <div> with inline styles only (CMS
 * editors strip <style> blocks and classes), real <table>s with rowspan/colspan and <thead> for the
 * header rows, every text escaped. Browser-safe.
 */
import { REPORT_SOURCE_ATTRIBUTE } from '../output-marker';
import { escapeHtml } from '../../core/format/escape';
import type { Finding } from '../../core/report';
import { buildReportDocument } from '../../core/report-doc/build';
import type { DocCell, DocTable, ReportDocument } from '../../core/report-doc/model';
import type { Snapshot } from '../../core/snapshot';
import { CSS_FONTS } from './typography';

const STYLE = {
  root: `font-family:${CSS_FONTS.body};font-size:16pt;line-height:1.8;color:#000;max-width:46em;margin:0 auto;`,
  title: `font-family:${CSS_FONTS.title};font-size:22pt;font-weight:normal;text-align:center;line-height:1.5;margin:0.5em 0 1em;`,
  h2: `font-family:${CSS_FONTS.heading1};font-size:16pt;font-weight:normal;margin:0;text-indent:2em;`,
  p: 'margin:0;text-indent:2em;text-align:justify;',
  lead: `font-family:${CSS_FONTS.heading2};`,
  notice: 'border:2px solid #c00000;color:#c00000;padding:0.5em 1em;margin:0 0 1em;font-size:12pt;line-height:1.6;',
  table: `border-collapse:collapse;width:100%;font-family:${CSS_FONTS.table};font-size:10.5pt;line-height:1.4;margin:0.3em 0 0.6em;`,
  cell: 'border:1px solid #000;padding:2px 4px;vertical-align:middle;',
};

const LEVEL2_LEAD = /^（[一二三四五六七八九十]{1,3}）[^。：:（）]{0,30}[。：:]?/u;

function paragraph(text: string): string {
  const lead = LEVEL2_LEAD.exec(text)?.[0] ?? '';
  const body = escapeHtml(text.slice(lead.length));
  return `<p style="${STYLE.p}">${lead ? `<span style="${STYLE.lead}">${escapeHtml(lead)}</span>` : ''}${body}</p>`;
}

function cell(c: DocCell, tag: 'th' | 'td'): string {
  const attrs = [
    c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
    c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
  ].join('');
  const align = c.align === 'left' ? 'left' : 'center';
  return `<${tag}${attrs} style="${STYLE.cell}text-align:${align};font-weight:normal;">${escapeHtml(c.text)}</${tag}>`;
}

function table(t: DocTable): string {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const head = t.rows.slice(0, t.headerRows).map((r) => `<tr>${r.map((c) => cell(c, 'th')).join('')}</tr>`);
  const body = t.rows.slice(t.headerRows).map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`);
  return (
    `<table style="${STYLE.table}"><colgroup>${cols}</colgroup>` +
    (head.length ? `<thead>${head.join('')}</thead>` : '') +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

/**
 * The report as an HTML fragment (UTF-8 text), ready to paste into a CMS's source view. `source`,
 * the workbook's file name, is kept as the report's mark on the root element (REPORT_SOURCE_ATTRIBUTE).
 */
export function reportDocumentToHtml(doc: ReportDocument, source?: string): string {
  const mark = source ? ` ${REPORT_SOURCE_ATTRIBUTE}="${escapeHtml(source)}"` : '';
  const parts: string[] = [`<div style="${STYLE.root}"${mark}>`, `<h1 style="${STYLE.title}">${escapeHtml(doc.title)}</h1>`];
  if (doc.notice) parts.push(`<div style="${STYLE.notice}">${doc.notice.map((l) => `<p style="margin:0">${escapeHtml(l)}</p>`).join('')}</div>`);
  for (const block of doc.blocks) {
    if (block.kind === 'heading') parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(block.text)}</h2>`);
    else if (block.kind === 'paragraph') parts.push(paragraph(block.text));
    else parts.push(table(block.table));
  }
  parts.push('</div>');
  return parts.join('\n') + '\n';
}

/** The HTML fragment of a unit's report, from its snapshot (see buildReportDocx for `failedFindings`). */
export function buildReportHtml(snapshot: Snapshot, opts: { failedFindings?: readonly Finding[] | null; source?: string } = {}): string {
  return reportDocumentToHtml(buildReportDocument(snapshot, opts), opts.source);
}
