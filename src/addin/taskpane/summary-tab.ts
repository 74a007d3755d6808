/**
 * The 汇总 tab: the coordinator picks the units' workbooks, the pane reads and checks them one after
 * the other (summary-runner, loaded with SheetJS only when a summary is made) and writes the summary
 * sheets through the host, into this workbook or a new one.
 */
import { STATUS_LABEL } from '../../core/summary/sheet-rows';
import type { UnitRow } from '../../core/summary/unit-row';
import type { PaneStrings } from '../i18n';
import { pickedFromFile, type PickedFile } from '../picked-file';
import type { SummaryProgress } from '../summary-runner';
import type { TabContext } from './tab-context';
import { el, failureStatus, statusElement, type Status } from './dom';

export class SummaryTab {
  private picked: PickedFile[] = [];
  private target: 'current' | 'new' = 'current';
  private progress: SummaryProgress | null = null;
  private writing = false;
  private rows: UnitRow[] | null = null;
  private status: Status | null = null;

  constructor(private readonly ctx: TabContext) {}

  /** True while a summary is being read or written. */
  private get summarising(): boolean {
    return this.progress !== null || this.writing;
  }

  /** The tab's elements, in order. */
  render(s: PaneStrings): HTMLElement[] {
    const out: HTMLElement[] = [el('p', { class: 'hint intro' }, [s.summaryIntro])];

    const input = el('input', { type: 'file', id: 'summary-files', multiple: '', accept: '.xlsx,.xlsm,.xls,.ods', class: 'visually-hidden' });
    input.disabled = this.summarising;
    input.addEventListener('change', () => {
      this.picked = Array.from(input.files ?? []).map(pickedFromFile);
      this.rows = null;
      this.status = null;
      this.ctx.render();
    });
    const pick = el('label', { for: 'summary-files', class: `btn${this.summarising ? ' btn-disabled' : ''}` }, [s.pickFiles]);
    const names = this.picked.map((f) => f.name);
    const shown = names.slice(0, 6);
    const chosen =
      names.length === 0
        ? el('p', { class: 'hint', id: 'picked' }, [s.noFilesPicked])
        : el('div', { id: 'picked', class: 'picked' }, [
            el('p', { class: 'picked-count' }, [s.picked(names.length)]),
            el('ul', { class: 'picked-list' }, [
              ...shown.map((n) => el('li', {}, [n])),
              names.length > shown.length ? el('li', { class: 'hint' }, [s.moreFiles(names.length - shown.length)]) : null,
            ]),
          ]);
    out.push(el('div', { class: 'file-pick' }, [input, pick]), chosen);

    const canNew = this.ctx.opts.host.capabilities.createWorkbook;
    if (!canNew) this.target = 'current';
    const radio = (value: 'current' | 'new', label: string): HTMLElement => {
      const r = el('input', { type: 'radio', name: 'summary-target', id: `target-${value}`, value });
      r.checked = this.target === value;
      r.disabled = this.summarising || (value === 'new' && !canNew);
      r.addEventListener('change', () => {
        if (r.checked) this.target = value;
      });
      return el('label', { class: 'checkbox', for: `target-${value}` }, [r, el('span', {}, [label])]);
    };
    out.push(
      el('fieldset', { class: 'target' }, [
        el('legend', {}, [s.targetLabel]),
        radio('current', s.targetCurrent),
        radio('new', s.targetNew),
        canNew ? null : el('p', { class: 'hint' }, [s.newWorkbookUnavailable]),
      ]),
    );

    const run = el('button', { type: 'button', id: 'run-summary', class: 'btn btn-primary' }, [s.runSummary]);
    run.disabled = this.summarising || this.picked.length === 0;
    run.addEventListener('click', () => void this.runSummary());
    out.push(el('div', { class: 'toolbar-row' }, [run]));

    if (this.progress && this.progress.done < this.progress.total) {
      const p = this.progress;
      const bar = el('progress', { max: String(p.total) });
      bar.value = p.done;
      out.push(el('div', { id: 'summary-progress', class: 'progress', role: 'status' }, [el('span', {}, [s.summaryReading(p.done, p.total, p.current)]), bar]));
    } else if (this.writing) {
      out.push(el('div', { id: 'summary-progress', class: 'progress', role: 'status' }, [el('span', {}, [s.summaryWriting])]));
    }
    if (this.status) out.push(statusElement('summary-status', this.status, s, this.ctx.locale));
    if (this.rows) out.push(this.renderUnitTable(s, this.rows));
    return out;
  }

  private renderUnitTable(s: PaneStrings, rows: readonly UnitRow[]): HTMLElement {
    const head = el('tr', {}, [el('th', {}, [s.unitColumn]), el('th', {}, [s.statusColumn]), el('th', { class: 'num' }, [s.errorsColumn])]);
    const body = rows.map((r) =>
      el('tr', { class: `unit-${r.status}` }, [
        el('td', { title: r.file }, [r.unit.name ?? r.file]),
        el('td', {}, [el('span', { class: `status status-${r.status}` }, [STATUS_LABEL[r.status][this.ctx.locale]])]),
        el('td', { class: 'num' }, [String(r.counts.error)]),
      ]),
    );
    return el('table', { id: 'summary-units', class: 'units' }, [el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  private async runSummary(): Promise<void> {
    if (this.summarising || this.picked.length === 0) return;
    const locale = this.ctx.locale;
    const files = this.picked;
    this.rows = null;
    this.status = null;
    try {
      // The summary code and SheetJS are a separate chunk, loaded the first time a summary is made.
      const { summariseFiles, summarySheets } = await import(/* webpackChunkName: "summary" */ '../summary-runner');
      const result = await summariseFiles(files, this.ctx.opts.validator, locale, (p) => {
        this.progress = p;
        this.ctx.render();
      });
      this.progress = null;
      this.writing = true;
      this.ctx.render();
      const sheets = summarySheets(result, locale);
      const errors = result.rows.filter((r) => r.status === 'error').length;
      const unreadable = result.rows.filter((r) => r.status === 'unreadable').length;
      const n = result.rows.length;
      if (this.target === 'new' && this.ctx.opts.host.capabilities.createWorkbook) {
        await this.ctx.opts.host.createSummaryWorkbook(sheets);
        this.status = { kind: 'success', text: (t) => t.summaryOpened(n, errors, unreadable, result.units) };
      } else {
        const written = await this.ctx.opts.host.writeSummarySheets(sheets);
        this.status = { kind: 'success', text: (t) => t.summaryWritten(written.names, n, errors, unreadable, result.units) };
      }
      this.rows = result.rows;
    } catch (e) {
      this.status = failureStatus(e);
    } finally {
      this.progress = null;
      this.writing = false;
      this.ctx.render();
    }
  }
}
