/**
 * One summary batch, host-neutral: files are added one after the other (read, validated, reduced to
 * a row, its findings and its share of the sums, then forgotten), and `finish` runs the checks
 * across units and settles the sums. The same steps as `zwgk summary`, for hosts that read files
 * their own way (the Excel add-in reads the files the coordinator picks in the browser). Each file
 * goes through the core pipeline (read → match last year → validate); the roster (名册) and last
 * year's workbooks come in through the options, so every host offers U-MISSING and 未报送.
 */
import { EMPTY_UNIT } from '../batch-report';
import { checkFile, type PipelineOptions, type PipelineValidator } from '../pipeline';
import type { Locale } from '../report';
import type { Snapshot } from '../snapshot';
import { SumAccumulator } from './aggregate';
import { planCrossUnit } from './cross-unit';
import { matchRoster, type RosterEntry } from './roster';
import { summaryInfoValues, type SummaryInfoOptions, type SummaryInfoValues } from './summary-info';
import { addFindingsToRow, issueRow, rowFromReport, unreadableRow, type IssueRow, type UnitRow } from './unit-row';

export { failureMessages, type PreviousMatch } from '../pipeline';

/** What the batch needs of a validator (the core Validator, or the add-in's worker proxy). */
export type BatchValidator = PipelineValidator;

export interface SummaryBatchOptions {
  locale: Locale;
  /** Also sum units with errors (duplicates and other years are never summed). */
  includeAll?: boolean;
  /** Finds last year's workbook of a unit, for the checks across years. */
  previous?: PipelineOptions['previous'];
  /** Units expected to report (名册): roster units without a submission become U-MISSING and the 未报送 list. */
  roster?: readonly RosterEntry[];
  /**
   * Where the findings go (a host's spool on disk, so a batch of thousands keeps none in memory):
   * each unit's as it is added, then in `finish` those across units and of the roster, in the
   * order of the list. With a sink, the result's `issues` is empty (a host appends any further
   * findings after the sink's) and `issuesSoFar` is empty.
   */
  issueSink?: { push(row: IssueRow): void };
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
  /** Roster units without a submission, in roster order; null when no roster was given. */
  missing: RosterEntry[] | null;
}

type FinishInfo = Omit<SummaryInfoOptions, 'year' | 'units' | 'unitTypes' | 'sums'>;

export class SummaryBatch {
  private readonly rows: UnitRow[] = [];
  private readonly issues: IssueRow[] = [];
  /** The findings of each unit: kept in `issues`, or handed to the host's sink. */
  private readonly unitIssues: { push(row: IssueRow): void };
  /** The summed numbers of each unit in the sums (its non-zero cells: a few hundred bytes), by row index. */
  private readonly numbers = new Map<number, Float64Array>();
  /** Running sums per report year, so units of another year can be left out once the majority is known. */
  private readonly sumsByYear = new Map<number | null, SumAccumulator>();

  constructor(
    private readonly validator: BatchValidator,
    private readonly opts: SummaryBatchOptions,
  ) {
    this.unitIssues = opts.issueSink ?? this.issues;
  }

  /** Reads and validates one file (the core pipeline); a file that fails becomes an unreadable row, never an exception. */
  async add(file: string, read: () => Snapshot | Promise<Snapshot>): Promise<UnitRow> {
    const locale = this.opts.locale;
    const outcome = await checkFile(file, read, this.validator, { locale, previous: this.opts.previous });
    if (!outcome.ok) return this.addUnreadable(file, outcome.code, outcome.messages[locale]);
    const { snapshot, report } = outcome;
    const row = rowFromReport(this.rows.length, file, snapshot, report);
    for (const f of report.findings) this.unitIssues.push(issueRow(row, f, locale));
    if (row.status !== 'error' || this.opts.includeAll) {
      const year = row.unit.year;
      let acc = this.sumsByYear.get(year);
      if (!acc) this.sumsByYear.set(year, (acc = new SumAccumulator()));
      const numbers = SumAccumulator.numbersOf(snapshot);
      acc.addNumbers(numbers);
      this.numbers.set(row.index, numbers);
      row.inSums = true;
    }
    this.rows.push(row);
    return row;
  }

  /** A file (or a path given by the user) that yields no workbook: one unreadable row. */
  addUnreadable(file: string, code: string, message: string): UnitRow {
    const row = unreadableRow(this.rows.length, file);
    row.counts.error = 1;
    this.rows.push(row);
    this.unitIssues.push(issueRow(row, { rule: code, severity: 'error', message, cells: [] }, this.opts.locale));
    return row;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Whether any file could be read (a summary of nothing is not written). */
  get hasReadable(): boolean {
    return this.rows.some((r) => r.status !== 'unreadable');
  }

  /** The issues so far (for a caller that reports why nothing could be read); empty with an issueSink. */
  get issuesSoFar(): readonly IssueRow[] {
    return this.issues;
  }

  /**
   * Checks across units; a unit they flag with an error leaves the sums (a duplicate would count
   * twice, another year does not belong): its kept numbers are taken out, no file is read again.
   * With a roster, roster units without a submission become U-MISSING findings and the 未报送 list.
   * (`reread`, the older first argument, is no longer needed and is ignored.)
   */
  async finish(info: FinishInfo): Promise<SummaryResult>;
  async finish(reread: (file: string) => unknown, info: FinishInfo): Promise<SummaryResult>;
  async finish(a: unknown, b?: FinishInfo): Promise<SummaryResult> {
    const info = (b ?? a) as FinishInfo;
    const rows = this.rows;
    // Made row by row: a sink takes each row's findings before the next row's are made.
    const cross = planCrossUnit(rows);
    const year = cross.majorityYear;
    const sums = this.sumsByYear.get(year) ?? new SumAccumulator();
    // Units without a readable year (only summed with includeAll) count with the batch's year.
    if (year !== null) {
      const noYear = this.sumsByYear.get(null);
      if (noYear) sums.merge(noYear);
    }
    const issues = this.issues.slice();
    const list = this.opts.issueSink ?? issues;
    for (const row of rows) {
      const found = cross.findingsFor(row);
      if (found.length === 0) continue;
      addFindingsToRow(row, found);
      for (const f of found) list.push(issueRow(row, f, this.opts.locale));
      // only an error (a duplicate, another year) takes a unit out; a warning such as 雷同 text does not
      if (row.inSums && found.some((f) => f.severity === 'error')) {
        row.inSums = false;
        const numbers = this.numbers.get(row.index);
        if (numbers && (row.unit.year === year || row.unit.year === null)) sums.addNumbers(numbers, -1);
      }
    }
    let missing: RosterEntry[] | null = null;
    if (this.opts.roster) {
      const match = matchRoster(this.opts.roster, rows);
      missing = match.missing;
      match.findings.forEach((f, i) => list.push(issueRow({ unit: { ...EMPTY_UNIT, name: match.missing[i].name }, file: '' }, f, this.opts.locale)));
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
      missing,
    };
  }
}
