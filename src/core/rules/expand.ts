/**
 * The `forEach` loader directive: one rule written once, expanded over the 表三 columns, rows, the
 * 表四 groups or a set of the file. `${var}` becomes the item's key, `${var.label}` its label in
 * the language of the message it sits in (zh-CN elsewhere). Expansion happens before the engine
 * sees the rule, so the engine only ever gets plain json-rules-engine rules.
 */
import { isIndicatorName, partsOf } from '../catalogue';
import type { Locale, LocalisedText } from '../report';
import { BUILTIN_SETS, SetItem } from './sets';

/**
 * `"@parts:NAME"` inside an array stands for the parts of the total NAME in the catalogue
 * (e.g. the 12345 categories of W_HOTLINE_TOTAL), so a rule never repeats a list the catalogue
 * owns and picks up a new part without an edit.
 */
const PARTS_PREFIX = '@parts:';

function spreadParts(x: unknown, unknownTotals: Set<string>): unknown {
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    for (const e of x) {
      if (typeof e === 'string' && e.startsWith(PARTS_PREFIX)) {
        const total = e.slice(PARTS_PREFIX.length);
        const parts = partsOf(total);
        if (parts.length === 0 || !isIndicatorName(total)) unknownTotals.add(total);
        out.push(...parts);
      } else out.push(spreadParts(e, unknownTotals));
    }
    return out;
  }
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = spreadParts(v, unknownTotals);
    return out;
  }
  return x;
}

export interface RawRule {
  name: string;
  priority?: number;
  forEach?: Record<string, unknown>;
  conditions: Record<string, unknown>;
  event: { type: string; params: Record<string, unknown> };
}

export interface ExpansionProblem {
  problem: LocalisedText;
}

export type Bindings = Record<string, SetItem>;

/** Most rules one forEach may expand into (the largest standard one: 25 rows × 7 columns). */
export const MAX_EXPANDED = 5000;

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)(\.label)?\}/g;

function substitute(s: string, bind: Bindings, locale: Locale, unknown: Set<string>): string {
  return s.replace(VAR, (whole, v: string, label: string | undefined) => {
    const item = Object.prototype.hasOwnProperty.call(bind, v) ? bind[v] : undefined;
    if (!item) {
      unknown.add(v);
      return whole;
    }
    return label ? item.label[locale] : item.key;
  });
}

function substituteDeep(x: unknown, bind: Bindings, locale: Locale, unknown: Set<string>): unknown {
  if (typeof x === 'string') return substitute(x, bind, locale, unknown);
  if (Array.isArray(x)) return x.map((e) => substituteDeep(e, bind, locale, unknown));
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      const loc: Locale = k === 'en' ? 'en' : k === 'zh-CN' ? 'zh-CN' : locale;
      out[k] = substituteDeep(v, bind, loc, unknown);
    }
    return out;
  }
  return x;
}

/** All combinations of the forEach variables (usually one variable). */
function combinations(vars: Array<[string, readonly SetItem[]]>): Bindings[] {
  let out: Bindings[] = [{}];
  for (const [v, items] of vars) {
    const next: Bindings[] = [];
    for (const b of out) for (const it of items) next.push({ ...b, [v]: it });
    out = next;
  }
  return out;
}

/**
 * Expands one rule entry. Returns the expanded rules and problems (unknown set, unknown
 * exception key, `${var}` without a matching forEach variable).
 */
export function expandRule(
  rule: RawRule,
  localSets: Record<string, readonly SetItem[]>,
): { rules: RawRule[]; problems: ExpansionProblem[] } {
  const problems: ExpansionProblem[] = [];
  const vars: Array<[string, readonly SetItem[]]> = [];
  const except = new Set<string>();
  const { forEach, ...body } = rule;
  if (forEach) {
    for (const [v, setName] of Object.entries(forEach)) {
      if (v === 'except') {
        for (const k of setName as string[]) except.add(k);
        continue;
      }
      // Own properties only: "constructor" must not find Object's.
      const own = (o: Record<string, readonly SetItem[]>, k: string): readonly SetItem[] | undefined =>
        Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
      const set = own(localSets, String(setName)) ?? own(BUILTIN_SETS, String(setName));
      if (!set) {
        problems.push({
          problem: {
            'zh-CN': `forEach 引用了不存在的集合“${String(setName)}”（可用：${Object.keys({ ...BUILTIN_SETS, ...localSets }).join('、')}）`,
            en: `forEach refers to an unknown set "${String(setName)}" (known: ${Object.keys({ ...BUILTIN_SETS, ...localSets }).join(', ')})`,
          },
        });
        continue;
      }
      vars.push([v, set]);
    }
    const allKeys = new Set(vars.flatMap(([, items]) => items.map((i) => i.key)));
    for (const k of except) {
      if (!allKeys.has(k)) {
        problems.push({
          problem: { 'zh-CN': `forEach 的 except 中“${k}”不在集合中`, en: `forEach except lists "${k}", which is not in the set` },
        });
      }
    }
  }
  const count = vars.reduce((n, [, items]) => n * items.length, 1);
  if (count > MAX_EXPANDED) {
    problems.push({
      problem: {
        'zh-CN': `forEach 会展开成 ${count} 条规则，超过上限 ${MAX_EXPANDED}：请减少变量或集合的项数`,
        en: `forEach would expand into ${count} rules, more than the limit of ${MAX_EXPANDED}: use fewer variables or smaller sets`,
      },
    });
    return { rules: [], problems };
  }
  const unknown = new Set<string>();
  const unknownTotals = new Set<string>();
  const out: RawRule[] = [];
  for (const bind of combinations(vars)) {
    if (Object.values(bind).some((it) => except.has(it.key))) continue;
    const expanded = spreadParts(substituteDeep(body, bind, 'zh-CN', unknown), unknownTotals) as RawRule;
    if (vars.length > 0 && expanded.name === rule.name) {
      expanded.name = `${rule.name}@${Object.values(bind).map((b) => b.key).join('.')}`;
    }
    out.push(expanded);
  }
  for (const t of unknownTotals) {
    problems.push({
      problem: {
        'zh-CN': `“${PARTS_PREFIX}${t}”：指标目录中 ${t} 没有组成部分`,
        en: `"${PARTS_PREFIX}${t}": the catalogue lists no parts of ${t}`,
      },
    });
  }
  for (const v of unknown) {
    problems.push({
      problem: {
        'zh-CN': `使用了“\${${v}}”，但 forEach 中没有变量 ${v}`,
        en: `uses "\${${v}}" but forEach has no variable ${v}`,
      },
    });
  }
  return { rules: out, problems };
}
