/**
 * 生成年度报告 in the check tab: checks the open workbook again, refuses a workbook with errors until
 * the user asks for it anyway (the same policy as `zwgk report --force` and the web page), makes the
 * .docx and the HTML fragment in a lazy chunk, hands the .docx to the webview when it can save files,
 * and always shows the report in the pane with buttons that copy it for Word or a website's CMS (the
 * fallback that works in every webview; see ../save-method.ts for why).
 */
import type { Finding } from '../../core/report';
import type { DocTable, ReportDocument } from '../../core/report-doc/model';
import type { Snapshot } from '../../core/snapshot';
import type { AnnualReport } from '../annual-report';
import { paneStrings, type PaneStrings } from '../i18n';
import { chooseSaveMethod, type SaveMethod } from '../save-method';
import { el, failureStatus, statusElement, type Status } from './dom';
import { copyToClipboard, currentSaveEnvironment, saveBytes } from './save-file';
import type { TabContext } from './tab-context';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The checked workbook the report is made from; null when the check did not get that far. */
export type CheckedWorkbook = { snapshot: Snapshot; findings: readonly Finding[] } | null;

type PanelState =
  | { kind: 'busy' }
  | { kind: 'refused'; errors: number }
  | { kind: 'failed'; status: Status }
  | { kind: 'ready'; report: AnnualReport; method: SaveMethod; saved: boolean; copy: Status | null };

export class ReportPanel {
  private state: PanelState | null = null;

  /** `check` runs the check tab's check and returns what it read (see CheckTab.checkedWorkbook). */
  constructor(
    private readonly ctx: TabContext,
    private readonly check: () => Promise<CheckedWorkbook>,
  ) {}

  get busy(): boolean {
    return this.state?.kind === 'busy';
  }

  /** Forgets the panel (a new check makes an earlier report stale). */
  clear(): void {
    this.state = null;
  }

  /** Checks the workbook again, then makes the report (refused on errors unless `force`). */
  async make(force: boolean): Promise<void> {
    this.state = { kind: 'busy' };
    this.ctx.render();
    try {
      const checked = await this.check();
      if (!checked) {
        // The check tab already says why (not the template, or Excel's error).
        this.state = null;
        return;
      }
      const { buildAnnualReport } = await import(/* webpackChunkName: "report" */ '../annual-report');
      const result = await buildAnnualReport(checked.snapshot, checked.findings, { force });
      if (result.kind === 'refused') {
        this.state = { kind: 'refused', errors: result.errors };
        return;
      }
      const method = chooseSaveMethod(currentSaveEnvironment(this.ctx.opts.platform ?? null));
      const saved = saveBytes(method, result.report.docx, result.report.fileName, DOCX_TYPE);
      this.state = { kind: 'ready', report: result.report, method, saved, copy: null };
    } catch (e) {
      this.state = { kind: 'failed', status: failureStatus(e) };
    } finally {
      this.ctx.render();
    }
  }

  private save(ready: Extract<PanelState, { kind: 'ready' }>): void {
    ready.saved = saveBytes(ready.method, ready.report.docx, ready.report.fileName, DOCX_TYPE);
    if (!ready.saved) ready.copy = { kind: 'error', text: (s) => s.reportSaveRefused };
    this.ctx.render();
  }

  private copy(ready: Extract<PanelState, { kind: 'ready' }>, html: boolean): void {
    const root = document.getElementById(html ? 'report-source' : 'report-preview');
    if (!root) return;
    const ok = html ? copyToClipboard(root, ready.report.html, null) : copyToClipboard(root, previewText(ready.report.doc), ready.report.html);
    ready.copy = ok
      ? { kind: 'success', text: (s) => (html ? s.reportHtmlCopied : s.reportCopied) }
      : { kind: 'info', text: (s) => s.reportCopyFailed };
    // Only the status line changes: the selection stays, so Ctrl+C still works after a refused copy.
    const line = document.getElementById('report-copy-status');
    const fresh = statusElement('report-copy-status', ready.copy, paneStrings(this.ctx.locale), this.ctx.locale);
    if (line && line.parentNode) line.parentNode.replaceChild(fresh, line);
  }

  /** The panel below the toolbar, or null when there is nothing to show. */
  render(s: PaneStrings): HTMLElement | null {
    const state = this.state;
    if (!state) return null;
    if (state.kind === 'busy') return el('div', { id: 'report-panel', class: 'message message-info', role: 'status' }, [s.makingReport]);
    if (state.kind === 'failed') return statusElement('report-panel', state.status, s, this.ctx.locale);
    if (state.kind === 'refused') {
      const force = el('button', { type: 'button', id: 'report-force', class: 'btn' }, [s.reportForce]);
      force.addEventListener('click', () => void this.make(true));
      const cancel = el('button', { type: 'button', id: 'report-cancel', class: 'btn' }, [s.reportCancel]);
      cancel.addEventListener('click', () => {
        this.state = null;
        this.ctx.render();
      });
      return el('div', { id: 'report-panel', class: 'message message-warning', role: 'alert' }, [
        el('p', { id: 'report-refused' }, [s.reportRefused(state.errors)]),
        el('div', { class: 'toolbar-row' }, [force, cancel]),
      ]);
    }
    return this.renderReady(s, state);
  }

  private renderReady(s: PaneStrings, ready: Extract<PanelState, { kind: 'ready' }>): HTMLElement {
    const { report } = ready;
    const how =
      ready.method === 'none'
        ? s.reportNoSave
        : !ready.saved
          ? s.reportSaveRefused
          : ready.method === 'download'
            ? s.reportDownloaded(report.fileName)
            : s.reportSavePrompted(report.fileName);
    const buttons: HTMLElement[] = [];
    if (ready.method !== 'none') {
      const save = el('button', { type: 'button', id: 'report-save', class: 'btn btn-primary' }, [s.reportSave]);
      save.addEventListener('click', () => this.save(ready));
      buttons.push(save);
    }
    const copy = el('button', { type: 'button', id: 'report-copy', class: ready.method === 'none' ? 'btn btn-primary' : 'btn' }, [s.reportCopy]);
    copy.addEventListener('click', () => this.copy(ready, false));
    const copyHtml = el('button', { type: 'button', id: 'report-copy-html', class: 'btn' }, [s.reportCopyHtml]);
    copyHtml.addEventListener('click', () => this.copy(ready, true));
    const close = el('button', { type: 'button', id: 'report-close', class: 'btn' }, [s.reportClose]);
    close.addEventListener('click', () => {
      this.state = null;
      this.ctx.render();
    });
    buttons.push(copy, copyHtml, close);
    const source = el('textarea', { id: 'report-source', class: 'report-source', readonly: 'readonly', rows: '3', 'aria-label': 'HTML' });
    source.value = report.html;
    return el('section', { id: 'report-panel', class: 'report-panel', 'data-save': ready.method, 'data-saved': String(ready.saved) }, [
      el('div', { id: 'report-status', class: `message ${ready.method === 'none' || !ready.saved ? 'message-info' : 'message-success'}`, role: 'status' }, [
        el('p', {}, [s.reportReady(report.doc.title)]),
        el('p', {}, [how]),
      ]),
      report.errors > 0 ? el('div', { id: 'report-forced', class: 'message message-warning', role: 'alert' }, [s.reportForced(report.errors)]) : null,
      el('div', { class: 'toolbar-row' }, buttons),
      el('p', { class: 'hint' }, [s.reportCopyHint]),
      ready.copy ? statusElement('report-copy-status', ready.copy, s, this.ctx.locale) : el('div', { id: 'report-copy-status' }),
      el('div', { id: 'report-preview', class: 'report-preview', tabindex: '0', role: 'document', 'aria-label': s.reportPreviewLabel }, previewNodes(report.doc)),
      source,
    ]);
  }
}

/** The report drawn with the pane's own classes (the pane's CSP allows no inline styles). */
function previewNodes(doc: ReportDocument): HTMLElement[] {
  const nodes: HTMLElement[] = [el('h2', { class: 'rp-title' }, [doc.title])];
  if (doc.notice) nodes.push(el('div', { class: 'rp-notice' }, doc.notice.map((line) => el('p', {}, [line]))));
  for (const block of doc.blocks) {
    if (block.kind === 'heading') nodes.push(el('h3', { class: 'rp-heading' }, [block.text]));
    else if (block.kind === 'paragraph') nodes.push(el('p', { class: 'rp-p' }, [block.text]));
    else nodes.push(previewTable(block.table));
  }
  return nodes;
}

function previewTable(t: DocTable): HTMLElement {
  const row = (cells: DocTable['rows'][number], tag: 'th' | 'td'): HTMLElement =>
    el('tr', {}, cells.map((c) => {
      const attrs: Record<string, string> = { class: c.align === 'left' ? 'rp-left' : 'rp-center' };
      if (c.rowSpan && c.rowSpan > 1) attrs.rowspan = String(c.rowSpan);
      if (c.colSpan && c.colSpan > 1) attrs.colspan = String(c.colSpan);
      return el(tag, attrs, [c.text]);
    }));
  return el('table', { class: 'rp-table', 'data-table': t.key }, [
    el('thead', {}, t.rows.slice(0, t.headerRows).map((r) => row(r, 'th'))),
    el('tbody', {}, t.rows.slice(t.headerRows).map((r) => row(r, 'td'))),
  ]);
}

/** The report as plain text (text/plain beside the HTML on the clipboard): one line per paragraph or row. */
export function previewText(doc: ReportDocument): string {
  const lines: string[] = [doc.title, ...(doc.notice ?? [])];
  for (const block of doc.blocks) {
    if (block.kind === 'table') for (const r of block.table.rows) lines.push(r.map((c) => c.text).join('\t'));
    else lines.push(block.text);
  }
  return lines.join('\r\n') + '\r\n';
}
