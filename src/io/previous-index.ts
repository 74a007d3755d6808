/**
 * Index of last year's submissions for the checks across years: unit credit code → file, and the
 * exact unit name → file as a fallback. Each file is read once, only its unit information is
 * kept (never the snapshot), so a folder of thousands of files costs a few bytes per file.
 */
import { isUserError } from '../core/errors';
import type { Snapshot } from '../core/snapshot';
import { unitInfo } from '../core/validator';
import { readWorkbookFile } from './read-workbook';
import { PreviousIndex, type PreviousEntry, type PreviousIndexProblem } from './previous-lookup';

export { PreviousIndex, type PreviousEntry, type PreviousIndexProblem, type PreviousMatch } from './previous-lookup';

/** Reads a workbook into a snapshot; replaceable in tests. */
export type SnapshotReader = (path: string) => Promise<Snapshot>;

/** Builds the index over the given files (the caller expands folders), reading each file once. */
export async function buildPreviousIndex(files: readonly string[], read: SnapshotReader = readWorkbookFile): Promise<PreviousIndex> {
  const entries: PreviousEntry[] = [];
  const problems: PreviousIndexProblem[] = [];
  for (const path of files) {
    try {
      const u = unitInfo(await read(path));
      entries.push({ path, code: u.code, name: u.name, year: u.year });
    } catch (e) {
      if (!isUserError(e)) throw e;
      problems.push({ path, error: e });
    }
  }
  return new PreviousIndex(entries, problems);
}
