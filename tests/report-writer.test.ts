/**
 * `zwgk report`: the Word document's page setup, type and merged tables, the HTML fragment, the
 * first-page notice of a workbook that failed the checks, reproducible bytes, and the command's
 * exit codes and atomic writes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BatchReport } from '../src/core/batch-report';
import { buildReportDocument } from '../src/core/report-doc/build';
import { cleanUnitValues } from '../src/examples/units';
import { readWorkbookFile } from '../src/io/read-workbook';
import { buildReportDocx } from '../src/io/report/docx';
import { buildReportHtml } from '../src/io/report/html';
import { writeTemplate } from '../src/io/template-writer';
import { NOW, validator } from './helpers/rules';
import { Capture, run } from './helpers/cli';

const EXAMPLES = join(__dirname, '..', 'examples');
const CLEAN = join(EXAMPLES, '01-县教育局-合格.xlsx');
const UNBALANCED = join(EXAMPLES, '02-高新区-表三不平衡.xlsx');

const count = (s: string, what: string): number => s.split(what).length - 1;

describe('the Word document', () => {
  let xml: string;
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    const snapshot = await readWorkbookFile(CLEAN);
    parts = unzipSync(await buildReportDocx(snapshot, { date: NOW }));
    xml = strFromU8(parts['word/document.xml']);
  });

  it('is A4 with the margins of GB/T 9704 (37/35/28/26 mm) and page numbers "— 1 —" left and right', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    expect(strFromU8(parts['word/settings.xml'])).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(parts[n]));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('sets the title in 小标宋 2号, the body in 仿宋_GB2312 3号, headings in 黑体, tables in 宋体 五号', () => {
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?XX县教育局2025年/);
    expect(xml).toMatch(/w:eastAsia="黑体"[^]*?<w:sz w:val="32"\/>[^]*?一、总体情况/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>[^]*?全年共收到政府信息公开申请13件/);
    expect(xml).toMatch(/w:eastAsia="宋体"[^]*?<w:sz w:val="21"\/>[^]*?申请人情况/);
  });

  it('has the three tables in order with the official merged headers', () => {
    expect(count(xml, '<w:tbl>')).toBe(3);
    const order = ['二、主动公开政府信息情况', '第二十条第（一）项', '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为', '四、政府信息公开行政复议、行政诉讼情况', '未经复议直接起诉', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '信息处理费收取情况：未收取信息处理费'];
    const at = order.map((s) => xml.indexOf(s));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Merged down: 表三's note, 自然人 and 总计, 三、本年度办理结果 and its four sub-groups; 表四's five
    // 行政复议 columns. Header rows repeat on a new page.
    expect(count(xml, '<w:vMerge w:val="restart"/>')).toBe(3 + 1 + 4 + 5);
    expect(count(xml, '<w:tblHeader/>')).toBe(3 + 3);
    expect(count(xml, '<w:gridSpan w:val="7"/>')).toBe(1);
  });

  it('is reproducible: the same workbook and date give the same bytes', async () => {
    const snapshot = await readWorkbookFile(CLEAN);
    const a = await buildReportDocx(snapshot, { date: NOW });
    const b = await buildReportDocx(snapshot, { date: NOW });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(strFromU8(unzipSync(a)['docProps/core.xml'])).toContain('2024-06-01T00:00:00Z');
  });

  it('says on its first page that the workbook failed the checks when written anyway', async () => {
    const snapshot = await readWorkbookFile(UNBALANCED);
    const findings = (await validator.validate(snapshot, { now: new Date('2026-11-25T00:00:00Z') })).findings;
    const doc = buildReportDocument(snapshot, { failedFindings: findings });
    expect(doc.notice?.[0]).toBe('注意：本报告所依据的工作簿未通过校验，有 2 项错误，表格或文字可能有误。请更正工作簿并重新生成后再报送或公开。');
    expect(doc.notice?.[1]).toContain('表三“自然人”列：本年新收 3 + 上年结转 0 = 3');
    const text = strFromU8(unzipSync(await buildReportDocx(snapshot, { failedFindings: findings, date: NOW }))['word/document.xml']);
    expect(text.indexOf('未通过校验')).toBeGreaterThan(0);
    expect(text.indexOf('未通过校验')).toBeLessThan(text.indexOf('一、总体情况'));
    expect(buildReportDocument(snapshot).notice).toBeNull();
  });
});

it('can put 表三 on a landscape page of its own, its heading with it', async () => {
  const snapshot = await readWorkbookFile(CLEAN);
  const xml = strFromU8(unzipSync(await buildReportDocx(snapshot, { date: NOW, landscape: ['t3'] }))['word/document.xml']);
  expect(count(xml, '<w:sectPr')).toBe(3);
  const landscape = xml.indexOf('w:orient="landscape"');
  expect(landscape).toBeGreaterThan(xml.indexOf('（本列数据的勾稽关系为'));
  expect(landscape).toBeLessThan(xml.indexOf('四、政府信息公开行政复议、行政诉讼情况'));
  expect(xml.lastIndexOf('<w:sectPr', xml.indexOf('三、收到和处理政府信息公开申请情况'))).toBeGreaterThan(xml.indexOf('二、主动公开政府信息情况'));
});

describe('the HTML fragment', () => {
  it('is one <div> with inline styles, real spans and escaped text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zwgk-report-')), 'u.xlsx');
    writeFileSync(file, await writeTemplate({ values: { ...cleanUnitValues(), INFO_UNIT_NAME: '<b>某局</b>', TXT_PROBLEMS: '（一）解读不足。形式单一\n（二）更新不及时。' } }));
    const html = buildReportHtml(await readWorkbookFile(file));
    expect(html.startsWith('<div style=')).toBe(true);
    expect(html.trim().endsWith('</div>')).toBe(true);
    expect(html).not.toMatch(/<style|<script|class=/);
    expect(html).toContain('&lt;b&gt;某局&lt;/b&gt;2025年政府信息公开工作年度报告</h1>');
    expect(html).toContain('rowspan="22"');
    expect(html).toContain('colspan="7"');
    expect(count(html, '<table')).toBe(3);
    expect(count(html, '<thead>')).toBe(2);
    expect(html).toContain(`<span style="font-family:'楷体_GB2312'`);
    expect(html).toContain('（一）解读不足。</span>形式单一</p>');
  });
});

describe('zwgk report', () => {
  it('writes the .docx of a clean workbook and prints its path', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zwgk-report-')), '年度报告.docx');
    const r = await run(['report', CLEAN, '-o', out]);
    expect(r).toEqual({ code: 0, out: `${out}\n`, err: `已生成年度报告：${out}\n` });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a workbook with errors (exit 1, nothing written) unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const out = join(dir, '年度报告.docx');
    const refused = await run(['report', UNBALANCED, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('工作簿有 2 项错误，未生成年度报告');
    expect(existsSync(out)).toBe(false);
    const forced = await run(['report', UNBALANCED, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toBe(`注意：工作簿有 2 项错误，报告首页已注明未通过校验。\n已生成年度报告：${out}\n`);
    expect(strFromU8(unzipSync(readFileSync(out))['word/document.xml'])).toContain('未通过校验');
  });

  it('does not replace an existing file without --force, and writes HTML with --format html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const out = join(dir, 'r.html');
    writeFileSync(out, 'old');
    const r = await run(['report', CLEAN, '-o', out, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在，未覆盖');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect((await run(['report', CLEAN, '-o', out, '--format', 'html', '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h1');
  });

  it('puts 表三 on a landscape page of its own with --landscape', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zwgk-report-')), '年度报告.docx');
    expect((await run(['report', CLEAN, '-o', out, '--landscape'])).code).toBe(0);
    const doc = strFromU8(unzipSync(readFileSync(out))['word/document.xml']);
    // Portrait before 表三, 表三 turned, portrait again after it.
    expect([...doc.matchAll(/w:orient="(\w+)"/g)].map((m) => m[1])).toEqual(['portrait', 'landscape', 'portrait']);
  });

  it('a report written next to its workbook is not counted again when the folder is checked; named itself, it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const wb = join(dir, '01-县教育局.xlsx');
    writeFileSync(wb, readFileSync(CLEAN));
    expect((await run(['report', wb])).code).toBe(0);
    expect((await run(['report', wb, '--format', 'html'])).code).toBe(0);
    const docx = join(dir, '01-县教育局-年度报告.docx');
    const html = join(dir, '01-县教育局-年度报告.html');
    const folder = JSON.parse((await run(['validate', dir, '--format', 'json'])).out) as BatchReport & { skipped: Array<{ file: string; code: string; message: string }> };
    expect(folder.files.map((f) => [f.file, f.status])).toEqual([[wb, 'ok']]);
    expect(folder.skipped.map((k) => [k.file, k.code])).toEqual([
      [docx, 'own-output'],
      [html, 'own-output'],
    ]);
    expect(folder.skipped[0].message).toBe(
      `${docx}：这是 zwgk 由同一文件夹中的“${wb}”生成的年度报告，数字与该工作簿相同，随工作簿校验，未重复计入（如确要校验它，请直接给出该文件）。`,
    );
    // The summary counts the unit once.
    const summary = await run(['summary', dir, '-o', join(dir, '..', `${basename(dir)}-汇总.xlsx`)]);
    expect(summary.code).toBe(0);
    // Named itself, or without its workbook beside it, a report is read like any other.
    expect(JSON.parse((await run(['validate', docx, '--format', 'json'])).out).files[0]).toMatchObject({ status: 'ok', unit: { name: 'XX县教育局' } });
    const alone = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    writeFileSync(join(alone, '报告.docx'), readFileSync(docx));
    expect((JSON.parse((await run(['validate', alone, '--format', 'json'])).out) as BatchReport).files.map((f) => f.status)).toEqual(['ok']);
  });

  it('refuses an output name that does not match the format, so a report never lands on a workbook name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const other = join(dir, '02-高新区.xlsx');
    writeFileSync(other, readFileSync(UNBALANCED));
    const r = await run(['report', CLEAN, '-o', other, '--force']);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n')[0]).toBe(`输出文件“${other}”的扩展名与格式不符：--format docx 写出的是 Word 文档，文件名须以 .docx 结尾。`);
    expect(readFileSync(other).equals(readFileSync(UNBALANCED))).toBe(true);
    const html = await run(['report', CLEAN, '--format', 'html', '-o', join(dir, 'r.docx')]);
    expect(html.err.split('\n')[0]).toBe(`输出文件“${join(dir, 'r.docx')}”的扩展名与格式不符：--format html 写出的是 HTML 片段，文件名须以 .html 或 .htm 结尾。`);
    expect((await run(['report', CLEAN, CLEAN])).err.split('\n')[0]).toBe('一次只能由一个工作簿生成年度报告，这里给了 2 个。');
    const folder = await run(['report', EXAMPLES]);
    expect([folder.code, folder.err.split('\n')[0]]).toEqual([2, `“${EXAMPLES}”是文件夹：zwgk report 由一个工作簿文件生成报告，请给出其中的一个工作簿。`]);
  });

  it('never writes the report onto the workbook it is made from, not even with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const input = join(dir, '年报.xlsx');
    writeFileSync(input, readFileSync(CLEAN));
    const copy = join(dir, '年报.docx');
    writeFileSync(copy, readFileSync(input));
    const r = await run(['report', copy, '-o', copy, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`-o “${copy}”是本次要读取的文件，不能写入（加 --force 也不行）`);
    expect(readFileSync(copy).equals(readFileSync(CLEAN))).toBe(true);
  });

  it('answers usage errors with exit 2 and an unreadable workbook with exit 3', async () => {
    expect((await run(['report'])).code).toBe(2);
    const unknown = await run(['report', CLEAN, '--landscap']);
    expect(unknown).toMatchObject({ code: 2, err: 'zwgk report 没有选项“--landscap”，是不是要用 --landscape？请运行 zwgk report --help 查看用法。\n' });
    expect((await run(['report', CLEAN, '--format', 'pdf'])).code).toBe(2);
    const missing = await run(['report', join(tmpdir(), 'nope-zwgk.xlsx')]);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/找不到/);
  });

  it('validates the report it wrote: findings point into the document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-'));
    const out = join(dir, '报告.docx');
    await run(['report', UNBALANCED, '-o', out, '--force']);
    const json = await run(['validate', out, '--format', 'json']);
    expect(json.code).toBe(1);
    const file = (JSON.parse(json.out) as BatchReport).files[0];
    expect(file.unit).toEqual({ name: 'XX高新技术产业开发区管委会', code: null, type: null, year: 2025 });
    expect(file.findings.map((f) => [f.rule, f.cells.map((c) => c.location)])).toEqual([
      ['T3-BALANCE', ['表三 第4行「自然人」列', '表三 第5行「自然人」列', '表三 第27行「自然人」列', '表三 第28行「自然人」列']],
      ['T3-BALANCE', ['表三 第4行「总计」列', '表三 第5行「总计」列', '表三 第27行「总计」列', '表三 第28行「总计」列']],
    ]);
    const text = await run(['validate', out]);
    expect(text.out).toContain('✖ 表三 第4行「自然人」列 等 4 处 T3-BALANCE');
  });
});
