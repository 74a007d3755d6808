/**
 * The code registry: every code any command, the add-in or the web page can emit, each with its
 * kind, tags, severity (findings), zh-CN and en message templates and a description.
 *
 * Rule ids are taken from the loaded rule set (the rule files' `event.params` are their only
 * source); the other codes are listed in ./entries. Errors carry a code and data; their text is
 * rendered here, in the language of whoever shows it.
 */
import { UserError } from '../errors';
import type { Locale, LocalisedText } from '../report';
import { LOCALES } from '../report';
import type { RuleSet } from '../rules/types';
import { CROSS_UNIT_CHECKS } from '../summary/cross-unit';
import { ROSTER_CHECKS } from '../summary/roster';
import { CROSS_CHECKS, HOST_ERRORS, REFUSALS } from './entries';
import type { CodeArea, CodeData, CodeEntry } from './types';

export type { CodeArea, CodeData, CodeEntry, CodeKind } from './types';

/**
 * The summary's own tables of its checks (severity, description, source): what they say wins over
 * the entries here, so the two never disagree.
 */
function withSummaryTables(entries: readonly CodeEntry[]): CodeEntry[] {
  const tables = new Map<string, { severity: CodeEntry['severity']; description: CodeEntry['description']; ref?: string }>([
    ...CROSS_UNIT_CHECKS.map((c) => [c.id, c] as const),
    ...Object.entries(ROSTER_CHECKS).map(([id, c]) => [id, c] as const),
  ]);
  return entries.map((e) => {
    const t = tables.get(e.code);
    if (!t) return e;
    return { ...e, severity: t.severity, description: t.description, ...(t.ref ? { source: t.ref } : {}) };
  });
}

let built: { list: readonly CodeEntry[]; byCode: ReadonlyMap<string, CodeEntry> } | null = null;

/**
 * The codes that are not rule ids, in registry order. Built on first use: the summary modules that
 * own some of the tables render their own messages through this registry.
 */
export function staticCodes(): readonly CodeEntry[] {
  return staticIndex().list;
}

function staticIndex(): { list: readonly CodeEntry[]; byCode: ReadonlyMap<string, CodeEntry> } {
  if (!built) {
    const list = withSummaryTables([...CROSS_CHECKS, ...REFUSALS, ...HOST_ERRORS]);
    built = { list, byCode: new Map(list.map((e) => [e.code, e])) };
  }
  return built;
}

/** Tags of a rule id: its prefix (T3, CELL …) and the rule file it lives in. */
function ruleTags(id: string, file: string | undefined): string[] {
  const prefix = id.split('-')[0].toLowerCase();
  const base = file ? file.replace(/\\/g, '/').split('/').pop()!.replace(/\.json$/i, '') : '';
  return base && base !== prefix ? [prefix, base] : [prefix];
}

/** One registry entry per check id of a rule set (the first rule's message stands for the check). */
export function ruleEntries(ruleSet: RuleSet): CodeEntry[] {
  return ruleSet.checks.map((c) => ({
    code: c.id,
    kind: 'finding',
    area: 'rules',
    tags: ruleTags(c.id, c.file),
    severity: c.severity,
    message: c.message ?? c.description,
    description: c.description,
    ...(c.source ? { source: c.source } : {}),
  }));
}

const AREA_ORDER: readonly CodeArea[] = ['rules', 'across-units', 'across-years', 'reader', 'cli', 'annotate', 'summary', 'addin', 'web'];

/** Every code: the rule set's checks, then the codes across units and years, refusals and host errors. */
export function codeRegistry(ruleSet: RuleSet): CodeEntry[] {
  const rules = ruleEntries(ruleSet);
  const known = new Set(rules.map((e) => e.code));
  const rest = staticCodes().filter((e) => !known.has(e.code));
  const area = (e: CodeEntry): number => AREA_ORDER.indexOf(e.area);
  return [...rules, ...rest.slice().sort((a, b) => area(a) - area(b))];
}

/** The entry of a code that is not a rule id (undefined for rule ids and unknown codes). */
export function staticCode(code: string): CodeEntry | undefined {
  return staticIndex().byCode.get(code);
}

function display(v: CodeData[string] | undefined, locale: Locale): string {
  if (v === null || v === undefined) return locale === 'en' ? '(blank)' : '（空）';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if ('zh' in v) return locale === 'en' ? v.en : v.zh;
  return v[locale];
}

/** Fills {key} from `data`; a key without data is left as written so the gap shows. */
export function renderTemplate(template: string, data: CodeData, locale: Locale): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => (key in data ? display(data[key], locale) : whole));
}

/** The message of a static code in every locale. Throws on a code the registry lacks (a programming error). */
export function renderCode(code: string, data: CodeData): LocalisedText {
  const entry = staticIndex().byCode.get(code);
  if (!entry) throw new Error(`code ${code} is not in the registry`);
  const out = {} as LocalisedText;
  for (const loc of LOCALES) out[loc] = renderTemplate(entry.message[loc], data, loc);
  return out;
}

/** A UserError of a registered code: it carries the data, its text comes from the registry. */
export function codedError(code: string, data: CodeData): UserError {
  return new UserError(code, renderCode(code, data), data);
}

/**
 * A pattern that matches any text rendered from a template (placeholders match anything): how a
 * test proves that a message a host printed comes from the registry.
 */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[A-Za-z_][A-Za-z0-9_]*\}/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`, 'u');
}
