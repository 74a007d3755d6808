/**
 * The task pane: state, rendering (plain DOM, every piece of workbook text through textContent)
 * and the user's actions. The host (Office.js adapter or a fake) and the validator are injected.
 */
import { INDICATORS, TEMPLATE_ID } from '../core/catalogue';
import { orderFindings } from '../core/rules/findings';
import { isUserError } from '../core/errors';
import { SEVERITIES } from '../core/report';
import type { Finding, FindingCell, Locale, Severity, WorkbookReport } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import type { HostCapabilities, MarkResult } from './excel-adapter';
import { paneStrings, summaryLine } from './i18n';
import type { PaneStrings } from './i18n';
import { quickFixFor, quickFixLabel } from './quick-fixes';
import type { QuickFix } from './quick-fixes';
import type { ValidatorLike } from './validator-like';
import { STATUS_LABEL, type SummarySheet } from '../core/summary/sheet-rows';
import type { UnitRow } from '../core/summary/unit-row';
import { pickedFromFile, type PickedFile } from './picked-file';
import type { SummaryProgress } from './summary-runner';

export interface PaneHost {
  readonly capabilities: HostCapabilities;
  readSnapshot(): Promise<Snapshot>;
  mark(findings: readonly Finding[], locale: Locale): Promise<MarkResult>;
  clearMarks(): Promise<number>;
  select(cell: FindingCell): Promise<void>;
  applyFix(fix: QuickFix): Promise<void>;
  insertTemplate(base64: string): Promise<void>;
  watchEdits(sheetNames: readonly string[], onEdit: () => void): Promise<void>;
  unwatchEdits(): Promise<void>;
  writeSummarySheets(sheets: readonly SummarySheet[]): Promise<{ names: string[]; syncs: number }>;
  createSummaryWorkbook(sheets: readonly SummarySheet[]): Promise<void>;
}

export interface PaneOptions {
  root: HTMLElement;
  host: PaneHost;
  validator: ValidatorLike;
  locale: Locale;
  /** Base64 of the standard template workbook, when the build embedded one. */
  templateBase64: string | null;
  /** Delay between the last edit and the automatic re-check. */
  debounceMs?: number;
  /** Checks this browser engine cannot run (see engine-support.ts); the check tab names them. */
  skippedChecks?: readonly string[];
}

type StatusKind = 'info' | 'success' | 'error';

interface Status {
  kind: StatusKind;
  text: (s: PaneStrings, locale: Locale) => string;
}

/** Fewer than half of the indicator names present: this is not the standard workbook at all. */
export function looksLikeTemplate(snapshot: Snapshot): boolean {
  if (snapshot.templateId === TEMPLATE_ID) return true;
  const missing = snapshot.nameIssues.filter((i) => i.problem === 'missing').length;
  return missing < INDICATORS.length / 2;
}

/** Findings in the order a person fixes them: the core order (sheet, then errors before warnings before information, then position). */
export function sortFindings(findings: readonly Finding[], snapshot: Snapshot | null): Finding[] {
  return orderFindings(findings, snapshot ? snapshot.sheetOrder : null);
}

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Element.replaceChildren and ParentNode.append are missing in Trident (IE 11) and older webviews. */
function replaceContent(root: HTMLElement, nodes: Node[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  for (const n of nodes) root.appendChild(n);
}

export class TaskPaneController {
  private locale: Locale;
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
  private tab: 'check' | 'summary' = 'check';
  private picked: PickedFile[] = [];
  private summaryTarget: 'current' | 'new' = 'current';
  private summaryProgress: SummaryProgress | null = null;
  private summaryWriting = false;
  private summaryRows: UnitRow[] | null = null;
  private summaryStatus: Status | null = null;

  constructor(private readonly opts: PaneOptions) {
    this.locale = opts.locale;
    this.debounceMs = opts.debounceMs ?? 1000;
  }

  get currentLocale(): Locale {
    return this.locale;
  }

  start(): void {
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    this.render();
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
    this.render();
    try {
      const snapshot = await this.opts.host.readSnapshot();
      this.snapshot = snapshot;
      if (!looksLikeTemplate(snapshot)) {
        this.report = null;
        this.notTemplate = { missing: snapshot.nameIssues.filter((i) => i.problem === 'missing').length };
        this.status = null;
        return;
      }
      this.notTemplate = null;
      const report = await this.opts.validator.validate(snapshot, { locale: this.locale });
      this.report = { ...report, findings: sortFindings(report.findings, snapshot) };
      this.status = null;
      if (this.marksOn) await this.applyMarks();
      if (this.autoRecheck) await this.opts.host.watchEdits(this.watchedSheets(), () => this.scheduleRecheck());
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.render();
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
    const result = await this.opts.host.mark(findings, this.locale);
    const notes = this.opts.host.capabilities.notes;
    this.status = {
      kind: 'success',
      text: (s) => s.marksAdded(result.cells, result.notes > 0) + (notes ? '' : ` ${s.notesUnavailable}`),
    };
  }

  private async toggleMarks(): Promise<void> {
    this.busy = true;
    this.render();
    try {
      if (this.marksOn) {
        const n = await this.opts.host.clearMarks();
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
      this.render();
    }
  }

  private async setAutoRecheck(on: boolean): Promise<void> {
    this.autoRecheck = on;
    try {
      if (on) await this.opts.host.watchEdits(this.watchedSheets(), () => this.scheduleRecheck());
      else {
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
        await this.opts.host.unwatchEdits();
      }
    } catch (e) {
      this.fail(e);
    }
    this.render();
  }

  private async navigate(cell: FindingCell): Promise<void> {
    try {
      await this.opts.host.select(cell);
    } catch (e) {
      this.fail(e);
      this.render();
    }
  }

  private async fix(fix: QuickFix): Promise<void> {
    this.busy = true;
    this.status = { kind: 'info', text: (s) => s.fixApplied };
    this.render();
    try {
      await this.opts.host.applyFix(fix);
    } catch (e) {
      this.fail(e);
      this.busy = false;
      this.render();
      return;
    }
    this.busy = false;
    await this.validate();
  }

  private async insertTemplate(): Promise<void> {
    const b64 = this.opts.templateBase64;
    if (!b64 || !this.opts.host.capabilities.insertSheets) return;
    this.busy = true;
    this.render();
    try {
      await this.opts.host.insertTemplate(b64);
      this.notTemplate = null;
      this.status = { kind: 'success', text: (s) => s.templateInserted };
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private fail(e: unknown): void {
    // Office errors carry English text only; the sentence around it is in the pane's language.
    const detail = (l: Locale): string =>
      isUserError(e)
        ? e.messageIn(l)
        : (l === 'en' ? 'Excel reported an error' : 'Excel 返回了错误') + (e instanceof Error && e.message ? ` (${e.message})` : '');
    this.status = { kind: 'error', text: (s, l) => s.failed(detail(l)) };
  }

  // ------------------------------------------------------------------ rendering

  render(): void {
    const s = paneStrings(this.locale);
    const root = this.opts.root;
    const skipped = this.opts.skippedChecks ?? [];
    const notice = skipped.length > 0 ? el('p', { id: 'engine-notice', class: 'message message-warning', role: 'note' }, [s.skippedChecks(skipped)]) : null;
    const check = notice ? [this.renderToolbar(s), notice, ...this.renderBody(s)] : [this.renderToolbar(s), ...this.renderBody(s)];
    const body = this.tab === 'check' ? check : this.renderSummaryTab(s);
    replaceContent(root, [this.renderHeader(s), this.renderTabs(s), ...body]);
  }

  private renderTabs(s: PaneStrings): HTMLElement {
    const tab = (id: 'check' | 'summary', label: string): HTMLButtonElement => {
      const b = el('button', { type: 'button', role: 'tab', id: `tab-${id}`, class: 'tab', 'aria-selected': String(this.tab === id) }, [label]);
      b.addEventListener('click', () => {
        this.tab = id;
        this.render();
      });
      return b;
    };
    return el('div', { class: 'tabs', role: 'tablist' }, [tab('check', s.tabCheck), tab('summary', s.tabSummary)]);
  }

  // ------------------------------------------------------------------ the 汇总 tab

  /** True while a summary is being read or written. */
  private get summarising(): boolean {
    return this.summaryProgress !== null || this.summaryWriting;
  }

  private renderSummaryTab(s: PaneStrings): HTMLElement[] {
    const out: HTMLElement[] = [el('p', { class: 'hint intro' }, [s.summaryIntro])];

    const input = el('input', { type: 'file', id: 'summary-files', multiple: '', accept: '.xlsx,.xlsm,.xls,.ods', class: 'visually-hidden' });
    input.disabled = this.summarising;
    input.addEventListener('change', () => {
      this.picked = Array.from(input.files ?? []).map(pickedFromFile);
      this.summaryRows = null;
      this.summaryStatus = null;
      this.render();
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

    const canNew = this.opts.host.capabilities.createWorkbook;
    if (!canNew) this.summaryTarget = 'current';
    const radio = (value: 'current' | 'new', label: string): HTMLElement => {
      const r = el('input', { type: 'radio', name: 'summary-target', id: `target-${value}`, value });
      r.checked = this.summaryTarget === value;
      r.disabled = this.summarising || (value === 'new' && !canNew);
      r.addEventListener('change', () => {
        if (r.checked) this.summaryTarget = value;
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

    if (this.summaryProgress && this.summaryProgress.done < this.summaryProgress.total) {
      const p = this.summaryProgress;
      const bar = el('progress', { max: String(p.total) });
      bar.value = p.done;
      out.push(el('div', { id: 'summary-progress', class: 'progress', role: 'status' }, [el('span', {}, [s.summaryReading(p.done, p.total, p.current)]), bar]));
    } else if (this.summaryWriting) {
      out.push(el('div', { id: 'summary-progress', class: 'progress', role: 'status' }, [el('span', {}, [s.summaryWriting])]));
    }
    if (this.summaryStatus) {
      out.push(
        el('div', { id: 'summary-status', class: `message message-${this.summaryStatus.kind}`, role: this.summaryStatus.kind === 'error' ? 'alert' : 'status' }, [
          this.summaryStatus.text(s, this.locale),
        ]),
      );
    }
    if (this.summaryRows) out.push(this.renderUnitTable(s, this.summaryRows));
    return out;
  }

  private renderUnitTable(s: PaneStrings, rows: readonly UnitRow[]): HTMLElement {
    const head = el('tr', {}, [el('th', {}, [s.unitColumn]), el('th', {}, [s.statusColumn]), el('th', { class: 'num' }, [s.errorsColumn])]);
    const body = rows.map((r) =>
      el('tr', { class: `unit-${r.status}` }, [
        el('td', { title: r.file }, [r.unit.name ?? r.file]),
        el('td', {}, [el('span', { class: `status status-${r.status}` }, [STATUS_LABEL[r.status][this.locale]])]),
        el('td', { class: 'num' }, [String(r.counts.error)]),
      ]),
    );
    return el('table', { id: 'summary-units', class: 'units' }, [el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  private async runSummary(): Promise<void> {
    if (this.summarising || this.picked.length === 0) return;
    const locale = this.locale;
    const files = this.picked;
    this.summaryRows = null;
    this.summaryStatus = null;
    try {
      // The summary code and SheetJS are a separate chunk, loaded the first time a summary is made.
      const { summariseFiles, summarySheets } = await import(/* webpackChunkName: "summary" */ './summary-runner');
      const result = await summariseFiles(files, this.opts.validator, locale, (p) => {
        this.summaryProgress = p;
        this.render();
      });
      this.summaryProgress = null;
      this.summaryWriting = true;
      this.render();
      const sheets = summarySheets(result, locale);
      const errors = result.rows.filter((r) => r.status === 'error').length;
      const unreadable = result.rows.filter((r) => r.status === 'unreadable').length;
      const n = result.rows.length;
      if (this.summaryTarget === 'new' && this.opts.host.capabilities.createWorkbook) {
        await this.opts.host.createSummaryWorkbook(sheets);
        this.summaryStatus = { kind: 'success', text: (t) => t.summaryOpened(n, errors, unreadable, result.units) };
      } else {
        const written = await this.opts.host.writeSummarySheets(sheets);
        this.summaryStatus = { kind: 'success', text: (t) => t.summaryWritten(written.names, n, errors, unreadable, result.units) };
      }
      this.summaryRows = result.rows;
    } catch (e) {
      this.fail(e);
      this.summaryStatus = this.status;
      this.status = null;
    } finally {
      this.summaryProgress = null;
      this.summaryWriting = false;
      this.render();
    }
  }

  private renderHeader(s: PaneStrings): HTMLElement {
    const langButton = (locale: Locale, label: string): HTMLButtonElement => {
      const b = el('button', {
        type: 'button',
        class: 'lang-option',
        'data-locale': locale,
        'aria-pressed': String(this.locale === locale),
        lang: locale === 'en' ? 'en' : 'zh-CN',
      }, [label]);
      b.addEventListener('click', () => this.setLocale(locale));
      return b;
    };
    return el('header', { class: 'pane-header' }, [
      el('h1', { class: 'pane-title' }, [s.title]),
      el('div', { class: 'lang-switch', role: 'group', 'aria-label': s.languageLabel }, [langButton('zh-CN', '中文'), langButton('en', 'EN')]),
    ]);
  }

  private renderToolbar(s: PaneStrings): HTMLElement {
    const validate = el('button', { type: 'button', id: 'validate', class: 'btn btn-primary' }, [this.busy ? s.validating : s.validate]);
    validate.disabled = this.busy;
    validate.addEventListener('click', () => void this.validate());

    const marks = el('button', { type: 'button', id: 'toggle-marks', class: 'btn', 'aria-pressed': String(this.marksOn) }, [
      this.marksOn ? s.clearMarks : s.markCells,
    ]);
    marks.disabled = this.busy || this.notTemplate !== null || !this.opts.host.capabilities.conditionalFormats;
    marks.addEventListener('click', () => void this.toggleMarks());

    const auto = el('input', { type: 'checkbox', id: 'auto-recheck' });
    auto.checked = this.autoRecheck;
    auto.addEventListener('change', () => void this.setAutoRecheck(auto.checked));

    return el('div', { class: 'toolbar' }, [
      el('div', { class: 'toolbar-row' }, [validate, marks]),
      el('label', { class: 'checkbox', for: 'auto-recheck' }, [auto, el('span', {}, [s.autoRecheck])]),
    ]);
  }

  private renderBody(s: PaneStrings): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (this.status) {
      out.push(el('div', { id: 'status', class: `message message-${this.status.kind}`, role: this.status.kind === 'error' ? 'alert' : 'status' }, [
        this.status.text(s, this.locale),
      ]));
    }
    if (this.notTemplate) {
      const parts: Child[] = [el('p', {}, [s.notTemplate(this.notTemplate.missing)])];
      if (this.opts.templateBase64 && this.opts.host.capabilities.insertSheets) {
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
    out.push(el('p', { id: 'summary', class: 'summary' }, [summaryLine(this.locale, this.report.counts)]));
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
        this.render();
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
      const heading = sheet === '' ? (this.locale === 'en' ? 'Workbook' : '工作簿') : sheet;
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
        el('span', { class: 'finding-message' }, [f.messages[this.locale] ?? f.message]),
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
      const b = el('button', { type: 'button', class: 'btn btn-link quick-fix' }, [quickFixLabel(fix, this.locale)]);
      b.disabled = this.busy;
      b.addEventListener('click', () => void this.fix(fix));
      item.appendChild(b);
    }
    return item;
  }
}
