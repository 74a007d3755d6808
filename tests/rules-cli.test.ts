/**
 * `zwgk rules check` and `zwgk rules list`, through the real CLI entry point with fake streams.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { standardRules } from './helpers/rules';
import { Capture, run } from './helpers/cli';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-rules-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('zwgk rules list', () => {
  it('prints id, severity and description in Chinese by default', async () => {
    const { code, out } = await run(['rules', 'list']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(standardRules.checks.length);
    expect(lines[0]).toBe('CELL-REQUIRED      错误  必填单元格为空');
    expect(lines).toContain('T2-STOCK           警告  表二：本年制发件数不应超过现行有效件数与本年废止件数之和');
    expect(lines).toContain('W-INTERP-OVERLAP   提示  各解读形式之和超过解读总数（单项未超过时）：形式可以重叠，请确认');
  });

  it('--format json in English', async () => {
    const { code, out } = await run(['rules', 'list', '--format', 'json', '--lang', 'en']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ id: string; severity: string; description: string }>;
    expect(rows.map((r) => r.id)).toEqual(standardRules.checks.map((c) => c.id));
    expect(rows.find((r) => r.id === 'Y-CARRY')).toEqual({
      id: 'Y-CARRY',
      severity: 'error',
      description: "This year's carried-over requests equal last year's carried-forward requests",
    });
  });

  it('--rules adds a local folder whose overrides apply', async () => {
    fs.writeFileSync(path.join(dir, 'local.json'), JSON.stringify({ format: 'zwgk-rules/1', overrides: [{ rule: 'T2-STOCK', severity: 'info' }] }));
    const { code, out } = await run(['rules', 'list', '--rules', dir]);
    expect(code).toBe(0);
    expect(out).toContain('T2-STOCK           提示  ');
  });

  it('rejects an unknown format', async () => {
    const { code, err } = await run(['rules', 'list', '--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toBe('--format 只能是 text 或 json。\n');
  });
});

describe('zwgk rules check', () => {
  it('passes the standard rules', async () => {
    const { code, out } = await run(['rules', 'check']);
    expect(code).toBe(0);
    expect(out).toBe(`规则检查通过：8 个文件，${standardRules.checks.length} 项检查（展开后 ${standardRules.rules.length} 条规则）。\n`);
  });

  it('prints one line per problem naming file, rule and problem, and exits 1', async () => {
    const file = path.join(dir, 'local.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'zwgk-rules/1',
        overrides: [{ rule: 'T9-NOPE', severity: 'info' }],
        rules: [
          {
            name: 'LOCAL-X',
            conditions: { all: [{ fact: 'cell', params: { name: 'W_PRES' }, path: 'value', operator: 'atLeast', value: 1 }] },
            event: {
              type: 'x',
              params: { ruleId: 'LOCAL-X', severity: 'warning', cells: [], description: { 'zh-CN': '说明', en: 'd' }, message: { 'zh-CN': '消息' } },
            },
          },
        ],
      }),
    );
    const { code, out, err } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n')).toEqual([
      `${file}：规则 LOCAL-X：未知的运算符“atLeast”`,
      `${file}：规则 LOCAL-X：未知的指标名称“W_PRES”`,
      `${file}：规则 LOCAL-X：message 缺少英文（en）文本`,
      `${file}：规则 T9-NOPE：overrides 引用了不存在的检查编号 T9-NOPE`,
    ]);
    expect(err).toBe('规则文件共有 4 处问题。\n');
    const en = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(en.out.split('\n')[0]).toBe(`${file}: rule LOCAL-X: unknown operator "atLeast"`);
  });

  it('a file that is not JSON is a problem too', async () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "format": ');
    const { code, out } = await run(['rules', 'check', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/^规则文件 .*broken\.json 不是有效的 JSON/);
  });

  it('usage', async () => {
    expect((await run(['rules'])).code).toBe(2);
    const unknown = await run(['rules', 'frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^未知的子命令“frob”。/);
    expect((await run(['rules', '--help'])).out).toMatch(/^用法：\n {2}zwgk rules check/);
  });
});
