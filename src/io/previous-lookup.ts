/**
 * Last year's submissions by unit: credit code → file, and the exact unit name → file as a fallback.
 * No file access (browser-safe): previous-index.ts builds it from files on disk, the web page from
 * the files a coordinator picked.
 */
import type { UserError } from '../core/errors';
import type { UnitInfo } from '../core/snapshot';
import { codeKey, nameKey } from '../core/summary/keys';

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

