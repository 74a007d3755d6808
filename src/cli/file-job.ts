/**
 * All the work done for one submission, as one job: read the workbook, find and read last year's
 * workbook of the unit, validate, and (when asked) build the marked copy. The guard runs a job in a
 * worker thread under one time limit and one memory limit (guard.ts), so whatever a hostile file
 * does in any of these steps (a parse that never ends, a cell of 100 million characters, a local
 * rule's regular expression that backtracks) ends as that file's answer and the batch goes on.
 *
 * A job goes in, a small result comes out (the snapshot of the catalogue's fixed size, the report,
 * the marked copy's bytes): a pool of workers can run jobs the same way.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isUserError } from '../core/errors';
import type { Finding, Locale, LocalisedText, WorkbookReport } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { loadRuleSet, Validator } from '../core/validator';
import { annotateWorkbook, canAnnotate } from '../io/annotate';
import { loadRuleSources } from '../io/load-rules';
import { readRoster } from '../io/roster';
import type { RosterEntry } from '../core/summary/roster';
import { PreviousIndex, type PreviousEntry } from '../io/previous-index';
import { readSubmissionBytes, readWorkbookFile, type ReadLimits } from '../io/read-workbook';
import { effectiveLimits } from '../io/reader/workbook-bytes';
import { readWorkbookFast } from '../io/reader/named-first';
import { isReportDocumentName } from '../io/report-reader/names';
import { codedError } from '../core/codes/registry';
import { OUT_OF_TIME, runWithin } from './deadline';
import { previousFinder, type PreviousFinder } from './previous';

/** What every job of a batch shares: the rule folders, last year's index, the language. */
export interface JobSetup {
  /** Rule folders in load order; null stands for the package's own rules/ folder. */
  ruleDirs: Array<string | null>;
  locale: Locale;
  /** Last year's files with their unit information (null: no --previous). */
  previous: PreviousEntry[] | null;
  /** Disk paths of last year's files whose names are not UTF-8, by shown path. */
  previousDisk?: Array<[string, Uint8Array]>;
  limits?: Partial<ReadLimits>;
  /** Build the marked copy of files with findings (.xlsx/.xlsm only). */
  annotate?: boolean;
}

export interface FileJob {
  /** 'read': the snapshot only; 'check': read, last year, validate (and mark); 'roster': a roster's entries. */
  mode: 'read' | 'check' | 'roster';
  file: string;
  /** Bytes of the path on disk when the shown name differs (GBK names). */
  disk?: Uint8Array;
}

export interface CheckedFile {
  snapshot: Snapshot;
  /** The report of the rules; the note about last year is not in it. */
  report: WorkbookReport;
  /** Last year's snapshot was found and used. */
  previousUsed: boolean;
  /** Information about last year's match (matched by name only, or nothing found). */
  previousNote?: Finding;
  /** The marked copy, when asked for and the file has findings. */
  annotated?: Uint8Array;
  /** Why the marked copy could not be built. */
  annotateError?: { code: string; messages: LocalisedText };
}

/** What to open for a job's file: its bytes on disk when the shown name differs (GBK names). */
function diskOf(job: FileJob): string | Buffer {
  return job.disk ? Buffer.from(job.disk) : job.file;
}

export type JobResult = { kind: 'read'; snapshot: Snapshot } | { kind: 'roster'; entries: RosterEntry[] } | ({ kind: 'checked' } & CheckedFile);

/** The validator and last year's finder of a setup, built once per worker. */
export class JobEnvironment {
  private validator: Promise<Validator> | null = null;
  private finder: PreviousFinder | null = null;
  private readonly disk: Map<string, Buffer>;

  constructor(readonly setup: JobSetup) {
    this.disk = new Map((setup.previousDisk ?? []).map(([p, b]) => [p, Buffer.from(b)]));
    if (setup.previous) {
      const read = (p: string): Promise<Snapshot> => readWorkbookFile(p, setup.limits, this.disk.get(p) ?? p);
      this.finder = previousFinder(new PreviousIndex(setup.previous), setup.locale, read);
    }
  }

  private rules(): Promise<Validator> {
    this.validator ??= loadRuleSources(this.setup.ruleDirs.map((d) => d ?? undefined)).then((s) => new Validator(loadRuleSet(s)));
    return this.validator;
  }

  /** Loads the rules now (a worker does this before it takes its first file, off the file's clock). */
  async preload(): Promise<void> {
    await this.rules();
  }

  /** An environment for a new setup; the loaded rules are kept when the rule folders are the same. */
  withSetup(setup: JobSetup): JobEnvironment {
    const next = new JobEnvironment(setup);
    if (JSON.stringify(setup.ruleDirs) === JSON.stringify(this.setup.ruleDirs)) next.validator = this.validator;
    return next;
  }

  /** Runs one job; refusals are thrown as UserError (the caller turns them into the file's answer). */
  async run(job: FileJob): Promise<JobResult> {
    const disk = diskOf(job);
    if (job.mode === 'roster') return { kind: 'roster', entries: await readRoster(job.file, disk) };
    const snapshot = await readWorkbookFile(job.file, this.setup.limits, disk);
    if (job.mode === 'read') return { kind: 'read', snapshot };
    return this.checkRead(job, snapshot, (f) => f());
  }

  /**
   * The whole job of a check in this thread, for a batch of one file (no worker to start): taken
   * only where the time limit can hold without a worker. The synchronous steps (the named-cell
   * reader, the marked copy) run under the time limit (deadline.ts); the rules are the package's
   * own (the caller sends local rules and last year's files to a worker). Resolves to null when the
   * file needs what only a worker can bound: SheetJS (the named-cell reader declined, or not an
   * .xlsx/.xlsm) or the document reader. Refusals are thrown as in run; a timeout as 'timeout'.
   */
  async tryInProcess(job: FileJob, timeoutSeconds: number): Promise<JobResult | null> {
    if (job.mode !== 'check' || isReportDocumentName(job.file) || !/\.xls[xm]$/i.test(job.file)) return null;
    const deadline = Date.now() + timeoutSeconds * 1000;
    const limited = <T>(f: () => T): T => {
      const r = runWithin(deadline - Date.now(), f);
      if (r === OUT_OF_TIME) throw codedError('timeout', { file: job.file, seconds: timeoutSeconds });
      return r;
    };
    const lim = effectiveLimits(this.setup.limits);
    const data = await readSubmissionBytes(job.file, lim.maxBytes, diskOf(job));
    const read = limited(() => readWorkbookFast(data, job.file, lim));
    if (!('snapshot' in read)) return null;
    return this.checkRead(job, read.snapshot, limited);
  }

  /** Last year, the rules and the marked copy of a file read; `sync` runs the synchronous marking. */
  private async checkRead(job: FileJob, snapshot: Snapshot, sync: <T>(f: () => T) => T): Promise<JobResult> {
    const disk = diskOf(job);
    const validator = await this.rules();
    const prev = this.finder ? await this.finder.find(snapshot) : null;
    const report = await validator.validate(snapshot, { locale: this.setup.locale, previous: prev?.snapshot ?? null });
    const out: JobResult = { kind: 'checked', snapshot, report, previousUsed: Boolean(prev?.snapshot) };
    if (prev?.note) out.previousNote = prev.note;
    const findings = prev?.note ? [...report.findings, prev.note] : report.findings;
    if (this.setup.annotate && findings.length > 0 && canAnnotate(job.file)) {
      try {
        const data = new Uint8Array(await readFile(disk));
        out.annotated = sync(() =>
          annotateWorkbook(data, findings, {
            locale: this.setup.locale,
            sourceName: basename(job.file),
            unit: { name: report.unit.name, year: report.unit.year },
          }),
        );
      } catch (e) {
        if (isUserError(e) && e.code === 'timeout') throw e; // the file's time is up: its answer
        out.annotateError = isUserError(e)
          ? { code: e.code, messages: { ...e.messages } }
          : {
              code: 'ANNOTATE_FAILED',
              messages: {
                'zh-CN': `无法为“${job.file}”写出标注副本（${e instanceof Error ? e.message : String(e)}）。`,
                en: `Cannot write an annotated copy of "${job.file}" (${e instanceof Error ? e.message : String(e)}).`,
              },
            };
      }
    }
    return out;
  }
}
