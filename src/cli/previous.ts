/**
 * `--previous DIR` for `zwgk validate` and `zwgk summary`: finds last year's workbook of a unit
 * (by credit code, else by exact unit name) and reads it, for the checks across years (Y-*).
 */
import { basename } from 'node:path';
import { isUserError, UserError } from '../core/errors';
import type { Finding, Locale } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { matchedByNameFinding, noPreviousFinding, notFoundFinding } from '../core/summary/cross-year';
import { unitCells } from '../core/summary/unit-row';
import { unitInfo } from '../core/validator';
import { buildPreviousIndex, PreviousIndex, SnapshotReader } from '../io/previous-index';
import { readWorkbookFile } from '../io/read-workbook';
import { collectInputs, diskPathOf } from './batch';
import { CliContext, t } from './context';

export interface PreviousResult {
  /** Last year's snapshot, or null when none was found (or it could not be read). */
  snapshot: Snapshot | null;
  path: string | null;
  matchedBy: 'code' | 'name' | null;
  /** An information finding for the unit's report: matched by name, or nothing found. */
  note?: Finding;
}

export interface PreviousFinder {
  readonly index: PreviousIndex;
  find(snapshot: Snapshot): Promise<PreviousResult>;
}

function localised(f: Finding, locale: Locale): Finding {
  return { ...f, message: f.messages[locale] };
}

/** A finder over an index; `read` is the workbook reader (replaceable in tests). */
export function previousFinder(index: PreviousIndex, locale: Locale, read: SnapshotReader = readWorkbookFile): PreviousFinder {
  return {
    index,
    async find(snapshot: Snapshot): Promise<PreviousResult> {
      const unit = unitInfo(snapshot);
      const cells = unitCells(snapshot);
      const match = index.lookup(unit);
      if (!match) {
        // A folder of the wrong year says so, rather than "not found" for every unit.
        const years = index.entries.map((e) => e.year).filter((y): y is number => y !== null);
        return { snapshot: null, path: null, matchedBy: null, note: localised(notFoundFinding(unit, years, cells.code), locale) };
      }
      let previous: Snapshot;
      try {
        previous = await read(match.path);
      } catch {
        // The file was readable when indexed; if it no longer is, the checks across years are skipped.
        return { snapshot: null, path: null, matchedBy: null, note: localised(noPreviousFinding(unit, cells.code), locale) };
      }
      const note =
        match.matchedBy === 'name' ? localised(matchedByNameFinding(unit, basename(match.path), match.entry.code, cells.name), locale) : undefined;
      return { snapshot: previous, path: match.path, matchedBy: match.matchedBy, note };
    },
  };
}

/** Last year's index and where its files with non-UTF-8 names live on disk (for the jobs). */
export interface IndexedPrevious {
  index: PreviousIndex;
  disk: Array<[string, Uint8Array]>;
  files: string[];
}

/** Files announced ahead of the one read (more than any pool takes: MAX_WORKERS × 2). */
const PREVIOUS_LOOKAHEAD = 16;

/**
 * Indexes last year's folder (or files), reading every file through `read` (the batch's guard: a
 * hostile file of last year is answered like any other, and the run goes on). A folder without any
 * workbook is a usage error; files in it that cannot be read are skipped with one line on stderr.
 */
export async function indexPrevious(
  dir: string,
  ctx: CliContext,
  read: (path: string, following: readonly string[]) => Promise<Snapshot> = (p) => readWorkbookFile(p),
): Promise<IndexedPrevious> {
  const { files, problems } = await collectInputs([dir]);
  if (files.length === 0) {
    const p = problems[0];
    throw new UserError(p?.code ?? 'previous-empty', {
      'zh-CN': `--previous ${dir}：没有找到上一年度的报送文件，请检查路径。`,
      en: `--previous ${dir}: no workbook of last year found; check the path.`,
    });
  }
  // The files after the one asked for, so a pool of workers reads them meanwhile (the guard takes
  // as many as it has use for).
  const position = new Map(files.map((f, i) => [f, i]));
  const following = (p: string): readonly string[] => {
    const i = position.get(p);
    return i === undefined ? [] : files.slice(i + 1, i + 1 + PREVIOUS_LOOKAHEAD);
  };
  // Whatever goes wrong with one file (a timeout, a crash) is that file's problem.
  const guarded: SnapshotReader = (p) =>
    read(p, following(p)).catch((e: unknown) => {
      if (isUserError(e)) throw e;
      throw new UserError('unreadable', { 'zh-CN': `无法读取“${p}”。`, en: `Cannot read "${p}".` });
    });
  const index = await buildPreviousIndex(files, guarded);
  if (index.problems.length > 0) {
    const n = index.problems.length;
    ctx.stderr.write(
      t(
        ctx,
        `上一年度目录中有 ${n} 个文件无法读取，已跳过（例如 ${index.problems[0].path}：${index.problems[0].error.messageIn('zh-CN')}）。\n`,
        `${n} file(s) of last year could not be read and were skipped (e.g. ${index.problems[0].path}: ${index.problems[0].error.messageIn('en')}).\n`,
      ),
    );
  }
  const disk: Array<[string, Uint8Array]> = [];
  for (const f of files) {
    const d = diskPathOf(f);
    if (typeof d !== 'string') disk.push([f, new Uint8Array(d)]);
  }
  return { index, disk, files };
}

/** Indexes last year's folder and returns a finder over it (reads in-process; for hosts without a guard). */
export async function openPreviousFinder(dir: string, ctx: CliContext): Promise<PreviousFinder> {
  return previousFinder((await indexPrevious(dir, ctx)).index, ctx.locale);
}

/**
 * Watches the notes about last year's files over a batch: when no unit found its file and the
 * folder holds other years, one line for stderr says so (the reports say it per unit).
 */
export class PreviousWatch {
  private matched = 0;
  private wrongYear: Finding | null = null;

  constructor(private readonly dir: string) {}

  /** `note` is the file's note about last year (undefined: last year's file was found by code). */
  see(note: Finding | undefined): void {
    if (note && 'expectedYear' in note.values) this.wrongYear ??= note;
    else if (!note || note.rule !== 'Y-NO-PREVIOUS') this.matched += 1;
  }

  closingNote(): string | null {
    return this.matched === 0 && this.wrongYear ? `--previous ${this.dir}：${this.wrongYear.message}\n` : null;
  }
}
