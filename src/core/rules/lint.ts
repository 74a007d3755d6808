/**
 * Checks a rule file beyond its JSON Schema: what the engine would only find at run time (an
 * unknown operator or fact) or never (a misspelt defined name, a message missing in a language,
 * two rules with the same name). Every problem names the file, the rule and what is wrong.
 */
import { UNIT_TYPES, isIndicatorName, unitTypeOf } from '../catalogue';
import { LOCALES, LocalisedText, Severity } from '../report';
import { ExpansionProblem, RawRule, expandRule } from './expand';
import { FACT_IDS, namesInParams } from './facts';
import { isKnownOperator } from './operators';
import { catastrophicPattern, factParamProblems } from './safety';
import type { SetItem } from './sets';
import type { ExpandedRule, RuleMeta, RuleProblem } from './types';

export interface Override {
  file: string;
  rule: string;
  severity?: Severity;
  enabled?: boolean;
}

export interface LintedFile {
  rules: ExpandedRule[];
  overrides: Override[];
  problems: RuleProblem[];
  /** Deprecated spellings: the file loads, the author is told the new name. */
  notes: RuleProblem[];
}

/** The first scan leaf of a condition tree (what a findingsFromScan rule reports per cell). */
function firstScan(node: unknown): { fact: string; params?: Record<string, unknown> } | null {
  let found: { fact: string; params?: Record<string, unknown> } | null = null;
  visitFacts(node, (leaf, isValueRef) => {
    if (!found && !isValueRef && leaf.fact === 'scan') found = { fact: leaf.fact, params: leaf.params };
  });
  return found;
}

/**
 * The metadata as the engine side uses it: `perCell` from findingsFromScan (or a deprecated perHit),
 * `onlyFindingWhen` (or a deprecated soleIf), with a note for each deprecated spelling.
 */
function normaliseMeta(file: string, r: RawRule, notes: RuleProblem[]): RuleMeta {
  const meta = { ...(r.event.params as unknown as RuleMeta) };
  if (meta.findingsFromScan === true) {
    const scan = firstScan(r.conditions);
    if (scan) meta.perCell = scan;
  } else if (meta.perHit) {
    meta.perCell = meta.perHit;
    notes.push(problem(file, r.name, '“perHit”已改名为“findingsFromScan”: true（不再重复 scan 参数），旧写法暂时仍可使用', '"perHit" is now "findingsFromScan": true (without repeating the scan parameters); the old spelling still works for now'));
  }
  if (!meta.onlyFindingWhen && meta.soleIf) {
    meta.onlyFindingWhen = meta.soleIf;
    notes.push(problem(file, r.name, '“soleIf”已改名为“onlyFindingWhen”，旧写法暂时仍可使用', '"soleIf" is now "onlyFindingWhen"; the old spelling still works for now'));
  }
  return meta;
}

const LOCALE_NAMES: LocalisedText = { 'zh-CN': '中文（zh-CN）', en: '英文（en）' };
const LOCALE_NAMES_EN: LocalisedText = { 'zh-CN': 'Chinese (zh-CN)', en: 'English (en)' };

function problem(file: string, rule: string | undefined, zh: string, en: string): RuleProblem {
  return rule === undefined ? { file, problem: { 'zh-CN': zh, en } } : { file, rule, problem: { 'zh-CN': zh, en } };
}

type Leaf = { fact: string; operator?: string; params?: Record<string, unknown>; value?: unknown };

/** Visits every fact reference of a condition tree: leaves and `value: {fact}` comparisons. */
function visitFacts(node: unknown, visit: (leaf: Leaf, isValueRef: boolean) => void): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  for (const key of ['all', 'any']) {
    if (Array.isArray(n[key])) for (const c of n[key] as unknown[]) visitFacts(c, visit);
  }
  if (n.not) visitFacts(n.not, visit);
  if (typeof n.fact === 'string') {
    visit(n as unknown as Leaf, false);
    const v = n.value;
    if (v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>).fact === 'string') {
      visit(v as Leaf, true);
    }
  }
}

function patternProblem(p: unknown): string | null {
  if (typeof p !== 'string') return null;
  try {
    new RegExp(p, 'u');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function checkLocalised(
  file: string,
  rule: string,
  what: [string, string],
  text: unknown,
  out: RuleProblem[],
): void {
  const t = (text ?? {}) as Partial<LocalisedText>;
  for (const loc of LOCALES) {
    if (typeof t[loc] !== 'string' || t[loc]!.trim() === '') {
      out.push(
        problem(file, rule, `${what[0]}缺少${LOCALE_NAMES[loc]}文本`, `${what[1]} has no ${LOCALE_NAMES_EN[loc]} text`),
      );
    }
  }
}

const PLACEHOLDER_NAME = /\{\$(?:prev:)?([A-Za-z0-9_]+)\}/g;

function checkRule(file: string, r: RawRule, out: RuleProblem[]): void {
  const name = r.name;
  const p = r.event.params as unknown as RuleMeta;
  visitFacts(r.conditions, (leaf, isValueRef) => {
    if (!(FACT_IDS as readonly string[]).includes(leaf.fact)) {
      out.push(
        problem(file, name, `未知的 fact “${leaf.fact}”（可用：${FACT_IDS.join('、')}）`, `unknown fact "${leaf.fact}" (known: ${FACT_IDS.join(', ')})`),
      );
    }
    if (!isValueRef && (typeof leaf.operator !== 'string' || !isKnownOperator(leaf.operator))) {
      out.push(problem(file, name, `未知的运算符“${String(leaf.operator)}”`, `unknown operator "${String(leaf.operator)}"`));
    }
    for (const n of namesInParams(leaf.fact, leaf.params)) {
      if (!isIndicatorName(n)) out.push(problem(file, name, `未知的指标名称“${n}”`, `unknown indicator name "${n}"`));
    }
    const bad = patternProblem(leaf.params?.pattern) ?? (leaf.operator?.endsWith('atches') ? patternProblem(leaf.value) : null);
    if (bad) out.push(problem(file, name, `正则表达式无效：${bad}`, `invalid regular expression: ${bad}`));
    for (const pattern of [leaf.params?.pattern, leaf.operator?.endsWith('atches') ? leaf.value : undefined]) {
      const slow = typeof pattern === 'string' && !bad ? catastrophicPattern(pattern) : null;
      if (slow) out.push(problem(file, name, slow['zh-CN'], slow.en));
    }
    for (const pp of factParamProblems(leaf.fact, leaf.params)) out.push(problem(file, name, pp['zh-CN'], pp.en));
  });
  if (p.findingsFromScan === true && firstScan(r.conditions) === null) {
    out.push(problem(file, name, 'findingsFromScan 需要一个 scan 条件', 'findingsFromScan needs a scan condition'));
  }
  if (p.perHit) for (const pp of factParamProblems(p.perHit.fact, p.perHit.params)) out.push(problem(file, name, `perHit：${pp['zh-CN']}`, `perHit: ${pp.en}`));
  if (p.perHit && !(FACT_IDS as readonly string[]).includes(p.perHit.fact)) {
    out.push(problem(file, name, `perHit 引用了未知的 fact “${p.perHit.fact}”`, `perHit refers to an unknown fact "${p.perHit.fact}"`));
  }
  for (const n of p.perHit ? namesInParams(p.perHit.fact, p.perHit.params) : []) {
    if (!isIndicatorName(n)) out.push(problem(file, name, `perHit 中有未知的指标名称“${n}”`, `perHit lists an unknown indicator name "${n}"`));
  }
  for (const c of p.cells ?? []) {
    if (!isIndicatorName(c)) out.push(problem(file, name, `cells 中有未知的指标名称“${c}”`, `cells lists an unknown indicator name "${c}"`));
  }
  for (const t of p.appliesTo ?? []) {
    if (!UNIT_TYPES.includes(t) && unitTypeOf(t) === null) out.push(problem(file, name, `appliesTo 中有未知的单位类型“${t}”`, `appliesTo lists an unknown unit type "${t}"`));
  }
  checkLocalised(file, name, ['description ', 'description'], p.description, out);
  checkLocalised(file, name, ['message ', 'message'], p.message, out);
  for (const [k, v] of Object.entries(p.messageVariants ?? {})) {
    checkLocalised(file, name, [`messageVariants.${k} `, `messageVariants.${k}`], v, out);
  }
  const texts = [p.message, ...Object.values(p.messageVariants ?? {})].flatMap((m) => Object.values(m ?? {}));
  const placeholders = new Set(texts.flatMap((s) => [...String(s).matchAll(PLACEHOLDER_NAME)].map((m) => m[1])));
  for (const n of placeholders) {
    if (!isIndicatorName(n)) {
      out.push(problem(file, name, `消息中的占位符 {$${n}} 不是已知的指标名称`, `message placeholder {$${n}} is not a known indicator name`));
    }
  }
}

interface FileJson {
  sets?: Record<string, SetItem[]>;
  rules?: RawRule[];
  overrides?: Array<{ rule: string; severity?: Severity; enabled?: boolean }>;
}

/** Lints one schema-valid file and expands its rules. `order` continues across files. */
export function lintFile(file: string, json: FileJson, firstOrder: number): LintedFile {
  const problems: RuleProblem[] = [];
  const notes: RuleProblem[] = [];
  const rules: ExpandedRule[] = [];
  let order = firstOrder;
  for (const raw of json.rules ?? []) {
    const { rules: expanded, problems: expProblems } = expandRule(raw, json.sets ?? {});
    problems.push(...expProblems.map((e: ExpansionProblem) => ({ file, rule: raw.name, problem: e.problem })));
    for (const r of expanded) {
      checkRule(file, r, problems);
      const meta = normaliseMeta(file, r, notes);
      rules.push({
        name: r.name,
        file,
        priority: r.priority,
        conditions: r.conditions,
        eventType: r.event.type,
        meta,
        order: order++,
      });
    }
  }
  const overrides = (json.overrides ?? []).map((o) => ({ file, ...o }));
  return { rules, overrides, problems, notes };
}

/** Problems that only show across files: duplicate rule names, one check id in two files, overrides of unknown checks. */
export function lintAcrossFiles(files: LintedFile[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const byName = new Map<string, string>();
  const idFile = new Map<string, string>();
  for (const f of files) {
    for (const r of f.rules) {
      const first = byName.get(r.name);
      if (first !== undefined) {
        out.push(
          problem(r.file, r.name, `规则名称重复（已在 ${first} 中定义）`, `duplicate rule name (already defined in ${first})`),
        );
      } else byName.set(r.name, r.file);
      const idFirst = idFile.get(r.meta.ruleId);
      if (idFirst !== undefined && idFirst !== r.file) {
        out.push(
          problem(
            r.file,
            r.name,
            `检查编号 ${r.meta.ruleId} 已在 ${idFirst} 中定义；要调整已有检查请用 overrides，新检查请换一个编号`,
            `check id ${r.meta.ruleId} is already defined in ${idFirst}; use "overrides" to change an existing check, or pick a new id`,
          ),
        );
      } else if (idFirst === undefined) idFile.set(r.meta.ruleId, r.file);
    }
  }
  for (const f of files) {
    for (const o of f.overrides) {
      if (!idFile.has(o.rule)) {
        out.push(problem(o.file, o.rule, `overrides 引用了不存在的检查编号 ${o.rule}`, `overrides refers to an unknown check id ${o.rule}`));
      }
    }
  }
  return out;
}
