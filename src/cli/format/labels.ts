/** Words shared by the terminal and HTML reports, in both languages. */
import type { FileStatus } from '../../core/batch-report';
import type { Locale, Severity } from '../../core/report';

export const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const STATUS_LABEL: Record<Locale, Record<FileStatus, string>> = {
  'zh-CN': { ok: '通过', warning: '有警告', error: '有错误', unreadable: '无法读取' },
  en: { ok: 'passed', warning: 'warnings', error: 'errors', unreadable: 'unreadable' },
};
