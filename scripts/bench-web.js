#!/usr/bin/env node
'use strict';
/**
 * Benchmark of the offline web page (not a test; prints figures, asserts nothing): N generated
 * workbooks (default 100) checked in headless Chromium through the page's file input, against
 * `zwgk validate`'s read + validate in-process (one after the other) on the same files.
 * Usage: node scripts/bench-web.js [--files 100]   (called by npm run bench)
 * Uses dist/web when it is current (npm run build:web), else builds the page (scripts/web-build.js).
 */
const { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'core', 'validator.js'))) {
  console.error('dist/ is missing: run npm ci or npm run build:cli first.');
  process.exit(2);
}
const { writeTemplate } = require(join(dist, 'io', 'template-writer.js'));
const { readWorkbook } = require(join(dist, 'io', 'read-workbook.js'));
const { Validator, loadRuleSet } = require(join(dist, 'core', 'validator.js'));
const { loadRuleSources } = require(join(dist, 'io', 'load-rules.js'));
const { EXAMPLE_UNITS } = require(join(dist, 'examples', 'units.js'));
const { ensureWebBuild } = require('./web-build.js');

const args = process.argv.slice(2);
const at = args.indexOf('--files');
const N = at >= 0 ? Number(args[at + 1]) : 100;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-web-'));
  const files = [];
  for (let i = 0; i < N; i++) {
    const base = EXAMPLE_UNITS[i % EXAMPLE_UNITS.length].values;
    const values = { ...base, T2_LICENSE: (i * 37) % 500 };
    const f = join(dir, `unit-${String(i).padStart(4, '0')}.xlsx`);
    writeFileSync(f, await writeTemplate({ values }));
    files.push(f);
  }

  // The CLI's path in-process: read + validate, one file after the other (warm: a first pass is not counted).
  const validator = new Validator(loadRuleSet(await loadRuleSources()));
  const cliPass = async () => {
    const t = performance.now();
    for (const f of files) await validator.validate(readWorkbook(new Uint8Array(readFileSync(f)), f));
    return performance.now() - t;
  };
  await cliPass();
  const cli = await cliPass();

  const pageDir = await ensureWebBuild();
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'zwgk-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route('**/*', (r) => (r.request().url().startsWith('file://') ? r.continue() : r.abort()));
  const page = await context.newPage();
  await page.goto(`file://${join(pageDir, 'zwgk.html')}`);
  await page.waitForSelector('body.ready');
  const workers = await page.evaluate(() => Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));
  const pagePass = async (run) => {
    await page.setInputFiles('input[type=file]', files);
    await page.waitForFunction((r) => document.body.dataset.checked === String(r), run, { timeout: 600000 });
    return Number(await page.evaluate(() => document.body.dataset.checkMs));
  };
  await pagePass(1); // starts the workers
  const web = await pagePass(2);
  const totals = await page.textContent('#check-totals');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });

  console.log(`web page (${pageDir.includes('.cache') ? 'development build' : 'dist/web'}, headless Chromium, ${workers} workers): ${(web / 1000).toFixed(2)} s for ${N} files (${(web / N).toFixed(2)} ms/file)`);
  console.log(`CLI in-process, same files: ${(cli / 1000).toFixed(2)} s (${(cli / N).toFixed(2)} ms/file); page = ${(web / cli).toFixed(2)} × CLI per file`);
  console.log(`page result: ${totals}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
