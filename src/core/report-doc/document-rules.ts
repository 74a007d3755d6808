/**
 * Which checks apply to a report read from a document. A published report carries the tables and
 * the texts, the unit's name and the year; it does not carry the workbook's basic information
 * (统一社会信用代码, 单位类型, 填报人, 联系电话), the template markers or the work indicators, so the
 * checks of those are left out for documents. A table the document lacks altogether is one finding.
 */
import type { Finding } from '../report';
import type { Snapshot } from '../snapshot';

/** Checks of workbook-only details: not run on documents. */
export const WORKBOOK_ONLY_CHECKS: ReadonlySet<string> = new Set(['INFO-TEMPLATE', 'INFO-TYPE', 'INFO-CODE', 'INFO-PHONE']);

/** Names a report document carries (the rest of the catalogue is workbook-only). */
export function carriedByDocument(name: string): boolean {
  return /^(?:T2_|T3_|T4_|TXT_)/.test(name) || name === 'INFO_UNIT_NAME' || name === 'INFO_YEAR';
}

/** Keeps the findings that make sense for a document (all of them for a workbook). */
export function findingsForOrigin(snapshot: Snapshot, findings: Finding[]): Finding[] {
  if (snapshot.origin !== 'document') return findings;
  return findings.filter((f) => !WORKBOOK_ONLY_CHECKS.has(f.rule) && f.cells.every((c) => carriedByDocument(c.name)));
}

const TABLES: ReadonlyArray<{ prefix: string; zh: string; en: string }> = [
  { prefix: 'T2_', zh: '表二（主动公开政府信息情况）', en: 'table 2 (proactive disclosure)' },
  { prefix: 'T3_', zh: '表三（收到和处理政府信息公开申请情况）', en: 'table 3 (requests received and handled)' },
  { prefix: 'T4_', zh: '表四（政府信息公开行政复议、行政诉讼情况）', en: 'table 4 (administrative review and litigation)' },
];

/** One DOC-TABLE finding per official table the document does not contain as a table. */
export function missingTableFindings(snapshot: Snapshot, locale: 'zh-CN' | 'en'): Finding[] {
  if (snapshot.origin !== 'document') return [];
  const names = Object.keys(snapshot.cells);
  return TABLES.filter((t) => !names.some((n) => n.startsWith(t.prefix))).map((t) => {
    const messages = {
      'zh-CN': `报告中找不到${t.zh}的表格（可能缺失，或以图片形式插入）。请按国办公开办函〔2021〕30号格式以文字表格列出。`,
      en: `The report has no ${t.en} as a table (missing, or inserted as a picture). List it as a text table in the national format.`,
    };
    return { rule: 'DOC-TABLE', severity: 'error', message: messages[locale], messages, cells: [], values: {} };
  });
}
