/**
 * The pane is never blank: the production build (the package for IT, unzipped) in headless Chromium
 * with every request beyond 127.0.0.1 refused, as on a government intranet.
 *
 * The package is the OFFICE_JS=local build; the CDN build differs only in the Office.js address and the
 * zwgk-office-js meta tag (both filled into src/addin/taskpane/taskpane.html by webpack), so for the CDN cases the
 * test server serves taskpane.html with those two values as the CDN build writes them.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { packagedAddin } from '../helpers/addin-package';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let site: string;
let server: http.Server;
let base: string;
let context: BrowserContext;
let profileDir: string;
const external: string[] = [];
/** Office.js stand-ins served at the CDN address, per test: null refuses the request. */
let officeJsStub: string | null = null;

function serve(dir: string): Promise<string> {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const cdn = rel === 'taskpane.html' && url.searchParams.has('cdn');
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
    let body = fs.readFileSync(file);
    if (cdn) {
      body = Buffer.from(
        body
          .toString('utf8')
          .replace(/src="?office-js\/office\.js"?/, `src="${CDN}"`)
          .replace(/(name="?zwgk-office-js"?\s+content=)"?local"?/, '$1"cdn"'),
      );
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  site = packagedAddin().site;
  base = await serve(site);
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-boot-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 360, height: 700 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    if (url === CDN && officeJsStub !== null) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJsStub });
    external.push(url);
    return route.abort();
  });
}, 15 * 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  fs.rmSync(profileDir, { recursive: true, force: true });
});

async function open(pathAndQuery: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${base}/${pathAndQuery}`);
  if (pathAndQuery.endsWith('?cdn')) expect(await page.$eval('meta[name="zwgk-office-js"]', (m) => m.getAttribute('content'))).toBe('cdn');
  return { page, errors };
}

const text = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.trim()));

test('Microsoft’s server unreachable: a Chinese message within seconds, not a blank page', async () => {
  officeJsStub = null;
  external.length = 0;
  const started = Date.now();
  const { page, errors } = await open('taskpane.html?cdn');
  await page.waitForSelector('#boot-message', { timeout: 5000 });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(external).toEqual([CDN]);
  expect(await text(page, '#boot-message h1')).toEqual(['任务窗格无法启动：未能加载 Office.js']);
  const lines = await text(page, '#boot-message p');
  expect(lines[0]).toBe('加载项需要从微软的服务器（appsforoffice.microsoft.com）加载 Office.js，本机现在访问不到该服务器。政务外网、内网的电脑常有这种情况。');
  expect(lines[1]).toContain('OFFICE_JS=local');
  expect(lines[2]).toContain('离线网页版“zwgk.html”');
  expect(lines[3]).toMatch(/^Office\.js could not be loaded/);
  expect(await page.isVisible('#boot-message')).toBe(true);
  // The bundle ran and stayed quiet: no script errors, and nothing else asked the network.
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('the local copy of Office.js missing: the message names the site’s office-js folder', async () => {
  officeJsStub = null;
  external.length = 0;
  // The site is there but its office-js folder is not (a partial copy onto the server).
  const page = await context.newPage();
  await page.route('**/office-js/office.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('#boot-message', { timeout: 5000 });
  const lines = await text(page, '#boot-message p');
  expect(lines[0]).toBe('加载项站点上的 Office.js 文件（office-js/office.js）没有加载成功。');
  expect(lines[1]).toContain('office-js 文件夹');
  expect(external).toEqual([]);
  await page.close();
}, 60000);

test('Office.js loads but Office.onReady never fires (opened outside Office): a message after the wait', async () => {
  officeJsStub = 'window.Office = { onReady: function () { return new Promise(function () {}); } };';
  const { page, errors } = await open('taskpane.html?cdn');
  await page.waitForTimeout(3000);
  expect(await page.$('#boot-message')).toBeNull();
  await page.waitForSelector('#boot-message', { timeout: 10000 });
  expect(await text(page, '#boot-message h1')).toEqual(['任务窗格没有连接到 Excel']);
  expect((await text(page, '#boot-message p'))[0]).toBe('如果是在浏览器里直接打开了这个页面：请改在 Excel 中打开，方法是点击“开始”选项卡上的“校验年报”按钮。');
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('Office.onReady fires outside Excel: the production bundle starts, says so, and no boot message stays', async () => {
  officeJsStub =
    'window.Office = { HostType: { Excel: "Excel" }, context: { displayLanguage: "zh-CN" },' +
    ' onReady: function (cb) { var info = { host: null, platform: null }; setTimeout(function () { cb(info); }, 50); return Promise.resolve(info); } };';
  const { page, errors } = await open('taskpane.html?cdn');
  await page.waitForSelector('#app p.message-error');
  expect(await text(page, '#app p.message-error')).toEqual(['请在 Excel 中使用此加载项。']);
  await page.waitForTimeout(9000);
  expect(await page.$('#boot-message')).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
}, 60000);
