/**
 * The Office.js host adapter behind PaneHost: one class that runs each job in Excel with a timeout and
 * keeps the add-in's own writes apart from the user's edits. The jobs live in excel/:
 * - read-snapshot.ts: the catalogue's named cells into the same Snapshot the CLI builds (2 syncs);
 * - marks.ts: colour marks and notes, never touching the unit's own formatting (3 syncs);
 * - capabilities.ts: what this Excel supports beyond ExcelApi 1.7;
 * here: select (1 sync), applyFix (2 syncs), insertTemplate (1 sync), the summary sheets
 * (summary-output.ts), and watching the user's edits.
 *
 * Batching: every call is independent of the number of cells and findings. Cell fills, borders and
 * number formats are never written, except the value (and a text number format) of a cell the user
 * asked to fix.
 */
import { UserError } from '../core/errors';
import type { Finding, FindingCell, Locale } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import type { SummarySheet } from '../core/summary/sheet-rows';
import type { HostCapabilities } from './excel/capabilities';
import { marksByCell, replaceMarks, type MarkResult } from './excel/marks';
import { readSnapshot } from './excel/read-snapshot';
import type { QuickFix } from './quick-fixes';

export { detectCapabilities, type HostCapabilities, type IsSetSupported } from './excel/capabilities';
export { MARK_FILL, MARK_STORE_KEY, MARK_TAG, NOTE_PREFIX, isOurMarkFormula, markFormula, type MarkResult, type MarkStore } from './excel/marks';
export { qualifiedAddress, splitQualifiedAddress, type MarkLocation } from './excel/addresses';
export { isDateFormat } from './excel/read-snapshot';

/** Excel.run, injected so tests can pass a fake object model. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const SYNC_TIMEOUT_MS = 30000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserError('addin-timeout', {
            'zh-CN': 'Excel 在 30 秒内没有响应',
            en: 'Excel did not answer within 30 seconds',
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export interface ExcelAdapterOptions {
  /** Milliseconds after one of our own writes during which change events are ignored. */
  quietMs?: number;
  syncTimeoutMs?: number;
  now?: () => number;
  /** Excel.createWorkbook, injected like Excel.run. */
  createWorkbook?: (base64: string) => Promise<void>;
}

export class ExcelAdapter {
  private writing = 0;
  private quietUntil = 0;
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private readonly quietMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly createWorkbookFn: ((base64: string) => Promise<void>) | undefined;

  constructor(
    private readonly run: ExcelRun,
    readonly capabilities: HostCapabilities,
    options: ExcelAdapterOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 1500;
    this.timeoutMs = options.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
    this.now = options.now ?? (() => Date.now());
    this.createWorkbookFn = options.createWorkbook;
  }

  private exec<T>(batch: (context: Excel.RequestContext) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return withTimeout(this.run(batch), timeoutMs);
  }

  /** Runs a batch that writes, so change events it causes are not taken for the user's edits. */
  private async write<T>(batch: (context: Excel.RequestContext) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    this.writing += 1;
    try {
      return await this.exec(batch, timeoutMs);
    } finally {
      this.writing -= 1;
      this.quietUntil = this.now() + this.quietMs;
    }
  }

  /** True while (or shortly after) the add-in writes to the workbook. */
  isOwnWriteWindow(): boolean {
    return this.writing > 0 || this.now() < this.quietUntil;
  }

  async readSnapshot(): Promise<Snapshot> {
    return this.exec(readSnapshot);
  }

  /** Replaces the add-in's marks with marks for these findings. */
  async mark(findings: readonly Finding[], locale: Locale): Promise<MarkResult> {
    const r = await this.write((context) => replaceMarks(context, marksByCell(findings, locale), this.capabilities));
    return { cells: r.cells, notes: r.notes };
  }

  /** Removes every mark the add-in added; returns how many were removed. */
  async clearMarks(): Promise<number> {
    const r = await this.write((context) => replaceMarks(context, [], this.capabilities));
    return r.removed;
  }

  /** Activates the sheet and selects (and so scrolls to) the cell. */
  async select(cell: FindingCell): Promise<void> {
    await this.exec(async (context) => {
      const sheet = context.workbook.worksheets.getItem(cell.sheet);
      sheet.activate();
      sheet.getRange(cell.address).select();
      await context.sync();
    });
  }

  async applyFix(fix: QuickFix): Promise<void> {
    await this.write(async (context) => {
      const range = context.workbook.worksheets.getItem(fix.sheet).getRange(fix.address);
      range.load('numberFormat');
      await context.sync();
      // A cell formatted as text would keep the number as text; only then is its format reset.
      if (String(range.numberFormat[0][0]) === '@') range.numberFormat = [['General']];
      range.values = [[fix.value]];
      await context.sync();
    });
  }

  /** Inserts the sheets of a template workbook (ExcelApi 1.13). */
  async insertTemplate(base64: string): Promise<void> {
    if (!this.capabilities.insertSheets) {
      throw new UserError('addin-no-insert', {
        'zh-CN': '此版本的 Excel 不能插入模板工作表',
        en: 'this version of Excel cannot insert template sheets',
      });
    }
    await this.write(async (context) => {
      context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
    });
  }

  /** Writes the summary sheets into the open workbook (see summary-output.ts for the batching). */
  async writeSummarySheets(sheets: readonly SummarySheet[]): Promise<{ names: string[]; syncs: number }> {
    // Loaded on first use, with the rest of the summary code (see taskpane/summary-tab.ts).
    const { MAX_CELLS_PER_SYNC, writeSheetsIntoWorkbook } = await import(/* webpackChunkName: "summary" */ './summary-output');
    // One Excel.run for all sheets; the time allowed grows with the number of syncs it makes.
    const cells = sheets.reduce((n, s) => n + (s.rows.length + 1) * s.columns.length, 0);
    const syncs = 1 + sheets.length + Math.floor(cells / MAX_CELLS_PER_SYNC);
    return this.write((context) => writeSheetsIntoWorkbook(async (batch) => batch(context), sheets), this.timeoutMs * syncs);
  }

  /** Opens a new workbook with the summary sheets (ExcelApi 1.8). */
  async createSummaryWorkbook(sheets: readonly SummarySheet[]): Promise<void> {
    if (!this.capabilities.createWorkbook || !this.createWorkbookFn) {
      throw new UserError('addin-no-new-workbook', {
        'zh-CN': '此版本的 Excel 不能由加载项新建工作簿',
        en: 'this version of Excel does not let add-ins create workbooks',
      });
    }
    const { sheetsAsWorkbookBase64 } = await import(/* webpackChunkName: "summary" */ './summary-output');
    await withTimeout(this.createWorkbookFn(sheetsAsWorkbookBase64(sheets)), this.timeoutMs);
  }

  /**
   * Calls onEdit when the user changes a cell on one of these sheets. Events caused by the add-in's
   * own writes are dropped (triggerSource where ExcelApi 1.14 has it, and our own write window).
   */
  async watchEdits(sheetNames: readonly string[], onEdit: () => void): Promise<void> {
    await this.unwatchEdits();
    const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (this.capabilities.triggerSource && event.triggerSource === 'ThisLocalAddin') return;
      if (this.isOwnWriteWindow()) return;
      onEdit();
    };
    this.handlers = await this.exec(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const results = sheets.items.filter((s) => sheetNames.includes(s.name)).map((s) => s.onChanged.add(handler));
      await context.sync();
      return results;
    });
  }

  async unwatchEdits(): Promise<void> {
    const handlers = this.handlers;
    this.handlers = [];
    if (handlers.length === 0) return;
    // A handler is removed through the context it was added in.
    const contexts = new Set(handlers.map((h) => h.context));
    for (const h of handlers) h.remove();
    for (const c of contexts) await withTimeout(c.sync(), this.timeoutMs);
  }
}

