/**
 * Rule files are data written by people outside the project (a county's local rules): they must
 * not be able to hang or crash the tool. Checked before the schema and the linter:
 *
 * - nesting: a condition tree deeper than MAX_DEPTH is refused, naming the file and the rule (a
 *   recursive schema check would otherwise overflow the stack);
 * - names: `__proto__`, `constructor` and `prototype` are refused as object keys, set names,
 *   forEach variables and placeholders (they reach Object.prototype through plain lookups);
 * - regular expressions: patterns whose backtracking grows exponentially with the input (a
 *   quantified group that itself holds a quantifier, an ambiguous alternation under a quantifier,
 *   back-references) are refused, as JavaScript has no linear-time engine built in;
 * - fact params: the params a fact reads must have the type it reads them as.
 *
 * Every check walks the file once, without recursion.
 */
import type { LocalisedText } from '../report';
import type { RuleProblem } from './types';

/** Deepest nesting of objects and arrays a rule may have (the standard rules need 8). */
export const MAX_DEPTH = 40;

/** Names that reach Object.prototype when used as a key of a plain object. */
export const FORBIDDEN_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

function problem(file: string, rule: string | undefined, zh: string, en: string): RuleProblem {
  const p: LocalisedText = { 'zh-CN': zh, en };
  return rule === undefined ? { file, problem: p } : { file, rule, problem: p };
}

function ruleName(rule: unknown, index: number): string {
  const n = rule !== null && typeof rule === 'object' ? (rule as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n !== '' ? n.slice(0, 100) : `#${index + 1}`;
}

/** Depth of a JSON value and the first forbidden key in it, walking iteratively. */
function walk(value: unknown): { depth: number; forbiddenKey: string | null } {
  let depth = 0;
  let forbiddenKey: string | null = null;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > depth) depth = d;
    if (d > MAX_DEPTH) return { depth: d, forbiddenKey };
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, d + 1]);
    } else {
      for (const k of Object.keys(v)) {
        if (forbiddenKey === null && FORBIDDEN_NAMES.includes(k)) forbiddenKey = k;
        stack.push([(v as Record<string, unknown>)[k], d + 1]);
      }
    }
  }
  return { depth, forbiddenKey };
}

const PLACEHOLDERS = /\$\{([^}]{0,200})\}|\{\$(?:prev:)?([^}]{0,200})\}|\{([A-Za-z_]\w{0,100})\}/g;

/** Forbidden names used as `${var}`, `{$NAME}` or `{name}` in the strings of a value (iterative). */
function forbiddenPlaceholder(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      for (const m of v.matchAll(PLACEHOLDERS)) {
        const name = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\.label$/, '');
        if (FORBIDDEN_NAMES.includes(name)) return name;
      }
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return null;
}

/**
 * Why a regular expression can take exponential time, or null when it cannot (as far as a static
 * look can tell). Refused: a group repeated more than once that holds an unbounded quantifier
 * (`(a+)+`, `(\d*x?)*`), a repeated group whose alternatives can start alike (`(a|ab)*`,
 * `(\w|x)+`), and back-references. Character classes and escapes are read correctly.
 */
export function catastrophicPattern(pattern: string): LocalisedText | null {
  interface Group {
    unbounded: boolean;
    alternatives: string[];
    current: string;
  }
  const stack: Group[] = [{ unbounded: false, alternatives: [], current: '' }];
  let lastGroup: Group | null = null; // the group that just closed (a quantifier may follow)
  let i = 0;
  const n = pattern.length;
  const top = (): Group => stack[stack.length - 1];
  /** Reads a quantifier at i: its maximum (Infinity when unbounded), or null when there is none. */
  const quantifier = (): number | null => {
    const ch = pattern[i];
    if (ch === '*' || ch === '+') {
      i++;
      if (pattern[i] === '?') i++;
      return Infinity;
    }
    if (ch === '?') {
      i++;
      if (pattern[i] === '?') i++;
      return 1;
    }
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i, i + 30));
      if (!m) return null;
      i += m[0].length;
      if (m[2] === undefined) return Number(m[1]);
      return m[3] === '' ? Infinity : Number(m[3]);
    }
    return null;
  };
  while (i < n) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) {
        return { 'zh-CN': '正则表达式使用了反向引用（\\1、\\k<名称>），可能耗时极长，请改写', en: 'the regular expression uses a back-reference (\\1, \\k<name>), which can take extremely long; rewrite it' };
      }
      top().current += pattern.slice(i, i + 2);
      i += 2;
      lastGroup = null;
    } else if (ch === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < n && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      top().current += pattern.slice(i, j + 1);
      i = j + 1;
      lastGroup = null;
    } else if (ch === '(') {
      stack.push({ unbounded: false, alternatives: [], current: '' });
      i++;
      if (pattern[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(i, i + 200));
        if (m) i += m[0].length;
      }
      lastGroup = null;
    } else if (ch === ')') {
      const g = stack.length > 1 ? (stack.pop() as Group) : top();
      g.alternatives.push(g.current);
      // An unbounded repetition inside a group is inside every group around it too.
      if (g.unbounded) top().unbounded = true;
      top().current += '(…)';
      i++;
      lastGroup = g;
    } else if (ch === '|') {
      top().alternatives.push(top().current);
      top().current = '';
      i++;
      lastGroup = null;
    } else {
      const group = lastGroup;
      const start = i;
      const max = quantifier();
      if (max === null) {
        top().current += ch;
        i++;
        lastGroup = null;
        continue;
      }
      top().current += pattern.slice(start, i);
      if (max === Infinity) top().unbounded = true;
      if (group && max >= 2) {
        if (group.unbounded) {
          return {
            'zh-CN': '正则表达式中重复的分组内又有 * 或 + 等不限次数的重复（如 (a+)+），回溯可能耗时极长，请改写',
            en: 'the regular expression repeats a group that itself holds an unbounded repetition (like (a+)+), which can backtrack for extremely long; rewrite it',
          };
        }
        if (group.alternatives.length > 1 && !distinctLiterals(group.alternatives)) {
          return {
            'zh-CN': '正则表达式中重复的分组有可能以相同字符开头的多个选项（如 (a|ab)*），回溯可能耗时极长：请改用字符类或不同开头的选项',
            en: 'the regular expression repeats a group whose alternatives can start alike (like (a|ab)*), which can backtrack for extremely long; use a character class or alternatives that start differently',
          };
        }
      }
      lastGroup = null;
    }
  }
  return null;
}

/** Alternatives that are plain text (no metacharacters) and start with different characters. */
function distinctLiterals(alternatives: string[]): boolean {
  const firsts = new Set<string>();
  for (const a of alternatives) {
    if (a === '' || /[\\[\]().*+?{}|^$]/.test(a)) return false;
    const first = String.fromCodePoint(a.codePointAt(0) as number);
    if (firsts.has(first)) return false;
    firsts.add(first);
  }
  return true;
}

type ParamType = 'string' | 'number' | 'boolean' | 'strings' | 'terms' | 'blank' | 'scanTest';

/** Param types of the facts that read params (facts not listed here take no params or are checked by the linter). */
const FACT_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamType>>>> = {
  cell: { name: 'string' },
  text: { name: 'string', pattern: 'string' },
  sum: { names: 'terms', blank: 'blank' },
  balance: { lhs: 'terms', rhs: 'terms', blank: 'blank' },
  scan: { kinds: 'strings', groups: 'strings', required: 'boolean', except: 'strings', classes: 'strings', test: 'scanTest' },
  prev: { minNonZero: 'number' },
};

/** Params a fact cannot do without. */
const REQUIRED_PARAMS: Readonly<Record<string, readonly string[]>> = {
  cell: ['name'],
  text: ['name'],
  sum: ['names'],
  balance: ['lhs', 'rhs'],
};

const TYPE_TEXT: Record<ParamType, [string, string]> = {
  string: ['文字', 'a string'],
  number: ['数字', 'a number'],
  boolean: ['true 或 false', 'true or false'],
  strings: ['文字数组', 'an array of strings'],
  terms: ['定义名称数组（每项为名称，或 {"name", "coef", "prev"}）', 'an array of defined names (each a name or {"name", "coef", "prev"})'],
  blank: ['"skip" 或 "zero"', '"skip" or "zero"'],
  scanTest: ['"negative" 或 "fraction"', '"negative" or "fraction"'],
};

function isTerm(t: unknown): boolean {
  if (typeof t === 'string') return true;
  if (t === null || typeof t !== 'object' || Array.isArray(t)) return false;
  const o = t as Record<string, unknown>;
  // A name set by key (NAME_SETS); the linter reports an unknown key.
  if ('set' in o) return typeof o.set === 'string' && Object.keys(o).length === 1;
  return typeof o.name === 'string' && (o.coef === undefined || (typeof o.coef === 'number' && Number.isFinite(o.coef))) && (o.prev === undefined || typeof o.prev === 'boolean');
}

function hasType(v: unknown, type: ParamType): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'terms':
      return Array.isArray(v) && v.every(isTerm);
    case 'blank':
      return v === 'skip' || v === 'zero';
    case 'scanTest':
      return v === 'negative' || v === 'fraction';
  }
}

/** Problems of one fact reference's params: missing or of the wrong type (unknown facts are the linter's). */
export function factParamProblems(fact: string, params: unknown): LocalisedText[] {
  const spec = FACT_PARAMS[fact];
  if (!spec) return [];
  const out: LocalisedText[] = [];
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    return [{ 'zh-CN': `fact “${fact}”的 params 须为对象`, en: `the params of fact "${fact}" must be an object` }];
  }
  const p = (params ?? {}) as Record<string, unknown>;
  for (const req of REQUIRED_PARAMS[fact] ?? []) {
    if (p[req] === undefined) out.push({ 'zh-CN': `fact “${fact}”缺少参数 ${req}`, en: `fact "${fact}" lacks the param ${req}` });
  }
  for (const [key, type] of Object.entries(spec)) {
    const v = p[key];
    if (v === undefined || hasType(v, type)) continue;
    out.push({
      'zh-CN': `fact “${fact}”的参数 ${key} 须为${TYPE_TEXT[type][0]}，实为 ${JSON.stringify(v)?.slice(0, 60)}`,
      en: `the param ${key} of fact "${fact}" must be ${TYPE_TEXT[type][1]}, not ${JSON.stringify(v)?.slice(0, 60)}`,
    });
  }
  return out;
}

/**
 * Problems that make a rule file unsafe to check further (too deep, forbidden names). When this
 * returns any, the file is not given to the schema check or the linter.
 */
export function unsafeFileProblems(file: string, json: unknown): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return out; // the schema says what is wrong
  const doc = json as Record<string, unknown>;
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  rules.forEach((r, i) => {
    const { depth, forbiddenKey } = walk(r);
    const name = ruleName(r, i);
    if (depth > MAX_DEPTH) {
      out.push(problem(file, name, `嵌套超过 ${MAX_DEPTH} 层，请把条件拆成几条规则`, `nested deeper than ${MAX_DEPTH} levels; split the conditions into several rules`));
      return;
    }
    if (forbiddenKey) out.push(problem(file, name, `不能使用“${forbiddenKey}”作为名称`, `"${forbiddenKey}" cannot be used as a name`));
    const forEach = r !== null && typeof r === 'object' ? (r as { forEach?: unknown }).forEach : undefined;
    const setNames = forEach !== null && typeof forEach === 'object' ? Object.values(forEach as object) : [];
    const badSet = setNames.find((v) => typeof v === 'string' && FORBIDDEN_NAMES.includes(v)) as string | undefined;
    const ph = badSet ?? forbiddenPlaceholder(r);
    if (ph) out.push(problem(file, name, `不能使用“${ph}”作为变量或占位符`, `"${ph}" cannot be used as a variable or placeholder`));
  });
  for (const key of ['sets', 'overrides'] as const) {
    const { depth, forbiddenKey } = walk(doc[key]);
    if (depth > MAX_DEPTH) out.push(problem(file, undefined, `${key} 嵌套超过 ${MAX_DEPTH} 层`, `${key} is nested deeper than ${MAX_DEPTH} levels`));
    else if (forbiddenKey) out.push(problem(file, undefined, `${key} 中不能使用“${forbiddenKey}”作为名称`, `"${forbiddenKey}" cannot be used as a name in ${key}`));
    else if (key === 'sets' && forbiddenPlaceholder(doc[key])) out.push(problem(file, undefined, `sets 中不能使用“__proto__”“constructor”“prototype”`, `sets cannot use "__proto__", "constructor" or "prototype"`));
  }
  for (const k of Object.keys(doc)) {
    if (FORBIDDEN_NAMES.includes(k)) out.push(problem(file, undefined, `不能使用“${k}”作为名称`, `"${k}" cannot be used as a name`));
  }
  return out;
}
