/**
 * The roster (名册) of units expected to report, and U-MISSING: roster units without a submission.
 */
import type { Finding } from '../report';
import { codeKey, nameKey } from './keys';
import type { UnitRow } from './unit-row';

export interface RosterEntry {
  code: string | null;
  name: string | null;
  type: string | null;
  /** 1-based line (row) in the roster file, for messages. */
  line: number;
  /**
   * The code as the roster showed it when Excel had stored it as a number (9.13401E+17): its last
   * digits are lost, so `code` is null and the unit is matched by name.
   */
  codeLostDigits?: string;
}

export interface RosterMatch {
  /** Roster entries with no readable submission, in roster order. */
  missing: RosterEntry[];
  /** One U-MISSING finding per missing entry, in the same order. */
  findings: Finding[];
}

/**
 * A roster entry is satisfied by a readable submission with the same credit code; an entry
 * without a code (or whose code nobody submitted) is satisfied by a submission with exactly
 * the same unit name.
 */
export function matchRoster(roster: readonly RosterEntry[], rows: readonly UnitRow[]): RosterMatch {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const r of rows) {
    if (r.status === 'unreadable') continue;
    const c = codeKey(r.unit.code);
    const n = nameKey(r.unit.name);
    if (c) codes.add(c);
    if (n) names.add(n);
  }
  const missing: RosterEntry[] = [];
  const findings: Finding[] = [];
  for (const e of roster) {
    const c = codeKey(e.code);
    const n = nameKey(e.name);
    if ((c !== null && codes.has(c)) || (n !== null && names.has(n))) continue;
    missing.push(e);
    const label = n ?? c ?? `#${e.line}`;
    const codeZh = c ? `（统一社会信用代码 ${c}）` : '';
    const codeEn = c ? ` (credit code ${c})` : '';
    const messages = {
      'zh-CN': `名册中的单位“${label}”${codeZh}没有报送：请催报，或确认名册是否需要更新。`,
      en: `The roster unit "${label}"${codeEn} has not submitted: remind the unit, or check whether the roster is out of date.`,
    };
    findings.push({
      rule: 'U-MISSING',
      severity: 'warning',
      message: messages['zh-CN'],
      messages,
      cells: [],
      values: { name: e.name, code: e.code, type: e.type, line: e.line },
    });
  }
  return { missing, findings };
}
