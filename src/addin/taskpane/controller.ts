/**
 * The task pane: a header with the language switch, and two tabs, each in its own module under
 * this folder (check-tab.ts, summary-tab.ts). The host (Office.js adapter or a fake) and the validator
 * are injected through PaneOptions; the tabs reach Excel only through PaneHost.
 */
import type { Finding, FindingCell, Locale } from '../../core/report';
import type { Snapshot } from '../../core/snapshot';
import type { SummarySheet } from '../../core/summary/sheet-rows';
import type { HostCapabilities, MarkResult } from '../excel-adapter';
import { paneStrings, type PaneStrings } from '../i18n';
import type { QuickFix } from '../quick-fixes';
import { CheckTab } from './check-tab';
import { el, replaceContent } from './dom';
import { SummaryTab } from './summary-tab';
import type { TabContext } from './tab-context';
import type { ValidatorLike } from '../validator-like';

export { looksLikeTemplate, sortFindings } from './finding-order';

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
  /** Office.context.platform ("PC", "OfficeOnline", "Mac"…): whether the pane can save files (save-method.ts). */
  platform?: string | null;
}

export class TaskPaneController implements TabContext {
  private currentLocaleValue: Locale;
  private tab: 'check' | 'summary' = 'check';
  private readonly check: CheckTab;
  private readonly summary: SummaryTab;

  constructor(readonly opts: PaneOptions) {
    this.currentLocaleValue = opts.locale;
    this.check = new CheckTab(this);
    this.summary = new SummaryTab(this);
  }

  get locale(): Locale {
    return this.currentLocaleValue;
  }

  get currentLocale(): Locale {
    return this.currentLocaleValue;
  }

  start(): void {
    this.render();
  }

  setLocale(locale: Locale): void {
    this.currentLocaleValue = locale;
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    this.render();
  }

  /** Runs a check now (see CheckTab.validate). */
  validate(): Promise<void> {
    return this.check.validate();
  }

  render(): void {
    const s = paneStrings(this.locale);
    const body = this.tab === 'check' ? this.check.render(s) : this.summary.render(s);
    replaceContent(this.opts.root, [this.renderHeader(s), this.renderTabs(s), ...body]);
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
}
