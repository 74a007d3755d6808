/**
 * The roster (名册) of units expected to report, and U-MISSING: roster units without a submission.
 */
import { renderCode } from '../codes/registry';
import type { Finding, LocalisedText } from '../report';
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
    const codeNote = c ? { zh: `（统一社会信用代码 ${c}）`, en: ` (credit code ${c})` } : '';
    const messages = renderCode('U-MISSING', { label, codeNote });
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

/**
 * The checks of this module, in one table (id, severity, description, message in both languages)
 * so the registry of codes and messages can take them over as they are.
 */
export const ROSTER_CHECKS = {
  'U-NOT-ON-ROSTER': {
    severity: 'warning',
    description: {
      'zh-CN': '报送单位不在应报送单位名册中',
      en: 'A submitting unit is not on the roster of units expected to report',
    },
    message: {
      'zh-CN': '报送单位“{name}”（统一社会信用代码 {code}）不在名册中：请确认是否应由本级汇总，或更新名册（名册按代码匹配，其次按单位全称）。',
      en: 'The submitting unit "{name}" (credit code {code}) is not on the roster: check whether it belongs to this summary, or update the roster (matched by code, then by full name).',
    },
  },
} as const satisfies Record<string, { severity: Finding['severity']; description: LocalisedText; message: LocalisedText }>;

/**
 * U-NOT-ON-ROSTER: readable submissions whose unit matches no roster entry (by credit code, else
 * by exact name) — a unit of another district, a renamed unit, or a roster out of date. One
 * finding per such row, keyed by the row's index; it points at the unit's name (or code) cell.
 */
export function notOnRoster(roster: readonly RosterEntry[], rows: readonly UnitRow[]): Map<number, Finding> {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const e of roster) {
    const c = codeKey(e.code);
    const n = nameKey(e.name);
    if (c) codes.add(c);
    if (n) names.add(n);
  }
  const out = new Map<number, Finding>();
  const check = ROSTER_CHECKS['U-NOT-ON-ROSTER'];
  for (const r of rows) {
    if (r.status === 'unreadable') continue;
    const c = codeKey(r.unit.code);
    const n = nameKey(r.unit.name);
    if (c === null && n === null) continue;
    if ((c !== null && codes.has(c)) || (n !== null && names.has(n))) continue;
    const fill = (s: string, blank: string): string => s.replace('{name}', n ?? blank).replace('{code}', c ?? blank);
    const messages: LocalisedText = { 'zh-CN': fill(check.message['zh-CN'], '（空）'), en: fill(check.message.en, '(blank)') };
    const cell = r.cells.name ?? r.cells.code;
    out.set(r.index, {
      rule: 'U-NOT-ON-ROSTER',
      severity: check.severity,
      message: messages['zh-CN'],
      messages,
      cells: cell ? [cell] : [],
      values: { name: r.unit.name, code: r.unit.code },
    });
  }
  return out;
}
