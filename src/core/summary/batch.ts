/**
 * One summary batch, host-neutral: files are added one after the other (read, validated, reduced to
 * a row, its findings and its share of the sums, then forgotten), and `finish` runs the checks
 * across units and settles the sums. The same steps as `zwgk summary`, for hosts that read files
 * their own way (the Excel add-in reads the files the coordinator picks in the browser).
 * The roster stays with the caller; last year's workbook comes through the `previous` option.
 */
import { isUserError } from '../errors';
import { countSeverities, type Finding, type Locale, type WorkbookReport } from '../report';
import type { Snapshot } from '../snapshot';
import { SumAccumulator } from './aggregate';
import { crossUnitFindings } from './cross-unit';
import { summaryInfoValues, type SummaryInfoOptions, type SummaryInfoValues } from './summary-info';
import { addFindingsToRow, issueRow, rowFromReport, unreadableRow, type IssueRow, type UnitRow } from './unit-row';

export interface BatchValidator {
  validate(snapshot: Snapshot, opts?: { locale?: Locale; previous?: Snapshot | null }): Promise<WorkbookReport>;
}

/** Last year's workbook of a unit, and an optional note for its report (e.g. matched by name only). */
export interface PreviousMatch {
  snapshot: Snapshot | null;
  note?: Finding;
}

export interface SummaryBatchOptions {
  locale: Locale;
  /** Also sum units with errors (duplicates and other years are never summed). */
  includeAll?: boolean;
  /** Finds last year's workbook of a unit, for the checks across years. */
  previous?: (snapshot: Snapshot) => Promise<PreviousMatch | null>;
}

export interface SummaryResult {
  rows: UnitRow[];
  issues: IssueRow[];
  /** Sums per summed indicator name, over the units in the sums. */
  sums: Record<string, number>;
  /** Values of the INFO and TXT cells of the 合计. */
  info: SummaryInfoValues;
  /** How many units are in the sums. */
  units: number;
  majorityYear: number | null;
}

/** The message of a file that could not be read or validated: the UserError's, else a generic one. */
export function failureMessages(e: unknown): { code: string; messages: Record<Locale, string> } {
  if (isUserError(e)) return { code: e.code, messages: e.messages };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal-error',
    messages: {
      'zh-CN': `读取或校验时发生内部错误（${detail}）：请把该文件另存为 .xlsx 后再试；如仍出错，请报告此问题。`,
      en: `Internal error while reading or validating (${detail}): save the file as .xlsx and try again; if it persists, report the problem.`,
    },
  };
}

export class SummaryBatch {
  private readonly rows: UnitRow[] = [];
  private readonly issues: IssueRow[] = [];
  /** Running sums per report year, so units of another year can be left out once the majority is known. */
  private readonly sumsByYear = new Map<number | null, SumAccumulator>();

  constructor(
    private readonly validator: BatchValidator,
    private readonly opts: SummaryBatchOptions,
  ) {}

  /** Reads and validates one file; a file that fails becomes an unreadable row, never an exception. */
  async add(file: string, read: () => Snapshot | Promise<Snapshot>): Promise<UnitRow> {
    const locale = this.opts.locale;
    try {
      const snapshot = await read();
      const prev = this.opts.previous ? await this.opts.previous(snapshot) : null;
      const report = await this.validator.validate(snapshot, { locale, previous: prev?.snapshot ?? null });
      if (prev?.note) {
        report.findings.push(prev.note);
        report.counts = countSeverities(report.findings);
      }
      const row = rowFromReport(this.rows.length, file, snapshot, report);
      for (const f of report.findings) this.issues.push(issueRow(row, f, locale));
      if (row.status !== 'error' || this.opts.includeAll) {
        const year = row.unit.year;
        let acc = this.sumsByYear.get(year);
        if (!acc) this.sumsByYear.set(year, (acc = new SumAccumulator()));
        acc.add(snapshot);
        row.inSums = true;
      }
      this.rows.push(row);
      return row;
    } catch (e) {
      const m = failureMessages(e);
      return this.addUnreadable(file, m.code, m.messages[locale]);
    }
  }

  /** A file (or a path given by the user) that yields no workbook: one unreadable row. */
  addUnreadable(file: string, code: string, message: string): UnitRow {
    const row = unreadableRow(this.rows.length, file);
    row.counts.error = 1;
    this.rows.push(row);
    this.issues.push({ unitName: null, file, rule: code, severity: 'error', location: '', message });
    return row;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Whether any file could be read (a summary of nothing is not written). */
  get hasReadable(): boolean {
    return this.rows.some((r) => r.status !== 'unreadable');
  }

  /** The issues so far (for a caller that reports why nothing could be read). */
  get issuesSoFar(): readonly IssueRow[] {
    return this.issues;
  }

  /**
   * Checks across units; a unit they flag with an error leaves the sums (a duplicate would count
   * twice, another year does not belong). Such a unit is read again (`reread`) to take its numbers out, instead of
   * keeping every unit's numbers in memory.
   */
  async finish(
    reread: (file: string) => Snapshot | Promise<Snapshot>,
    info: Omit<SummaryInfoOptions, 'year' | 'units' | 'unitTypes' | 'sums'>,
  ): Promise<SummaryResult> {
    const rows = this.rows;
    const cross = crossUnitFindings(rows);
    const year = cross.majorityYear;
    const sums = this.sumsByYear.get(year) ?? new SumAccumulator();
    // Units without a readable year (only summed with includeAll) count with the batch's year.
    if (year !== null) {
      const noYear = this.sumsByYear.get(null);
      if (noYear) sums.merge(noYear);
    }
    const issues = this.issues.slice();
    for (const row of rows) {
      const found: Finding[] | undefined = cross.byRow.get(row.index);
      if (!found) continue;
      addFindingsToRow(row, found);
      for (const f of found) issues.push(issueRow(row, f, this.opts.locale));
      // only an error (a duplicate, another year) takes a unit out; a warning such as 雷同 text does not
      if (row.inSums && found.some((f) => f.severity === 'error')) {
        row.inSums = false;
        if (row.unit.year === year || row.unit.year === null) sums.subtract(await reread(row.file));
      }
    }
    const totals = sums.totals();
    return {
      rows,
      issues,
      sums: totals,
      info: summaryInfoValues({
        ...info,
        year,
        units: sums.count,
        unitTypes: rows.filter((r) => r.inSums).map((r) => r.unit.type),
        sums: totals,
      }),
      units: sums.count,
      majorityYear: year,
    };
  }
}
