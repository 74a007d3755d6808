/**
 * The results of one check run, turned into the report contract of `zwgk validate --format json`
 * (core/batch-report) for the page's current language, with `file` being the name the browser gives.
 */
import { batchCounts, fileReportFromWorkbook, unreadableFileReport, type BatchReport, type FileReport } from '../core/batch-report';
import { isUserError } from '../core/errors';
import type { Finding, Locale, LocalisedText, WorkbookReport } from '../core/report';
import type { PickedFile } from './files';

export interface CheckEntry {
  picked: PickedFile;
  /** Set when the file was read and validated. */
  report?: WorkbookReport;
  /** Set when it could not be: the refusal's code and its message in every language. */
  error?: { code: string; messages: LocalisedText };
}

/** The error of a read that failed, as `zwgk validate` words it (its `messageOf`). */
export function errorOf(e: unknown): { code: string; messages: LocalisedText } {
  if (isUserError(e)) return { code: e.code, messages: { ...e.messages } };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', messages: { 'zh-CN': `处理该文件时出错：${detail}`, en: `Could not process the file: ${detail}` } };
}

/** The findings with `message` in the given language (each finding carries every language). */
export function localised(findings: readonly Finding[], locale: Locale): Finding[] {
  return findings.map((f) => ({ ...f, message: f.messages[locale] }));
}

export function fileReportOf(entry: CheckEntry, locale: Locale): FileReport | null {
  if (entry.report) return fileReportFromWorkbook(entry.picked.name, { ...entry.report, findings: localised(entry.report.findings, locale) });
  if (entry.error) return unreadableFileReport(entry.picked.name, entry.error.code, entry.error.messages[locale]);
  return null;
}

/** The batch report over the entries done so far, in the order the files were given. */
export function batchReportOf(entries: readonly CheckEntry[], locale: Locale): BatchReport {
  const files = entries.map((e) => fileReportOf(e, locale)).filter((f): f is FileReport => f !== null);
  return { files, counts: batchCounts(files) };
}
