/**
 * The terminal report: grouped by file, then by sheet, in the order a person fixes them.
 * Colours only when the stream is a terminal; every piece of workbook text is stripped of
 * control characters so a cell cannot move the cursor or recolour the screen.
 */
import type { BatchReport, ContractFinding, FileReport } from '../../core/batch-report';
import { oneLine, stripControl } from '../../core/format/escape';
import type { Locale, Severity } from '../../core/report';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';

interface Style {
  colour: boolean;
}

const COLOURS: Record<Severity | 'ok' | 'dim' | 'bold', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  ok: '\x1b[32m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
};

function paint(style: Style, kind: keyof typeof COLOURS, s: string): string {
  return style.colour ? `${COLOURS[kind]}${s}\x1b[0m` : s;
}

const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

function unitLine(file: FileReport, locale: Locale): string {
  const u = file.unit;
  if (!u.name && !u.code) return '';
  const parts = [u.name ?? '', u.type ?? '', u.year !== null ? (locale === 'en' ? `${u.year}` : `${u.year} 年度`) : '']
    .filter(Boolean)
    .map(stripControl);
  return locale === 'en' ? `  Unit: ${parts.join(', ')}` : `  单位：${parts.join('，')}`;
}

function countsText(f: FileReport, locale: Locale): string {
  const n = { error: 0, warning: 0, info: 0 };
  for (const x of f.findings) n[x.severity] += 1;
  const L = SEVERITY_LABEL[locale];
  return `${L.error} ${n.error} · ${L.warning} ${n.warning} · ${L.info} ${n.info}`;
}

function groupBySheet(findings: readonly ContractFinding[]): Array<[string, ContractFinding[]]> {
  const groups = new Map<string, ContractFinding[]>();
  for (const f of findings) {
    const sheet = f.cells[0]?.sheet ?? '';
    const list = groups.get(sheet) ?? [];
    list.push(f);
    groups.set(sheet, list);
  }
  return [...groups.entries()];
}

/**
 * The reason a file could not be read, without the file's path in front: the path already heads
 * the block, and printing it twice ("empty-dir：empty-dir：…") hides the reason.
 */
export function reasonOf(file: FileReport): string {
  const message = file.error?.message ?? '';
  for (const sepr of ['：', ': ']) if (message.startsWith(file.file + sepr)) return message.slice(file.file.length + sepr.length);
  return message;
}

export function formatFileText(file: FileReport, locale: Locale, style: Style): string {
  const lines: string[] = [];
  const status = STATUS_LABEL[locale][file.status];
  const statusKind = file.status === 'ok' ? 'ok' : file.status === 'unreadable' ? 'error' : file.status;
  lines.push(`${paint(style, 'bold', stripControl(oneLine(file.file)))}  ${paint(style, statusKind, `[${status}]`)}`);
  if (file.error) {
    lines.push(`  ${paint(style, 'error', MARK.error)} ${stripControl(oneLine(reasonOf(file)))}`);
    return lines.join('\n');
  }
  const unit = unitLine(file, locale);
  if (unit) lines.push(unit);
  lines.push(`  ${countsText(file, locale)}`);
  for (const [sheet, list] of groupBySheet(file.findings)) {
    lines.push(`  ${paint(style, 'bold', stripControl(sheet || (locale === 'en' ? '(workbook)' : '（整个工作簿）')))}`);
    for (const f of list) {
      const where = f.cells[0]?.location ? documentWhere(f.cells, locale) : f.cells.length ? f.cells.map((c) => c.address).slice(0, 4).join(',') + (f.cells.length > 4 ? '…' : '') : '';
      const head = `${MARK[f.severity]} ${where ? where.padEnd(8) + ' ' : ''}${f.rule}`;
      lines.push(`    ${paint(style, f.severity, head)}  ${stripControl(f.message)}`);
    }
  }
  return lines.join('\n');
}

export function formatTotalsText(report: BatchReport, locale: Locale): string {
  const c = report.counts;
  const L = SEVERITY_LABEL[locale];
  if (locale === 'en') {
    return `${c.files} file(s): ${c.ok} passed, ${c.warning} with warnings, ${c.error} with errors, ${c.unreadable} unreadable; findings: ${L.error} ${c.findings.error} · ${L.warning} ${c.findings.warning} · ${L.info} ${c.findings.info}.`;
  }
  return `共 ${c.files} 个文件：通过 ${c.ok}，有警告 ${c.warning}，有错误 ${c.error}，无法读取 ${c.unreadable}；问题：${L.error} ${c.findings.error} · ${L.warning} ${c.findings.warning} · ${L.info} ${c.findings.info}。`;
}

export function formatBatchText(report: BatchReport, locale: Locale, style: Style): string {
  const blocks = report.files.map((f) => formatFileText(f, locale, style));
  blocks.push(paint(style, 'bold', formatTotalsText(report, locale)));
  return blocks.join('\n\n') + '\n';
}

/** A finding's place in a report document: the first cell's location ("表三 第4行「总计」列"), and how many more. */
function documentWhere(cells: ReadonlyArray<{ location?: string }>, locale: Locale): string {
  const more = cells.length - 1;
  const first = stripControl(cells[0].location ?? '');
  if (more === 0) return first;
  return locale === 'en' ? `${first} (+${more})` : `${first} 等 ${cells.length} 处`;
}
