/**
 * Local rule files are data that cannot hang or crash the tool: catastrophic regular expressions,
 * params of the wrong type, prototype names, deep nesting, huge files and huge forEach expansions
 * are refused by `rules check` and by loading, naming the file and the rule; loading is linear.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { catastrophicPattern, factParamProblems } from '../src/core/rules/safety';
import { RuleSource, lintRuleSources, loadRuleSet } from '../src/core/validator';
import { MAX_RULE_FILE_BYTES, readRuleSources } from '../src/io/load-rules';
import { captureStream, sha256 } from './helpers/hostile-fixtures';

const standard = readRuleSources();

const meta = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ruleId: id,
  severity: 'warning',
  cells: ['INFO_UNIT_NAME'],
  description: { 'zh-CN': '本地检查', en: 'Local check' },
  message: { 'zh-CN': '本地检查未通过', en: 'Local check failed' },
  ...extra,
});

function rule(name: string, condition: Record<string, unknown>, id = 'LOCAL-X'): Record<string, unknown> {
  return { name, conditions: { all: [condition] }, event: { type: 'local', params: meta(id) } };
}

const file = (rules: unknown[], extra: Record<string, unknown> = {}): RuleSource => ({
  path: 'local/本县.json',
  json: { format: 'zwgk-rules/1', rules, ...extra },
});

function problemsOf(src: RuleSource): string[] {
  return lintRuleSources([...standard, src])
    .filter((p) => p.file === src.path)
    .map((p) => `${p.rule ?? '-'}: ${p.problem['zh-CN']}`);
}

describe('regular expressions in local rules', () => {
  it.each([
    ['(a+)+$', 'unbounded'],
    ['^(\\w+\\s?)*$', 'unbounded'],
    ['((ab)*c)+', 'unbounded'],
    ['(a|ab)*c', 'alternatives'],
    ['(\\d|x)+', 'alternatives'],
    ['(.)\\1', 'backref'],
  ])('refuses %s', (pattern, kind) => {
    const why = catastrophicPattern(pattern);
    expect(why).not.toBeNull();
    const expected = { unbounded: '不限次数的重复', alternatives: '相同字符开头', backref: '反向引用' }[kind] as string;
    expect(why?.['zh-CN']).toContain(expected);
  });

  it.each(['^1[3-9]\\d{9}$', '(?:年|月)+', '(?:[XxＸｘ×]{2,}|若干)\\s*(?:人次|件)', '[(a+)+]', '\\(a+\\)+', '(ab){2}c+', '(?<y>\\d{4})年'])('accepts %s', (pattern) => {
    expect(catastrophicPattern(pattern)).toBeNull();
  });

  it('every pattern of the standard rules passes', () => {
    expect(lintRuleSources(standard)).toEqual([]);
  });

  it('a backtracking pattern in a local rule is a problem naming the file and the rule', () => {
    const src = file([rule('LOCAL-NAME-SHAPE', { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'text', operator: 'matches', value: '^(\\w+\\s?)*$' })]);
    expect(problemsOf(src)).toEqual([
      'LOCAL-NAME-SHAPE: 正则表达式中重复的分组内又有 * 或 + 等不限次数的重复（如 (a+)+），回溯可能耗时极长，请改写',
    ]);
  });
});

describe('fact params are type-checked', () => {
  it('names the param, the expected type and the value', () => {
    expect(factParamProblems('sum', { names: 'T2_RULES_NEW' }).map((p) => p['zh-CN'])).toEqual([
      'fact “sum”的参数 names 须为定义名称数组（每项为名称，或 {"name", "coef", "prev"}）', 
    ].map((s) => `${s.trim()}，实为 "T2_RULES_NEW"`));
    expect(factParamProblems('balance', { lhs: ['A'], rhs: [{ name: 'B', coef: '2' }] }).map((p) => p.en)).toEqual([
      'the param rhs of fact "balance" must be an array of defined names (each a name or {"name", "coef", "prev"}), not [{"name":"B","coef":"2"}]',
    ]);
    expect(factParamProblems('cell', {}).map((p) => p.en)).toEqual(['fact "cell" lacks the param name']);
    expect(factParamProblems('scan', { test: 'big', required: 'yes' }).map((p) => p.en)).toEqual([
      'the param required of fact "scan" must be true or false, not "yes"',
      'the param test of fact "scan" must be "negative" or "fraction", not "big"',
    ]);
    expect(factParamProblems('prev', { minNonZero: 3 })).toEqual([]);
  });

  it('rules check rejects a file whose params have the wrong type (exit 1), instead of every submission failing later', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-rules-types-'));
    try {
      const bad = file([rule('LOCAL-SUM', { fact: 'sum', params: { names: 'T2_RULES_NEW' }, path: 'value', operator: 'greaterThanInclusive', value: 0 })]);
      fs.writeFileSync(path.join(dir, '本县.json'), JSON.stringify(bad.json));
      const before = sha256(path.join(dir, '本县.json'));
      const out = captureStream();
      const err = captureStream();
      const code = await main(['rules', 'check', dir], { stdout: out, stderr: err });
      expect(code).toBe(1);
      expect(out.text() + err.text()).toContain(`${path.join(dir, '本县.json')}：规则 LOCAL-SUM：fact “sum”的参数 names 须为`);
      expect(sha256(path.join(dir, '本县.json'))).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('prototype names', () => {
  it.each([
    ['a set named __proto__', file([], { sets: JSON.parse('{"__proto__": [{"key": "A", "label": {"zh-CN": "甲", "en": "A"}}]}') }), '-: sets 中不能使用“__proto__”作为名称'],
    ['a set named constructor used by forEach', file([{ ...rule('LOCAL-C@${c}', { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'present', operator: 'equal', value: true }), forEach: { c: 'constructor' } }]), 'LOCAL-C@${c}: 不能使用“constructor”作为变量或占位符'],
    ['a placeholder {$__proto__}', file([{ ...rule('LOCAL-P', { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'present', operator: 'equal', value: true }), event: { type: 'local', params: meta('LOCAL-P', { message: { 'zh-CN': '值 {$__proto__}', en: 'value {$__proto__}' } }) } }]), 'LOCAL-P: 不能使用“__proto__”作为变量或占位符'],
    ['a variable ${prototype}', file([rule('LOCAL-V', { fact: 'cell', params: { name: 'INFO_${prototype}' }, path: 'present', operator: 'equal', value: true })]), 'LOCAL-V: 不能使用“prototype”作为变量或占位符'],
  ])('%s is refused without a crash', (_label, src, expected) => {
    expect(problemsOf(src)).toEqual([expected]);
    expect(() => loadRuleSet([...standard, src])).toThrow(/rule/i);
  });
});

describe('size and shape limits', () => {
  it('deep nesting gives an error naming the file and the rule, not a stack overflow', () => {
    let cond: Record<string, unknown> = { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'present', operator: 'equal', value: true };
    for (let i = 0; i < 100_000; i++) cond = { all: [cond] };
    const src = file([{ name: 'LOCAL-DEEP', conditions: cond, event: { type: 'local', params: meta('LOCAL-DEEP') } }]);
    expect(problemsOf(src)).toEqual(['LOCAL-DEEP: 嵌套超过 40 层，请把条件拆成几条规则']);
  });

  it('a forEach that would expand into millions of rules is refused', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ key: `K${i}`, label: { 'zh-CN': `项${i}`, en: `Item ${i}` } }));
    const src = file(
      [{ ...rule('LOCAL-BIG@${a}.${b}.${c}', { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'present', operator: 'equal', value: true }), forEach: { a: 'big', b: 'big', c: 'big' } }],
      { sets: { big: items } },
    );
    expect(problemsOf(src)).toEqual(['LOCAL-BIG@${a}.${b}.${c}: forEach 会展开成 8000000 条规则，超过上限 5000：请减少变量或集合的项数']);
  });

  it('a rule file over the size limit is refused before it is parsed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-rules-size-'));
    try {
      fs.writeFileSync(path.join(dir, 'huge.json'), `{"format":"zwgk-rules/1","description":"${'x'.repeat(MAX_RULE_FILE_BYTES)}"}`);
      expect(() => readRuleSources(dir)).toThrow(/huge\.json is 1\.0 MB, over the 1 MB limit/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loading is linear: 4,000 rules and 4,000 overrides load (a quadratic loader took minutes)', () => {
    const rules = Array.from({ length: 4000 }, (_, i) =>
      rule(`LOCAL-R${i}`, { fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'present', operator: 'equal', value: true }, `LOCAL-R${i}`),
    );
    const overrides = Array.from({ length: 4000 }, (_, i) => ({ rule: `LOCAL-R${i}`, severity: i % 2 ? 'info' : 'error' }));
    const set = loadRuleSet([...standard, file(rules, { overrides })]);
    expect(set.checks.find((c) => c.id === 'LOCAL-R1')?.severity).toBe('info');
    expect(set.checks.find((c) => c.id === 'LOCAL-R2')?.severity).toBe('error');
  }, 60_000);
});
