/**
 * A self-contained HTML page of the report, for a coordinator with hundreds of units: an index
 * table first (unit, status, counts, each row a link to the unit's section), a switch that shows
 * only the units with errors, the counts by check, then one section per file with its findings in
 * the order a person fixes them. No script and no external resource (a Content-Security-Policy
 * forbids both): the switch is a checkbox and a CSS sibling selector, so it works from a USB stick
 * and in any browser. It prints on A4 without the switch, with table headers repeated.
 * Every piece of workbook text is escaped.
 */
import type { BatchReport, FileReport } from '../../core/batch-report';
import { escapeHtml as esc } from '../../core/format/escape';
import type { Locale, Severity } from '../../core/report';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { formatTotalsText, reasonOf } from './text';

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Segoe UI",sans-serif;margin:24px;color:#201f1e;background:#faf9f8}
h1{font-size:20px;font-weight:600;margin:0 0 4px}
h2.part{font-size:16px;margin:20px 0 8px}
.meta{color:#605e5c;font-size:13px;margin-bottom:12px}
.filter{display:inline-block;font-size:14px;margin:4px 0 12px;padding:6px 10px;background:#fff;border:1px solid #c8c6c4;border-radius:4px;cursor:pointer}
#only-errors{margin-right:6px}
section{background:#fff;border:1px solid #edebe9;border-radius:4px;padding:12px 16px;margin:0 0 16px}
section h3{font-size:16px;margin:0 0 4px;word-break:break-all}
.unit{color:#605e5c;font-size:13px;margin-bottom:8px}
.badge{display:inline-block;border-radius:2px;padding:1px 6px;font-size:12px;margin-left:8px;vertical-align:middle;white-space:nowrap}
.s-ok{background:#dff6dd;color:#107c10}.s-warning{background:#fff4ce;color:#8a5300}.s-error,.s-unreadable{background:#fde7e9;color:#a4262c}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{border-bottom:1px solid #edebe9;text-align:left;padding:5px 8px;vertical-align:top}
th{background:#f3f2f1;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.sev-error{color:#a4262c;white-space:nowrap}td.sev-warning{color:#8a5300;white-space:nowrap}td.sev-info{color:#005a9e;white-space:nowrap}
td.cell{white-space:nowrap;font-family:Consolas,monospace}
td.rule{white-space:nowrap}
table.checks{width:auto;min-width:50%}
table.checks td.n{padding-left:24px}
td.file{word-break:break-all;color:#605e5c}
a{color:#0563c1}
.none{color:#107c10}
.err{color:#a4262c}
.top{font-size:12px;margin-left:8px}
#only-errors:checked~.index tr.f-ok,#only-errors:checked~.index tr.f-warning,#only-errors:checked~.files section.f-ok,#only-errors:checked~.files section.f-warning{display:none}
@media print{
  body{margin:0;background:#fff;font-size:11pt}
  .filter,#only-errors,.top{display:none}
  section{border:none;border-top:1px solid #8a8886;border-radius:0;padding:8px 0;break-inside:auto}
  section h3,tr{break-inside:avoid}
  h2.part{break-after:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
  @page{size:A4;margin:15mm 12mm}
}
`;

const WORDS = {
  'zh-CN': {
    title: '政府信息公开工作年度报告校验结果',
    generated: '生成时间',
    onlyErrors: '只显示有错误或无法读取的单位',
    index: '单位一览',
    byCheck: '各检查项的问题数',
    details: '各单位的问题',
    no: '序号',
    unit: '单位',
    file: '文件',
    status: '状态',
    check: '检查项',
    severity: '级别',
    findings: '问题数',
    units: '涉及单位数',
    cells: '单元格',
    message: '说明',
    none: '未发现问题。',
    noFindings: '没有发现任何问题。',
    top: '回到一览',
    unnamed: '（未填单位名称）',
  },
  en: {
    title: 'Annual report validation results',
    generated: 'Generated',
    onlyErrors: 'Show only units with errors or unreadable files',
    index: 'Units',
    byCheck: 'Findings by check',
    details: 'Findings by unit',
    no: 'No.',
    unit: 'Unit',
    file: 'File',
    status: 'Status',
    check: 'Check',
    severity: 'Severity',
    findings: 'Findings',
    units: 'Units',
    cells: 'Cells',
    message: 'Message',
    none: 'No findings.',
    noFindings: 'No findings at all.',
    top: 'back to the list',
    unnamed: '(no unit name)',
  },
} as const;

/** TZ of the environment; none in a browser (the web page writes this report too), which uses its own zone. */
function envTimeZone(): string | undefined {
  return typeof process !== 'undefined' ? process.env.TZ || undefined : undefined;
}

/**
 * A date and time in the local time zone with its offset, e.g. "2026-01-20 09:30 UTC+08:00".
 * The zone comes from the environment (TZ, else the system's setting); an unknown zone name
 * falls back to the process's own clock.
 */
export function localTimeWithOffset(d: Date, timeZone: string | undefined = envTimeZone()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
    }).formatToParts(d);
    const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((x) => x.type === type)?.value ?? '';
    const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} UTC${offset}`;
  } catch {
    const offset = -d.getTimezoneOffset();
    const abs = Math.abs(offset);
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())} UTC${offset >= 0 ? '+' : '-'}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
  }
}

function countsOf(f: FileReport): Record<Severity, number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const x of f.findings) n[x.severity] += 1;
  return n;
}

function indexTable(report: BatchReport, locale: Locale): string {
  const W = WORDS[locale];
  const L = SEVERITY_LABEL[locale];
  const rows = report.files
    .map((f, i) => {
      const n = countsOf(f);
      const name = f.unit.name ?? (f.status === 'unreadable' ? '' : W.unnamed);
      return (
        `<tr class="f-${f.status}"><td class="n">${i + 1}</td>` +
        `<td><a href="#f-${i + 1}">${esc(name || f.file)}</a></td>` +
        `<td class="file">${esc(f.file)}</td>` +
        `<td><span class="badge s-${f.status}">${esc(STATUS_LABEL[locale][f.status])}</span></td>` +
        `<td class="n">${n.error}</td><td class="n">${n.warning}</td><td class="n">${n.info}</td></tr>`
      );
    })
    .join('');
  return (
    `<h2 class="part" id="index">${esc(W.index)}</h2>` +
    `<table class="index"><thead><tr><th>${W.no}</th><th>${W.unit}</th><th>${W.file}</th><th>${W.status}</th>` +
    `<th>${esc(L.error)}</th><th>${esc(L.warning)}</th><th>${esc(L.info)}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** Findings per check id: how many, in how many units, worst severity first, then most frequent. */
export function countsByCheck(report: BatchReport): Array<{ rule: string; severity: Severity; findings: number; units: number }> {
  const map = new Map<string, { rule: string; severity: Severity; findings: number; units: Set<number> }>();
  report.files.forEach((f, i) => {
    const rows: Array<{ rule: string; severity: Severity }> = f.error ? [{ rule: f.error.code, severity: 'error' }] : f.findings;
    for (const x of rows) {
      const key = `${x.rule}|${x.severity}`;
      const e = map.get(key) ?? { rule: x.rule, severity: x.severity, findings: 0, units: new Set<number>() };
      e.findings += 1;
      e.units.add(i);
      map.set(key, e);
    }
  });
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...map.values()]
    .map((e) => ({ rule: e.rule, severity: e.severity, findings: e.findings, units: e.units.size }))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.findings - a.findings || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

function checkTable(report: BatchReport, locale: Locale): string {
  const W = WORDS[locale];
  const L = SEVERITY_LABEL[locale];
  const rows = countsByCheck(report);
  if (rows.length === 0) return `<h2 class="part">${esc(W.byCheck)}</h2><p class="none">${esc(W.noFindings)}</p>`;
  return (
    `<h2 class="part">${esc(W.byCheck)}</h2>` +
    `<table class="checks"><thead><tr><th>${W.check}</th><th>${W.severity}</th><th>${W.findings}</th><th>${W.units}</th></tr></thead><tbody>` +
    rows.map((r) => `<tr><td>${esc(r.rule)}</td><td class="sev-${r.severity}">${esc(L[r.severity])}</td><td class="n">${r.findings}</td><td class="n">${r.units}</td></tr>`).join('') +
    '</tbody></table>'
  );
}

function fileSection(f: FileReport, i: number, locale: Locale): string {
  const W = WORDS[locale];
  const L = SEVERITY_LABEL[locale];
  const head =
    `<h3>${i + 1}. ${esc(f.unit.name ?? f.file)}<span class="badge s-${f.status}">${esc(STATUS_LABEL[locale][f.status])}</span>` +
    `<a class="top" href="#index">${esc(W.top)}</a></h3>`;
  const open = `<section id="f-${i + 1}" class="f-${f.status}">${head}`;
  if (f.error) return `${open}<div class="unit">${esc(f.file)}</div><p class="err">${esc(reasonOf(f))}</p></section>`;
  const u = f.unit;
  const unit = [f.file, u.code, u.type, u.year === null ? null : String(u.year)].filter((x): x is string => !!x).map(esc).join(' · ');
  const rows = f.findings
    .map((x) => {
      const cells = x.cells.map((c) => (c.location ? esc(c.location) : `${esc(c.sheet)}!${esc(c.address)}`)).join('<br>');
      return `<tr><td class="sev-${x.severity}">${esc(L[x.severity])}</td><td class="rule">${esc(x.rule)}</td><td class="cell">${cells}</td><td>${esc(x.message)}</td></tr>`;
    })
    .join('');
  const table = f.findings.length
    ? `<table><thead><tr><th>${W.severity}</th><th>${W.check}</th><th>${W.cells}</th><th>${W.message}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="none">${esc(W.none)}</p>`;
  return `${open}<div class="unit">${unit}</div>${table}</section>`;
}

/** The whole page; `generatedAt` is shown in the machine's time zone with its offset. */
export function formatBatchHtml(report: BatchReport, locale: Locale, generatedAt: Date): string {
  const W = WORDS[locale];
  const zh = locale !== 'en';
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zwgk">
<title>${esc(W.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(W.title)}</h1>
<div class="meta">${esc(formatTotalsText(report, locale))} ${esc(W.generated)} ${esc(localTimeWithOffset(generatedAt))}</div>
<input type="checkbox" id="only-errors"><label class="filter" for="only-errors">${esc(W.onlyErrors)}</label>
${indexTable(report, locale)}
${checkTable(report, locale)}
<h2 class="part">${esc(W.details)}</h2>
<div class="files">
${report.files.map((f, i) => fileSection(f, i, locale)).join('\n')}
</div>
</body>
</html>
`;
}
