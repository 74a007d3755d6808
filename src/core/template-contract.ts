/**
 * The versioned template contract as hosts apply it: which defined names a workbook of a given
 * template version must carry. A workbook filled on an older accepted version (2024.1) lacks the
 * names a later version added; those are "not asked in this version", never missing.
 */
import { isAskedIn } from './catalogue';
import type { NameIssue } from './snapshot';

/** The name issues that count for a workbook of `version`: a missing name it was never asked for is dropped. */
export function nameIssuesOfVersion(issues: readonly NameIssue[], version: string | null): NameIssue[] {
  return issues.filter((i) => i.problem !== 'missing' || isAskedIn(i.name, version));
}
