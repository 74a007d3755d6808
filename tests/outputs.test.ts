/**
 * The outputs a coordinator sends back and sends up, asserted on the files themselves: the text
 * report for inputs that yield no workbook, the HTML report (index, switch, counts by check, local
 * time, print styles), marked copies (names, sub-folders, active sheet, re-runs), the summary
 * workbook (title, print setup, refusals, roster, wrong-year folder), the order of findings and
 * the command line's options.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { BatchReport } from '../src/core/batch-report';
import { findingColumns, findingHeader, wrappedLines } from '../src/core/finding-rows';
import type { Finding } from '../src/core/report';
import { orderFindings } from '../src/core/rules/findings';
import { main } from '../src/cli/main';
import { RULES_OPTIONS } from '../src/cli/commands/rules';
import { SUMMARY_OPTIONS } from '../src/cli/commands/summary';
import { TEMPLATE_OPTIONS } from '../src/cli/commands/template';
import { VALIDATE_OPTIONS } from '../src/cli/commands/validate';
import { REPORT_OPTIONS } from '../src/cli/commands/report';
import { countsByCheck, formatBatchHtml, localTimeWithOffset } from '../src/cli/format/html';
import { markedCopyPath, safeStem } from '../src/cli/marked-copy-path';
import { cleanUnitValues } from '../src/examples/units';
import { writeTemplate } from '../src/io/template-writer';
import { captureStream, codeFor, unitValues, writeUnitFile } from './summary-fixtures';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'zwgk-outputs-'));
const parts = (file: string): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(file)))).map(([k, v]) => [k, strFromU8(v)]));

async function unitFile(path: string, values: Record<string, string | number | Date | null>): Promise<string> {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, await writeTemplate({ values: values as Record<string, string | number> }));
  return path;
}

describe('text report: every input gets its answer, by name, once', () => {
  it('a mistyped path and an empty folder are named with their reason; exit 3', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty-dir');
    mkdirSync(empty);
    const missing = join(dir, 'no-such.xlsx');
    const r = await run(['validate', missing, empty]);
    expect(r.code).toBe(3);
    expect(r.out).toContain(`${missing}  [无法读取]\n  ✖ 找不到该文件或文件夹，请检查路径。`);
    expect(r.out).toContain(`${empty}  [无法读取]\n  ✖ 文件夹中没有报送文件（.xlsx、.xlsm、.xls、.ods 工作簿或 .docx、.html 年度报告）。`);
    // The path heads its block and is not repeated in the reason.
    expect(r.out.split(empty).length - 1).toBe(1);
    expect(r.out).toContain('共 2 个文件：通过 0，有警告 0，有错误 0，无法读取 2');
  });

  it('a folder holding only a summary this tool wrote has no submission: named with its reason, exit 3', async () => {
    const dir = tempDir();
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    await unitFile(join(sub, 'a.xlsx'), {});
    const summary = join(dir, 'only-outputs', '汇总.xlsx');
    mkdirSync(join(summary, '..'));
    // The unit has errors (exit 1): the summary is written all the same, with a 合计 of 0 units.
    expect((await run(['summary', sub, '-o', summary, '--allow-empty'])).code).toBe(1);
    expect(existsSync(summary)).toBe(true);
    const r = await run(['validate', join(dir, 'only-outputs'), '--format', 'json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.out) as BatchReport;
    expect(report.files).toMatchObject([
      {
        status: 'unreadable',
        error: { code: 'input-empty-folder', message: `${join(dir, 'only-outputs')}：文件夹中没有报送文件，只有 1 个本工具生成的或已经列出的文件（见“未读取”）。` },
      },
    ]);
  });
});

describe('findings in the order a person fixes them', () => {
  const f = (rule: string, severity: Finding['severity'], sheet: string, address: string): Finding => ({
    rule, severity, message: rule, messages: { 'zh-CN': rule, en: rule }, cells: sheet ? [{ name: rule, sheet, address }] : [], values: {},
  });
  it('by sheet, then errors before warnings before information, then position', () => {
    const list = [f('I1', 'info', '表三', 'A1'), f('W1', 'warning', '表二', 'B9'), f('E2', 'error', '表三', 'J9'), f('E1', 'error', '表二', 'C20'), f('G', 'warning', '', ''), f('W2', 'warning', '表三', 'B2')];
    expect(orderFindings(list, ['表二', '表三']).map((x) => x.rule)).toEqual(['G', 'E1', 'W1', 'E2', 'W2', 'I1']);
  });
});

describe('HTML report', () => {
  const report: BatchReport = {
    files: [
      { file: 'a.xlsx', status: 'ok', unit: { name: '甲局', code: null, type: null, year: 2025 }, findings: [] },
      {
        file: 'b.xlsx', status: 'error', unit: { name: '乙局<b>', code: null, type: null, year: 2025 },
        findings: [
          { rule: 'T3-BALANCE', severity: 'error', message: '差 1', cells: [{ name: 'X', sheet: '表三', address: 'J5' }], values: {} },
          { rule: 'T3-BALANCE', severity: 'error', message: '差 2', cells: [], values: {} },
          { rule: 'CELL-TEXTNUM', severity: 'warning', message: '文本', cells: [], values: {} },
        ],
      },
      { file: 'c', status: 'unreadable', unit: { name: null, code: null, type: null, year: null }, findings: [], error: { code: 'input-not-found', message: 'c：找不到该文件或文件夹，请检查路径。' } },
    ],
    counts: { files: 3, ok: 1, warning: 0, error: 1, unreadable: 1, findings: { error: 2, warning: 1, info: 0 } },
  };
  const saved = process.env.TZ;
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('times are local with their offset, taken from the environment', () => {
    const at = new Date('2026-01-20T01:30:00Z');
    expect(localTimeWithOffset(at, 'Asia/Shanghai')).toBe('2026-01-20 09:30 UTC+08:00');
    expect(localTimeWithOffset(at, 'America/New_York')).toBe('2026-01-19 20:30 UTC-05:00');
    expect(localTimeWithOffset(at, 'UTC')).toBe('2026-01-20 01:30 UTC+00:00');
    process.env.TZ = 'Asia/Shanghai';
    expect(formatBatchHtml(report, 'zh-CN', at)).toContain('生成时间 2026-01-20 09:30 UTC+08:00');
  });

  it('an index row per file, linked to its section, before the sections', () => {
    const html = formatBatchHtml(report, 'zh-CN', new Date());
    const index = html.slice(html.indexOf('<table class="index">'), html.indexOf('</table>', html.indexOf('<table class="index">')));
    const rows = [...index.matchAll(/<tr class="f-(\w+)"><td class="n">(\d+)<\/td><td><a href="#(f-\d+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows).toEqual([
      ['ok', '1', 'f-1', '甲局'],
      ['error', '2', 'f-2', '乙局&lt;b&gt;'],
      ['unreadable', '3', 'f-3', 'c'],
    ]);
    for (const [, , id] of rows) expect(html).toContain(`<section id="${id}"`);
    expect(html.indexOf('<table class="index">')).toBeLessThan(html.indexOf('<section'));
    // The unreadable file's reason, without its path repeated.
    expect(html).toContain('<p class="err">找不到该文件或文件夹，请检查路径。</p>');
  });

  it('a switch for units with errors that needs no script, counts by check, and print styles', () => {
    const html = formatBatchHtml(report, 'zh-CN', new Date());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('<input type="checkbox" id="only-errors"><label class="filter" for="only-errors">只显示有错误或无法读取的单位</label>');
    expect(html).toContain('#only-errors:checked~.index tr.f-ok');
    expect(html).toContain('#only-errors:checked~.files section.f-ok');
    expect(html).toMatch(/@media print\{[^]*\.filter,#only-errors,\.top\{display:none\}[^]*thead\{display:table-header-group\}/);
    expect(countsByCheck(report)).toEqual([
      { rule: 'T3-BALANCE', severity: 'error', findings: 2, units: 1 },
      { rule: 'input-not-found', severity: 'error', findings: 1, units: 1 },
      { rule: 'CELL-TEXTNUM', severity: 'warning', findings: 1, units: 1 },
    ]);
  });
});

describe('marked copies', () => {
  it('are named <unit>-问题标注.xlsx in the sub-folder of their input; two 年报.xlsx stay apart', () => {
    const taken = new Set<string>();
    const root = join(tmpdir(), 'in');
    expect(markedCopyPath(join(root, '甲县', '年报.xlsx'), '甲县教育局', [root], 'zh-CN', taken)).toBe(join('甲县', '甲县教育局-问题标注.xlsx'));
    expect(markedCopyPath(join(root, '乙县', '年报.xlsx'), null, [root], 'zh-CN', taken)).toBe(join('乙县', '年报-问题标注.xlsx'));
    expect(markedCopyPath(join(root, '乙县', '年报2.xlsm'), '甲县教育局', [root], 'zh-CN', taken)).toBe(join('乙县', '甲县教育局-问题标注.xlsm'));
    expect(markedCopyPath(join(root, '甲县', 'x.xlsx'), '甲县教育局', [root], 'zh-CN', taken)).toBe(join('甲县', '甲县教育局-问题标注-2.xlsx'));
    expect(markedCopyPath('/elsewhere/x.xlsx', 'A/B:C', [root], 'en', taken)).toBe('A_B_C-marked.xlsx');
    expect(safeStem(' ..名称\u0007. ')).toBe('名称_');
  });

  it('through the CLI: sub-folders kept, opens on 问题清单, a re-run without --force keeps and says so', async () => {
    const dir = tempDir();
    const input = join(dir, '报送');
    const values = { ...cleanUnitValues(), W_HOTLINE_TOTAL: 'XX' };
    await unitFile(join(input, '甲县', '年报.xlsx'), { ...values, INFO_UNIT_NAME: '甲县教育局' });
    await unitFile(join(input, '乙县', '年报.xlsx'), { ...values, INFO_UNIT_NAME: '乙县教育局' });
    await unitFile(join(input, '乙县', '合格.xlsx'), { ...cleanUnitValues(), INFO_UNIT_NAME: '乙县民政局' });
    const out = join(dir, '标注');
    const first = await run(['validate', input, '--annotate', out]);
    expect(first.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['乙县', '甲县']);
    expect(readdirSync(join(out, '甲县'))).toEqual(['甲县教育局-问题标注.xlsx']);
    expect(readdirSync(join(out, '乙县'))).toEqual(['乙县教育局-问题标注.xlsx']);

    const copy = join(out, '甲县', '甲县教育局-问题标注.xlsx');
    const p = parts(copy);
    const sheets = [...p['xl/workbook.xml'].matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const active = Number(/activeTab="(\d+)"/.exec(p['xl/workbook.xml'])?.[1]);
    expect(sheets[active]).toBe('问题清单');
    const wb = XLSX.read(readFileSync(copy), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['问题清单'], { header: 1, defval: null, blankrows: true });
    expect(rows[0][0]).toBe('甲县教育局 2025年度政府信息公开工作年度报告 问题清单');
    // One row per finding: the header, then exactly the findings of the text report.
    const report = JSON.parse((await run(['validate', join(input, '甲县', '年报.xlsx'), '--format', 'json'])).out) as BatchReport;
    const findings = report.files[0].findings;
    expect(rows.slice(5).map((r) => [r[0], r[2], r[4]])).toEqual(findings.map((f, i) => [i + 1, f.rule, f.message]));
    // Row heights are set on every finding row.
    const listPart = Object.keys(p).find((k) => /worksheets\/sheet\d+\.xml$/.test(k) && p[k].includes('tabSelected="1"'))!;
    for (let r = 6; r < 6 + findings.length; r++) expect(p[listPart]).toMatch(new RegExp(`<row r="${r}" ht="\\d+" customHeight="1">`));

    const before = readFileSync(copy);
    const again = await run(['validate', input, '--annotate', out]);
    expect(again.err).toContain(`标注副本 ${copy} 已存在，未覆盖。`);
    expect(again.err).toContain('有 2 份标注副本已存在（上次运行写的），未覆盖，它们可能已过时：加 --force 重新运行即用本次结果替换。');
    expect(readFileSync(copy).equals(before)).toBe(true);
    const forced = await run(['validate', input, '--annotate', out, '--force']);
    expect(forced.err).toContain(`已写出标注副本：${copy}`);

    // Fixed: the unit now passes; its old copy is pointed out as out of date, never deleted.
    await unitFile(join(input, '甲县', '年报.xlsx'), { ...cleanUnitValues(), INFO_UNIT_NAME: '甲县教育局' });
    const fixed = await run(['validate', join(input, '甲县'), '--annotate', join(out, '甲县')]);
    expect(fixed.err).toContain(`这次没有发现问题，旧的标注副本 ${copy} 已过时，可以删除。`);
    expect(existsSync(copy)).toBe(true);
  });
});

describe('summary workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    for (const sub of ['in', 'bad', 'mixed']) mkdirSync(join(dir, sub));
    await writeUnitFile(join(dir, 'in', 'a.xlsx'), unitValues({ name: '甲局', code: codeFor(1) }));
    await writeUnitFile(join(dir, 'in', 'b.xlsx'), unitValues({ name: '乙局', code: codeFor(2) }));
    await writeUnitFile(join(dir, 'bad', 'c.xlsx'), { ...unitValues({ name: '丙局', code: codeFor(3) }), T3_NEW_NAT: 'XX' });
    await writeUnitFile(join(dir, 'mixed', 'd.xlsx'), unitValues({ name: '丁局', code: codeFor(4), type: '县级政府部门' }));
    await writeUnitFile(join(dir, 'mixed', 'e.xlsx'), unitValues({ name: '戊镇', code: codeFor(5), type: '乡镇人民政府（街道办事处）' }));
  });

  it('is print-ready: title with the coordinating unit, year and date; frozen header; landscape, one page wide, header repeated', async () => {
    const out = join(dir, 'print.xlsx');
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, `单位代码,单位名称,单位类型\n${codeFor(1)},甲局,县级政府部门\n`);
    const r = await run(['summary', join(dir, 'in'), '-o', out, '--unit-name', 'XX县人民政府办公室', '--roster', roster]);
    expect(r.code).toBe(0);
    const p = parts(out);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(wb.SheetNames).not.toContain('填报说明');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1, defval: null });
    expect(rows[0][0]).toBe('XX县人民政府办公室2024年度政府信息公开工作年度报告汇总 — 汇总');
    expect(String(rows[1][0])).toMatch(/^汇总单位：XX县人民政府办公室　报告年度：2024　生成日期：\d{4}-\d{2}-\d{2}　共 2 个文件，合计计入 2 个单位$/);
    expect(rows[2].slice(0, 2)).toEqual(['序号', '单位名称']);
    const index = wb.SheetNames.indexOf('汇总');
    const sheetXml = p[`xl/worksheets/sheet${index + 1}.xml`];
    expect(sheetXml).toMatch(/<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"\/>/);
    expect(sheetXml).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"/);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(p['xl/workbook.xml']).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">&apos;汇总&apos;!$3:$3</definedName>`);
    // The Excel table's totals label is Chinese.
    const tables = Object.entries(p).filter(([k]) => /xl\/tables\/table\d+\.xml$/.test(k)).map(([, v]) => v);
    for (const t of tables) expect(t).toContain('totalsRowLabel="合计"');
    // Submitters not on the roster are flagged.
    const issues = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['问题清单'], { header: 1, defval: null, range: 2 });
    expect(issues[0]).toEqual(findingColumns(true).map((c) => findingHeader(c, 'zh-CN')));
    expect(issues.filter((x) => x[4] === 'U-NOT-ON-ROSTER').map((x) => [x[1], x[3], x[7]])).toEqual([['乙局', '警告', 'B3']]);
  });

  it('a 合计 of 0 counted units is refused unless --allow-empty', async () => {
    const out = join(dir, 'empty.xlsx');
    const r = await run(['summary', join(dir, 'bad'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有一个单位计入合计（1 个文件都有错误（包括同一单位重复报送）、无法读取或不属于本年度），合计各表将全部为 0，未生成汇总工作簿。');
    expect(existsSync(out)).toBe(false);
    const allowed = await run(['summary', join(dir, 'bad'), '-o', out, '--allow-empty']);
    expect(allowed.code).toBe(1);
    expect(allowed.out).toContain('合计计入 0 个单位');
    expect(existsSync(out)).toBe(true);
  });

  it("the 合计's unit type is asked for when the units differ, and taken from --unit-type", async () => {
    const out = join(dir, 'mixed.xlsx');
    const r = await run(['summary', join(dir, 'mixed'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('计入合计的单位类型不同（县级政府部门 1 个、乡镇人民政府（街道办事处） 1 个），合计表的单位类型要由汇总单位确定：请加 --unit-type 给出');
    expect(existsSync(out)).toBe(false);
    expect((await run(['summary', join(dir, 'mixed'), '-o', out, '--unit-type', '县级人民政府'])).code).toBe(0);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(wb.Sheets['基本信息'].B4.v).toBe('县级人民政府');
  });

  it('--previous holding files of the wrong year says which year they are', async () => {
    const out = join(dir, 'prev.xlsx');
    const r = await run(['summary', join(dir, 'in'), '-o', out, '--previous', join(dir, 'in')]);
    expect(r.err).toContain('上年报告目录中的文件是2024年度的，不是2023年度的');
    expect(r.err).not.toContain('没有找到');
    // validate says it too, once on stderr and in each unit's report.
    const v = await run(['validate', join(dir, 'in'), '--previous', join(dir, 'in'), '--format', 'json']);
    expect(v.err.match(/不是2023年度的/g)).toHaveLength(1);
    const notes = (JSON.parse(v.out) as BatchReport).files.map((f) => f.findings.find((x) => x.rule === 'Y-NO-PREVIOUS')?.message);
    expect(notes).toEqual([
      '上年报告目录中的文件是2024年度的，不是2023年度的：请检查 --previous 给出的文件夹，未进行跨年度校验。',
      '上年报告目录中的文件是2024年度的，不是2023年度的：请检查 --previous 给出的文件夹，未进行跨年度校验。',
    ]);
  });
});

describe('command line', () => {
  it('--lang rejects unknown values; -V prints the version', async () => {
    const r = await run(['validate', 'x.xlsx', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不支持的语言“fr”：--lang 只能是 zh（中文）或 en（English）。');
    const v = await run(['-V']);
    expect(v.code).toBe(0);
    expect(v.out).toBe(`${(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('summary -o naming one of its inputs is refused as such at once, without suggesting --force', async () => {
    const dir = tempDir();
    const input = await unitFile(join(dir, 'sub', 'a.xlsx'), {});
    const r = await run(['summary', input, '-o', input]);
    expect([r.code, r.err]).toEqual([2, `-o “${input}”是本次要读取的文件，不能写入（加 --force 也不行），否则原文件会被覆盖：请换一个输出文件名或文件夹。\n`]);
  });

  it('unknown options are explained in Chinese, with the nearest option', async () => {
    const r = await run(['validate', 'x.xlsx', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('zwgk validate 没有选项“--formt”，是不是要用 --format？请运行 zwgk validate --help 查看用法。\n');
    const s = await run(['summary', 'x', '--bogus']);
    expect(s.err).toBe('zwgk summary 没有选项“--bogus”，请运行 zwgk summary --help 查看用法。\n');
    const c = await run(['valdate', 'x.xlsx']);
    expect([c.code, c.err.split('\n')[0]]).toEqual([2, '未知命令“valdate”。是不是要用 zwgk validate？']);
  });

  it.each([
    ['validate', VALIDATE_OPTIONS],
    ['summary', SUMMARY_OPTIONS],
    ['template', TEMPLATE_OPTIONS],
    ['report', REPORT_OPTIONS],
    ['rules', { ...RULES_OPTIONS.list, ...RULES_OPTIONS.check }],
  ])('zwgk %s --help lists every option it accepts', async (command, options) => {
    for (const lang of ['zh', 'en']) {
      const help = (await run([command, '--help', '--lang', lang])).out;
      for (const [name, spec] of Object.entries(options as Record<string, { short?: string }>)) {
        expect(help).toContain(`--${name}`);
        if (spec.short) expect(help).toContain(`-${spec.short}, --${name}`);
      }
      expect(help).toContain('--lang');
    }
  });

  it('template -o creates a missing folder', async () => {
    const target = join(tempDir(), 'new', 'folder', '模板.xlsx');
    const r = await run(['template', '-o', target]);
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});

describe('row heights follow wrapped text', () => {
  it('CJK characters count two', () => {
    expect(wrappedLines('一二三四五', 11)).toBe(1);
    expect(wrappedLines('一二三四五六', 11)).toBe(2);
    expect(wrappedLines('ab\ncd', 10)).toBe(2);
  });
});

describe('README and the package a coordinator installs', () => {
  const root = join(__dirname, '..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('links stay inside the repository and every linked file exists, pictures included', () => {
    expect(readme).not.toMatch(/\.\.\/shared/);
    expect(readme).not.toMatch(/\]\(\.\.\//);
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^https?:/.test(t));
    expect(targets).toEqual(expect.arrayContaining(['docs/indicators.md', 'docs/checks.md', 'docs/marked-copy-findings.png', 'docs/summary-units.png']));
    for (const t of targets) expect(existsSync(join(root, t))).toBe(true);
    expect(readme).toContain('npm install -g zwgk-0.1.0.tgz --offline');
  });

  it('the packed file holds the compiled CLI, the rules and every run-time dependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string; bin: Record<string, string>; files: string[]; dependencies: Record<string, string>; bundleDependencies: string[]; engines: { node: string };
    };
    expect(readme).toContain(`zwgk-${pkg.version}.tgz`);
    expect(pkg.bin.zwgk).toBe('bin/zwgk.js');
    expect(readFileSync(join(root, pkg.bin.zwgk), 'utf8')).toContain("require('../dist/cli/main.js')");
    expect(pkg.files).toEqual(expect.arrayContaining(['bin/', 'dist/cli/', 'dist/core/', 'dist/io/', 'rules/']));
    // Installed from one file without a registry: every dependency travels inside it.
    expect([...pkg.bundleDependencies].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(pkg.engines.node).toBe('>=20');
  });
});
