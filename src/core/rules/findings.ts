/**
 * Turns a failed rule into findings a person can act on: the cells (name, sheet, A1), the actual
 * numbers, and the message in every language with its {placeholders} filled.
 *
 * Placeholders: {$NAME} is the value of the cell NAME; any other {key} comes from the facts of the
 * rule's failed conditions (e.g. {lhs} {rhs} {diff} {absDiff} of a balance, {match} of a text
 * pattern, {expectedCheck} of the unit code). When several failed conditions provide the same
 * key, the later one wins — rule authors put "not applicable" guard branches first and the
 * assertion itself last. Per-cell rules take their placeholders ({label} {text} {value}) from the hit.
 */
import type { Almanac, RuleResult } from 'json-rules-engine';
import { isAskedIn, parseAddress } from '../catalogue';
import type { Finding, FindingCell, Locale, LocalisedText } from '../report';
import { LOCALES } from '../report';
import type { Snapshot } from '../snapshot';
import type { Hit } from './facts';
import type { ExpandedRule } from './types';

export type Vars = Record<string, number | string | null>;

/** Keys of fact values that are internal (not useful in a message or in `values`). */
const INTERNAL_KEYS = new Set(['name', 'cls', 'text', 'present', 'skipped', 'hits']);
/** Keys that only word a message (lists spelled out, accepted versions): never part of `values`. */
const WORDING_KEYS = new Set(['lhsText', 'lhsTextEn', 'expectedId', 'acceptedVersions', 'acceptedVersionsEn']);

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** A cell's value for `values`: its number when it has one, else its text, null when blank. */
export function cellValue(snapshot: Snapshot, name: string): number | string | null {
  const r = snapshot.cells[name];
  if (!r) return null;
  if (r.value !== null) return r.value;
  return r.cls === 'blank' ? null : r.text !== '' ? r.text : r.raw === null ? null : String(r.raw);
}

/** Text longer than this is shortened in a message: a cell may hold 32,767 characters. */
const SHOWN_TEXT_LIMIT = 200;
const SHOWN_TEXT_KEEP = 100;

function shorten(s: string, locale: Locale): string {
  if (s.length <= SHOWN_TEXT_LIMIT) return s;
  const chars = Array.from(s); // by code point, so no surrogate pair is cut in half
  if (chars.length <= SHOWN_TEXT_LIMIT) return s;
  const head = chars.slice(0, SHOWN_TEXT_KEEP).join('');
  return locale === 'en' ? `${head}… (${chars.length} characters)` : `${head}…（共 ${chars.length} 字）`;
}

function display(v: number | string | null | undefined, locale: Locale, quoteText: boolean): string {
  if (v === null || v === undefined) return locale === 'en' ? '(blank)' : '（空）';
  if (typeof v === 'number') return formatNumber(v);
  const s = shorten(v, locale);
  return quoteText ? (locale === 'en' ? `"${s}"` : `“${s}”`) : s;
}

const PLACEHOLDER = /\{(\$(?:prev:)?[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills {key}, {$NAME} (this year's cell) and {$prev:NAME} (last year's cell); an unknown key is
 * left as written so a rule author sees it.
 */
export function fillMessage(
  template: string,
  vars: Vars,
  snapshot: Snapshot,
  locale: Locale,
  previous: Snapshot | null = null,
): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    if (key.startsWith('$prev:')) return previous ? display(cellValue(previous, key.slice(6)), locale, true) : whole;
    if (key.startsWith('$')) return display(cellValue(snapshot, key.slice(1)), locale, true);
    if (!(key in vars)) return whole;
    return display(vars[key], locale, false);
  });
}

function fillAll(texts: LocalisedText, vars: Vars, snapshot: Snapshot, previous: Snapshot | null): LocalisedText {
  const out = {} as LocalisedText;
  for (const loc of LOCALES) out[loc] = fillMessage(texts[loc], vars, snapshot, loc, previous);
  return out;
}

function findingCell(snapshot: Snapshot, name: string): FindingCell | null {
  const r = snapshot.cells[name];
  if (!r) return null;
  return r.location ? { name, sheet: r.sheet, address: r.address, location: r.location } : { name, sheet: r.sheet, address: r.address };
}

type CondNode = Record<string, unknown>;

/** Failed leaf conditions in tree order. */
function failedLeaves(node: unknown, out: CondNode[] = []): CondNode[] {
  if (node === null || typeof node !== 'object') return out;
  const n = node as CondNode;
  for (const key of ['all', 'any']) if (Array.isArray(n[key])) for (const c of n[key] as unknown[]) failedLeaves(c, out);
  if (n.not) failedLeaves(n.not, out);
  if (typeof n.fact === 'string' && n.result === false) out.push(n);
  return out;
}

function mergeScalars(into: Vars, obj: unknown): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (INTERNAL_KEYS.has(k)) continue;
    if (typeof v === 'number' || typeof v === 'string') into[k] = v;
    // null (a pattern that did not match, a skipped sum) never hides a value an earlier condition found
    else if (v === null && !(k in into)) into[k] = null;
  }
}

/** Placeholder keys (not cell names) a rule's messages use. */
function messageKeys(meta: ExpandedRule['meta']): Set<string> {
  const keys = new Set<string>();
  const texts = [meta.message, ...Object.values(meta.messageVariants ?? {})].flatMap((m) => Object.values(m));
  for (const t of texts) for (const m of t.matchAll(PLACEHOLDER)) if (!m[1].startsWith('$')) keys.add(m[1]);
  return keys;
}

/** Builds the findings of one failed rule. */
export async function findingsOf(
  rule: ExpandedRule,
  result: RuleResult,
  almanac: Almanac,
  snapshot: Snapshot,
  previous: Snapshot | null,
  locale: Locale,
): Promise<Finding[]> {
  const meta = rule.meta;
  if (meta.perCell) {
    const fact = await almanac.factValue<{ hits?: Hit[] }>(meta.perCell.fact, meta.perCell.params ?? {});
    if (meta.groupHits) return groupedFindings(meta, fact.hits ?? [], snapshot, previous, locale);
    return (fact.hits ?? []).map((hit) => {
      const vars: Vars = { label: hit.label, labelEn: hit.labelEn, text: hit.text, value: hit.value, cls: hit.cls };
      const texts = meta.messageVariants?.[hit.cls] ?? meta.messageVariants?.default ?? meta.message;
      const messages = fillAll(texts, vars, snapshot, previous);
      const cell = findingCell(snapshot, hit.name);
      return {
        rule: meta.ruleId,
        severity: meta.severity,
        message: messages[locale],
        messages,
        cells: cell ? [cell] : [],
        values: { [hit.name]: cellValue(snapshot, hit.name) },
        ...(meta.quickFix ? { quickFix: meta.quickFix } : {}),
      };
    });
  }
  const factVars: Vars = {};
  // `values` shows the cells and what the message speaks of, plus the number each failed condition tested
  const shown = messageKeys(meta);
  if (meta.onlyFindingWhen) shown.add(meta.onlyFindingWhen.value);
  for (const leaf of failedLeaves(result.conditions)) {
    if (leaf.fact === 'cell') continue; // cell values are in `values` by name and in {$NAME}
    const full = await almanac.factValue(String(leaf.fact), (leaf.params as Record<string, unknown>) ?? {});
    mergeScalars(factVars, full);
    if (typeof leaf.path === 'string') shown.add(leaf.path.replace(/^\$\.?/, ''));
  }
  const values: Vars = {};
  for (const name of meta.cells) {
    // a cell the workbook's template version never had is not asked, not blank
    if (snapshot.cells[name] === undefined && !isAskedIn(name, snapshot.templateVersion)) continue;
    values[name] = cellValue(snapshot, name);
  }
  for (const [k, v] of Object.entries(factVars)) if (shown.has(k) && !WORDING_KEYS.has(k)) values[k] = v;
  const messages = fillAll(meta.message, factVars, snapshot, previous);
  return [
    {
      rule: meta.ruleId,
      severity: meta.severity,
      message: messages[locale],
      messages,
      cells: meta.cells.map((n) => findingCell(snapshot, n)).filter((c): c is FindingCell => c !== null),
      values,
      ...(meta.quickFix ? { quickFix: meta.quickFix } : {}),
    },
  ];
}

/** How a group of hits is named in a message. */
const TABLE_NAMES: Readonly<Record<string, [string, string]>> = {
  INFO: ['基本信息', 'Basic information'],
  T2: ['表二（主动公开政府信息情况）', 'Table 2 (proactive disclosure)'],
  T3: ['表三（收到和处理政府信息公开申请情况）', 'Table 3 (requests received and handled)'],
  T4: ['表四（政府信息公开行政复议、行政诉讼情况）', 'Table 4 (administrative review and litigation)'],
  W: ['工作指标', 'Work indicators'],
  TXT: ['文字部分', 'Narrative'],
};

/** One finding per group of hits (groupHits), marking every hit's cell. */
function groupedFindings(
  meta: ExpandedRule['meta'],
  hits: readonly Hit[],
  snapshot: Snapshot,
  previous: Snapshot | null,
  locale: Locale,
): Finding[] {
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = meta.groupHits === 'group' ? h.group : 'all';
    const g = groups.get(key);
    if (g) g.push(h);
    else groups.set(key, [h]);
  }
  return [...groups].map(([key, list]) => {
    const first = list[0];
    const [table, tableEn] = TABLE_NAMES[key] ?? ['', ''];
    const vars: Vars = {
      count: list.length,
      table,
      tableEn,
      label: first.label,
      labelEn: first.labelEn,
      text: first.text,
      formula: first.formula ?? '',
    };
    const messages = fillAll(meta.message, vars, snapshot, previous);
    const values: Vars = { count: list.length };
    for (const h of list) values[h.name] = cellValue(snapshot, h.name);
    return {
      rule: meta.ruleId,
      severity: meta.severity,
      message: messages[locale],
      messages,
      cells: list.map((h) => findingCell(snapshot, h.name)).filter((c): c is FindingCell => c !== null),
      values,
    };
  });
}

/** Rank of a severity in the order a person fixes findings: errors, then warnings, then information. */
export const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The sort key of a finding: sheet (in workbook order; findings without a cell first), severity
 * (errors before warnings before information within a sheet), then row and column of its first cell.
 * `sheetOrder` is the workbook's sheet names; a sheet not in it sorts after the known ones.
 */
export function findingOrderKey(f: Pick<Finding, 'severity' | 'cells'>, sheetOrder: readonly string[] | null): [number, number, number, number] {
  const c = f.cells[0];
  const sev = SEVERITY_RANK[f.severity];
  if (!c) return [-1, sev, 0, 0];
  const known = sheetOrder ? sheetOrder.indexOf(c.sheet) : -1;
  let pos = { row: 0, col: 0 };
  try {
    pos = parseAddress(c.address);
  } catch {
    // an address a host could not express in A1 sorts first within its sheet and severity
  }
  return [known < 0 ? (sheetOrder ? sheetOrder.length : 0) : known, sev, pos.row, pos.col];
}

/**
 * Findings in the order a person fixes them (see findingOrderKey); the sort is stable, so findings
 * with equal keys keep their given order. Every host (CLI, HTML report, task pane, web page) lists
 * findings in this order.
 */
export function orderFindings<T extends Pick<Finding, 'severity' | 'cells'>>(findings: readonly T[], sheetOrder: readonly string[] | null): T[] {
  return findings
    .map((f, i) => ({ f, i, k: findingOrderKey(f, sheetOrder) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3] || a.i - b.i)
    .map((x) => x.f);
}

/** Sorts the findings of one run: orderFindings, with equal keys in rule-file order. */
export function sortFindings(findings: Array<{ finding: Finding; order: number }>, snapshot: Snapshot): Finding[] {
  const byRuleOrder = [...findings].sort((a, b) => a.order - b.order).map((x) => x.finding);
  return orderFindings(byRuleOrder, snapshot.sheetOrder);
}
