/**
 * Severity and file-status labels and their order, in one place: the text report, the HTML
 * report, the 问题清单 sheets, the summary, the task pane and `zwgk codes` all read them here.
 */
import type { FileStatus } from '../batch-report';
import type { Locale, Severity } from '../report';

/** Most serious first: the order of counts, legends and sorting by severity. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** The same words as a cell or heading of their own (capitalised in English): lists and sheets. */
export const SEVERITY_TITLES: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  'zh-CN': SEVERITY_LABELS['zh-CN'],
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** Worst first: unreadable files, then errors, warnings, passed. */
export const STATUS_ORDER: readonly FileStatus[] = ['unreadable', 'error', 'warning', 'ok'];

export const STATUS_LABELS: Readonly<Record<Locale, Readonly<Record<FileStatus, string>>>> = {
  'zh-CN': { ok: '通过', warning: '有警告', error: '有错误', unreadable: '无法读取' },
  en: { ok: 'passed', warning: 'warnings', error: 'errors', unreadable: 'unreadable' },
};
