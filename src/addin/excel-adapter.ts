/**
 * The Office.js host adapter: reads the catalogue's named cells into the same Snapshot the CLI builds,
 * marks cells without touching the unit's own formatting, navigates, applies quick fixes and
 * inserts template sheets.
 *
 * Batching (every call is independent of the number of cells and findings):
 * - readSnapshot: 2 syncs (names + sheets; then every named cell's values/text/formulas/types/formats)
 * - mark / clearMarks: 3 syncs (the store of our marks; the conditional formats and notes to look at;
 *   all deletes and adds in one batch)
 * - select: 1 sync; applyFix: 2 syncs; insertTemplate: 1 sync
 *
 * Marks are conditional formats (ExcelApi 1.6) whose custom formula carries MARK_TAG, so they are
 * recognised by content, not by ConditionalFormat.id (which is only a priority and shifts). Their
 * ranges are remembered in the workbook's settings for this add-in; clearing deletes exactly the
 * tagged rules on those ranges. Cell fills, borders and number formats are never written, except the
 * value (and a text number format) of a cell the user asked to fix.
 */
import { REQUIRED_DEFINED_NAMES, TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME, isIndicatorName } from '../core/catalogue';
import { readingFromRaw, serialToIsoDate } from '../core/classify';
import type { RawCell } from '../core/classify';
import { UserError } from '../core/errors';
import type { Finding, FindingCell, Locale, Severity } from '../core/report';
import type { CellReading, NameIssue, RawValue, Snapshot } from '../core/snapshot';
import type { SummarySheet } from '../core/summary/sheet-rows';
import type { QuickFix } from './quick-fixes';

/** Excel.run, injected so tests can pass a fake object model. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface HostCapabilities {
  /** ExcelApi 1.6: conditional formats (colour marks). */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: Excel.createWorkbook (the summary into a new workbook). */
  createWorkbook: boolean;
  /** ExcelApi 1.13: workbook.insertWorksheetsFromBase64 (insert template sheets). */
  insertSheets: boolean;
  /** ExcelApi 1.14: event.triggerSource (tell our own writes from the user's). */
  triggerSource: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
}

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): HostCapabilities {
  return {
    conditionalFormats: isSetSupported('ExcelApi', '1.6'),
    createWorkbook: isSetSupported('ExcelApi', '1.8'),
    insertSheets: isSetSupported('ExcelApi', '1.13'),
    triggerSource: isSetSupported('ExcelApi', '1.14'),
    notes: isSetSupported('ExcelApi', '1.18'),
  };
}

/** Tag inside the formula of every conditional format the add-in adds. */
export const MARK_TAG = 'zwgk-mark';
/** Prefix of every note the add-in adds. */
export const NOTE_PREFIX = '【年报校验】';
/** Key of the add-in setting that remembers where marks were added. */
export const MARK_STORE_KEY = 'zwgk.marks.v1';

export const MARK_FILL: Readonly<Record<Severity, string>> = {
  error: '#FDE7E9',
  warning: '#FFF4CE',
  info: '#DEECF9',
};

export function markFormula(severity: Severity): string {
  // ISTEXT of a string constant is always TRUE: the rule always applies, and the constant is our tag.
  return `=ISTEXT("${MARK_TAG}:${severity}")`;
}

export function isOurMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}:`);
}

export interface MarkLocation {
  sheet: string;
  address: string;
}

/** What the add-in added, kept in the workbook's add-in settings. */
export interface MarkStore {
  cf: MarkLocation[];
  notes: MarkLocation[];
}

export interface MarkResult {
  cells: number;
  notes: number;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const SYNC_TIMEOUT_MS = 30000;

/** "'My sheet'!$B$4" → {sheet: "My sheet", address: "B4"}. */
export function splitQualifiedAddress(qualified: string): MarkLocation | null {
  const text = qualified.replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(bang + 1).replace(/\$/g, '') };
}

/** Number formats that show a date (the serial number is then a date, as in the CLI reader). */
export function isDateFormat(numberFormat: string): boolean {
  const f = numberFormat.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (f === '' || /^general$/i.test(f) || f === '@') return false;
  return /[yd]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f)) || /[年月日]/.test(f);
}

function rawCellFrom(value: unknown, valueType: string, text: string, formula: unknown, numberFormat: string): RawCell {
  const formulaText = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  const base = (type: RawCell['type'], v: RawValue): RawCell => {
    const cell: RawCell = { type, value: v, text };
    if (formulaText) cell.formula = formulaText;
    return cell;
  };
  switch (valueType) {
    case 'Empty':
      return base('z', null);
    case 'Integer':
    case 'Double': {
      const n = typeof value === 'number' ? value : Number(value);
      const iso = isDateFormat(numberFormat) ? serialToIsoDate(n) : undefined;
      return iso ? base('d', iso) : base('n', n);
    }
    case 'Boolean':
      return base('b', value === true);
    case 'Error':
      return base('e', typeof value === 'string' ? value : text);
    default:
      // String, plus the rare Unknown/RichValue cells, which read as their shown text.
      return base('s', typeof value === 'string' ? value : text);
  }
}

function parseStore(value: unknown): MarkStore {
  const empty: MarkStore = { cf: [], notes: [] };
  if (typeof value !== 'string' || value === '') return empty;
  try {
    const parsed = JSON.parse(value) as Partial<MarkStore>;
    const valid = (l: unknown): l is MarkLocation =>
      typeof l === 'object' && l !== null && typeof (l as MarkLocation).sheet === 'string' && typeof (l as MarkLocation).address === 'string';
    return {
      cf: Array.isArray(parsed.cf) ? parsed.cf.filter(valid) : [],
      notes: Array.isArray(parsed.notes) ? parsed.notes.filter(valid) : [],
    };
  } catch {
    return empty;
  }
}

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

interface NameRead {
  name: string;
  item: Excel.NamedItem;
  range?: Excel.Range;
  ref: string;
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
    return this.exec(async (context) => {
      const workbook = context.workbook;
      workbook.load('name');
      const names = workbook.names;
      names.load('items/name,items/type,items/value,items/formula');
      const sheets = workbook.worksheets;
      sheets.load('items/name,items/position');
      await context.sync();

      const sheetOrder = sheets.items
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((s) => s.name);
      const wanted = new Set(REQUIRED_DEFINED_NAMES);
      const found = new Map<string, Excel.NamedItem>();
      for (const item of names.items) {
        // Defined names are case-insensitive in Excel; the catalogue spells them in upper case.
        const key = item.name.toUpperCase();
        if (wanted.has(key)) found.set(key, item);
      }

      const nameIssues: NameIssue[] = [];
      const reads: NameRead[] = [];
      for (const name of REQUIRED_DEFINED_NAMES) {
        const item = found.get(name);
        if (!item) {
          nameIssues.push({ name, problem: 'missing' });
          continue;
        }
        const ref = typeof item.formula === 'string' && item.formula !== '' ? item.formula : String(item.value ?? '');
        if (item.type === 'Error' || /#REF!/i.test(ref)) {
          nameIssues.push({ name, problem: 'broken-ref', ref });
          continue;
        }
        if (item.type !== 'Range') {
          nameIssues.push({ name, problem: 'not-a-cell', ref });
          continue;
        }
        const loc = splitQualifiedAddress(ref);
        if (!loc) {
          nameIssues.push({ name, problem: 'broken-ref', ref });
          continue;
        }
        if (!sheetOrder.includes(loc.sheet)) {
          nameIssues.push({ name, problem: 'bad-sheet', ref });
          continue;
        }
        // A multi-cell reference is reported without loading it (a whole column would be a huge payload).
        if (/[:,\s]/.test(loc.address)) {
          nameIssues.push({ name, problem: 'not-a-cell', ref });
          continue;
        }
        const range = item.getRange();
        range.load('address,values,text,formulas,valueTypes,numberFormat');
        reads.push({ name, item, range, ref });
      }
      if (reads.length > 0) await context.sync();

      const cells: Record<string, CellReading> = {};
      const markers: Record<string, string | null> = { [TEMPLATE_ID_NAME]: null, [TEMPLATE_VERSION_NAME]: null };
      for (const read of reads) {
        const range = read.range as Excel.Range;
        const loc = splitQualifiedAddress(range.address) ?? { sheet: '', address: range.address };
        const raw = rawCellFrom(
          range.values[0][0],
          String(range.valueTypes[0][0]),
          String(range.text[0][0] ?? ''),
          range.formulas[0][0],
          String(range.numberFormat[0][0] ?? ''),
        );
        if (isIndicatorName(read.name)) {
          cells[read.name] = readingFromRaw(read.name, loc.sheet, loc.address, raw);
        } else {
          // As the file reader does: the stored text, else what the cell shows.
          const text = raw.type === 'z' || raw.value === null ? '' : (typeof raw.value === 'string' ? raw.value : raw.text || String(raw.value)).trim();
          markers[read.name] = text === '' ? null : text;
        }
      }
      return {
        source: workbook.name || 'workbook',
        templateId: markers[TEMPLATE_ID_NAME],
        templateVersion: markers[TEMPLATE_VERSION_NAME],
        cells,
        nameIssues,
        sheetOrder,
      };
    });
  }

  /** Replaces the add-in's marks with marks for these findings. */
  async mark(findings: readonly Finding[], locale: Locale): Promise<MarkResult> {
    const worst = new Map<string, { loc: MarkLocation; severity: Severity; lines: string[] }>();
    for (const f of findings) {
      for (const c of f.cells) {
        const key = `${c.sheet}\u0000${c.address}`;
        const entry = worst.get(key) ?? { loc: { sheet: c.sheet, address: c.address }, severity: f.severity, lines: [] };
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[entry.severity]) entry.severity = f.severity;
        const line = f.messages[locale] ?? f.message;
        if (!entry.lines.includes(line)) entry.lines.push(line);
        worst.set(key, entry);
      }
    }
    const r = await this.replaceMarks([...worst.values()]);
    return { cells: r.cells, notes: r.notes };
  }

  /** Removes every mark the add-in added; returns how many were removed. */
  async clearMarks(): Promise<number> {
    const r = await this.replaceMarks([]);
    return r.removed;
  }

  private async replaceMarks(
    wanted: { loc: MarkLocation; severity: Severity; lines: string[] }[],
  ): Promise<MarkResult & { removed: number }> {
    const caps = this.capabilities;
    return this.write(async (context) => {
      const workbook = context.workbook;
      // 1: where our marks are, and which sheets still exist.
      const setting = workbook.settings.getItemOrNullObject(MARK_STORE_KEY);
      setting.load('value');
      const sheets = workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const existing = new Set(sheets.items.map((s) => s.name));
      const store = setting.isNullObject ? { cf: [], notes: [] } : parseStore(setting.value);
      const stillThere = (l: MarkLocation): boolean => existing.has(l.sheet);
      const targets = wanted.filter((w) => stillThere(w.loc));

      // 2: the conditional formats on our ranges, our notes, and any note already on a target cell.
      const oldCf = store.cf.filter(stillThere).map((loc) => {
        const collection = sheets.getItem(loc.sheet).getRange(loc.address).conditionalFormats;
        collection.load('items/type,items/customOrNullObject/rule/formula');
        return collection;
      });
      const noteKey = (l: MarkLocation): string => `${l.sheet}\u0000${l.address}`;
      const notesToRead = new Map<string, MarkLocation>();
      if (caps.notes) {
        for (const l of store.notes.filter(stillThere)) notesToRead.set(noteKey(l), l);
        for (const t of targets) notesToRead.set(noteKey(t.loc), t.loc);
      }
      const notes = new Map<string, Excel.Note>();
      for (const [key, l] of notesToRead) {
        const note = sheets.getItem(l.sheet).notes.getItemOrNullObject(l.address);
        note.load('content');
        notes.set(key, note);
      }
      if (oldCf.length > 0 || notes.size > 0) await context.sync();

      // 3: delete ours, add the new ones, remember them — one batch.
      let removed = 0;
      for (const collection of oldCf) {
        for (const cf of collection.items) {
          if (cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurMarkFormula(cf.customOrNullObject.rule.formula)) {
            cf.delete();
            removed += 1;
          }
        }
      }
      const ourNote = (n: Excel.Note | undefined): boolean =>
        n !== undefined && !n.isNullObject && typeof n.content === 'string' && n.content.startsWith(NOTE_PREFIX);
      const freedNoteCells = new Set<string>();
      for (const l of store.notes.filter(stillThere)) {
        const n = notes.get(noteKey(l));
        if (n && ourNote(n)) {
          n.delete();
          removed += 1;
          freedNoteCells.add(noteKey(l));
        }
      }

      const added: MarkStore = { cf: [], notes: [] };
      if (caps.conditionalFormats) {
        for (const t of targets) {
          const cf = sheets.getItem(t.loc.sheet).getRange(t.loc.address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = markFormula(t.severity);
          cf.custom.format.fill.color = MARK_FILL[t.severity];
          added.cf.push(t.loc);
        }
      }
      if (caps.notes) {
        for (const t of targets) {
          const key = noteKey(t.loc);
          const current = notes.get(key);
          const free = current === undefined || current.isNullObject || freedNoteCells.has(key);
          // A note the unit wrote itself is never overwritten.
          if (!free) continue;
          const range = sheets.getItem(t.loc.sheet).getRange(t.loc.address);
          workbook.notes.add(range, `${NOTE_PREFIX}\n${t.lines.join('\n')}`);
          added.notes.push(t.loc);
        }
      }
      if (added.cf.length > 0 || added.notes.length > 0) {
        workbook.settings.add(MARK_STORE_KEY, JSON.stringify(added));
      } else if (!setting.isNullObject) {
        setting.delete();
      }
      await context.sync();
      return { cells: added.cf.length, notes: added.notes.length, removed };
    });
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
    // Loaded on first use, with the rest of the summary code (see taskpane-controller.ts).
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

/** For messages: "表三依申请公开!J5" (quoted when the sheet name needs it). */
export function qualifiedAddress(cell: MarkLocation): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.address}`;
}
