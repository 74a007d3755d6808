/**
 * One per-file pipeline for every host: read → match last year → validate → report. `zwgk validate`,
 * `zwgk summary` (through SummaryBatch), the add-in's summary and the web page all run a file
 * through here, so a file gets the same findings whoever reads it. A file that cannot be read or
 * checked becomes a failure with a registered code, never an exception.
 */
import { renderCode } from './codes/registry';
import { isUserError } from './errors';
import { countSeverities, type Finding, type Locale, type LocalisedText, type WorkbookReport } from './report';
import type { Snapshot } from './snapshot';

/** What the pipeline needs of a validator (the core Validator, or the add-in's worker proxy). */
export interface PipelineValidator {
  validate(snapshot: Snapshot, opts?: { locale?: Locale; previous?: Snapshot | null }): Promise<WorkbookReport>;
}

/** Last year's workbook of a unit, and an optional note for its report (Y-MATCH-NAME, Y-NO-PREVIOUS). */
export interface PreviousMatch {
  snapshot: Snapshot | null;
  note?: Finding;
}

export interface PipelineOptions {
  locale: Locale;
  /** Finds last year's workbook of a unit, for the checks across years. */
  previous?: (snapshot: Snapshot) => Promise<PreviousMatch | null>;
}

export type FileOutcome =
  | { ok: true; file: string; snapshot: Snapshot; report: WorkbookReport }
  | { ok: false; file: string; code: string; messages: LocalisedText };

/** The message of a file that could not be read or validated: the UserError's, else internal-error. */
export function failureMessages(e: unknown): { code: string; messages: LocalisedText } {
  if (isUserError(e)) return { code: e.code, messages: e.messages };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal-error', messages: renderCode('internal-error', { detail }) };
}

/** Matches last year's workbook and validates a snapshot; the note of the match joins the findings. */
export async function checkSnapshot(snapshot: Snapshot, validator: PipelineValidator, opts: PipelineOptions): Promise<WorkbookReport> {
  const prev = opts.previous ? await opts.previous(snapshot) : null;
  const report = await validator.validate(snapshot, { locale: opts.locale, previous: prev?.snapshot ?? null });
  if (prev?.note) {
    report.findings.push(prev.note);
    report.counts = countSeverities(report.findings);
  }
  return report;
}

/** Reads one file with the host's reader and checks it. */
export async function checkFile(
  file: string,
  read: () => Snapshot | Promise<Snapshot>,
  validator: PipelineValidator,
  opts: PipelineOptions,
): Promise<FileOutcome> {
  try {
    const snapshot = await read();
    return { ok: true, file, snapshot, report: await checkSnapshot(snapshot, validator, opts) };
  } catch (e) {
    return { ok: false, file, ...failureMessages(e) };
  }
}
