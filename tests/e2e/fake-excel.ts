/**
 * A fake of the part of the Excel JavaScript object model the add-in uses, over an in-memory
 * workbook. It follows Office.js's proxy rules where they matter for correctness: properties are
 * readable only after load() and context.sync(), and hold the state as of that sync; isNullObject
 * likewise. Every sync and every write is recorded so tests can assert batching and side effects.
 * Used by the jest tests of the adapter and, bundled, as the fake Office host of the browser tests.
 */

export type FakeValue = string | number | boolean | null;

export interface FakeCellData {
  value: FakeValue;
  /** Marks `value` (e.g. "#REF!") as an Excel error value. */
  error?: boolean;
  formula?: string;
  numberFormat?: string;
  /** What the cell shows (Range.text), when it differs from the plain value (e.g. a number format). */
  text?: string;
}

export interface FakeConditionalFormat {
  sheet: string;
  address: string;
  type: string;
  formula?: string;
  fill?: string;
}

export interface FakeNoteData {
  sheet: string;
  address: string;
  content: string;
}

export interface FakeModel {
  name: string;
  sheets: { name: string; cells: Record<string, FakeCellData> }[];
  /** Defined names with their formula, e.g. "=表三依申请公开!$J$5" or "=#REF!". */
  names: { name: string; formula: string }[];
  conditionalFormats: FakeConditionalFormat[];
  notes: FakeNoteData[];
  settings: Record<string, unknown>;
  /** The unit's own cell fills ("sheet!A1" → colour); the add-in must never change them. */
  fills: Record<string, string>;
  /** Highest ExcelApi minor version the fake host supports (e.g. 7 for 1.7). */
  apiMinor: number;
  active?: { sheet: string; address?: string };
  insertedTemplates: number;
  /** Tables added by the add-in. */
  tables?: FakeTable[];
  /** Rows frozen per sheet. */
  frozenRows?: Record<string, number>;
  /** Base64 of each workbook the add-in asked Excel to create (Excel.createWorkbook). */
  createdWorkbooks?: string[];
}

export interface FakeTable {
  sheet: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
}

export interface FakeLog {
  syncs: number;
  calls: string[];
}

type Handler = (args: { triggerSource: string; address: string; worksheetId: string; source: string }) => unknown;

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and context.sync()`);
  }
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function normalAddress(a: string): string {
  return a.replace(/\$/g, '').toUpperCase();
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function serialToIso(serial: number): string {
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  const p = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** 'items/name|items/type' → ['name', 'type'] */
function itemProps(prop: string): string[] {
  return prop.split('|').map((p) => p.replace(/^items\/?/, '') || 'name');
}

/** Base of the proxies: a load() records what to fetch, sync() snapshots it. */
abstract class Proxy {
  protected readonly loadedData = new Map<string, unknown>();
  private pending = new Set<string>();
  private synced = false;
  protected nullable = false;

  constructor(protected readonly ctx: FakeContext) {
    ctx.register(this);
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : props ? Object.keys(props) : [];
    for (const p of list) this.pending.add(p.trim());
    return this;
  }

  /** Called by sync: fetch the state of every pending property. */
  materialize(): void {
    this.synced = true;
    const props = [...this.pending];
    this.pending.clear();
    const items = props.filter((p) => p.startsWith('items'));
    // A collection's item properties are fetched together (items/name,items/position → one item list).
    if (items.length > 0) this.fetch(items.map((p) => p.replace(/^items\/?/, '') || 'name').map((p) => `items/${p}`).join('|'));
    for (const p of props) if (!p.startsWith('items')) this.fetch(p);
  }

  protected abstract fetch(prop: string): void;

  protected read<T>(prop: string): T {
    if (!this.loadedData.has(prop)) throw new NotLoaded(`${this.constructor.name}.${prop}`);
    return this.loadedData.get(prop) as T;
  }

  protected abstract exists(): boolean;

  get isNullObject(): boolean {
    if (!this.synced) throw new NotLoaded(`${this.constructor.name}.isNullObject`);
    return this.nullable && !this.exists();
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private readonly objects: Proxy[] = [];

  constructor(readonly model: FakeModel, readonly log: FakeLog, readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  register(p: Proxy): void {
    this.objects.push(p);
  }

  async sync(): Promise<void> {
    this.log.syncs += 1;
    this.log.calls.push('sync');
    for (const o of this.objects.slice()) o.materialize();
    await Promise.resolve();
  }

  call(entry: string): void {
    this.log.calls.push(entry);
  }

  sheetData(name: string): FakeModel['sheets'][number] {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  }
}

export class FakeWorkbook extends Proxy {
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly notes: FakeWorkbookNotes;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.notes = new FakeWorkbookNotes(ctx);
  }

  protected exists(): boolean {
    return true;
  }

  protected fetch(prop: string): void {
    if (prop === 'name') this.loadedData.set('name', this.ctx.model.name);
  }

  get name(): string {
    return this.read('name');
  }

  insertWorksheetsFromBase64(base64: string): { value: string[] } {
    if (this.ctx.model.apiMinor < 13) throw new Error('ApiNotFound: insertWorksheetsFromBase64 needs ExcelApi 1.13');
    this.ctx.call(`insertWorksheetsFromBase64 ${base64.length}`);
    this.ctx.model.insertedTemplates += 1;
    return { value: [] };
  }
}

export class FakeNamedItemCollection extends Proxy {
  private list: FakeNamedItem[] = [];
  protected exists(): boolean {
    return true;
  }
  protected fetch(prop: string): void {
    if (!prop.startsWith('items')) return;
    this.list = this.ctx.model.names.map((n) => {
      const item = new FakeNamedItem(this.ctx, n.name);
      item.load(itemProps(prop));
      item.materialize();
      return item;
    });
    this.loadedData.set('items', true);
  }
  get items(): FakeNamedItem[] {
    this.read('items');
    return this.list;
  }
}

export class FakeNamedItem extends Proxy {
  constructor(ctx: FakeContext, private readonly key: string) {
    super(ctx);
  }
  private data(): { name: string; formula: string } {
    const d = this.ctx.model.names.find((n) => n.name === this.key);
    if (!d) throw new Error(`ItemNotFound: name ${this.key}`);
    return d;
  }
  protected exists(): boolean {
    return this.ctx.model.names.some((n) => n.name === this.key);
  }
  private target(): { sheet: string; address: string } | null {
    const f = this.data().formula.replace(/^=/, '');
    if (/#REF!/.test(f)) return null;
    const bang = f.lastIndexOf('!');
    if (bang < 0) return null;
    let sheet = f.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (!this.ctx.model.sheets.some((s) => s.name === sheet)) return null;
    return { sheet, address: normalAddress(f.slice(bang + 1)) };
  }
  protected fetch(prop: string): void {
    for (const p of prop.split(',')) {
      const k = p.trim();
      const d = this.data();
      if (k === 'name') this.loadedData.set('name', d.name);
      if (k === 'formula') this.loadedData.set('formula', d.formula);
      const t = this.target();
      if (k === 'type') this.loadedData.set('type', t ? 'Range' : /^=?#/.test(d.formula) || /#REF!/.test(d.formula) ? 'Error' : 'String');
      if (k === 'value') this.loadedData.set('value', t ? `${quoteSheet(t.sheet)}!${t.address}` : '#REF!');
    }
  }
  get name(): string {
    return this.read('name');
  }
  get type(): string {
    return this.read('type');
  }
  get value(): unknown {
    return this.read('value');
  }
  get formula(): string {
    return this.read('formula');
  }
  getRange(): FakeRange {
    const t = this.target();
    if (!t) throw new Error(`InvalidReference: ${this.key}`);
    this.ctx.call(`name.getRange ${this.key}`);
    return new FakeRange(this.ctx, t.sheet, t.address);
  }
}

export class FakeWorksheetCollection extends Proxy {
  private list: FakeWorksheet[] = [];
  protected exists(): boolean {
    return true;
  }
  protected fetch(prop: string): void {
    if (!prop.startsWith('items')) return;
    this.list = this.ctx.model.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, s.name);
      ws.load(itemProps(prop));
      ws.materialize();
      return ws;
    });
    this.loadedData.set('items', true);
  }
  get items(): FakeWorksheet[] {
    this.read('items');
    return this.list;
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.sheetData(name);
    return new FakeWorksheet(this.ctx, name);
  }
  add(name: string): FakeWorksheet {
    // Sheet names are unique regardless of case, at most 31 characters, without []:*?/\.
    if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
    if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: worksheet ${name}`);
    this.ctx.model.sheets.push({ name, cells: {} });
    this.ctx.call(`worksheets.add ${name}`);
    return new FakeWorksheet(this.ctx, name);
  }
}

export class FakeWorksheet extends Proxy {
  readonly notes: FakeSheetNotes;
  readonly onChanged: { add(h: Handler): { remove(): void; context: FakeContext } };

  constructor(ctx: FakeContext, readonly sheetName: string) {
    super(ctx);
    this.notes = new FakeSheetNotes(ctx, sheetName);
    this.onChanged = {
      add: (h: Handler) => {
        ctx.call(`onChanged.add ${sheetName}`);
        const entry = { sheet: sheetName, handler: h };
        ctx.host.handlers.push(entry);
        return {
          context: ctx,
          remove: () => {
            ctx.call(`onChanged.remove ${sheetName}`);
            ctx.host.handlers = ctx.host.handlers.filter((x) => x !== entry);
          },
        };
      },
    };
  }
  protected exists(): boolean {
    return this.ctx.model.sheets.some((s) => s.name === this.sheetName);
  }
  protected fetch(prop: string): void {
    for (const p of prop.split(',')) {
      const k = p.trim();
      if (k === 'name') this.loadedData.set('name', this.sheetName);
      if (k === 'position') this.loadedData.set('position', this.ctx.model.sheets.findIndex((s) => s.name === this.sheetName));
    }
  }
  get name(): string {
    return this.read('name');
  }
  get position(): number {
    return this.read('position');
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, normalAddress(address));
  }
  activate(): void {
    this.ctx.call(`activate ${this.sheetName}`);
    this.ctx.model.active = { sheet: this.sheetName };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeArea {
    return new FakeArea(this.ctx, this.sheetName, row, col, rows, cols);
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) => {
        const m = this.ctx.model;
        m.frozenRows = { ...(m.frozenRows ?? {}), [this.sheetName]: n };
        this.ctx.call(`freezeRows ${this.sheetName} ${n}`);
      },
    };
  }
  get tables(): { add(range: FakeArea, hasHeaders: boolean): { style: string } } {
    return {
      add: (range: FakeArea, hasHeaders: boolean) => {
        const m = this.ctx.model;
        const table: FakeTable = { sheet: this.sheetName, address: range.a1, hasHeaders };
        m.tables = [...(m.tables ?? []), table];
        this.ctx.call(`tables.add ${this.sheetName}!${range.a1}`);
        return {
          set style(v: string) {
            table.style = v;
          },
          get style(): string {
            return table.style ?? '';
          },
        };
      },
    };
  }
}

function colLetters(n: number): string {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * A block of cells for writing (getRangeByIndexes). Like Excel: a string starting with "=" written
 * through values becomes a formula unless the cell's number format is text ("@").
 */
export class FakeArea extends Proxy {
  constructor(ctx: FakeContext, readonly sheet: string, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {
    super(ctx);
    if (rows < 1 || cols < 1) throw new Error('InvalidArgument: empty range');
  }
  protected exists(): boolean {
    return true;
  }
  protected fetch(): void {}
  get a1(): string {
    return `${colLetters(this.col)}${this.row + 1}:${colLetters(this.col + this.cols - 1)}${this.row + this.rows}`;
  }
  private each(matrix: unknown[][], what: string, put: (cells: Record<string, FakeCellData>, addr: string, v: unknown) => void): void {
    if (matrix.length !== this.rows || matrix.some((r) => r.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} is ${matrix.length}x${matrix[0]?.length} for a ${this.rows}x${this.cols} range`);
    }
    const cells = this.ctx.sheetData(this.sheet).cells;
    matrix.forEach((r, i) => r.forEach((v, j) => put(cells, `${colLetters(this.col + j)}${this.row + i + 1}`, v)));
    this.ctx.call(`${what} ${this.sheet}!${this.a1}`);
  }
  set numberFormat(m: string[][]) {
    this.each(m, 'numberFormat', (cells, addr, v) => {
      cells[addr] = { ...(cells[addr] ?? { value: null }), numberFormat: String(v) };
    });
  }
  set values(m: FakeValue[][]) {
    this.each(m, 'values', (cells, addr, v) => {
      const old = cells[addr] ?? { value: null };
      if (v === null) return; // null leaves a cell unchanged, as in Office.js
      if (typeof v === 'string' && v.startsWith('=') && old.numberFormat !== '@') {
        cells[addr] = { ...old, value: null, formula: v.slice(1), text: undefined };
      } else {
        cells[addr] = { ...old, value: v === '' ? null : (v as FakeValue), formula: undefined, text: undefined };
      }
    });
  }
  get format(): { font: { bold: boolean; color: string }; fill: { color: string }; columnWidth: number; wrapText: boolean } {
    const call = (what: string, v: unknown): void => this.ctx.call(`format.${what} ${this.sheet}!${this.a1}=${String(v)}`);
    return {
      font: {
        set bold(v: boolean) {
          call('bold', v);
        },
        get bold(): boolean {
          return false;
        },
        set color(v: string) {
          call('fontColor', v);
        },
        get color(): string {
          return '';
        },
      },
      fill: {
        set color(v: string) {
          call('fill', v);
        },
        get color(): string {
          return '';
        },
      },
      set columnWidth(v: number) {
        call('columnWidth', v);
      },
      get columnWidth(): number {
        return 0;
      },
      set wrapText(v: boolean) {
        call('wrapText', v);
      },
      get wrapText(): boolean {
        return false;
      },
    };
  }
}

export class FakeRange extends Proxy {
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(ctx: FakeContext, readonly sheet: string, readonly addr: string) {
    super(ctx);
    if (!/^[A-Z]{1,3}\d+$/.test(addr)) throw new Error(`the fake supports single cells only, got ${addr}`);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, sheet, addr);
  }
  protected exists(): boolean {
    return true;
  }
  private cell(): FakeCellData {
    return this.ctx.sheetData(this.sheet).cells[this.addr] ?? { value: null };
  }
  private shown(c: FakeCellData): string {
    if (c.text !== undefined) return c.text;
    if (c.value === null) return '';
    if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
    if (typeof c.value === 'number' && c.numberFormat && /y/.test(c.numberFormat)) return serialToIso(c.value);
    return String(c.value);
  }
  protected fetch(prop: string): void {
    const c = this.cell();
    for (const p of prop.split(',')) {
      switch (p.trim()) {
        case 'address':
          this.loadedData.set('address', `${quoteSheet(this.sheet)}!${this.addr}`);
          break;
        case 'values':
          this.loadedData.set('values', [[c.value === null ? '' : c.value]]);
          break;
        case 'text':
          this.loadedData.set('text', [[this.shown(c)]]);
          break;
        case 'formulas':
          this.loadedData.set('formulas', [[c.formula ? `=${c.formula}` : c.value === null ? '' : c.value]]);
          break;
        case 'valueTypes': {
          const t = c.value === null ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
          this.loadedData.set('valueTypes', [[t]]);
          break;
        }
        case 'numberFormat':
          this.loadedData.set('numberFormat', [[c.numberFormat ?? 'General']]);
          break;
        default:
          break;
      }
    }
  }
  get address(): string {
    return this.read('address');
  }
  get values(): FakeValue[][] {
    return this.read('values');
  }
  set values(v: FakeValue[][]) {
    const sheet = this.ctx.sheetData(this.sheet);
    const old = sheet.cells[this.addr] ?? { value: null };
    sheet.cells[this.addr] = { ...old, value: v[0][0], error: false, formula: undefined, text: undefined };
    this.ctx.call(`values ${this.sheet}!${this.addr}=${JSON.stringify(v[0][0])}`);
    // Office raises onChanged for the add-in's own writes too (triggerSource tells them apart from 1.14).
    this.ctx.host.raiseChanged(this.sheet, this.addr, 'ThisLocalAddin');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get formulas(): FakeValue[][] {
    return this.read('formulas');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    const sheet = this.ctx.sheetData(this.sheet);
    sheet.cells[this.addr] = { ...(sheet.cells[this.addr] ?? { value: null }), numberFormat: v[0][0] };
    this.ctx.call(`numberFormat ${this.sheet}!${this.addr}=${v[0][0]}`);
  }
  select(): void {
    this.ctx.call(`select ${this.sheet}!${this.addr}`);
    this.ctx.model.active = { sheet: this.sheet, address: this.addr };
  }
}

/** Whether a conditional format's range covers the cell (ranges in the fake: "A1" or "A1:C9"). */
function covers(range: string, cell: string): boolean {
  const [a, b = a] = range.split(':').map(normalAddress);
  const p = (x: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(x) as RegExpExecArray;
    return [colNumber(m[1]), Number(m[2])];
  };
  const [c1, r1] = p(a);
  const [c2, r2] = p(b);
  const [c, r] = p(cell);
  return c >= Math.min(c1, c2) && c <= Math.max(c1, c2) && r >= Math.min(r1, r2) && r <= Math.max(r1, r2);
}

export class FakeConditionalFormatCollection extends Proxy {
  private list: FakeCf[] = [];
  constructor(ctx: FakeContext, private readonly sheet: string, private readonly cell: string) {
    super(ctx);
  }
  protected exists(): boolean {
    return true;
  }
  protected fetch(prop: string): void {
    if (!prop.startsWith('items')) return;
    this.list = this.ctx.model.conditionalFormats
      .filter((cf) => cf.sheet === this.sheet && covers(cf.address, this.cell))
      .map((cf) => {
        const p = new FakeCf(this.ctx, cf);
        p.snapshot();
        return p;
      });
    this.loadedData.set('items', true);
  }
  get items(): FakeCf[] {
    this.read('items');
    return this.list;
  }
  add(type: string): FakeCf {
    const data: FakeConditionalFormat = { sheet: this.sheet, address: this.cell, type };
    this.ctx.model.conditionalFormats.push(data);
    this.ctx.call(`cf.add ${this.sheet}!${this.cell} ${type}`);
    return new FakeCf(this.ctx, data);
  }
}

export class FakeCf extends Proxy {
  constructor(ctx: FakeContext, private readonly data: FakeConditionalFormat) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.ctx.model.conditionalFormats.includes(this.data);
  }
  protected fetch(): void {
    this.snapshot();
  }
  snapshot(): void {
    this.loadedData.set('type', this.data.type);
    this.loadedData.set('formula', this.data.formula ?? null);
  }
  get type(): string {
    return this.read('type');
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string | null } } {
    const isCustom = this.read<string>('type') === 'Custom';
    const formula = this.read<string | null>('formula');
    return { isNullObject: !isCustom, rule: { formula: isCustom ? formula : null } };
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string } } } {
    const data = this.data;
    const ctx = this.ctx;
    return {
      rule: {
        get formula(): string {
          return data.formula ?? '';
        },
        set formula(f: string) {
          data.formula = f;
          ctx.call(`cf.formula ${data.sheet}!${data.address} ${f}`);
        },
      },
      format: {
        fill: {
          get color(): string {
            return data.fill ?? '';
          },
          set color(c: string) {
            data.fill = c;
          },
        },
      },
    };
  }
  delete(): void {
    const list = this.ctx.model.conditionalFormats;
    const i = list.indexOf(this.data);
    if (i < 0) throw new Error('ItemNotFound: conditional format already deleted');
    list.splice(i, 1);
    this.ctx.call(`cf.delete ${this.data.sheet}!${this.data.address}`);
  }
}

export class FakeSettingCollection extends Proxy {
  protected exists(): boolean {
    return true;
  }
  protected fetch(): void {}
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
  add(key: string, value: unknown): FakeSetting {
    this.ctx.model.settings[key] = value;
    this.ctx.call(`settings.add ${key}`);
    return new FakeSetting(this.ctx, key);
  }
}

export class FakeSetting extends Proxy {
  constructor(ctx: FakeContext, private readonly key: string) {
    super(ctx);
    this.nullable = true;
  }
  protected exists(): boolean {
    return this.key in this.ctx.model.settings;
  }
  protected fetch(prop: string): void {
    if (prop === 'value') this.loadedData.set('value', this.ctx.model.settings[this.key] ?? null);
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    delete this.ctx.model.settings[this.key];
    this.ctx.call(`settings.delete ${this.key}`);
  }
}

export class FakeWorkbookNotes extends Proxy {
  protected exists(): boolean {
    return true;
  }
  protected fetch(): void {}
  add(cell: FakeRange | string, content: string): void {
    if (this.ctx.model.apiMinor < 18) throw new Error('ApiNotFound: notes need ExcelApi 1.18');
    if (typeof cell === 'string') throw new Error('the fake takes a Range');
    if (this.ctx.model.notes.some((n) => n.sheet === cell.sheet && n.address === cell.addr)) throw new Error('InvalidArgument: the cell already has a note');
    this.ctx.model.notes.push({ sheet: cell.sheet, address: cell.addr, content });
    this.ctx.call(`note.add ${cell.sheet}!${cell.addr}`);
  }
}

export class FakeSheetNotes extends Proxy {
  constructor(ctx: FakeContext, private readonly sheet: string) {
    super(ctx);
  }
  protected exists(): boolean {
    return true;
  }
  protected fetch(): void {}
  getItemOrNullObject(address: string): FakeNote {
    if (this.ctx.model.apiMinor < 18) throw new Error('ApiNotFound: notes need ExcelApi 1.18');
    return new FakeNote(this.ctx, this.sheet, normalAddress(address));
  }
}

export class FakeNote extends Proxy {
  constructor(ctx: FakeContext, private readonly sheet: string, private readonly address: string) {
    super(ctx);
    this.nullable = true;
  }
  private data(): FakeNoteData | undefined {
    return this.ctx.model.notes.find((n) => n.sheet === this.sheet && n.address === this.address);
  }
  protected exists(): boolean {
    return this.data() !== undefined;
  }
  protected fetch(prop: string): void {
    if (prop === 'content') this.loadedData.set('content', this.data()?.content ?? null);
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    const d = this.data();
    if (!d) throw new Error('ItemNotFound: note');
    this.ctx.model.notes.splice(this.ctx.model.notes.indexOf(d), 1);
    this.ctx.call(`note.delete ${this.sheet}!${this.address}`);
  }
}

/** The host: Excel.run, isSetSupported, the event handlers, and user edits for tests. */
export class FakeHost {
  readonly log: FakeLog = { syncs: 0, calls: [] };
  handlers: { sheet: string; handler: Handler }[] = [];

  constructor(readonly model: FakeModel) {}

  readonly run = async <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> => batch(new FakeContext(this.model, this.log, this));

  /** Excel.createWorkbook (ExcelApi 1.8): opens a new workbook from the file's base64. */
  readonly createWorkbook = async (base64: string): Promise<void> => {
    if (this.model.apiMinor < 8) throw new Error('ApiNotFound: createWorkbook needs ExcelApi 1.8');
    this.model.createdWorkbooks = [...(this.model.createdWorkbooks ?? []), base64];
    this.log.calls.push(`createWorkbook ${base64.length}`);
  };

  isSetSupported(name: string, version?: string): boolean {
    if (name !== 'ExcelApi') return false;
    const minor = Number((version ?? '1.1').split('.')[1] ?? '0');
    return minor <= this.model.apiMinor;
  }

  /** Fires onChanged like Excel does, asynchronously. */
  raiseChanged(sheet: string, address: string, triggerSource: string): void {
    const targets = this.handlers.filter((h) => h.sheet === sheet);
    const src = this.model.apiMinor >= 14 ? triggerSource : 'Unknown';
    setTimeout(() => {
      for (const t of targets) void t.handler({ triggerSource: src, address, worksheetId: sheet, source: 'Local' });
    }, 0);
  }

  /** A user typing into a cell. */
  userEdit(sheet: string, address: string, value: FakeValue): void {
    const s = this.model.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.cells[address] = { ...(s.cells[address] ?? { value: null }), value, error: false, formula: undefined, text: undefined };
    this.raiseChanged(sheet, address, 'Local');
  }

  resetLog(): void {
    this.log.syncs = 0;
    this.log.calls.length = 0;
  }
}
