/**
 * Index of last year's submissions for the checks across years: unit credit code → file, and the
 * exact unit name → file as a fallback. Each file is read once, only its unit information is
 * kept (never the snapshot), so a folder of thousands of files costs a few bytes per file.
 */
import { isUserError, UserError } from '../core/errors';
import type { Snapshot, UnitInfo } from '../core/snapshot';
import { codeKey, nameKey } from '../core/summary/keys';
import { unitInfo } from '../core/validator';
import { readWorkbookFile } from './read-workbook';

export interface PreviousEntry {
  path: string;
  code: string | null;
  name: string | null;
  year: number | null;
}

export interface PreviousMatch {
  path: string;
  matchedBy: 'code' | 'name';
  entry: PreviousEntry;
}

export interface PreviousIndexProblem {
  path: string;
  error: UserError;
}

/** Reads a workbook into a snapshot; replaceable in tests. */
export type SnapshotReader = (path: string) => Promise<Snapshot>;

export class PreviousIndex {
  private readonly byCode = new Map<string, PreviousEntry[]>();
  private readonly byName = new Map<string, PreviousEntry[]>();

  constructor(
    readonly entries: readonly PreviousEntry[],
    /** Files of last year's folder that could not be read (skipped). */
    readonly problems: readonly PreviousIndexProblem[] = [],
  ) {
    for (const e of entries) {
      const c = codeKey(e.code);
      const n = nameKey(e.name);
      if (c) pushTo(this.byCode, c, e);
      if (n) pushTo(this.byName, n, e);
    }
  }

  /**
   * Last year's file of a unit: by credit code, else by exact unit name. Files of the same or a
   * later year than the unit's are never "last year's"; among several candidates the one of the
   * year just before wins, then the first in file order.
   */
  lookup(unit: UnitInfo): PreviousMatch | null {
    const c = codeKey(unit.code);
    const byCode = c ? pick(this.byCode.get(c), unit.year) : null;
    if (byCode) return { path: byCode.path, matchedBy: 'code', entry: byCode };
    const n = nameKey(unit.name);
    const byName = n ? pick(this.byName.get(n), unit.year) : null;
    if (byName) return { path: byName.path, matchedBy: 'name', entry: byName };
    return null;
  }
}

function pushTo(map: Map<string, PreviousEntry[]>, key: string, e: PreviousEntry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function pick(candidates: PreviousEntry[] | undefined, year: number | null): PreviousEntry | null {
  if (!candidates) return null;
  const earlier = year === null ? candidates : candidates.filter((e) => e.year === null || e.year < year);
  return earlier.find((e) => year !== null && e.year === year - 1) ?? earlier[0] ?? null;
}

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
