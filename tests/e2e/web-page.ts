/**
 * The offline web page in headless Chromium for the tests: built when missing or stale
 * (scripts/web-build.js), opened from file:// with every other request refused and recorded.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Download, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBuild } = require('../../scripts/web-build.js') as { ensureWebBuild: (o?: { mode?: string }) => Promise<string> };

export interface WebSession {
  dir: string;
  context: BrowserContext;
  /** Requests to anything but file:// (all refused). */
  external: string[];
  /** CSP violations, page errors and console errors. */
  problems: string[];
  tmp: string;
  /** Lets requests to this origin through (a local test server). */
  allow(origin: string): void;
  /** A page of the build from file://, or a full http:// URL. */
  open(file?: string, query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startWeb(viewport = { width: 1280, height: 900 }): Promise<WebSession> {
  const dir = await ensureWebBuild();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-web-'));
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport,
    acceptDownloads: true,
  });
  const external: string[] = [];
  const problems: string[] = [];
  const allowed = ['file://'];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed.some((a) => url.startsWith(a))) return route.continue();
    external.push(url);
    return route.abort();
  });
  return {
    dir,
    context,
    external,
    problems,
    tmp,
    allow(origin: string) {
      allowed.push(`${origin}/`);
    },
    async open(file = 'zwgk.html', query = '') {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(/^https?:/.test(file) ? file : `file://${path.join(dir, file)}${query}`);
      await page.waitForSelector('body.ready');
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Writes named files into a fresh folder of the session (setInputFiles takes paths; names keep their Chinese). */
export function writeFiles(session: WebSession, files: Array<{ name: string; bytes: Uint8Array }>): string[] {
  const dir = fs.mkdtempSync(path.join(session.tmp, 'in-'));
  return files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
}

/** Chooses files in the page's file input and waits until the check has ended. */
export async function checkFiles(page: Page, files: string[]): Promise<void> {
  const before = await page.evaluate(() => document.body.dataset.checked ?? '0');
  await page.setInputFiles('input[type=file]', files);
  await page.waitForFunction((b) => (document.body.dataset.checked ?? '0') !== b, before, { timeout: 120000 });
}

export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Clicks a button that opens a file chooser and gives it the files. */
export async function chooseWith(page: Page, selector: string, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(selector)]);
  await chooser.setFiles(files);
}
