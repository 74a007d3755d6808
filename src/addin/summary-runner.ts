/**
 * The 汇总 of the task pane: the files the coordinator picked, read one after the other (never all at
 * once, so memory stays flat), validated with the pane's rules, and reduced to rows and sums by the
 * same core code as `zwgk summary` (src/core/summary).
 */
import type { Locale } from '../core/report';
import { SummaryBatch, type SummaryResult } from '../core/summary/batch';
import { issuesSheet, missingSheet, sumsSheet, unitsSheet, type SummarySheet } from '../core/summary/sheet-rows';
import { readWorkbook } from '../io/reader/workbook-bytes';
import type { ValidatorLike } from './validator-like';

import type { PickedFile } from './picked-file';

export type { PickedFile } from './picked-file';

export interface SummaryProgress {
  /** Files done so far. */
  done: number;
  total: number;
  /** The file being read now. */
  current: string;
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Lets the pane paint the progress between files (reading a file blocks the page for a moment). */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function summariseFiles(
  files: readonly PickedFile[],
  validator: ValidatorLike,
  locale: Locale,
  onProgress: (p: SummaryProgress) => void,
  date: string = todayIso(),
): Promise<SummaryResult> {
  const batch = new SummaryBatch(validator, { locale });
  for (const [i, file] of files.entries()) {
    onProgress({ done: i, total: files.length, current: file.name });
    await nextFrame();
    await batch.add(file.name, async () => readWorkbook(await file.bytes(), file.name));
  }
  onProgress({ done: files.length, total: files.length, current: '' });
  // the batch keeps each unit's numbers: no file is read twice
  return batch.finish({ date });
}

/** The sheets written for a summary, in order: 汇总, 问题清单, 未报送 (with a roster), 合计. */
export function summarySheets(result: SummaryResult, locale: Locale): SummarySheet[] {
  return [
    unitsSheet(result.rows, locale),
    issuesSheet(result.issues, locale),
    ...(result.missing ? [missingSheet(result.missing, locale)] : []),
    sumsSheet(result.sums, result.info, locale),
  ];
}
