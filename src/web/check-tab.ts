/**
 * 校验: the files picked or dropped are read and validated in the workers as soon as they are chosen;
 * a row per file shows status and counts (filter: units with errors), its findings grouped by sheet;
 * exports are the JSON and HTML reports of `zwgk validate` and the marked copies of `--annotate`.
 */
import { isReportDocumentName } from '../io/report-reader/names';
import { zipSync } from 'fflate';
import type { FileReport } from '../core/batch-report';
import type { Finding, Locale, Severity } from '../core/report';
import { formatBatchHtml } from '../cli/format/html';
import { SEVERITY_LABEL, STATUS_LABEL } from '../cli/format/labels';
import { formatTotalsText } from '../cli/format/text';
import { annotateWorkbook, canAnnotate } from '../io/annotate';
import type { App } from './app';
import { byId, fill, h } from './dom';
import { buildReportDocx } from '../io/report/docx';
import { DOCX_TYPE, saveFile, stamp, XLSX_TYPE } from './download';
import { dropZone, fromInput, isWorkbookName, type PickedFile } from './files';
import { tr } from './i18n';
import { batchReportOf, errorOf, fileReportOf, localised, type CheckEntry } from './results';

interface Row {
  entry: CheckEntry;
  tr: HTMLTableRowElement;
  detail: HTMLTableRowElement;
  open: boolean;
}


function baseName(name: string): string {
  return name.split('/').pop() ?? name;
}

function splitExt(name: string): [string, string] {
  const m = /^(.*?)(\.[^.]*)?$/.exec(name) as RegExpExecArray;
  return [m[1], m[2] ?? ''];
}

/** The word after the unit name in a marked copy's name, as `zwgk validate --annotate` writes it. */
const MARKED_SUFFIX = { 'zh-CN': '问题标注', en: 'marked' } as const;
/** Characters Windows refuses in file names, and control characters (the CLI's safeStem). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

function safeStem(name: string): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return Array.from(cleaned).slice(0, 80).join('');
}

/**
 * The name of a marked copy as `zwgk validate --annotate` gives it (src/cli/marked-copy-path.ts):
 * `<单位名称>-问题标注.xlsx` (the file's own name without a unit name), in the sub-folder the file
 * had inside the picked or dropped folder; -2, -3 … when a name is taken (ignoring case).
 */
function markedName(file: string, unitName: string | null, locale: Locale, taken: Set<string>): string {
  const [fileStem, fileExt] = splitExt(baseName(file));
  const ext = fileExt.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  const stem = safeStem(unitName ?? '') || safeStem(fileStem) || 'workbook';
  const parts = file.split('/');
  // A file from a folder is named "folder/sub/…/file": the sub-folders below the picked folder remain.
  const dir = parts.length > 2 ? `${parts.slice(1, -1).join('/')}/` : '';
  let candidate = `${dir}${stem}-${MARKED_SUFFIX[locale]}${ext}`;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${dir}${stem}-${MARKED_SUFFIX[locale]}-${i}${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export class CheckTab {
  private rows: Row[] = [];
  private run = 0;
  private running = 0;

  constructor(private readonly app: App) {
    const input = byId<HTMLInputElement>('files');
    input.addEventListener('change', () => {
      void this.start(fromInput(input.files));
      // The same files may be chosen again later (after fixing them): the input must fire again.
      input.value = '';
    });
    byId('choose-folder').addEventListener('click', () => this.pickFolder());
    dropZone(byId('drop'), (files) => this.start(files), (err) => this.fail(err));
    byId('filter-errors').addEventListener('change', () => this.applyFilter());
    byId('export-json').addEventListener('click', () => this.exportJson());
    byId('export-html').addEventListener('click', () => this.exportHtml());
    byId('export-marked').addEventListener('click', () => void this.exportMarkedAll());
    app.onChange(() => this.renderAll());
  }

  private pickFolder(): void {
    const input = h('input', { type: 'file', webkitdirectory: true, class: 'offscreen' });
    input.addEventListener('change', () => {
      void this.start(fromInput(input.files));
      input.remove();
    });
    document.body.append(input);
    input.click();
  }

  private fail(err: unknown): void {
    const L = this.app.locale;
    fill(byId('check-progress'), `${tr('failed', L)}${errorOf(err).messages[L]}`);
  }

  /** Reads and validates every file, up to the pool's size at once; rows fill in as answers come. */
  async start(files: PickedFile[]): Promise<void> {
    const L = this.app.locale;
    const run = ++this.run;
    const body = byId('results-body');
    fill(body);
    byId('results').hidden = files.length === 0;
    byId('check-exports').hidden = true;
    fill(byId('check-totals'));
    if (files.length === 0) {
      fill(byId('check-progress'), tr('nothingChosen', L));
      return;
    }
    this.rows = files.map((picked) => {
      const row: Row = { entry: { picked }, tr: h('tr'), detail: h('tr', { class: 'detail', hidden: true }), open: false };
      body.append(row.tr, row.detail);
      return row;
    });
    this.renderAll();
    this.running = files.length;
    this.progress();
    const started = performance.now();
    await Promise.all(
      this.rows.map(async (row) => {
        try {
          const { report } = await this.app.pool.read(row.entry.picked.file, row.entry.picked.name, { validate: true });
          row.entry.report = report ?? undefined;
        } catch (e) {
          row.entry.error = errorOf(e);
        }
        if (run !== this.run) return;
        this.running--;
        this.renderRow(row);
        this.progressSoon();
      }),
    );
    if (run !== this.run) return;
    this.progress();
    // A single file with findings opens at once; in a batch the rows are opened one by one.
    if (this.rows.length === 1 && (this.rows[0].entry.report?.findings.length ?? 0) > 0) this.toggle(this.rows[0]);
    byId('check-exports').hidden = false;
    const marked = this.rows.some((r) => this.canMark(r));
    byId<HTMLButtonElement>('export-marked').disabled = !marked;
    // For the benchmark (scripts/bench-web.js): how long the run took, in milliseconds.
    document.body.dataset.checkMs = String(Math.round(performance.now() - started));
    document.body.dataset.checked = String(this.run);
  }

  private progressTimer: ReturnType<typeof setTimeout> | null = null;

  /** The totals are recounted over every row: at most ten times a second, not once per file of a large batch. */
  private progressSoon(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      this.progress();
    }, 100);
  }

  private progress(): void {
    const L = this.app.locale;
    const done = this.rows.length - this.running;
    const batch = batchReportOf(this.rows.map((r) => r.entry), L);
    fill(byId('check-progress'), this.running > 0 ? `${tr('checking', L)} ${done}/${this.rows.length}…` : '');
    fill(byId('check-totals'), done > 0 ? formatTotalsText(batch, L) : '');
  }

  private renderAll(): void {
    for (const row of this.rows) this.renderRow(row);
    if (this.rows.length > 0) this.progress();
    this.applyFilter();
  }

  private canMark(row: Row): boolean {
    return (row.entry.report?.findings.length ?? 0) > 0 && canAnnotate(row.entry.picked.name);
  }

  private renderRow(row: Row): void {
    const L = this.app.locale;
    const report = fileReportOf(row.entry, L);
    const name = row.entry.picked.name;
    if (!report) {
      fill(row.tr, h('td', { class: 'file' }, name), h('td'), h('td', {}, h('span', { class: 'badge s-pending' }, tr('pending', L))), h('td'), h('td'), h('td'), h('td'));
      return;
    }
    row.tr.className = `r-${report.status}`;
    row.tr.dataset.status = report.status;
    const n = report.findings.reduce((acc, f) => ((acc[f.severity] += 1), acc), { error: 0, warning: 0, info: 0 } as Record<Severity, number>);
    const unit = [report.unit.name, report.unit.year !== null ? String(report.unit.year) : null].filter(Boolean).join(' · ');
    const actions = h('td', { class: 'actions' });
    if (report.findings.length > 0) {
      const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': String(row.open) }, `${tr('details', L)} ${row.open ? '▴' : '▾'}`);
      toggle.addEventListener('click', () => this.toggle(row));
      actions.append(toggle);
    }
    if (this.canMark(row)) {
      const mark = h('button', { type: 'button', class: 'link' }, tr('markedCopy', L));
      mark.addEventListener('click', () => void this.exportMarked(row));
      actions.append(mark);
    }
    if (isWorkbookName(row.entry.picked.name)) {
      const doc = h('button', { type: 'button', class: 'link', 'data-action': 'report-docx' }, tr('reportDocx', L));
      doc.addEventListener('click', () => void this.exportReportDocx(row));
      actions.append(doc);
    }
    const cell = (k: number, cls: string): HTMLTableCellElement => h('td', { class: `num ${k > 0 ? cls : 'zero'}` }, String(k));
    fill(
      row.tr,
      h('td', { class: 'file' }, name),
      h('td', { class: 'unit' }, unit),
      h('td', {}, h('span', { class: `badge s-${report.status}` }, STATUS_LABEL[L][report.status])),
      report.error ? h('td', { class: 'refusal', colspan: '4' }, report.error.message) : cell(n.error, 'sev-error'),
      report.error ? null : cell(n.warning, 'sev-warning'),
      report.error ? null : cell(n.info, 'sev-info'),
      report.error ? null : actions,
    );
    if (row.open) fill(row.detail, h('td', { colspan: '7' }, this.findingsBySheet(report)));
  }

  private toggle(row: Row): void {
    row.open = !row.open;
    row.detail.hidden = !row.open;
    this.renderRow(row);
  }

  /** The findings grouped by sheet, in the order the core sorted them (the CLI's text report does the same). */
  private findingsBySheet(report: FileReport): HTMLElement {
    const L = this.app.locale;
    const groups = new Map<string, FileReport['findings']>();
    for (const f of report.findings) {
      const sheet = f.cells[0]?.sheet ?? '';
      const list = groups.get(sheet) ?? [];
      list.push(f);
      groups.set(sheet, list);
    }
    const box = h('div', { class: 'findings' });
    for (const [sheet, list] of groups) {
      const items = list.map((f) => {
        const where = f.cells.map((c) => c.address).slice(0, 4).join(', ') + (f.cells.length > 4 ? '…' : '');
        return h(
          'li',
          { class: `f-${f.severity}`, 'data-rule': f.rule },
          h('span', { class: `sev sev-${f.severity}` }, SEVERITY_LABEL[L][f.severity]),
          h('span', { class: 'where' }, where),
          h('span', { class: 'rule' }, f.rule),
          h('span', { class: 'msg' }, f.message),
        );
      });
      box.append(h('h4', {}, sheet || tr('workbookWide', L)), h('ul', {}, ...items));
    }
    return box;
  }

  private applyFilter(): void {
    const only = byId<HTMLInputElement>('filter-errors').checked;
    for (const row of this.rows) {
      const status = row.tr.dataset.status;
      const hide = only && status !== 'error' && status !== 'unreadable';
      row.tr.hidden = hide;
      row.detail.hidden = hide || !row.open;
    }
  }

  private exportJson(): void {
    const batch = batchReportOf(this.rows.map((r) => r.entry), this.app.locale);
    saveFile(`校验结果-${stamp()}.json`, JSON.stringify(batch, null, 2) + '\n', 'application/json');
  }

  private exportHtml(): void {
    const batch = batchReportOf(this.rows.map((r) => r.entry), this.app.locale);
    saveFile(`校验结果-${stamp()}.html`, formatBatchHtml(batch, this.app.locale, new Date()), 'text/html;charset=utf-8');
  }

  private async marked(row: Row): Promise<Uint8Array> {
    const L = this.app.locale;
    const findings: Finding[] = localised(row.entry.report?.findings ?? [], L);
    const bytes = new Uint8Array(await row.entry.picked.file.arrayBuffer());
    const unit = row.entry.report?.unit;
    return annotateWorkbook(bytes, findings, { locale: L, sourceName: baseName(row.entry.picked.name), unit: { name: unit?.name ?? null, year: unit?.year ?? null } });
  }

  private async exportMarked(row: Row): Promise<void> {
    try {
      const name = markedName(baseName(row.entry.picked.name), row.entry.report?.unit.name ?? null, this.app.locale, new Set());
      saveFile(name, await this.marked(row), XLSX_TYPE);
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * 生成年度报告: the national-format report (.docx) of one workbook, as `zwgk report` writes it.
   * The file is read again (the check keeps only the findings); a workbook with errors still gets
   * its document, whose first page says that it failed the checks (`zwgk report --force`).
   */
  private async exportReportDocx(row: Row): Promise<void> {
    try {
      const L = this.app.locale;
      const { snapshot } = await this.app.pool.read(row.entry.picked.file, row.entry.picked.name, { validate: false });
      const errors = (row.entry.report?.findings ?? []).filter((f) => f.severity === 'error');
      const bytes = await buildReportDocx(snapshot, {
        failedFindings: errors.length > 0 ? localised(errors, L) : null,
        source: baseName(row.entry.picked.name),
      });
      const unit = row.entry.report?.unit;
      const stem = unit?.name ?? splitExt(baseName(row.entry.picked.name))[0];
      const year = unit?.year ?? null;
      const title = L === 'en' ? `${year ?? ''} annual report`.trim() : `${year !== null ? `${year}年` : ''}政府信息公开工作年度报告`;
      saveFile(`${stem}-${title}.docx`, bytes, DOCX_TYPE);
    } catch (e) {
      this.fail(e);
    }
  }

  private async exportMarkedAll(): Promise<void> {
    const taken = new Set<string>();
    const files: Record<string, Uint8Array> = {};
    const problems: string[] = [];
    for (const row of this.rows.filter((r) => (r.entry.report?.findings.length ?? 0) > 0)) {
      // A Word or web report has no cells to mark (as with `zwgk validate --annotate`).
      if (isReportDocumentName(row.entry.picked.name)) continue;
      if (!canAnnotate(row.entry.picked.name)) {
        problems.push(`${row.entry.picked.name}：${tr('noMarkedXls', this.app.locale)}`);
        continue;
      }
      try {
        files[markedName(row.entry.picked.name, row.entry.report?.unit.name ?? null, this.app.locale, taken)] = await this.marked(row);
      } catch (e) {
        problems.push(errorOf(e).messages[this.app.locale]);
      }
    }
    fill(byId('check-progress'), problems.join('\n'));
    if (Object.keys(files).length === 0) return;
    // The workbooks are zip files already: stored, not compressed again.
    saveFile(`标注副本-${stamp()}.zip`, zipSync(files, { level: 0 }), 'application/zip');
  }
}

