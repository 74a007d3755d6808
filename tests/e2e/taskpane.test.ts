/**
 * The task pane in headless Chromium against the fake Office host (no Excel): a development build
 * with OFFICE_JS=fake into a temp folder, served from 127.0.0.1, with the real validator and rules.
 * With SCREENSHOTS=1 it also writes docs/taskpane-zh.png and docs/taskpane-en.png.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import webpack from 'webpack';
import { summariseFiles, summarySheets } from '../../src/addin/summary-runner';
import { writeTemplate } from '../../src/io/template-writer';
import { codeFor, unitValues } from '../summary-fixtures';
import type { FakeHost } from './fake-excel';
import { realValidator, ruleSourcesFromDisk } from './node-rules';
import { runnableRuleSources } from '../../src/addin/engine-support';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const T3 = '表三依申请公开';
const WORK = '工作指标';

let outDir: string;
let profileDir: string;
let server: http.Server;
let base: string;
let context: BrowserContext;
const external: string[] = [];
const cspErrors: string[] = [];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
  '.xml': 'application/xml',
};

async function buildPane(dir: string): Promise<void> {
  const template = path.join(dir, '..', 'template.xlsx');
  fs.writeFileSync(template, Buffer.from('PK\u0003\u0004 fake template bytes'));
  const saved = { ...process.env };
  Object.assign(process.env, { OFFICE_JS: 'fake', ADDIN_OUT_DIR: dir, ADDIN_TEMPLATE_XLSX: template });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
    const config = await makeConfig({}, { mode: 'development' });
    config.devtool = false;
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
  } finally {
    process.env = saved;
  }
}

function serve(dir: string): Promise<string> {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-pane-'));
  outDir = path.join(tmp, 'dist');
  profileDir = path.join(tmp, 'profile');
  await buildPane(outDir);
  base = await serve(outDir);
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 360, height: 760 },
  });
  // Nothing may leave 127.0.0.1: record and refuse every other request.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    external.push(url);
    return route.abort();
  });
}, 120000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
});

async function open(query: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  page.on('pageerror', (e) => cspErrors.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/taskpane.html?${query}`);
  await page.waitForSelector('#validate');
  return page;
}

async function validate(page: Page, summary: string): Promise<void> {
  await page.click('#validate');
  await page.waitForFunction((s) => document.querySelector('#summary')?.textContent === s, summary);
}

const calls = (page: Page): Promise<string[]> => page.evaluate(() => ((window as unknown as { __fakeHost: FakeHost }).__fakeHost).log.calls.slice());
const model = (page: Page): Promise<FakeHost['model']> => page.evaluate(() => ((window as unknown as { __fakeHost: FakeHost }).__fakeHost).model);

async function groups(page: Page): Promise<[string, string[]][]> {
  return page.$$eval('section.sheet-group', (sections) =>
    sections.map((s) => [
      (s as HTMLElement).dataset.sheet ?? '',
      Array.from(s.querySelectorAll('li.finding')).map((li) => `${(li as HTMLElement).dataset.rule}@${(li as HTMLElement).dataset.address}`),
    ]),
  ) as Promise<[string, string[]][]>;
}

test('checks, lists findings by sheet, navigates, filters, marks, fixes and switches language', async () => {
  const page = await open('lang=zh-CN&api=18');
  expect(await page.textContent('h1')).toBe('政务公开年报校验');
  expect(await page.textContent('#validate')).toBe('校验');

  await validate(page, '错误 2 · 警告 1 · 提示 1');
  expect(await groups(page)).toEqual([
    [T3, [`T3-BALANCE@${T3}!J5`, `T3-ROWSUM@${T3}!J5`]],
    [WORK, [`CELL-TEXTNUM@${WORK}!B14`, `W-INTERP-OVERLAP@${WORK}!B8`]],
  ]);
  expect(await page.textContent('li[data-rule="T3-ROWSUM"] .finding-message')).toBe(
    '表三“一、本年新收政府信息公开申请数量”行：自然人与各类法人或其他组织之和为 12，但总计填写 13，相差 1。',
  );
  expect(await page.textContent('li[data-rule="T3-ROWSUM"] .finding-address')).toBe('J5, D5, E5 …');
  // A sum that does not add up has no quick fix: which figure is wrong only the unit knows.
  expect(await page.$('li[data-rule="T3-ROWSUM"] .quick-fix')).toBeNull();
  expect(await page.textContent('li[data-rule="CELL-TEXTNUM"] .quick-fix')).toBe('将文本 ‘12’ 转为数字 12');
  expect(await page.$('li[data-rule="T3-BALANCE"] .quick-fix')).toBeNull();

  // Clicking a finding selects its first cell.
  await page.click('li[data-rule="CELL-TEXTNUM"] .finding-main');
  await page.waitForFunction(() => ((window as unknown as { __fakeHost: FakeHost }).__fakeHost).log.calls.includes('select 工作指标!B14'));
  expect((await calls(page)).slice(-3)).toEqual([`activate ${WORK}`, `select ${WORK}!B14`, 'sync']);

  // Severity filter.
  await page.click('.chip[data-severity="error"]');
  expect(await groups(page)).toEqual([[WORK, [`CELL-TEXTNUM@${WORK}!B14`, `W-INTERP-OVERLAP@${WORK}!B8`]]]);
  expect(await page.textContent('.findings .hint')).toBe('另有 2 条被筛选隐藏');
  await page.click('.chip[data-severity="error"]');

  // Marks on, then off: exactly our conditional formats and notes come and go.
  await page.click('#toggle-marks');
  await page.waitForFunction(() => document.querySelector('#toggle-marks')?.textContent === '清除标记');
  let m = await model(page);
  expect(m.conditionalFormats.map((c) => `${c.sheet}!${c.address}:${c.fill}`).sort()).toEqual(
    [
      ...['J5', 'J6', 'J28', 'J29', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5'].map((a) => `${T3}!${a}:#FDE7E9`),
      ...['B8', 'B9', 'B10', 'B11', 'B12'].map((a) => `${WORK}!${a}:#DEECF9`),
      `${WORK}!B14:#FFF4CE`,
    ].sort(),
  );
  expect(m.notes.length).toBe(16);
  expect(await page.textContent('#status')).toBe('已标记 16 个单元格并添加批注；“清除标记”可全部移除。');
  await page.click('#toggle-marks');
  await page.waitForFunction(() => document.querySelector('#toggle-marks')?.textContent === '标记单元格');
  m = await model(page);
  expect(m.conditionalFormats).toEqual([]);
  expect(m.notes).toEqual([]);
  expect(await page.textContent('#status')).toBe('已清除 32 处标记，单元格原有格式未改动。');

  // The user corrects the row total and checks again.
  await page.evaluate(() => (window as unknown as { __fakeHost: FakeHost }).__fakeHost.userEdit('表三依申请公开', 'J5', 12));
  await validate(page, '错误 0 · 警告 1 · 提示 1');

  // Language switch: the pane and the findings' messages, without checking again.
  const syncsBefore = (await calls(page)).filter((c) => c === 'sync').length;
  await page.click('.lang-option[data-locale="en"]');
  expect(await page.textContent('#summary')).toBe('Errors 0 · Warnings 1 · Notes 1');
  expect(await page.textContent('#validate')).toBe('Check');
  expect(await page.textContent('li[data-rule="CELL-TEXTNUM"] .quick-fix')).toBe('Convert the text ‘12’ to the number 12');
  expect(await page.textContent('li[data-rule="CELL-TEXTNUM"] .finding-message')).toMatch(/^[\x20-\x7e‘’“”…]+$/);
  expect((await calls(page)).filter((c) => c === 'sync').length).toBe(syncsBefore);
  await page.close();
}, 60000);

test('re-checks after a user edit (debounced), not after its own writes', async () => {
  const page = await open('lang=zh-CN&api=18');
  await validate(page, '错误 2 · 警告 1 · 提示 1');
  await page.check('#auto-recheck');
  await page.waitForFunction(() => ((window as unknown as { __fakeHost: FakeHost }).__fakeHost).handlers.length === 6);
  const readsBefore = (await calls(page)).filter((c) => c === 'name.getRange T3_NEW_SUM').length;

  // The add-in's own write (a quick fix) leads to exactly one re-check: the one the fix itself runs.
  await page.click('li[data-rule="CELL-TEXTNUM"] .quick-fix');
  await page.waitForFunction(() => document.querySelector('#summary')?.textContent === '错误 2 · 警告 0 · 提示 1');
  await page.waitForTimeout(1500);
  expect((await calls(page)).filter((c) => c === 'name.getRange T3_NEW_SUM').length).toBe(readsBefore + 1);

  // Three quick user edits → one re-check after the pause.
  await page.evaluate(() => {
    const h = (window as unknown as { __fakeHost: FakeHost }).__fakeHost;
    h.userEdit('表三依申请公开', 'J5', 14);
    h.userEdit('表三依申请公开', 'J5', 15);
    h.userEdit('表三依申请公开', 'J5', 12);
  });
  await page.waitForFunction(() => document.querySelector('#summary')?.textContent === '错误 0 · 警告 0 · 提示 1');
  await page.waitForTimeout(1500);
  expect((await calls(page)).filter((c) => c === 'name.getRange T3_NEW_SUM').length).toBe(readsBefore + 2);
  await page.close();
}, 60000);

test('a workbook that is not the template gets a message and a button that inserts the template', async () => {
  const page = await open('lang=zh-CN&api=13&wb=blank');
  await page.click('#validate');
  await page.waitForSelector('#not-template');
  expect(await page.textContent('#not-template p')).toBe(
    '当前工作簿不是标准指标工作簿（缺少 243 个定义名称，可在“公式”→“名称管理器”中查看），无法校验。请在标准模板中填报，或插入一套新的模板工作表。',
  );
  await page.click('#insert-template');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已插入标准模板工作表，请在其中填报后再校验。');
  expect((await model(page)).insertedTemplates).toBe(1);
  await page.close();

  const old = await open('lang=en-US&api=7&wb=blank');
  await old.click('#validate');
  await old.waitForSelector('#not-template');
  expect(await old.$('#insert-template')).toBeNull();
  expect(await old.textContent('#not-template p:last-child')).toMatch(/^This version of Excel cannot insert template sheets/);
  await old.close();
}, 60000);

test('cell text is shown as text, never as markup', async () => {
  const page = await open('lang=zh-CN&api=18&wb=xss');
  await page.click('#validate');
  await page.waitForSelector('li[data-rule="CELL-NUMBER"]');
  expect(await page.textContent('li[data-rule="CELL-NUMBER"] .finding-message')).toContain('<img src=x onerror="window.__pwned=1">');
  expect(await page.$$('#findings img')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.close();
}, 60000);

test('the page sets a CSP and makes no request beyond its own files', async () => {
  const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(html).toContain("connect-src 'self';");
  expect(html).toContain('<script src="fake-office.js"></script>');
  expect(external).toEqual([]);
  expect(cspErrors).toEqual([]);
});

/** Three real submissions for the 汇总 tab: clean, one with errors and a formula-like name, a duplicate. */
async function summaryFiles(auditName = '=HYPERLINK("http://example.invalid","XX县审计局")'): Promise<string[]> {
  const dir = path.join(path.dirname(outDir), 'units');
  fs.mkdirSync(dir, { recursive: true });
  const a = unitValues({ name: 'XX县财政局', code: codeFor(1), newNat: 5, fee: 1.1, pub: 100 });
  const b = unitValues({ name: auditName, code: codeFor(2), newNat: 8, pub: 50 });
  b.T3_NEW_SUM = 99;
  const c = unitValues({ name: 'XX县教育局', code: codeFor(3), newNat: 20, fee: 0, pub: 7 });
  const files = [['01-财政局.xlsx', a], ['02-审计局.xlsx', b], ['03-教育局.xlsx', c]] as const;
  for (const [name, values] of files) fs.writeFileSync(path.join(dir, name), await writeTemplate({ values }));
  return files.map(([name]) => path.join(dir, name));
}

test('汇总 tab: picks files, shows progress, writes the same sheets as the core computes', async () => {
  const files = await summaryFiles();
  const expected = summarySheets(
    await summariseFiles(
      files.map((f) => ({ name: path.basename(f), bytes: async () => new Uint8Array(fs.readFileSync(f)) })),
      realValidator(),
      'zh-CN',
      () => undefined,
    ),
    'zh-CN',
  );
  const page = await open('lang=zh-CN&api=18');
  await page.click('#tab-summary');
  expect(await page.textContent('#run-summary')).toBe('生成汇总');
  expect(await page.isDisabled('#run-summary')).toBe(true);
  await page.setInputFiles('#summary-files', files);
  expect(await page.textContent('#picked .picked-count')).toBe('已选择 3 个文件');
  // Record every progress text the pane shows.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const t = document.querySelector('#summary-progress span')?.textContent;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const syncsBefore = (await calls(page)).filter((c) => c === 'sync').length;
  await page.click('#run-summary');
  await page.waitForSelector('#summary-status.message-success');
  expect(await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)).toEqual([
    '正在校验 1 / 3：01-财政局.xlsx',
    '正在校验 2 / 3：02-审计局.xlsx',
    '正在校验 3 / 3：03-教育局.xlsx',
    '正在写入汇总表…',
  ]);
  expect(await page.textContent('#summary-status')).toBe('已写入工作表“汇总”“问题清单”“合计”：共 3 个文件，1 个有错误，0 个无法读取；合计计入 2 个单位。');
  expect(await page.$$eval('#summary-units tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent)))).toEqual([
    ['XX县财政局', '通过', '0'],
    ['=HYPERLINK("http://example.invalid","XX县审计局")', '有错误', '2'],
    ['XX县教育局', '通过', '0'],
  ]);

  // The sheets in the workbook hold exactly the rows the core computes; 4 syncs in all.
  const m = await model(page);
  expect((await calls(page)).filter((c) => c === 'sync').length - syncsBefore).toBe(4);
  for (const sheet of expected) {
    const cells = m.sheets.find((x) => x.name === sheet.name)?.cells ?? {};
    const grid = [sheet.columns, ...sheet.rows].map((row, r) =>
      row.map((_, c) => {
        const cell = cells[`${String.fromCharCode(65 + c)}${r + 1}`];
        return cell ? cell.value : null;
      }),
    );
    expect(grid).toEqual([sheet.columns, ...sheet.rows].map((row) => row.map((v) => (v === '' ? null : v))));
  }
  const units = m.sheets.find((x) => x.name === '汇总')!.cells;
  expect(units.B3).toMatchObject({ value: '=HYPERLINK("http://example.invalid","XX县审计局")', numberFormat: '@' });
  expect(units.B3.formula).toBeUndefined();
  expect(units.G2.value).toBe('通过');
  expect(units.G3.value).toBe('有错误');
  const sums = m.sheets.find((x) => x.name === '合计')!.cells;
  const sumRow = Object.entries(sums).find(([addr, c]) => addr.startsWith('D') && c.value === 'W_PUB_TOTAL')![0].slice(1);
  expect(sums[`E${sumRow}`].value).toBe(107);
  expect(m.sheets.map((x) => x.name).slice(-3)).toEqual(['汇总', '问题清单', '合计']);
  await page.close();
}, 90000);

/** Removes what Trident (IE 11) lacks, before any script of the page runs (see the test below). */
function tridentLike(): void {
  const w = window as unknown as Record<string, unknown>;
  delete w.TextDecoder;
  delete w.queueMicrotask;
  delete w.structuredClone;
  const drop = (o: object, names: string[]): void => {
    for (const n of names) delete (o as Record<string, unknown>)[n];
  };
  drop(Array.prototype, ['flat', 'flatMap', 'includes', 'find', 'findIndex', 'fill', 'at']);
  drop(Array, ['from', 'of']);
  drop(Object, ['entries', 'values', 'fromEntries', 'assign']);
  drop(String.prototype, ['padStart', 'padEnd', 'includes', 'startsWith', 'endsWith', 'repeat', 'matchAll', 'trimStart', 'trimEnd', 'replaceAll', 'at']);
  drop(Number, ['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'MAX_SAFE_INTEGER']);
  drop(Element.prototype, ['append', 'prepend', 'replaceChildren', 'closest', 'remove', 'toggleAttribute']);
  drop(Blob.prototype, ['arrayBuffer', 'text']);
  const Native = RegExp;
  const IeRegExp = function (this: unknown, pattern: string | RegExp, flags?: string): RegExp {
    if (typeof flags === 'string' && flags.indexOf('u') >= 0) throw new SyntaxError('Invalid regular expression flags');
    return new Native(pattern, flags);
  } as unknown as RegExpConstructor;
  Object.defineProperty(IeRegExp, 'prototype', { value: Native.prototype });
  w.RegExp = IeRegExp;
}

/**
 * Trident as far as Chromium can play it: the built-ins IE 11 lacks are removed before any script runs,
 * and the RegExp constructor refuses the `u` flag as IE 11 does. The polyfilled bundle must check the
 * workbook, name the checks it cannot run, and read the units' files for the 汇总 (TextDecoder stand-in).
 */
test('with the built-ins IE 11 lacks removed, the pane still checks and summarises', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(tridentLike);
  await page.goto(`${base}/taskpane.html?lang=zh-CN&api=8`);
  await page.waitForSelector('#validate');
  // The removals took effect; what the code uses came back from core-js and the stand-in, the DOM methods stayed away.
  expect(
    await page.evaluate(() => [
      (window as unknown as { TextDecoder: { name: string } }).TextDecoder.name,
      typeof Array.prototype.flatMap,
      typeof Object.entries,
      typeof (Element.prototype as unknown as Record<string, unknown>).append,
    ]),
  ).toEqual(['SmallTextDecoder', 'function', 'function', 'undefined']);
  // The exact list is pinned in tests/addin-engine.test.ts; here: the pane names what the rule files give.
  const skipped = runnableRuleSources(ruleSourcesFromDisk(), () => false).skipped;
  expect(skipped.length).toBeGreaterThan(3);
  expect(await page.textContent('#engine-notice')).toBe(
    `这台电脑上的 Excel 显示加载项用的浏览器组件较旧，以下 ${skipped.length} 项检查（用到较新的正则表达式写法）在加载项中无法运行：${skipped.join('、')}。其余检查照常进行；如需完整检查，请用离线网页版“zwgk.html”（在 Edge、Chrome 等浏览器中打开）。`,
  );
  await validate(page, '错误 2 · 警告 1 · 提示 1');
  expect(await groups(page)).toEqual([
    [T3, [`T3-BALANCE@${T3}!J5`, `T3-ROWSUM@${T3}!J5`]],
    [WORK, [`CELL-TEXTNUM@${WORK}!B14`, `W-INTERP-OVERLAP@${WORK}!B8`]],
  ]);
  await page.click('li[data-rule="CELL-TEXTNUM"] .quick-fix');
  await page.waitForFunction(() => document.querySelector('#summary')?.textContent === '错误 2 · 警告 0 · 提示 1');

  await page.click('#tab-summary');
  await page.setInputFiles('#summary-files', await summaryFiles('XX县审计局'));
  await page.click('#run-summary');
  await page.waitForSelector('#summary-status.message-success');
  expect(await page.$$eval('#summary-units tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent)))).toEqual([
    ['XX县财政局', '通过', '0'],
    ['XX县审计局', '有错误', '2'],
    ['XX县教育局', '通过', '0'],
  ]);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

/** The paragraphs of a .docx's word/document.xml, as text. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
    .filter((t) => t !== '');
}

const REPORT_TITLE = '某某县人民政府办公室2024年政府信息公开工作年度报告';
const FAILED_NOTICE = '注意：本报告所依据的工作簿未通过校验，有 2 项错误，表格或文字可能有误。请更正工作簿并重新生成后再报送或公开。';

test('生成年度报告: refused with errors, made anyway with the notice on its first page, saved as a download', async () => {
  const page = await open('lang=zh-CN&api=18');
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
  expect(await page.textContent('#make-report')).toBe('生成年度报告');
  // The docx writer is not loaded with the pane.
  expect(chunks.filter((c) => c === '/report.js')).toEqual([]);
  await page.click('#make-report');
  await page.waitForSelector('#report-refused');
  expect(await page.textContent('#report-refused')).toBe(
    '工作簿有 2 项错误，未生成年度报告。请先按下方清单更正后再生成；确需现在生成时点“仍然生成”，报告首页会注明未通过校验，请勿据此报送或公开。',
  );
  // The check ran first: the findings are listed below the refusal.
  expect(await page.textContent('#summary')).toBe('错误 2 · 警告 1 · 提示 1');
  expect(await page.$('#report-preview')).toBeNull();

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-force')]);
  expect(download.suggestedFilename()).toBe(`${REPORT_TITLE}.docx`);
  const bytes = new Uint8Array(fs.readFileSync((await download.path()) as string));
  const paragraphs = docxParagraphs(bytes);
  expect(paragraphs.slice(0, 2)).toEqual([REPORT_TITLE, FAILED_NOTICE]);
  expect(paragraphs.indexOf('一、总体情况')).toBeGreaterThan(2);
  expect(chunks).toContain('/report.js');

  await page.waitForSelector('#report-panel[data-save="download"][data-saved="true"]');
  expect(await page.textContent('#report-status')).toBe(
    `已生成《${REPORT_TITLE}》。Word 文档“${REPORT_TITLE}.docx”已交给 Excel 保存，请看任务窗格下方的下载提示或“下载”文件夹。没有出现时，请用“复制报告”。`,
  );
  expect(await page.textContent('#report-forced')).toBe('报告首页已注明：所依据的工作簿未通过校验（2 项错误）。更正工作簿并重新生成后，才能报送或公开。');
  expect(await page.textContent('#report-preview .rp-title')).toBe(REPORT_TITLE);
  expect(await page.textContent('#report-preview .rp-notice p')).toBe(FAILED_NOTICE);
  expect(await page.$$eval('#report-preview table', (ts) => ts.map((t) => (t as HTMLElement).dataset.table))).toEqual(['t2', 't3', 't4']);

  // 保存 Word 文档 hands the same file over again, on the user's own click.
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#report-save')]);
  expect(fs.readFileSync((await again.path()) as string).equals(Buffer.from(bytes))).toBe(true);

  // A new check makes the report stale: the panel goes.
  await validate(page, '错误 2 · 警告 1 · 提示 1');
  expect(await page.$('#report-panel')).toBeNull();
  expect(cspErrors).toEqual([]);
  await page.close();
}, 90000);

test('生成年度报告 where the webview cannot save files: the report is shown with copy buttons', async () => {
  const page = await open('lang=zh-CN&api=18&wb=clean&platform=Mac');
  let downloads = 0;
  page.on('download', () => downloads++);
  // What the copy put on the clipboard, seen from a copy listener after the pane's own.
  await page.evaluate(() => {
    const w = window as unknown as { __copied: Record<string, string>[] };
    w.__copied = [];
    window.addEventListener('copy', (e) => {
      w.__copied.push({ html: e.clipboardData?.getData('text/html') ?? '', text: e.clipboardData?.getData('text/plain') ?? '' });
    });
  });
  await page.click('#make-report');
  await page.waitForSelector('#report-panel[data-save="none"]');
  expect(await page.$('#report-refused')).toBeNull();
  expect(await page.$('#report-forced')).toBeNull();
  expect(await page.$('#report-save')).toBeNull();
  expect(await page.textContent('#report-status')).toBe(
    `已生成《${REPORT_TITLE}》。这里的 Excel 不能由加载项直接保存文件。请点“复制报告”，在 Word 中新建文档后粘贴；或点“复制 HTML”，粘贴到网站内容管理系统的源代码（HTML）模式。需要 Word 文档时，也可用离线网页版“zwgk.html”生成。`,
  );
  expect(await page.$('#report-preview .rp-notice')).toBeNull();

  await page.click('#report-copy');
  await page.waitForSelector('#report-copy-status.message-success');
  expect(await page.textContent('#report-copy-status')).toBe('已复制报告，可粘贴到 Word。');
  await page.click('#report-copy-html');
  await page.waitForFunction(() => document.querySelector('#report-copy-status')?.textContent === '已复制 HTML 源代码，可粘贴到网站内容管理系统的源代码模式。');
  const copied = await page.evaluate(() => (window as unknown as { __copied: Record<string, string>[] }).__copied);
  const html = await page.$eval('#report-source', (t) => (t as HTMLTextAreaElement).value);
  expect(html.startsWith('<div style="')).toBe(true);
  expect(copied).toEqual([
    { html, text: expect.stringMatching(new RegExp(`^${REPORT_TITLE}\r\n`)) },
    { html: '', text: html },
  ]);
  expect(downloads).toBe(0);

  // English: the pane's words change, the report stays in Chinese (the national format).
  await page.click('.lang-option[data-locale="en"]');
  expect(await page.textContent('#report-copy')).toBe('Copy report');
  expect(await page.textContent('#report-preview .rp-title')).toBe(REPORT_TITLE);
  expect(cspErrors).toEqual([]);
  await page.close();
}, 90000);

test('生成年度报告 in Trident: the docx chunk runs without TextEncoder, and msSaveOrOpenBlob gets the file', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(tridentLike);
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.TextEncoder;
    // IE 11 knows neither the `s` nor the `u` flag (tridentLike refuses `u`).
    const Outer = w.RegExp as RegExpConstructor;
    const NoDotAll = function (pattern: string | RegExp, flags?: string): RegExp {
      if (typeof flags === 'string' && flags.indexOf('s') >= 0) throw new SyntaxError('Invalid regular expression flags');
      return new Outer(pattern, flags);
    } as unknown as RegExpConstructor;
    Object.defineProperty(NoDotAll, 'prototype', { value: Outer.prototype });
    w.RegExp = NoDotAll;
    delete (HTMLAnchorElement.prototype as unknown as Record<string, unknown>).download;
    // IE's own save prompt, recorded: the name and the bytes (read with FileReader, as IE has no Blob.arrayBuffer).
    const saved: { name: string; bytes: number[] }[] = [];
    w.__saved = saved;
    (navigator as unknown as Record<string, unknown>).msSaveOrOpenBlob = (blob: Blob, name: string): boolean => {
      const reader = new FileReader();
      reader.onload = () => saved.push({ name, bytes: Array.prototype.slice.call(new Uint8Array(reader.result as ArrayBuffer)) as number[] });
      reader.readAsArrayBuffer(blob);
      return true;
    };
  });
  await page.goto(`${base}/taskpane.html?lang=zh-CN&api=8`);
  await page.waitForSelector('#make-report');
  expect(await page.evaluate(() => [typeof TextEncoder === 'function' ? TextEncoder.name : 'none', 'download' in HTMLAnchorElement.prototype])).toEqual(['SmallTextEncoder', false]);
  await page.click('#make-report');
  // On failure, say what the pane shows (an error of the docx chunk would be there).
  await page.waitForSelector('#report-force', { timeout: 15000 }).catch(async () => {
    throw new Error(`no refusal; the pane shows: ${await page.innerText('#app')} ${errors.join(' | ')}`);
  });
  await page.click('#report-force');
  await page.waitForSelector('#report-panel[data-save="msSaveOrOpenBlob"][data-saved="true"]');
  await page.waitForFunction(() => ((window as unknown as { __saved: unknown[] }).__saved).length === 1);
  const [saved] = await page.evaluate(() => (window as unknown as { __saved: { name: string; bytes: number[] }[] }).__saved);
  expect(saved.name).toBe(`${REPORT_TITLE}.docx`);
  expect(docxParagraphs(new Uint8Array(saved.bytes)).slice(0, 2)).toEqual([REPORT_TITLE, FAILED_NOTICE]);
  expect(await page.textContent('#report-status')).toBe(
    `已生成《${REPORT_TITLE}》。已请求保存 Word 文档“${REPORT_TITLE}.docx”，请在弹出的提示中选择“保存”。没有出现时，请用“复制报告”。`,
  );
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

const shoot = process.env.SCREENSHOTS === '1' ? test : test.skip;
shoot('screenshots for the docs', async () => {
  for (const [lang, file] of [
    ['zh-CN', 'taskpane-zh.png'],
    ['en-US', 'taskpane-en.png'],
  ] as const) {
    const page = await open(`lang=${lang}&api=18`);
    await page.click('#validate');
    await page.waitForSelector('#summary');
    await page.click('#toggle-marks');
    await page.waitForSelector('#status');
    await page.click('li[data-rule="CELL-TEXTNUM"] .finding-main');
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', file), fullPage: true });
    await page.close();
  }
  const page = await open('lang=zh-CN&api=18');
  await page.click('#tab-summary');
  await page.setInputFiles('#summary-files', await summaryFiles('XX县审计局'));
  await page.click('#run-summary');
  await page.waitForSelector('#summary-status.message-success');
  await page.screenshot({ path: path.join(ROOT, 'docs', 'taskpane-summary-zh.png'), fullPage: true });
  await page.close();

  // 生成年度报告: the refusal, and the report made anyway (saved as a download; the preview below it).
  const report = await open('lang=zh-CN&api=18');
  await report.click('#make-report');
  await report.waitForSelector('#report-refused');
  await report.screenshot({ path: path.join(ROOT, 'docs', 'taskpane-report-refused-zh.png') });
  await Promise.all([report.waitForEvent('download'), report.click('#report-force')]);
  await report.waitForSelector('#report-preview');
  await report.screenshot({ path: path.join(ROOT, 'docs', 'taskpane-report-zh.png') });
  await report.close();
  // Where the webview cannot save files (Office on Mac): the copy buttons.
  const mac = await open('lang=zh-CN&api=18&wb=clean&platform=Mac');
  await mac.click('#make-report');
  await mac.waitForSelector('#report-preview');
  await mac.click('#report-copy');
  await mac.waitForSelector('#report-copy-status.message-success');
  await mac.screenshot({ path: path.join(ROOT, 'docs', 'taskpane-report-copy-zh.png') });
  await mac.close();
}, 90000);
