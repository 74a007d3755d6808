/**
 * The facts rules are written against. Each is a pure function of the run context (one object
 * fact, `ctx`: this year's snapshot, last year's, the current year) and its `params`.
 *
 * Arithmetic lives only here. The blank policy is the heart of "one root cause, one finding":
 * a sum over a cell that holds no usable number (blank, "XX", "/", "230余", a missing name) is
 * *skipped* — the cell itself is reported once by a CELL-* rule, the sums that use it stay quiet.
 * A number stored as text ("12", "１２", "12件") has a value and takes part normally.
 */
import type { Almanac } from 'json-rules-engine';
import {
  INDICATORS,
  KNOWN_TEMPLATE_VERSIONS,
  TEMPLATE_ID,
  TEMPLATE_ID_NAME,
  TEMPLATE_VERSION_NAME,
  unitTypeOf,
  indicator,
  isAskedIn,
  isNumericKind,
  namesOfVersion,
  partLabel,
} from '../catalogue';
import type { CellReading, Snapshot } from '../snapshot';
import { checkCreditCode } from './credit-code';
import { NAME_SETS } from './sets';
import { narrativeFact } from '../narrative/fact';
import { filingFact } from './filing';
import { parseFigure } from '../narrative/numerals';

export { parseFigure };

export interface RunContext {
  snapshot: Snapshot;
  previous: Snapshot | null;
  currentYear: number;
}

/** The single runtime fact every fact reads. */
export const CONTEXT_FACT = 'ctx';

/**
 * A term of a sum: a defined name, optionally weighted, optionally read from last year's workbook;
 * or a name set by key (see NAME_SETS).
 */
export type Term = string | { name: string; coef?: number; prev?: boolean } | { set: string };

type NameTerm = Exclude<Term, { set: string }>;

/** Flattened terms by terms array: the engine hands a condition the same params object on every run. */
const flattened = new WeakMap<Term[], NameTerm[]>();

/** The terms with every set replaced by its names (the linter has checked the keys); no copy when there is no set. */
function flatTerms(terms: Term[]): NameTerm[] {
  let flat = flattened.get(terms);
  if (!flat) {
    flat = terms.some((t) => typeof t === 'object' && 'set' in t)
      ? terms.flatMap((t) => (typeof t === 'object' && 'set' in t ? [...(NAME_SETS[t.set] ?? [])] : [t]))
      : (terms as NameTerm[]);
    flattened.set(terms, flat);
  }
  return flat;
}

export type BlankPolicy = 'skip' | 'zero';

export interface CellFact {
  name: string;
  present: boolean;
  cls: string;
  value: number | null;
  text: string;
}

export interface SumFact {
  value: number | null;
  skipped: boolean;
}

export interface BalanceFact {
  lhs: number | null;
  rhs: number | null;
  /** With `describe`: the left side spelled out, "投诉 40 + 咨询 90 + …" (zh-CN) and in English. */
  lhsText?: string;
  lhsTextEn?: string;
  /** lhs − rhs (0 when skipped). */
  diff: number;
  absDiff: number;
  skipped: boolean;
}

export interface Hit {
  name: string;
  /** The indicator's group (INFO, T2, T3, T4, W, TXT): findings that group hits group by it. */
  group: string;
  /** The formula of the cell, when it holds one (without "="). */
  formula?: string;
  cls: string;
  text: string;
  value: number | null;
  label: string;
  labelEn: string;
}

export interface ScanFact {
  count: number;
  hits: Hit[];
}

export interface ScanParams {
  /** Restrict to these indicator kinds (count, amount, text …). */
  kinds?: string[];
  /** Restrict to these groups (INFO, T2, T3, T4, W, TXT). */
  groups?: string[];
  /** Only indicators the catalogue marks as required. */
  required?: boolean;
  except?: string[];
  /** Report cells whose class is one of these. */
  classes?: string[];
  /** Report cells whose number is negative / has a fractional part. */
  test?: 'negative' | 'fraction';
  /** true: only cells that hold a formula; false: only cells that do not. */
  formula?: boolean;
  /**
   * Blank cells of a table left blank wholesale (at least MASS_BLANK_MIN cells and half the
   * table's required numbers, as in a published table with the empty items left empty):
   * 'mass' keeps only those cells, 'single' only the others.
   */
  blanks?: 'mass' | 'single';
}

/** A table with at least this many blank required numbers, and at least half of them blank, was left blank wholesale. */
export const MASS_BLANK_MIN = 5;

const massBlankCache = new WeakMap<Snapshot, Set<string>>();

/** The groups (T2, T3, T4, W) whose required numbers were left blank wholesale. */
export function massBlankGroups(snapshot: Snapshot): Set<string> {
  let groups = massBlankCache.get(snapshot);
  if (groups) return groups;
  const total = new Map<string, number>();
  const blank = new Map<string, number>();
  for (const ind of INDICATORS) {
    if (!ind.required || !isNumericKind(ind.kind) || ind.group === 'TXT') continue;
    const r = snapshot.cells[ind.name];
    if (!r) continue;
    total.set(ind.group, (total.get(ind.group) ?? 0) + 1);
    if (r.cls === 'blank' && !r.formula) blank.set(ind.group, (blank.get(ind.group) ?? 0) + 1);
  }
  groups = new Set([...blank].filter(([g, n]) => n >= MASS_BLANK_MIN && n * 2 >= (total.get(g) ?? 0)).map(([g]) => g));
  massBlankCache.set(snapshot, groups);
  return groups;
}

export interface TextFact {
  present: boolean;
  text: string;
  /** Meaningful characters (letters, digits, CJK), punctuation and spaces not counted. */
  length: number;
  /** First match of `pattern`, or null. */
  match: string | null;
  /** The number in the first capture group of `pattern` (ASCII, full-width or simple Chinese numerals). */
  number: number | null;
}

export interface UnitFact {
  type: string | null;
  /** Invisible characters found in the credit code, named ("U+200B 零宽空格"), or null. */
  codeInvisible: string | null;
  codeInvisibleEn: string | null;
  typeKnown: boolean;
  code: string | null;
  codeShapeOk: boolean;
  codeCheckOk: boolean;
  expectedCheck: string | null;
  year: number | null;
}

export interface TemplateFact {
  id: string | null;
  version: string | null;
  idOk: boolean;
  versionKnown: boolean;
  missingCount: number;
  missingShare: number;
  /** First missing names, joined with "、", with "等 N 个" added by the message. */
  missingList: string;
  /** The same list with its notes in English. */
  missingListEn: string;
  /** The template id and the versions this release accepts, for messages ("2024.1、2025.1"). */
  expectedId: string;
  acceptedVersions: string;
  acceptedVersionsEn: string;
}

export interface PrevFact {
  available: boolean;
  compared: number;
  nonZero: number;
  identical: boolean;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function normaliseText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

export function cellFact(snapshot: Snapshot, name: string): CellFact {
  const r: CellReading | undefined = snapshot.cells[name];
  if (!r) return { name, present: false, cls: 'missing', value: null, text: '' };
  const text = normaliseText(r.text !== '' ? r.text : r.raw === null ? '' : String(r.raw));
  return { name, present: true, cls: r.cls, value: r.value, text };
}

/** Whether a workbook is of an older template version, which lacks some current names. */
function olderVersion(snap: Snapshot | null): boolean {
  return snap !== null && namesOfVersion(snap.templateVersion).length < INDICATORS.length;
}

/**
 * Drops the terms a workbook's template version never asked for (a 2024.1 workbook has no
 * W_HOTLINE_REPORT): they are not blank, they are not part of that workbook's sums.
 */
function askedTerms(ctx: RunContext, terms: NameTerm[]): NameTerm[] {
  if (!olderVersion(ctx.snapshot) && !olderVersion(ctx.previous)) return terms;
  return terms.filter((term) => {
    const t = typeof term === 'string' ? { name: term } : term;
    const snap = t.prev ? ctx.previous : ctx.snapshot;
    return !snap || snap.cells[t.name] !== undefined || isAskedIn(t.name, snap.templateVersion);
  });
}

/** "投诉 40 + 咨询 90": the terms with their labels (without "其中："). */
function describeTerms(ctx: RunContext, terms: NameTerm[], en: boolean): string {
  return terms
    .map((term) => {
      const t = typeof term === 'string' ? { name: term } : term;
      const ind = indicator(t.name);
      const label = ind ? partLabel(en ? ind.labelEn : ind.label) : t.name;
      const v = termValue(ctx, t, 'skip');
      return `${label} ${v === null ? (en ? '(blank)' : '（空）') : String(v)}`;
    })
    .join(' + ');
}

function termValue(ctx: RunContext, term: NameTerm, blank: BlankPolicy): number | null {
  const t = typeof term === 'string' ? { name: term } : term;
  const snap = t.prev ? ctx.previous : ctx.snapshot;
  const v = snap ? (snap.cells[t.name]?.value ?? null) : null;
  if (v === null) return blank === 'zero' && snap ? 0 : null;
  return v * (t.coef ?? 1);
}

export function sumFact(ctx: RunContext, names: Term[], blank: BlankPolicy = 'skip'): SumFact {
  let total = 0;
  for (const term of askedTerms(ctx, flatTerms(names))) {
    const v = termValue(ctx, term, blank);
    if (v === null) return { value: null, skipped: true };
    total += v;
  }
  return { value: round(total), skipped: false };
}

export function balanceFact(
  ctx: RunContext,
  lhs: Term[],
  rhs: Term[],
  blank: BlankPolicy = 'skip',
  describe = false,
): BalanceFact {
  const l = sumFact(ctx, lhs, blank);
  const r = sumFact(ctx, rhs, blank);
  if (l.value === null || r.value === null) return { lhs: l.value, rhs: r.value, diff: 0, absDiff: 0, skipped: true };
  const diff = round(l.value - r.value);
  const text = describe
    ? { lhsText: describeTerms(ctx, askedTerms(ctx, flatTerms(lhs)), false), lhsTextEn: describeTerms(ctx, askedTerms(ctx, flatTerms(lhs)), true) }
    : {};
  return { lhs: l.value, rhs: r.value, ...text, diff, absDiff: Math.abs(diff), skipped: false };
}

/**
 * The indicators a scan looks at, by its params: what depends on the catalogue alone is filtered
 * once per params object (the engine hands the same object on every run), not on every run.
 */
const scanCandidates = new WeakMap<ScanParams, readonly (typeof INDICATORS)[number][]>();

function candidatesOf(p: ScanParams): readonly (typeof INDICATORS)[number][] {
  let list = scanCandidates.get(p);
  if (!list) {
    list = INDICATORS.filter(
      (ind) =>
        (!p.kinds || p.kinds.includes(ind.kind)) &&
        (!p.groups || p.groups.includes(ind.group)) &&
        (!p.required || ind.required) &&
        !(p.except && p.except.includes(ind.name)),
    );
    scanCandidates.set(p, list);
  }
  return list;
}

export function scanFact(snapshot: Snapshot, p: ScanParams): ScanFact {
  const hits: Hit[] = [];
  const mass = p.blanks ? massBlankGroups(snapshot) : null;
  for (const ind of candidatesOf(p)) {
    if (mass && mass.has(ind.group) !== (p.blanks === 'mass')) continue;
    const r = snapshot.cells[ind.name];
    if (!r) continue; // a missing name is INFO-TEMPLATE's finding
    if (p.formula !== undefined && (r.formula !== undefined) !== p.formula) continue;
    let hit = false;
    if (p.classes && p.classes.includes(r.cls)) hit = true;
    if (p.test === 'negative' && r.value !== null && r.value < 0) hit = true;
    if (p.test === 'fraction' && r.value !== null && !Number.isInteger(r.value)) hit = true;
    if (hit) {
      const c = cellFact(snapshot, ind.name);
      const h: Hit = { name: ind.name, group: ind.group, cls: r.cls, text: c.text, value: r.value, label: ind.label, labelEn: ind.labelEn };
      if (r.formula !== undefined) h.formula = r.formula;
      hits.push(h);
    }
  }
  return { count: hits.length, hits };
}

/** A cell's text and its length, per reading: the narrative cells are read by many rules per run. */
const textOfReading = new WeakMap<CellReading, { text: string; length: number }>();
const NO_TEXT = Object.freeze({ text: '', length: 0 });
/** Compiled patterns: the rules' patterns are few and fixed. */
const patterns = new Map<string, RegExp>();

function cellText(snapshot: Snapshot, name: string): { text: string; length: number } {
  const reading = snapshot.cells[name];
  if (!reading) return NO_TEXT;
  let t = textOfReading.get(reading);
  if (!t) {
    const c = cellFact(snapshot, name);
    const text = c.cls === 'blank' ? '' : c.text;
    t = { text, length: (text.match(/[\p{L}\p{N}]/gu) ?? []).length };
    textOfReading.set(reading, t);
  }
  return t;
}

export function textFact(snapshot: Snapshot, name: string, pattern?: string): TextFact {
  const { text, length } = cellText(snapshot, name);
  let match: string | null = null;
  let number: number | null = null;
  if (pattern && text) {
    let re = patterns.get(pattern);
    if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
    const m = re.exec(text);
    if (m) {
      match = m[0];
      number = m[1] !== undefined ? parseFigure(m[1]) : null;
    }
  }
  return { present: text !== '', text, length, match, number };
}

function yearOf(c: CellFact): number | null {
  if (c.value !== null) return c.value;
  const m = /^(\d{4})\s*年?度?$/u.exec(c.text.replace(/[\uFF10-\uFF19]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  return m ? Number(m[1]) : null;
}

/** The listed unit type a text means: "乡镇人民政府(街道办事处)" with ASCII brackets or stray spaces still counts. */
export function canonicalUnitType(text: string): string | null {
  return unitTypeOf(text);
}

/** Characters that take no space on screen and come with text pasted from web pages or chat tools. */
const INVISIBLE_CHARS = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u202A-\u202E]/gu;
/** The same class for one character: a literal without `u` (all BMP), since the task pane also runs in IE 11. */
const ONE_INVISIBLE_CHAR = /^[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u202A-\u202E]$/;
const INVISIBLE_NAMES: Readonly<Record<string, [string, string]>> = {
  '\u200B': ['零宽空格', 'zero-width space'],
  '\u200C': ['零宽非连接符', 'zero-width non-joiner'],
  '\u200D': ['零宽连接符', 'zero-width joiner'],
  '\u200E': ['从左至右标记', 'left-to-right mark'],
  '\u200F': ['从右至左标记', 'right-to-left mark'],
  '\u2060': ['零宽不换行空格', 'word joiner'],
  '\uFEFF': ['字节顺序标记（BOM）', 'byte order mark'],
  '\u00AD': ['软连字符', 'soft hyphen'],
};

/** Names the invisible characters of a text ("U+200B 零宽空格（第 7 个字符后）"), or null when it has none. */
export function invisibleChars(text: string): { zh: string; en: string } | null {
  const zh: string[] = [];
  const en: string[] = [];
  let pos = 0;
  for (const ch of text) {
    if (ONE_INVISIBLE_CHAR.test(ch)) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const [nz, ne] = INVISIBLE_NAMES[ch] ?? ['不可见控制字符', 'invisible control character'];
      zh.push(`${code}（${nz}，在第 ${pos} 个字符之后）`);
      en.push(`${code} (${ne}, after character ${pos})`);
    } else pos += 1;
  }
  return zh.length > 0 ? { zh: zh.join('、'), en: en.join(', ') } : null;
}

export function unitFact(snapshot: Snapshot): UnitFact {
  const type = cellFact(snapshot, 'INFO_UNIT_TYPE');
  const canonical = canonicalUnitType(type.text);
  const code = cellFact(snapshot, 'INFO_UNIT_CODE');
  const year = cellFact(snapshot, 'INFO_YEAR');
  const invisible = invisibleChars(code.text);
  // The code is checked without them: a pasted code with a zero-width space is reported for the space only
  const codeText = code.text.replace(INVISIBLE_CHARS, '').replace(/\s+/g, '');
  const check = checkCreditCode(codeText);
  return {
    type: canonical ?? (type.text || null),
    codeInvisible: invisible ? invisible.zh : null,
    codeInvisibleEn: invisible ? invisible.en : null,
    typeKnown: canonical !== null,
    code: codeText || null,
    codeShapeOk: check.shapeOk,
    codeCheckOk: check.checkOk,
    expectedCheck: check.expected,
    year: yearOf(year),
  };
}

/**
 * Whether the workbook is the standard template: its markers, and every defined name of *its*
 * version (a 2024.1 workbook is not asked for the names 2025.1 added).
 */
export function templateFact(snapshot: Snapshot): TemplateFact {
  const contract = [...namesOfVersion(snapshot.templateVersion), TEMPLATE_ID_NAME, TEMPLATE_VERSION_NAME];
  const missing = contract.filter((n) => {
    if (n === TEMPLATE_ID_NAME) return snapshot.templateId === null;
    if (n === TEMPLATE_VERSION_NAME) return snapshot.templateVersion === null;
    return !snapshot.cells[n];
  });
  // A name that exists but points nowhere usable is not "missing": say what is wrong with it.
  const problems = new Map(snapshot.nameIssues.map((i) => [i.name, i.problem]));
  const NOTE: Record<string, [string, string]> = {
    'broken-ref': ['（指向 #REF!）', ' (points to #REF!)'],
    'bad-sheet': ['（指向不存在的工作表）', ' (points to a sheet that does not exist)'],
    'not-a-cell': ['（不是单个单元格）', ' (not a single cell)'],
  };
  const label = (n: string, en: boolean): string => {
    const note = NOTE[problems.get(n) ?? ''];
    return note ? n + note[en ? 1 : 0] : n;
  };
  const list = (en: boolean): string => {
    const shown = missing.slice(0, 8).map((n) => label(n, en)).join(en ? ', ' : '、');
    return missing.length > 8 ? `${shown} …` : shown;
  };
  return {
    id: snapshot.templateId,
    version: snapshot.templateVersion,
    idOk: snapshot.templateId !== null && snapshot.templateId.trim() === TEMPLATE_ID,
    versionKnown: snapshot.templateVersion !== null && KNOWN_TEMPLATE_VERSIONS.includes(snapshot.templateVersion.trim()),
    missingCount: missing.length,
    missingShare: round(missing.length / contract.length),
    missingList: list(false),
    missingListEn: list(true),
    expectedId: TEMPLATE_ID,
    acceptedVersions: KNOWN_TEMPLATE_VERSIONS.join('、'),
    acceptedVersionsEn: KNOWN_TEMPLATE_VERSIONS.join(', '),
  };
}

/** Compares every number with last year's: a report copied from last year is identical. */
export function prevFact(ctx: RunContext, minNonZero: number): PrevFact {
  const prev = ctx.previous;
  if (!prev) return { available: false, compared: 0, nonZero: 0, identical: false };
  let compared = 0;
  let nonZero = 0;
  let same = true;
  for (const ind of INDICATORS) {
    if (!isNumericKind(ind.kind)) continue;
    const a = ctx.snapshot.cells[ind.name]?.value ?? null;
    const b = prev.cells[ind.name]?.value ?? null;
    if (a === null || b === null) continue;
    compared += 1;
    if (a !== 0) nonZero += 1;
    if (a !== b) same = false;
  }
  return { available: true, compared, nonZero, identical: same && compared > 0 && nonZero >= minNonZero };
}

/** Fact ids and the names of their params that hold defined names (checked by the linter). */
export const FACT_IDS = ['cell', 'sum', 'balance', 'scan', 'text', 'unit', 'template', 'prev', 'currentYear', 'narrative', 'filing'] as const;
export type FactId = (typeof FACT_IDS)[number];

type Params = Record<string, unknown>;

async function context(almanac: Almanac): Promise<RunContext> {
  return almanac.factValue<RunContext>(CONTEXT_FACT);
}

/** The fact callbacks, keyed by id, for Engine.addFact. */
export const FACTS: Record<FactId, (params: Params, almanac: Almanac) => Promise<unknown>> = {
  cell: async (p, a) => cellFact((await context(a)).snapshot, String(p.name)),
  sum: async (p, a) => sumFact(await context(a), p.names as Term[], (p.blank as BlankPolicy) ?? 'skip'),
  balance: async (p, a) =>
    balanceFact(await context(a), (p.lhs as Term[]) ?? [], (p.rhs as Term[]) ?? [], (p.blank as BlankPolicy) ?? 'skip', p.describe === true),
  scan: async (p, a) => scanFact((await context(a)).snapshot, p as ScanParams),
  text: async (p, a) => textFact((await context(a)).snapshot, String(p.name), p.pattern as string | undefined),
  unit: async (_p, a) => unitFact((await context(a)).snapshot),
  template: async (_p, a) => templateFact((await context(a)).snapshot),
  prev: async (p, a) => prevFact(await context(a), typeof p.minNonZero === 'number' ? p.minNonZero : 1),
  currentYear: async (_p, a) => (await context(a)).currentYear,
  narrative: async (p, a) => narrativeFact(await context(a), p),
  filing: async (p, a) => {
    const ctx = await context(a);
    return filingFact(ctx.snapshot, p, ctx.currentYear);
  },
};

/** Every defined name a fact's params refer to (for the linter). */
export function namesInParams(fact: string, params: Params | undefined): string[] {
  if (!params) return [];
  const termNames = (v: unknown): string[] =>
    Array.isArray(v)
      ? v.flatMap((t) => {
          if (typeof t === 'string') return [t];
          const set = (t as { set?: unknown }).set;
          // An unknown set is reported as an unknown name: `set "…"`.
          if (set !== undefined) return NAME_SETS[String(set)] ? [...NAME_SETS[String(set)]] : [`set "${String(set)}"`];
          return [String((t as { name?: unknown }).name)];
        })
      : [];
  switch (fact) {
    case 'cell':
    case 'text':
      return [String(params.name)];
    case 'sum':
      return termNames(params.names);
    case 'balance':
      return [...termNames(params.lhs), ...termNames(params.rhs)];
    case 'scan':
      return Array.isArray(params.except) ? params.except.map(String) : [];
    default:
      return [];
  }
}
