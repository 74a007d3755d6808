/**
 * The rule loader: schema, lint messages naming file, rule and problem; forEach; overrides and
 * local rules; the Node folder reader.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../src/core/errors';
import { RULE_FILE_SCHEMA } from '../src/core/rules/schema';
import { RuleSource, Validator, lintRuleSources, loadRuleSet } from '../src/core/validator';
import { DEFAULT_RULES_DIR, loadRuleSources, readRuleSources } from '../src/io/load-rules';
import { NOW } from './helpers/rules';
import { cleanValues, snapshotFrom } from './helpers/snapshot';

const standard = readRuleSources();

/** A minimal valid rule (W_PRESS_LEADER ≤ W_PRESS), to be broken by each test. */
function rule(over: Record<string, unknown> = {}, params: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'LOCAL-PRESS',
    conditions: {
      all: [
        { fact: 'balance', params: { lhs: ['W_PRESS_LEADER'], rhs: ['W_PRESS'] }, path: 'diff', operator: 'lessThanInclusive', value: 0 },
      ],
    },
    event: {
      type: 'bound',
      params: {
        ruleId: 'LOCAL-PRESS',
        severity: 'error',
        cells: ['W_PRESS_LEADER'],
        description: { 'zh-CN': '本地检查', en: 'local check' },
        message: { 'zh-CN': '出席 {lhs} 场，多于 {rhs} 场', en: '{lhs} attended, more than {rhs}' },
        ...params,
      },
    },
    ...over,
  };
}

const file = (rules: unknown[], extra: Record<string, unknown> = {}): RuleSource => ({
  path: 'local/extra.json',
  json: { format: 'zwgk-rules/1', rules, ...extra },
});

/** The problems of one local file loaded after the standard rules, as "rule: zh problem" lines. */
function problemsOf(src: RuleSource): string[] {
  return lintRuleSources([...standard, src])
    .filter((p) => p.file === src.path)
    .map((p) => `${p.rule ?? '-'}: ${p.problem['zh-CN']}`);
}

describe('standard rule files', () => {
  it('load without problems; rules/schema.json is the schema the loader uses; every file points to it', () => {
    expect(lintRuleSources(standard)).toEqual([]);
    expect(standard.map((s) => path.basename(s.path))).toEqual(['cells.json', 'info.json', 't2.json', 't3.json', 't4.json', 'text.json', 'work.json', 'years.json']);
    for (const s of standard) expect((s.json as { $schema?: string }).$schema).toBe('./schema.json');
    const onDisk = JSON.parse(fs.readFileSync(path.join(DEFAULT_RULES_DIR, 'schema.json'), 'utf8'));
    expect(onDisk).toEqual(RULE_FILE_SCHEMA);
    expect(DEFAULT_RULES_DIR).toBe(path.resolve(__dirname, '..', 'rules'));
  });

  it('forEach expands one rule over the 7 columns, 25 rows and 3 groups', () => {
    const rs = loadRuleSet(standard);
    const names = rs.rules.map((r) => r.name);
    expect(names.filter((n) => n.startsWith('T3-BALANCE@'))).toEqual(['NAT', 'BIZ', 'RES', 'NGO', 'LAW', 'ORG', 'SUM'].map((c) => `T3-BALANCE@${c}`));
    expect(names.filter((n) => n.startsWith('T3-ROWSUM@'))).toHaveLength(25);
    expect(names.filter((n) => n.startsWith('T4-SUM@'))).toEqual(['T4-SUM@REVIEW', 'T4-SUM@DIRECT', 'T4-SUM@AFTER']);
    expect(names.filter((n) => n.startsWith('Y-CARRY@'))).toEqual(['Y-CARRY@SUM', 'Y-CARRY@NAT', 'Y-CARRY@BIZ', 'Y-CARRY@RES', 'Y-CARRY@NGO', 'Y-CARRY@LAW', 'Y-CARRY@ORG']);
    const law = rs.rules.find((r) => r.name === 'T3-BALANCE@LAW')!;
    expect(law.meta.cells).toEqual(['T3_NEW_LAW', 'T3_CARRY_LAW', 'T3_TOTAL_LAW', 'T3_CARRYOUT_LAW']);
    expect(law.meta.message['zh-CN']).toMatch(/^表三“法律服务机构”列：本年新收 \{\$T3_NEW_LAW\}/);
    expect(law.meta.message.en).toMatch(/^Table 3, column "legal service providers"/);
  });
});

describe('rejections name the file, the rule and the problem', () => {
  it('unknown indicator name (in a fact, in cells, in a message)', () => {
    const bad = rule(
      { conditions: { all: [{ fact: 'balance', params: { lhs: ['W_PRES_LEADER'], rhs: ['W_PRESS'] }, path: 'diff', operator: 'lessThanInclusive', value: 0 }] } },
      { cells: ['W_PRESS_LEADR'], message: { 'zh-CN': '出席 {$W_PRES} 场', en: '{$W_PRES} attended' } },
    );
    expect(problemsOf(file([bad]))).toEqual([
      'LOCAL-PRESS: 未知的指标名称“W_PRES_LEADER”',
      'LOCAL-PRESS: cells 中有未知的指标名称“W_PRESS_LEADR”',
      'LOCAL-PRESS: 消息中的占位符 {$W_PRES} 不是已知的指标名称',
    ]);
  });

  it('unknown operator, unknown fact, invalid pattern', () => {
    const bad = rule({
      conditions: {
        any: [
          { fact: 'balanse', params: {}, operator: 'lessThanInclusive', value: 0 },
          { fact: 'cell', params: { name: 'W_PRESS' }, path: 'value', operator: 'atMost', value: 0 },
          { fact: 'text', params: { name: 'TXT_OTHER', pattern: '([' }, path: 'match', operator: 'equal', value: null },
        ],
      },
    });
    const problems = problemsOf(file([bad]));
    expect(problems[0]).toBe('LOCAL-PRESS: 未知的 fact “balanse”（可用：cell、sum、balance、scan、text、unit、template、prev、currentYear、narrative、filing）');
    expect(problems[1]).toBe('LOCAL-PRESS: 未知的运算符“atMost”');
    expect(problems[2]).toMatch(/^LOCAL-PRESS: 正则表达式无效：/);
    expect(problems).toHaveLength(3);
  });

  it('a message or description missing in a locale', () => {
    const bad = rule({}, { message: { 'zh-CN': '出席 {lhs} 场' }, description: { 'zh-CN': '', en: 'x' } });
    expect(problemsOf(file([bad]))).toEqual(['LOCAL-PRESS: description 缺少中文（zh-CN）文本', 'LOCAL-PRESS: message 缺少英文（en）文本']);
  });

  it('duplicate rule names, and a check id of another file', () => {
    expect(problemsOf(file([rule(), rule()]))).toEqual(['LOCAL-PRESS: 规则名称重复（已在 local/extra.json 中定义）']);
    expect(problemsOf(file([rule({ name: 'MY-T2-STOCK' }, { ruleId: 'T2-STOCK' })]))).toEqual([
      `MY-T2-STOCK: 检查编号 T2-STOCK 已在 ${path.join(DEFAULT_RULES_DIR, 't2.json')} 中定义；要调整已有检查请用 overrides，新检查请换一个编号`,
    ]);
  });

  it('schema violations: a wrong severity, an unknown key (the rule is named)', () => {
    const problems = problemsOf(file([rule({ severity: 'error' }, { severity: 'fatal' })]));
    expect(problems).toContain('LOCAL-PRESS: 不符合规则文件格式（/rules/0）：must NOT have additional properties “severity”');
    expect(problems).toContain('LOCAL-PRESS: 不符合规则文件格式（/rules/0/event/params/severity）：must be equal to one of the allowed values: ["error","warning","info"]');
    expect(problemsOf({ path: 'x.json', json: { format: 'other/1' } })).toEqual(['-: 不符合规则文件格式（/format）：must be equal to constant']);
  });

  it('forEach: unknown set, unknown exception, ${var} without a variable', () => {
    const bad = rule({ name: 'LOCAL-${col}', forEach: { col: 't3Cols' } });
    expect(problemsOf(file([bad]))[0]).toMatch(/^LOCAL-\$\{col\}: forEach 引用了不存在的集合“t3Cols”/);
    const bad2 = rule({ name: 'LOCAL-${col}', forEach: { col: 't3Columns', except: ['TOTAL'] } }, { cells: ['T3_NEW_${row}'] });
    expect(problemsOf(file([bad2]))).toEqual([
      'LOCAL-${col}: forEach 的 except 中“TOTAL”不在集合中',
      'LOCAL-${col}: 使用了“${row}”，但 forEach 中没有变量 row',
      // the unexpanded name is then checked like any other, once per expansion
      ...Array(7).fill('LOCAL-NAT: cells 中有未知的指标名称“T3_NEW_${row}”').map((s, i) => s.replace('NAT', ['NAT', 'BIZ', 'RES', 'NGO', 'LAW', 'ORG', 'SUM'][i])),
    ]);
  });

  it('appliesTo an unknown unit type; an override of an unknown check', () => {
    expect(problemsOf(file([rule({}, { appliesTo: ['县政府'] })]))).toEqual(['LOCAL-PRESS: appliesTo 中有未知的单位类型“县政府”']);
    expect(problemsOf(file([], { overrides: [{ rule: 'T2-STOK', severity: 'info' }] }))).toEqual(['T2-STOK: overrides 引用了不存在的检查编号 T2-STOK']);
  });

  it('loadRuleSet throws one UserError listing every problem, in both languages', () => {
    const badShape: RuleSource = { path: 'local/a.json', json: { format: 'zwgk-rules/1', rules: [rule({}, { severity: 'fatal' })] } };
    const badName: RuleSource = { path: 'local/b.json', json: { format: 'zwgk-rules/1', rules: [rule({ name: 'LOCAL-2' }, { ruleId: 'LOCAL-2', cells: ['NOPE'] })] } };
    let err: unknown;
    try {
      loadRuleSet([...standard, badShape, badName]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const u = err as UserError;
    expect(u.code).toBe('rules-invalid');
    expect(u.messages['zh-CN'].split('\n')).toEqual([
      '校验规则文件有 2 处问题，请修改后重试：',
      'local/a.json：规则 LOCAL-PRESS：不符合规则文件格式（/rules/0/event/params/severity）：must be equal to one of the allowed values: ["error","warning","info"]',
      'local/b.json：规则 LOCAL-2：cells 中有未知的指标名称“NOPE”',
    ]);
    expect(u.messages.en.split('\n')).toEqual([
      'The rule files have 2 problem(s); fix them and try again:',
      'local/a.json: rule LOCAL-PRESS: does not match the rule-file schema (/rules/0/event/params/severity): must be equal to one of the allowed values: ["error","warning","info"]',
      'local/b.json: rule LOCAL-2: cells lists an unknown indicator name "NOPE"',
    ]);
  });

  it('the schema check is injectable (e.g. for a host that forbids code generation)', () => {
    const calls: unknown[] = [];
    const noSchema = (json: unknown) => {
      calls.push(json);
      return [];
    };
    expect(lintRuleSources(standard, { schemaCheck: noSchema })).toEqual([]);
    expect(calls).toHaveLength(standard.length);
    // the linter still runs without ajv
    const problems = lintRuleSources([...standard, file([rule({}, { cells: ['NOPE'] })])], { schemaCheck: noSchema });
    expect(problems.map((p) => p.problem.en)).toEqual(['cells lists an unknown indicator name "NOPE"']);
    const strict = lintRuleSources(standard, { schemaCheck: () => [{ path: '/rules', message: 'nope' }] });
    expect(strict).toHaveLength(standard.length);
  });
});

describe('local rules and overrides', () => {
  it('a later file lowers a severity, switches a check off, and adds a local check', async () => {
    const local: RuleSource = {
      path: 'local/overrides.json',
      json: {
        format: 'zwgk-rules/1',
        overrides: [
          { rule: 'T2-STOCK', severity: 'info' },
          { rule: 'W-TRAIN-PERSONS', enabled: false },
        ],
        rules: [
          rule(
            {
              name: 'LOCAL-STAFF',
              conditions: { all: [{ fact: 'cell', params: { name: 'W_STAFF_FULL' }, path: 'value', operator: 'greaterThanInclusive', value: 1 }] },
            },
            {
              ruleId: 'LOCAL-STAFF',
              severity: 'warning',
              cells: ['W_STAFF_FULL'],
              description: { 'zh-CN': '至少一名专职人员', en: 'at least one full-time staff member' },
              message: { 'zh-CN': '专职人员为 {$W_STAFF_FULL} 人，按本地要求至少 1 人。', en: '{$W_STAFF_FULL} full-time staff; at least 1 required locally.' },
            },
          ),
        ],
      },
    };
    const rs = loadRuleSet([...standard, local]);
    expect(rs.checks.find((c) => c.id === 'T2-STOCK')?.severity).toBe('info');
    expect(rs.checks.find((c) => c.id === 'W-TRAIN-PERSONS')).toBeUndefined();
    expect(rs.checks[rs.checks.length - 1]).toMatchObject({ id: 'LOCAL-STAFF', severity: 'warning', description: { 'zh-CN': '至少一名专职人员', en: 'at least one full-time staff member' } });
    const v = new Validator(rs);
    const report = await v.validate(snapshotFrom({ ...cleanValues(), T2_NORM_ISSUED: 50, W_TRAIN: 0, W_STAFF_FULL: 0 }), { now: NOW });
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['T2-STOCK', 'info'],
      ['LOCAL-STAFF', 'warning'],
    ]);
    expect(report.findings[1].message).toBe('专职人员为 0 人，按本地要求至少 1 人。');
    // the standard set is unchanged
    const std = await new Validator(loadRuleSet(standard)).validate(snapshotFrom({ ...cleanValues(), T2_NORM_ISSUED: 50 }), { now: NOW });
    expect(std.findings.map((f) => [f.rule, f.severity])).toEqual([['T2-STOCK', 'warning']]);
  });
});

describe('pure core', () => {
  it('the validator and the rule engine core import no Node built-ins', () => {
    const dir = path.resolve(__dirname, '..', 'src', 'core');
    const files = [path.join(dir, 'validator.ts'), ...fs.readdirSync(path.join(dir, 'rules')).map((f) => path.join(dir, 'rules', f))];
    for (const f of files) {
      const imports = [...fs.readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect([f, i]).toEqual([f, expect.stringMatching(/^(\.{1,2}\/|json-rules-engine$|ajv$)/)]);
    }
  });
});

describe('reading rule folders', () => {
  it('reads every *.json but schema.json, sorted; several folders in order; bad JSON names the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-rules-'));
    try {
      fs.writeFileSync(path.join(dir, 'b.json'), '{"format":"zwgk-rules/1"}');
      fs.writeFileSync(path.join(dir, 'a.json'), '\uFEFF{"format":"zwgk-rules/1","rules":[]}');
      fs.writeFileSync(path.join(dir, 'schema.json'), '{}');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
      expect(readRuleSources(dir).map((s) => path.basename(s.path))).toEqual(['a.json', 'b.json']);
      const both = await loadRuleSources([undefined, dir]);
      expect(both.map((s) => path.basename(s.path)).slice(-3)).toEqual(['years.json', 'a.json', 'b.json']);
      expect((await loadRuleSources()).length).toBe(standard.length);
      fs.writeFileSync(path.join(dir, 'c.json'), '{"format": ');
      expect(() => readRuleSources(dir)).toThrow(UserError);
      try {
        readRuleSources(dir);
      } catch (e) {
        expect((e as UserError).messages['zh-CN']).toBe(`规则文件 ${path.join(dir, 'c.json')} 不是有效的 JSON（文件不完整，缺少结尾的括号或引号）。请修改后重试。`);
      }
      // A mistake in the middle is placed by line and column.
      fs.writeFileSync(path.join(dir, 'c.json'), '{\n  "format": "zwgk-rules/1",\n  rules: []\n}');
      const zh = (f: () => unknown): string | null => {
        try {
          f();
        } catch (e) {
          return (e as UserError).messages['zh-CN'];
        }
        return null;
      };
      expect(zh(() => readRuleSources(dir))).toBe(`规则文件 ${path.join(dir, 'c.json')} 不是有效的 JSON（第 3 行第 3 列附近）。请修改后重试。`);
      expect(() => readRuleSources(path.join(dir, 'missing'))).toThrow(/Cannot read the rules folder/);
      // A rule file where its folder is expected.
      expect(zh(() => readRuleSources(path.join(dir, 'a.json')))).toBe(
        `--rules 需要的是规则文件夹，“${path.join(dir, 'a.json')}”是一个文件：请给出它所在的文件夹（${dir}），文件夹中的每个 .json 规则文件都会读取。`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The params of the first scan leaf of a condition tree (what findingsFromScan reports). */
function firstScanParams(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as Record<string, unknown>;
  if (n.fact === 'scan') return n.params;
  for (const k of ['all', 'any']) {
    for (const c of (n[k] as unknown[] | undefined) ?? []) {
      const p = firstScanParams(c);
      if (p !== undefined) return p;
    }
  }
  return n.not ? firstScanParams(n.not) : undefined;
}

describe('the rule format that explains itself', () => {
  const cellsFile = (): { path: string; json: unknown } => {
    const src = readRuleSources().find((s) => s.path.endsWith('cells.json'))!;
    return { path: 'local/cells.json', json: JSON.parse(JSON.stringify(src.json)) };
  };

  it('still loads the old perHit and soleIf spellings, with a note naming the new ones, and gives the same findings', async () => {
    const standard = readRuleSources();
    const old = cellsFile();
    for (const r of (old.json as { rules: Array<{ event: { params: Record<string, unknown> }; conditions: unknown }> }).rules) {
      if (r.event.params.findingsFromScan) {
        delete r.event.params.findingsFromScan;
        r.event.params.perHit = { fact: 'scan', params: firstScanParams(r.conditions) };
      }
    }
    const sources = standard.map((s) => (s.path.endsWith('cells.json') ? old : s));
    const rs = loadRuleSet(sources);
    const converted = (old.json as { rules: Array<{ name: string; event: { params: Record<string, unknown> } }> }).rules
      .filter((r) => r.event.params.perHit)
      .map((r) => r.name);
    expect(converted).toEqual(expect.arrayContaining(['CELL-REQUIRED', 'CELL-NUMBER', 'CELL-TEXTNUM', 'CELL-INTEGER', 'CELL-NONNEG', 'CELL-APPROX']));
    expect(rs.notes?.map((n) => [n.file, n.rule, n.problem.en])).toEqual(
      converted.map((id) => [
        'local/cells.json',
        id,
        '"perHit" is now "findingsFromScan": true (without repeating the scan parameters); the old spelling still works for now',
      ]),
    );
    const values = { ...cleanValues(), T2_FEE: 'XX', W_PRESS: '12', T3_NEW_NAT: null };
    const a = await new Validator(rs).validate(snapshotFrom(values), { now: NOW });
    const b = await new Validator(loadRuleSet(standard)).validate(snapshotFrom(values), { now: NOW });
    expect(a.findings).toEqual(b.findings);
    expect(b.findings.map((f) => f.rule)).toEqual(['CELL-NUMBER', 'CELL-REQUIRED', 'CELL-TEXTNUM']);
    expect(loadRuleSet(standard).notes).toBeUndefined();
  });

  it('refuses findingsFromScan on a rule without a scan condition', () => {
    const file = {
      path: 'local/bad.json',
      json: {
        format: 'zwgk-rules/1',
        rules: [
          {
            name: 'LOCAL-X',
            conditions: { all: [{ fact: 'cell', params: { name: 'W_PRESS' }, path: 'value', operator: 'greaterThan', value: 0 }] },
            event: { type: 'x', params: { ruleId: 'LOCAL-X', severity: 'info', cells: [], findingsFromScan: true, description: { 'zh-CN': '甲', en: 'a' }, message: { 'zh-CN': '甲', en: 'a' } } },
          },
        ],
      },
    };
    expect(lintRuleSources([...readRuleSources(), file]).map((p) => p.problem.en)).toEqual(['findingsFromScan needs a scan condition']);
  });
});
