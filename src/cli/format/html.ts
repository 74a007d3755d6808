/**
 * A self-contained HTML page of the report, for a coordinator to send back to a unit. No script,
 * no external resource; a Content-Security-Policy forbids both, and every piece of workbook text
 * is escaped.
 */
import type { BatchReport, FileReport } from '../../core/batch-report';
import { escapeHtml as esc } from '../../core/format/escape';
import type { Locale } from '../../core/report';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { formatTotalsText } from './text';

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Segoe UI",sans-serif;margin:24px;color:#201f1e;background:#faf9f8}
h1{font-size:20px;font-weight:600;margin:0 0 4px}
.meta{color:#605e5c;font-size:13px;margin-bottom:16px}
section{background:#fff;border:1px solid #edebe9;border-radius:4px;padding:12px 16px;margin:0 0 16px}
h2{font-size:16px;margin:0 0 4px;word-break:break-all}
.unit{color:#605e5c;font-size:13px;margin-bottom:8px}
.badge{display:inline-block;border-radius:2px;padding:1px 6px;font-size:12px;margin-left:8px;vertical-align:middle}
.s-ok{background:#dff6dd;color:#107c10}.s-warning{background:#fff4ce;color:#8a5300}.s-error,.s-unreadable{background:#fde7e9;color:#a4262c}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #edebe9;text-align:left;padding:6px 8px;vertical-align:top}
th{background:#f3f2f1;font-weight:600}
td.sev-error{color:#a4262c;white-space:nowrap}td.sev-warning{color:#8a5300;white-space:nowrap}td.sev-info{color:#005a9e;white-space:nowrap}
td.cell{white-space:nowrap;font-family:Consolas,monospace}
.none{color:#107c10}
.err{color:#a4262c}
`;

function fileSection(f: FileReport, locale: Locale): string {
  const L = SEVERITY_LABEL[locale];
  const zh = locale !== 'en';
  const head = `<h2>${esc(f.file)}<span class="badge s-${f.status}">${esc(STATUS_LABEL[locale][f.status])}</span></h2>`;
  if (f.error) return `<section>${head}<p class="err">${esc(f.error.message)}</p></section>`;
  const u = f.unit;
  const unit = [u.name, u.code, u.type, u.year === null ? null : String(u.year)].filter((x): x is string => !!x).map(esc).join(' · ');
  const rows = f.findings
    .map((x) => {
      const cells = x.cells.map((c) => (c.location ? esc(c.location) : `${esc(c.sheet)}!${esc(c.address)}`)).join('<br>');
      return `<tr><td class="sev-${x.severity}">${esc(L[x.severity])}</td><td>${esc(x.rule)}</td><td class="cell">${cells}</td><td>${esc(x.message)}</td></tr>`;
    })
    .join('');
  const table = f.findings.length
    ? `<table><thead><tr><th>${zh ? '级别' : 'Severity'}</th><th>${zh ? '规则' : 'Check'}</th><th>${zh ? '单元格' : 'Cells'}</th><th>${zh ? '说明' : 'Message'}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="none">${zh ? '未发现问题。' : 'No findings.'}</p>`;
  return `<section>${head}${unit ? `<div class="unit">${unit}</div>` : ''}${table}</section>`;
}

export function formatBatchHtml(report: BatchReport, locale: Locale, generatedAt: Date): string {
  const zh = locale !== 'en';
  const title = zh ? '政府信息公开工作年度报告校验结果' : 'Annual report validation results';
  const when = generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<div class="meta">${esc(formatTotalsText(report, locale))} ${zh ? '生成时间' : 'Generated'} ${esc(when)} UTC</div>
${report.files.map((f) => fileSection(f, locale)).join('\n')}
</body>
</html>
`;
}
