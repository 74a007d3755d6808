/**
 * The code registry: one entry per code with a consistent style, zh-CN and en text; `zwgk codes`;
 * docs/checks.md generated from it; and a varied run of the CLI (validate and summary over the
 * examples, broken and hostile files, bad options) whose every code is in the registry.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { BatchReport } from '../src/core/batch-report';
import { checksMarkdown } from '../src/core/codes/checks-doc';
import { codeRegistry, renderCode, templatePattern } from '../src/core/codes/registry';
import { SEVERITY_LABELS, SEVERITY_ORDER, STATUS_LABELS, STATUS_ORDER } from '../src/core/codes/labels';
import { UserError } from '../src/core/errors';
import { loadRuleSet } from '../src/core/validator';
import { cleanUnitValues } from '../src/examples/units';
import { readRuleSources } from '../src/io/load-rules';
import * as refusals from '../src/io/reader/refusals';
import { writeTemplate } from '../src/io/template-writer';
import { EXAMPLES_DIR, badFiles } from './helpers/hostile-fixtures';
import { codeFor } from './summary-fixtures';
import { Capture, run } from './helpers/cli';

const ruleSet = loadRuleSet(readRuleSources());
const registry = codeRegistry(ruleSet);
const byCode = new Map(registry.map((e) => [e.code, e]));

describe('the registry', () => {
  it('has one entry per code, in the style of its kind, with text in both languages', () => {
    expect(new Set(registry.map((e) => e.code)).size).toBe(registry.length);
    for (const e of registry) {
      if (e.kind === 'finding') {
        expect(e.code).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
        expect(SEVERITY_ORDER).toContain(e.severity);
      } else {
        expect(e.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
        expect(e.severity).toBeUndefined();
      }
      for (const t of [e.message, e.description]) {
        expect(t['zh-CN'].trim()).not.toBe('');
        expect(t.en.trim()).not.toBe('');
      }
      expect(e.tags.length).toBeGreaterThan(0);
    }
  });

  it('takes every rule id from the rule files, and lists the checks across units and years', () => {
    const findings = registry.filter((e) => e.kind === 'finding').map((e) => e.code);
    expect(findings.slice(0, ruleSet.checks.length)).toEqual(ruleSet.checks.map((c) => c.id));
    expect(findings.slice(ruleSet.checks.length)).toEqual(['U-DUPLICATE', 'U-YEAR', 'U-SAME-TEXT', 'U-NOT-ON-ROSTER', 'U-MISSING', 'Y-MATCH-NAME', 'Y-NO-PREVIOUS']);
    expect(byCode.get('T3-BALANCE')).toMatchObject({ severity: 'error', source: '国办公开办函〔2021〕30号 表三表头说明', area: 'rules', tags: ['t3'] });
  });

  it('keeps severity and status labels and their order in one place', () => {
    expect(SEVERITY_ORDER).toEqual(['error', 'warning', 'info']);
    expect(SEVERITY_LABELS['zh-CN']).toEqual({ error: '错误', warning: '警告', info: '提示' });
    expect(STATUS_ORDER).toEqual(['unreadable', 'error', 'warning', 'ok']);
    expect(STATUS_LABELS.en.unreadable).toBe('unreadable');
  });

  it('renders a refusal from the data it carries', () => {
    const e = refusals.tooLarge('报送/大.xlsx', 3 * 1024 * 1024, 2 * 1024 * 1024);
    expect(e).toBeInstanceOf(UserError);
    expect(e.code).toBe('too-large');
    expect(e.data).toMatchObject({ file: '报送/大.xlsx', bytes: 3145728, limitBytes: 2097152 });
    expect(e.messages['zh-CN']).toBe('文件“报送/大.xlsx”大小为 3.0 MB，超过 2.0 MB 的上限，不像年报工作簿：请确认选对了文件，或删除其中的图片等大对象后另存再试。');
    expect(refusals.corrupt('a.xlsx', refusals.DAMAGE.truncated).messages.en).toBe(
      'The file "a.xlsx" is damaged or incomplete (the file is cut off) and cannot be read: open it in Excel or WPS and save it as .xlsx, or get the original file again.',
    );
    expect(renderCode('Y-NO-PREVIOUS', { who: 'XX县教育局' })['zh-CN']).toBe('上年报告目录中没有找到本单位（XX县教育局）的报告，未进行跨年度校验（上年结转等）。');
    expect(() => renderCode('NO-SUCH-CODE', {})).toThrow('not in the registry');
  });
});

describe('zwgk codes', () => {
  it('--format json lists every code with severity where it applies and both texts', async () => {
    const r = await run(['codes', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(list.map((e) => e.code)).toEqual(registry.map((e) => e.code));
    expect(list.find((e) => e.code === 'W-HOTLINE-SUM')).toMatchObject({
      severity: 'error',
      'zh-CN': '工作指标：12345 热线{lhsText} = {lhs}，但受理工单总数填写 {rhs}，相差 {absDiff}。',
    });
    expect(list.find((e) => e.code === 'corrupt')).not.toHaveProperty('severity');
    expect(list.find((e) => e.code === 'Y-NO-PREVIOUS')).toMatchObject({ severity: 'info', kind: 'finding', area: 'across-years' });
  });

  it('--format text prints one line per code; a bad format is a usage error', async () => {
    const r = await run(['codes', '--lang', 'en']);
    expect(r.out.trim().split('\n')).toHaveLength(registry.length);
    expect(r.out).toMatch(/^T3-BALANCE\s+error\tTable 3, each column/m);
    expect((await run(['codes', '--format', 'xml'])).code).toBe(2);
  });
});

describe('docs/checks.md', () => {
  it('is the generated text (run `npm run docs:checks` after changing rules or codes)', () => {
    const committed = readFileSync(join(__dirname, '..', 'docs', 'checks.md'), 'utf8');
    expect(committed).toBe(checksMarkdown(ruleSet));
  });

  it('lists every code, the cross-unit and cross-year ids too, and the version that added 举报', () => {
    const doc = checksMarkdown(ruleSet);
    for (const e of registry) expect(doc).toContain(`| ${e.code} |`);
    expect(doc).toContain('| Y-MATCH-NAME | 提示 info |');
    expect(doc).toContain('| Y-NO-PREVIOUS | 提示 info |');
    expect(doc).toContain('| 2025.1 | W_HOTLINE_REPORT | 其中：举报 |');
  });
});

describe('a varied run emits only registered codes', () => {
  const seen = new Map<string, string>();
  const note = (code: string, where: string): void => {
    if (!seen.has(code)) seen.set(code, where);
  };

  /** Every stderr line of a failed command must be a message rendered from the registry. */
  const noteStderr = (err: string, where: string): void => {
    const lines = err.trim().split('\n').filter((l) => l !== '');
    const first = lines[0] ?? '';
    const match = registry.find((e) => e.kind !== 'finding' && e.code !== 'cli-usage' && templatePattern(e.message['zh-CN']).test(first));
    note(match ? match.code : 'cli-usage', where);
  };

  it('collects the codes of validate, summary and bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-codes-'));
    // validate: the examples and the hostile files, one batch each way
    const hostile = join(dir, 'hostile');
    require('node:fs').mkdirSync(hostile);
    for (const b of badFiles()) writeFileSync(join(hostile, b.name), b.bytes);
    for (const args of [
      ['validate', EXAMPLES_DIR, '--format', 'json'],
      ['validate', hostile, '--format', 'json'],
      ['validate', hostile, '--format', 'json', '--max-size', '0.06'],
      ['validate', join(dir, 'no-such-folder'), join(EXAMPLES_DIR, '01-县教育局-合格.xlsx'), '--format', 'json'],
    ]) {
      const r = await run(args);
      const report = JSON.parse(r.out) as BatchReport;
      for (const f of report.files) {
        for (const x of f.findings) note(x.rule, f.file);
        if (f.error) {
          note(f.error.code, f.file);
          // the message of an unreadable file is the registry's text for its code
          const entry = byCode.get(f.error.code);
          if (entry) expect(f.error.message).toMatch(templatePattern(entry.message['zh-CN']));
        }
      }
      if (r.code === 2 && report.files.every((f) => f.status !== 'unreadable')) noteStderr(r.err, args.join(' '));
    }

    // summary: a duplicate, another year, a roster unit that did not submit, last year's folder
    const batch = join(dir, 'batch');
    const prev = join(dir, 'prev');
    require('node:fs').mkdirSync(batch);
    require('node:fs').mkdirSync(prev);
    copyFileSync(join(EXAMPLES_DIR, '01-县教育局-合格.xlsx'), join(batch, 'a.xlsx'));
    copyFileSync(join(EXAMPLES_DIR, '01-县教育局-合格.xlsx'), join(batch, 'a-again.xlsx'));
    copyFileSync(join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx'), join(batch, 'b.xlsx'));
    writeFileSync(join(batch, 'clean.xlsx'), await writeTemplate({ values: { ...cleanUnitValues(), INFO_UNIT_NAME: 'XX县文旅局', INFO_UNIT_CODE: codeFor(5) } }));
    writeFileSync(join(batch, 'old.xlsx'), await writeTemplate({ values: { ...cleanUnitValues(), INFO_UNIT_NAME: 'XX县民政局', INFO_UNIT_CODE: '11340822MB2345678X', INFO_YEAR: 2024 } }));
    const lastYear = { ...cleanUnitValues(), INFO_YEAR: 2024, INFO_UNIT_CODE: '113408220000000001' };
    writeFileSync(join(prev, 'last.xlsx'), await writeTemplate({ values: lastYear }));
    writeFileSync(join(dir, 'roster.csv'), '单位代码,单位名称\n,XX县卫健委\n');
    const out = join(dir, 'summary.xlsx');
    const s = await run(['summary', batch, '-o', out, '--roster', join(dir, 'roster.csv'), '--previous', prev]);
    expect(s.code).toBeLessThan(2);
    const wb = XLSX.read(readFileSync(out));
    for (const name of wb.SheetNames.filter((n) => n === '问题清单')) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1 });
      for (const row of rows) for (const v of row) if (typeof v === 'string' && /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(v)) note(v, `summary ${name}`);
    }
    const again = await run(['summary', batch, '-o', out]);
    expect(again.code).toBe(2);
    noteStderr(again.err, 'summary to an existing file');

    // bad options
    for (const args of [
      ['validate'],
      ['validate', EXAMPLES_DIR, '--format', 'xml'],
      ['validate', EXAMPLES_DIR, '--fail-on', 'never'],
      ['summary', batch],
      ['template', '--year', '1999', '-o', join(dir, 't.xlsx')],
      ['codes', '--format', 'yaml'],
      ['rules', 'check', join(dir, 'no-rules')],
      ['no-such-command'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      noteStderr(r.err, args.join(' '));
    }

    const codes = [...seen.keys()];
    const unknown = codes.filter((c) => !byCode.has(c));
    expect(unknown).toEqual([]);
    // the run is varied: checks of one workbook, across units and years, refusals, host errors
    for (const c of ['T3-BALANCE', 'CELL-NUMBER', 'U-DUPLICATE', 'U-YEAR', 'U-MISSING', 'Y-NO-PREVIOUS', 'empty-file', 'zip-bomb', 'corrupt', 'encrypted', 'too-large', 'input-not-found', 'output-exists', 'cli-usage']) {
      expect(codes).toContain(c);
    }
  }, 120_000);
});
