/**
 * The check tab: checks the open workbook, lists the findings by sheet, goes to a finding's cell,
 * marks and clears marks, applies the certain quick fixes, and checks again after the user's edits.
 */
import { SEVERITIES } from '../../core/report';
import type { Finding, FindingCell, Severity, WorkbookReport } from '../../core/report';
import type { Snapshot } from '../../core/snapshot';
import { summaryLine, type PaneStrings } from '../i18n';
import { quickFixFor, quickFixLabel, type QuickFix } from '../quick-fixes';
import { el, failureStatus, statusElement, type Child, type Status } from './dom';
import { looksLikeTemplate, sortFindings } from './finding-order';
import { ReportPanel, type CheckedWorkbook } from './report-panel';
import type { TabContext } from './tab-context';

export class CheckTab {
  private report: WorkbookReport | null = null;
  private snapshot: Snapshot | null = null;
  private notTemplate: { missing: number } | null = null;
  private readonly show: Record<Severity, boolean> = { error: true, warning: true, info: true };
  private marksOn = false;
  private autoRecheck = false;
  private busy = false;
  private status: Status | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private rerunRequested = false;
  private readonly debounceMs: number;
  /** Whether the last check read and checked the workbook (no Excel error). */
  private checkedOk = false;
  private readonly annual: ReportPanel;

  constructor(private readonly ctx: TabContext) {
    this.debounceMs = ctx.opts.debounceMs ?? 1000;
    this.annual = new ReportPanel(ctx, () => this.checkedWorkbook());
  }

  /**
   * Checks the workbook now (the report is made from what it holds at this moment) and returns the
   * snapshot with its findings; null when it is not the template or Excel failed (the tab shows why).
   */
  private async checkedWorkbook(): Promise<CheckedWorkbook> {
    await this.validate();
    return this.checkedOk && this.snapshot && this.report ? { snapshot: this.snapshot, findings: this.report.findings } : null;
  }

  /** Runs a check now; a check requested while one runs is run once more afterwards (no pile-up). */
  validate(): Promise<void> {
    if (this.running) {
      this.rerunRequested = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerunRequested = false;
          await this.validateOnce();
        } while (this.rerunRequested);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async validateOnce(): Promise<void> {
    this.busy = true;
    this.checkedOk = false;
    // A report made before this check may no longer match the workbook.
    if (!this.annual.busy) this.annual.clear();
    this.ctx.render();
    try {
      const snapshot = await this.ctx.opts.host.readSnapshot();
      this.snapshot = snapshot;
      if (!looksLikeTemplate(snapshot)) {
        this.report = null;
        this.notTemplate = { missing: snapshot.nameIssues.filter((i) => i.problem === 'missing').length };
        this.status = null;
        return;
      }
      this.notTemplate = null;
      const report = await this.ctx.opts.validator.validate(snapshot, { locale: this.ctx.locale });
      this.report = { ...report, findings: sortFindings(report.findings, snapshot) };
      this.status = null;
      this.checkedOk = true;
      if (this.marksOn) await this.applyMarks();
      if (this.autoRecheck) await this.ctx.opts.host.watchEdits(this.watchedSheets(), () => this.scheduleRecheck());
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.ctx.render();
    }
  }

  private watchedSheets(): string[] {
    const cells = this.snapshot ? Object.values(this.snapshot.cells) : [];
    return [...new Set(cells.map((c) => c.sheet))];
  }

  private scheduleRecheck(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.validate();
    }, this.debounceMs);
  }

  private async applyMarks(): Promise<void> {
    const findings = this.report?.findings ?? [];
    const result = await this.ctx.opts.host.mark(findings, this.ctx.locale);
    const notes = this.ctx.opts.host.capabilities.notes;
    this.status = {
      kind: 'success',
      text: (s) => s.marksAdded(result.cells, result.notes > 0) + (notes ? '' : ` ${s.notesUnavailable}`),
    };
  }

  private async toggleMarks(): Promise<void> {
    this.busy = true;
    this.ctx.render();
    try {
      if (this.marksOn) {
        const n = await this.ctx.opts.host.clearMarks();
        this.marksOn = false;
        this.status = { kind: 'success', text: (s) => s.marksCleared(n) };
      } else {
        if (!this.report) {
          this.marksOn = true;
          this.busy = false;
          await this.validate();
          return;
        }
        await this.applyMarks();
        this.marksOn = true;
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.ctx.render();
    }
  }

  private async setAutoRecheck(on: boolean): Promise<void> {
    this.autoRecheck = on;
    try {
      if (on) await this.ctx.opts.host.watchEdits(this.watchedSheets(), () => this.scheduleRecheck());
      else {
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
        await this.ctx.opts.host.unwatchEdits();
      }
    } catch (e) {
      this.fail(e);
    }
    this.ctx.render();
  }

  private async navigate(cell: FindingCell): Promise<void> {
    try {
      await this.ctx.opts.host.select(cell);
    } catch (e) {
      this.fail(e);
      this.ctx.render();
    }
  }

  private async fix(fix: QuickFix): Promise<void> {
    this.busy = true;
    this.status = { kind: 'info', text: (s) => s.fixApplied };
    this.ctx.render();
    try {
      await this.ctx.opts.host.applyFix(fix);
    } catch (e) {
      this.fail(e);
      this.busy = false;
      this.ctx.render();
      return;
    }
    this.busy = false;
    await this.validate();
  }

  private async insertTemplate(): Promise<void> {
    const b64 = this.ctx.opts.templateBase64;
    if (!b64 || !this.ctx.opts.host.capabilities.insertSheets) return;
    this.busy = true;
    this.ctx.render();
    try {
      await this.ctx.opts.host.insertTemplate(b64);
      this.notTemplate = null;
      this.status = { kind: 'success', text: (s) => s.templateInserted };
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.ctx.render();
    }
  }

  private fail(e: unknown): void {
    // Office errors carry English text only; the sentence around it is in the pane's language.
    this.status = failureStatus(e);
  }


  // ------------------------------------------------------------------ rendering

  /** The tab's elements, in order: toolbar, the note on checks this engine cannot run, status, findings. */
  render(s: PaneStrings): HTMLElement[] {
    const skipped = this.ctx.opts.skippedChecks ?? [];
    const notice = skipped.length > 0 ? el('p', { id: 'engine-notice', class: 'message message-warning', role: 'note' }, [s.skippedChecks(skipped)]) : null;
    return notice ? [this.renderToolbar(s), notice, ...this.renderBody(s)] : [this.renderToolbar(s), ...this.renderBody(s)];
  }

  private renderToolbar(s: PaneStrings): HTMLElement {
    const validate = el('button', { type: 'button', id: 'validate', class: 'btn btn-primary' }, [this.busy ? s.validating : s.validate]);
    validate.disabled = this.busy;
    validate.addEventListener('click', () => void this.validate());

    const marks = el('button', { type: 'button', id: 'toggle-marks', class: 'btn', 'aria-pressed': String(this.marksOn) }, [
      this.marksOn ? s.clearMarks : s.markCells,
    ]);
    marks.disabled = this.busy || this.notTemplate !== null || !this.ctx.opts.host.capabilities.conditionalFormats;
    marks.addEventListener('click', () => void this.toggleMarks());

    const auto = el('input', { type: 'checkbox', id: 'auto-recheck' });
    auto.checked = this.autoRecheck;
    auto.addEventListener('change', () => void this.setAutoRecheck(auto.checked));

    const annual = el('button', { type: 'button', id: 'make-report', class: 'btn' }, [this.annual.busy ? s.makingReport : s.makeReport]);
    annual.disabled = this.busy || this.annual.busy || this.notTemplate !== null;
    annual.addEventListener('click', () => void this.annual.make(false));

    return el('div', { class: 'toolbar' }, [
      el('div', { class: 'toolbar-row' }, [validate, marks, annual]),
      el('label', { class: 'checkbox', for: 'auto-recheck' }, [auto, el('span', {}, [s.autoRecheck])]),
    ]);
  }

  private renderBody(s: PaneStrings): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (this.status) out.push(statusElement('status', this.status, s, this.ctx.locale));
    const annual = this.annual.render(s);
    if (annual) out.push(annual);
    if (this.notTemplate) {
      const parts: Child[] = [el('p', {}, [s.notTemplate(this.notTemplate.missing)])];
      if (this.ctx.opts.templateBase64 && this.ctx.opts.host.capabilities.insertSheets) {
        const b = el('button', { type: 'button', id: 'insert-template', class: 'btn' }, [s.insertTemplate]);
        b.disabled = this.busy;
        b.addEventListener('click', () => void this.insertTemplate());
        parts.push(b);
      } else {
        parts.push(el('p', {}, [s.templateUnavailable]));
      }
      out.push(el('div', { id: 'not-template', class: 'message message-warning', role: 'alert' }, parts));
      return out;
    }
    if (!this.report) {
      out.push(el('p', { class: 'hint' }, [s.notValidatedYet]));
      return out;
    }
    out.push(el('p', { id: 'summary', class: 'summary' }, [summaryLine(this.ctx.locale, this.report.counts)]));
    out.push(this.renderFilters(s));
    out.push(this.renderFindings(s, this.report));
    return out;
  }

  private renderFilters(s: PaneStrings): HTMLElement {
    const chips = SEVERITIES.map((sev) => {
      const b = el('button', {
        type: 'button',
        class: `chip chip-${sev}`,
        'data-severity': sev,
        'aria-pressed': String(this.show[sev]),
      }, [el('span', { class: `sev-dot sev-${sev}`, 'aria-hidden': 'true' }), s.severity[sev]]);
      b.addEventListener('click', () => {
        this.show[sev] = !this.show[sev];
        this.ctx.render();
      });
      return b;
    });
    return el('div', { class: 'filters', role: 'group', 'aria-label': s.filterLabel }, [el('span', { class: 'filters-label' }, [s.filterLabel]), ...chips]);
  }

  private renderFindings(s: PaneStrings, report: WorkbookReport): HTMLElement {
    const list = el('div', { id: 'findings', class: 'findings' });
    if (report.findings.length === 0) {
      list.appendChild(el('p', { class: 'empty' }, [s.noFindings]));
      return list;
    }
    const visible = report.findings.filter((f) => this.show[f.severity]);
    const groups = new Map<string, Finding[]>();
    for (const f of visible) {
      const sheet = f.cells[0]?.sheet ?? '';
      const g = groups.get(sheet) ?? [];
      g.push(f);
      groups.set(sheet, g);
    }
    for (const [sheet, findings] of groups) {
      const heading = sheet === '' ? (this.ctx.locale === 'en' ? 'Workbook' : '工作簿') : sheet;
      list.appendChild(
        el('section', { class: 'sheet-group', 'data-sheet': sheet }, [
          el('h2', { class: 'sheet-name' }, [heading, el('span', { class: 'count' }, [String(findings.length)])]),
          el('ul', { class: 'finding-list' }, findings.map((f) => this.renderFinding(s, f))),
        ]),
      );
    }
    const hidden = report.findings.length - visible.length;
    if (hidden > 0) list.appendChild(el('p', { class: 'hint' }, [s.hiddenByFilter(hidden)]));
    return list;
  }

  private renderFinding(s: PaneStrings, f: Finding): HTMLElement {
    const first = f.cells[0];
    const addresses = f.cells.slice(0, 3).map((c) => c.address).join(', ') + (f.cells.length > 3 ? ' …' : '');
    const body = el('div', {
      class: 'finding-main',
      role: first ? 'button' : 'text',
      tabindex: first ? '0' : '-1',
      title: first ? `${s.cellLabel} ${first.sheet}!${first.address} (${first.name})` : f.rule,
    }, [
      el('span', { class: `sev-icon sev-${f.severity}`, 'aria-label': s.severity[f.severity], role: 'img' }),
      el('span', { class: 'finding-text' }, [
        el('span', { class: 'finding-message' }, [f.messages[this.ctx.locale] ?? f.message]),
        el('span', { class: 'finding-meta' }, [
          first ? el('span', { class: 'finding-address' }, [addresses]) : null,
          el('span', { class: 'finding-rule' }, [f.rule]),
        ]),
      ]),
    ]);
    if (first) {
      body.addEventListener('click', () => void this.navigate(first));
      body.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ' || ev.key === 'Spacebar') {
          ev.preventDefault();
          void this.navigate(first);
        }
      });
    }
    const item = el('li', { class: `finding finding-${f.severity}`, 'data-rule': f.rule, 'data-address': first ? `${first.sheet}!${first.address}` : '' }, [body]);
    const fix = this.snapshot ? quickFixFor(f, this.snapshot) : null;
    if (fix) {
      const b = el('button', { type: 'button', class: 'btn btn-link quick-fix' }, [quickFixLabel(fix, this.ctx.locale)]);
      b.disabled = this.busy;
      b.addEventListener('click', () => void this.fix(fix));
      item.appendChild(b);
    }
    return item;
  }
}
