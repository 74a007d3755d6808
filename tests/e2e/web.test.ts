/**
 * The offline web page (dist/web/zwgk.html) in headless Chromium, opened from file:// with every
 * other request refused: files chosen in the file input are checked at once, the findings of the
 * bundled examples are exactly the CLI's, the JSON, HTML and marked-copy exports are the CLI's,
 * bad files get one clear line each, the summary and the template are the CLI's workbooks, local
 * rules are linted like `zwgk rules check`, and an old browser gets a message instead of a blank page.
 * With SCREENSHOTS=1 it also writes docs/web-check-zh.png, docs/web-summary-zh.png, docs/web-template-zh.png.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import type { BatchReport } from '../../src/core/batch-report';
import { formatBatchHtml } from '../../src/cli/format/html';
import { main } from '../../src/cli/main';
import { EXAMPLE_UNITS } from '../../src/examples/units';
import { writeTemplate } from '../../src/io/template-writer';
import { captureStream, exampleBytes, noise, badFiles } from '../helpers/hostile-fixtures';
import { checkFiles, chooseWith, downloadOf, startWeb, writeFiles, ROOT, type WebSession } from './web-page';

jest.setTimeout(180000);

const EXAMPLES = path.join(ROOT, 'examples');
const exampleFiles = (): string[] => EXAMPLE_UNITS.map((u) => path.join(EXAMPLES, `${u.file}.xlsx`));

/** The findings of the bundled examples: rule, severity and cells, in the order the report lists them. */
const EXPECTED: Record<string, string[]> = {
  '01-县教育局-合格': [],
  '02-高新区-表三不平衡': ['T3-BALANCE error D5,D6,D28,D29', 'T3-BALANCE error J5,J6,J28,J29'],
  '03-高新区-热线工单XX': ['CELL-NUMBER error B19', 'CELL-NUMBER error B21', 'CELL-NUMBER error B22', 'CELL-NUMBER error B26'],
  '04-省人社厅-约数与单位': ['CELL-TEXTNUM warning B5', 'CELL-TEXTNUM warning D5', 'CELL-APPROX error J5', 'CELL-TEXTNUM warning B14'],
  '05-镇政府-斜杠与近似': ['INFO-CODE error B5', 'INFO-PHONE warning B9', 'CELL-NUMBER error B4', 'CELL-NUMBER error C4', 'CELL-NUMBER error D4', 'CELL-APPROX error B3'],
  '06-市统计局-正文与表格不符': ['TXT-PLACEHOLDER error B4', 'TXT-NUMBERS warning B3,J5,J6'],
};

let web: WebSession;

beforeAll(async () => {
  web = await startWeb();
}, 600000);

afterAll(async () => {
  await web?.close();
});

afterEach(() => {
  // Nothing may leave the computer, and the CSP must never have to block anything.
  expect(web.external).toEqual([]);
  expect(web.problems).toEqual([]);
});

/**
 * `zwgk validate FILES --format json` in-process, run in the files' folder with their base names,
 * so that `file` and the messages name them as the browser does.
 */
async function cliJson(files: string[], lang: 'zh' | 'en' = 'zh'): Promise<BatchReport> {
  const stdout = captureStream();
  const cwd = process.cwd();
  process.chdir(path.dirname(files[0]));
  try {
    await main(['validate', ...files.map((f) => path.basename(f)), '--format', 'json', '--lang', lang], { stdout, stderr: captureStream() });
  } finally {
    process.chdir(cwd);
  }
  return JSON.parse(stdout.text()) as BatchReport;
}

function brief(report: BatchReport): Record<string, string[]> {
  return Object.fromEntries(
    report.files.map((f) => [f.file.replace(/\.xlsx$/, ''), f.findings.map((x) => `${x.rule} ${x.severity} ${x.cells.map((c) => c.address).join(',')}`)]),
  );
}

async function downloadJson(page: Page): Promise<{ name: string; report: BatchReport }> {
  const d = await downloadOf(page, () => page.getByRole('button', { name: /JSON/ }).click());
  return { name: d.name, report: JSON.parse(d.bytes.toString('utf8')) as BatchReport };
}

async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.join(ROOT, 'docs', name), fullPage: true });
}

describe('校验', () => {
  let page: Page;
  beforeAll(async () => {
    page = await web.open();
  });
  afterAll(async () => {
    await page.close();
  });

  it('checks the examples as soon as they are chosen; the JSON download is the CLI report', async () => {
    await checkFiles(page, exampleFiles());
    const rows = await page.$$eval('#results-body tr:not(.detail)', (trs) => trs.map((tr) => [tr.querySelector('.file')?.textContent, (tr as HTMLElement).dataset.status]));
    expect(rows).toEqual([
      ['01-县教育局-合格.xlsx', 'ok'],
      ['02-高新区-表三不平衡.xlsx', 'error'],
      ['03-高新区-热线工单XX.xlsx', 'error'],
      ['04-省人社厅-约数与单位.xlsx', 'error'],
      ['05-镇政府-斜杠与近似.xlsx', 'error'],
      ['06-市统计局-正文与表格不符.xlsx', 'error'],
    ]);
    expect(await page.textContent('#check-totals')).toBe('共 6 个文件：通过 1，有警告 0，有错误 5，无法读取 0；问题：错误 13 · 警告 5 · 提示 0。');
    const { name, report } = await downloadJson(page);
    expect(name).toMatch(/\.json$/);
    expect(JSON.stringify(brief(report), null, 1)).toBe(JSON.stringify(EXPECTED, null, 1));
    expect(report).toEqual(await cliJson(exampleFiles()));
    // The numbers behind the message (its wording is the rules' and is compared with the CLI's above).
    expect(report.files[1].findings[0].message).toMatch(/^表三“自然人”列：本年新收 3 \+ 上年结转 0 = 3，但办理结果总计 2 \+ 结转下年度 0 = 2，相差 1。/);
  });

  it('groups the findings of a unit by sheet, with the messages of the report', async () => {
    const row = page.locator('#results-body tr:not(.detail)', { hasText: '05-镇政府' });
    await row.getByRole('button', { name: /问题/ }).click();
    const detail = page.locator('#results-body tr.detail:not([hidden])');
    const sheets = await detail.locator('h4').allTextContents();
    expect(sheets).toEqual(['基本信息', '表二主动公开', '工作指标']);
    const items = await detail.locator('li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-rule')} ${li.querySelector('.where')?.textContent}`));
    expect(items).toEqual(['INFO-CODE B5', 'INFO-PHONE B9', 'CELL-NUMBER B4', 'CELL-NUMBER C4', 'CELL-NUMBER D4', 'CELL-APPROX B3']);
    await shoot(page, 'web-check-zh.png');
    await row.getByRole('button', { name: /问题/ }).click();
  });

  it('dropping files on the page checks them too', async () => {
    const bytes = Array.from(fs.readFileSync(path.join(EXAMPLES, '02-高新区-表三不平衡.xlsx')));
    const before = await page.evaluate(() => document.body.dataset.checked);
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], '拖入.xlsx'));
      document.getElementById('drop')?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await page.waitForFunction((b) => document.body.dataset.checked !== b, before);
    expect(await page.textContent('#check-totals')).toBe('共 1 个文件：通过 0，有警告 0，有错误 1，无法读取 0；问题：错误 2 · 警告 0 · 提示 0。');
    expect(await page.textContent('#results-body .file')).toBe('拖入.xlsx');
    await checkFiles(page, exampleFiles());
  });

  it('filters the units with errors', async () => {
    await page.check('#filter-errors');
    const visible = await page.$$eval('#results-body tr:not(.detail)', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length);
    expect(visible).toBe(5);
    await page.uncheck('#filter-errors');
  });

  it('switches to English without reading again; the JSON is then the CLI report with --lang en', async () => {
    await page.click('#lang-en');
    expect(await page.textContent('#tab-btn-check')).toBe('Check');
    const { report } = await downloadJson(page);
    expect(report).toEqual(await cliJson(exampleFiles(), 'en'));
    await page.click('#lang-zh');
  });

  it('the HTML report is the CLI HTML report', async () => {
    const d = await downloadOf(page, () => page.click('#export-html'));
    const cli = formatBatchHtml(await cliJson(exampleFiles()), 'zh-CN', new Date(0));
    const stripTime = (html: string): string => html.replace(/生成时间 [0-9: -]+ UTC/, '生成时间 T UTC');
    expect(stripTime(d.bytes.toString('utf8'))).toBe(stripTime(cli));
  });

  it('marked copies are those of `zwgk validate --annotate`, one file or all in a .zip', async () => {
    const out = path.join(web.tmp, 'annotated');
    await main(['validate', ...exampleFiles(), '--annotate', out], { stdout: captureStream(), stderr: captureStream() });
    const partsOf = (bytes: Uint8Array): Record<string, string> =>
      Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

    const one = await downloadOf(page, () => page.locator('#results-body tr', { hasText: '02-高新区' }).getByRole('button', { name: '标注副本' }).click());
    expect(one.name).toBe('XX高新技术产业开发区管委会-问题标注.xlsx');
    expect(partsOf(one.bytes)).toEqual(partsOf(fs.readFileSync(path.join(out, one.name))));

    const all = await downloadOf(page, () => page.click('#export-marked'));
    expect(all.name).toMatch(/\.zip$/);
    const zip = unzipSync(all.bytes);
    expect(Object.keys(zip).sort()).toEqual(fs.readdirSync(out).sort());
    expect(Object.keys(zip)).toHaveLength(5);
    for (const name of Object.keys(zip)) expect(partsOf(zip[name])).toEqual(partsOf(fs.readFileSync(path.join(out, name))));
    // The input files are never touched.
    expect(Buffer.compare(fs.readFileSync(exampleFiles()[0]), Buffer.from(exampleBytes()))).toBe(0);
  });

  it('生成年度报告 downloads the document of `zwgk report` (with the failed-checks notice where the workbook has errors)', async () => {
    // The parts of a .docx but its stamped date (the document properties), which is the moment it was made.
    const partsOf = (bytes: Uint8Array): Record<string, string> =>
      Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([k]) => k !== 'docProps/core.xml').map(([k, v]) => [k, strFromU8(v)]));
    for (const [row, stem, force] of [
      ['01-县教育局', '01-县教育局-合格', false],
      ['02-高新区', '02-高新区-表三不平衡', true],
    ] as const) {
      const out = path.join(web.tmp, `${stem}.docx`);
      const args = ['report', path.join(EXAMPLES, `${stem}.xlsx`), '-o', out, ...(force ? ['--force'] : [])];
      expect(await main(args, { stdout: captureStream(), stderr: captureStream() })).toBe(0);
      const d = await downloadOf(page, () => page.locator('#results-body tr', { hasText: row }).getByRole('button', { name: '生成年度报告' }).click());
      expect(d.name).toMatch(/政府信息公开工作年度报告\.docx$/);
      expect(partsOf(d.bytes)).toEqual(partsOf(fs.readFileSync(out)));
      expect(strFromU8(unzipSync(d.bytes)['word/document.xml']).includes('未通过')).toBe(force);
    }
  });

  it('reads published reports (a Word document and a web page) as `zwgk validate` does', async () => {
    const html = path.join(web.tmp, '02-高新区-年度报告.html');
    const args = ['report', path.join(EXAMPLES, '02-高新区-表三不平衡.xlsx'), '--format', 'html', '-o', html, '--force'];
    expect(await main(args, { stdout: captureStream(), stderr: captureStream() })).toBe(0);
    const docx = path.join(web.tmp, '07-县司法局-年度报告.docx');
    fs.copyFileSync(path.join(EXAMPLES, '07-县司法局-年度报告.docx'), docx);
    // Side by side in one folder: the CLI is run there with the names the browser gives.
    const files = [docx, html];
    await checkFiles(page, files);
    const rows = await page.$$eval('#results-body tr:not(.detail)', (trs) => trs.map((tr) => [tr.querySelector('.file')?.textContent, (tr as HTMLElement).dataset.status]));
    expect(rows).toEqual([
      ['07-县司法局-年度报告.docx', 'ok'],
      ['02-高新区-年度报告.html', 'error'],
    ]);
    const { report } = await downloadJson(page);
    expect(report).toEqual(await cliJson(files));
    // Findings point into the document, as in the CLI's report.
    expect(report.files[1].findings[0].cells[0].location).toBe('表三 第4行「自然人」列');
  });

  it('a zip bomb and random bytes among good files: one clear line each, the others are checked', async () => {
    const bad = badFiles();
    const bomb = bad.find((b) => b.code === 'zip-bomb');
    const files = writeFiles(web, [
      { name: '01-县教育局-合格.xlsx', bytes: exampleBytes() },
      { name: 'bomb.xlsx', bytes: (bomb as { bytes: Uint8Array }).bytes },
      { name: '随机字节.xlsx', bytes: noise(30000, 4242) },
      { name: '02-高新区-表三不平衡.xlsx', bytes: exampleBytes(path.join(EXAMPLES, '02-高新区-表三不平衡.xlsx')) },
    ]);
    await checkFiles(page, files);
    const lines = await page.$$eval('#results-body tr:not(.detail)', (trs) =>
      trs.map((tr) => [tr.querySelector('.file')?.textContent, (tr as HTMLElement).dataset.status, tr.querySelector('.refusal')?.textContent ?? null]),
    );
    const cli = await cliJson(files);
    expect(lines).toEqual([
      ['01-县教育局-合格.xlsx', 'ok', null],
      ['bomb.xlsx', 'unreadable', cli.files[1].error?.message],
      ['随机字节.xlsx', 'unreadable', cli.files[2].error?.message],
      ['02-高新区-表三不平衡.xlsx', 'error', null],
    ]);
    expect(cli.files.map((f) => f.error?.code ?? f.status)).toEqual(['ok', 'zip-bomb', 'not-spreadsheet', 'error']);
    expect(lines[1][2]).toContain('bomb.xlsx');
    expect(lines[1][2]).toContain('安全上限');
    const { report } = await downloadJson(page);
    expect(report).toEqual(cli);
  });
});

describe('local rules', () => {
  it('are linted as `zwgk rules check` does, their problems listed; valid ones change the findings', async () => {
    const page = await web.open();
    const bad = writeFiles(web, [
      { name: 'bad.json', bytes: Buffer.from(JSON.stringify({ format: 'zwgk-rules/1', overrides: [{ rule: 'NO-SUCH-CHECK', severity: 'info' }], extra: 1 })) },
    ]);
    await chooseWith(page, '#rules-files', bad);
    await page.waitForSelector('#rules-problems:not([hidden])');
    const problems = await page.locator('#rules-problems li').allTextContents();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^bad\.json：不符合规则文件格式/);

    const good = writeFiles(web, [{ name: '本县.json', bytes: Buffer.from(JSON.stringify({ format: 'zwgk-rules/1', overrides: [{ rule: 'T3-BALANCE', severity: 'warning' }] })) }]);
    await chooseWith(page, '#rules-files', good);
    await page.waitForSelector('#rules-problems', { state: 'hidden' });
    expect(await page.textContent('#rules-status')).toContain('本县.json');
    await checkFiles(page, [path.join(EXAMPLES, '02-高新区-表三不平衡.xlsx')]);
    const { report } = await downloadJson(page);
    expect(report.files[0].status).toBe('warning');
    expect(report.files[0].findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['T3-BALANCE warning', 'T3-BALANCE warning']);
    await page.close();
  });
});

describe('汇总', () => {
  it('downloads the same workbook as `zwgk summary`, read back with SheetJS', async () => {
    const page = await web.open();
    await page.click('#tab-btn-summary');
    const roster = writeFiles(web, [{ name: '名册.csv', bytes: Buffer.from('单位名称\nXX县教育局\n不存在的单位\n') }]);
    await chooseWith(page, '#sum-submissions-files', exampleFiles());
    await chooseWith(page, '#sum-roster-files', roster);
    await chooseWith(page, '#sum-previous-files', exampleFiles());
    await page.fill('#sum-unit-name', 'XX县人民政府办公室');
    const d = await downloadOf(page, () => page.click('#sum-make'));
    expect(d.name).toMatch(/^汇总-.*\.xlsx$/);
    expect(await page.textContent('#sum-status')).toContain('6 个文件，其中 5 个有错误、0 个无法读取；合计计入 1 个单位；名册中 1 个单位未报送');
    await shoot(page, 'web-summary-zh.png');

    const out = path.join(web.tmp, 'summary.xlsx');
    await main(['summary', ...exampleFiles(), '-o', out, '--roster', roster[0], '--previous', EXAMPLES, '--unit-name', 'XX县人民政府办公室'], { stdout: captureStream(), stderr: captureStream() });
    const read = (bytes: Buffer): Record<string, unknown[][]> => {
      const wb = XLSX.read(bytes, { type: 'buffer' });
      return Object.fromEntries(wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n], { header: 1, raw: true })]));
    };
    const page_ = read(d.bytes);
    const cli = read(fs.readFileSync(out));
    expect(Object.keys(page_)).toEqual(Object.keys(cli));
    expect(Object.keys(page_).slice(0, 3)).toEqual(['汇总', '问题清单', '未报送']);
    // The file column holds the browser's name where the CLI has the path.
    const asBrowser = (v: unknown): unknown => (typeof v === 'string' ? v.split(`${EXAMPLES}${path.sep}`).join('') : v);
    const units = cli['汇总'].map((r) => r.map(asBrowser));
    const issues = cli['问题清单'].map((r) => r.map(asBrowser));
    expect(page_['汇总']).toEqual(units);
    expect(page_['问题清单']).toEqual(issues);
    // Two title rows, the header, six units.
    expect(page_['汇总']).toHaveLength(9);
    // Last year's files were given (the examples are all of the same year): each unit gets the note that none was found.
    expect(page_['问题清单'].filter((r) => r.some((v) => typeof v === 'string' && v.includes('不是2024年度的')))).toHaveLength(6);
    expect(page_['未报送']).toEqual(cli['未报送']);
    for (const name of Object.keys(cli).slice(3)) expect(page_[name]).toEqual(cli[name]);
    await page.close();
  });
});

describe('模板', () => {
  it('downloads the workbook of `zwgk template` with the year and unit name', async () => {
    const page = await web.open();
    await page.click('#tab-btn-template');
    await page.fill('#tpl-year', '2025');
    await page.fill('#tpl-unit', 'XX县教育局');
    await shoot(page, 'web-template-zh.png');
    const d = await downloadOf(page, () => page.click('#tpl-download'));
    expect(d.name).toBe('政务公开年度报表.xlsx');
    const cli = unzipSync(await writeTemplate({ year: 2025, unitName: 'XX县教育局' }));
    const got = unzipSync(d.bytes);
    expect(Object.keys(got)).toEqual(Object.keys(cli));
    // Only the creation time differs (docProps/core.xml).
    for (const k of Object.keys(cli)) if (k !== 'docProps/core.xml') expect([k, strFromU8(got[k])]).toEqual([k, strFromU8(cli[k])]);
    await page.fill('#tpl-year', '25');
    await page.click('#tpl-download');
    expect(await page.textContent('#tpl-status')).toBe('报告年度应为 2021–2100 之间的四位年份，填写的是“25”。');
    await page.close();
  });
});

describe('hosting', () => {
  it('index.html with its files works from file:// too', async () => {
    const page = await web.open('index.html');
    await checkFiles(page, [path.join(EXAMPLES, '02-高新区-表三不平衡.xlsx')]);
    expect(await page.textContent('#check-totals')).toBe('共 1 个文件：通过 0，有警告 0，有错误 1，无法读取 0；问题：错误 2 · 警告 0 · 提示 0。');
    await page.close();
  });

  it('index.html and zwgk.html work over http from any static server', async () => {
    const server = http.createServer((req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
      const file = path.join(web.dir, name);
      if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) return void res.writeHead(404).end();
      const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : name.endsWith('.css') ? 'text/css' : 'text/javascript';
      res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(file));
    });
    const base = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
    web.allow(base);
    try {
      for (const file of ['index.html', 'zwgk.html']) {
        const page = await web.open(`${base}/${file}`);
        await checkFiles(page, [path.join(EXAMPLES, '01-县教育局-合格.xlsx')]);
        expect(await page.textContent('#check-totals')).toBe('共 1 个文件：通过 1，有警告 0，有错误 0，无法读取 0；问题：错误 0 · 警告 0 · 提示 0。');
        await page.close();
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('an old browser gets a clear Chinese message, not a blank page', async () => {
    const page = await web.context.newPage();
    // A browser of before 2020 lacks Promise.allSettled and String.prototype.replaceAll.
    await page.addInitScript(() => {
      delete (Promise as unknown as { allSettled?: unknown }).allSettled;
    });
    await page.goto(`file://${path.join(web.dir, 'zwgk.html')}`);
    await page.waitForSelector('#legacy', { state: 'visible' });
    expect(await page.textContent('#legacy h1')).toBe('此浏览器版本过旧，无法使用本页面');
    expect(await page.isVisible('#app')).toBe(false);
    await page.close();
  });
});
