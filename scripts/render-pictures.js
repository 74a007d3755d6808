#!/usr/bin/env node
'use strict';
/**
 * Renders the pictures of the outputs shown in the README, through LibreOffice as a coordinator's
 * printer would see them: a marked copy (its 问题清单 and a marked table) and a summary workbook
 * (汇总 and 问题清单) of the examples in examples/.
 *
 *   npm run build:cli && node scripts/render-pictures.js      # writes docs/*.png
 *
 * Needs soffice (LibreOffice Calc), pdftoppm and pdftotext (poppler-utils).
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readdirSync, copyFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const zwgk = join(root, 'bin', 'zwgk.js');
const work = mkdtempSync(join(tmpdir(), 'zwgk-pictures-'));

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** zwgk exits 1 when it wrote its output and found errors: that is the expected case here. */
function zwgkRun(args) {
  try {
    run('node', [zwgk, ...args], { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai' } });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
}

function toPdf(xlsx) {
  run('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', work, xlsx]);
  return join(work, xlsx.replace(/^.*[\\/]/, '').replace(/\.xlsx$/, '.pdf'));
}

/** The first page whose text contains `needle`. */
function pageWith(pdf, needle) {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))[1]);
  for (let i = 1; i <= pages; i++) if (run('pdftotext', ['-f', String(i), '-l', String(i), pdf, '-']).includes(needle)) return i;
  throw new Error(`no page of ${pdf} contains ${needle}`);
}

function png(pdf, page, name) {
  const out = join(root, 'docs', name);
  run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, out.replace(/\.png$/, '')]);
  console.log(out);
}

// A marked copy: the unit with approximate numbers and units written into 表二 (an error and warnings).
const marked = join(work, 'marked');
zwgkRun(['validate', join('examples', '04-省人社厅-约数与单位.xlsx'), '--annotate', marked]);
const copy = join(marked, readdirSync(marked)[0]);
copyFileSync(copy, join(work, 'marked.xlsx'));
const markedPdf = toPdf(join(work, 'marked.xlsx'));
png(markedPdf, pageWith(markedPdf, '问题清单'), 'marked-copy-findings.png');
png(markedPdf, pageWith(markedPdf, '二、主动公开政府信息情况'), 'marked-copy-table2.png');

// A summary of all examples, summing every readable unit as a county office would to see the layout.
const summary = join(work, 'summary.xlsx');
zwgkRun(['summary', 'examples', '-o', summary, '--unit-name', 'XX县人民政府办公室', '--unit-type', '县级人民政府', '--include-all']);
const summaryPdf = toPdf(summary);
png(summaryPdf, pageWith(summaryPdf, '汇总 — 汇总'), 'summary-units.png');
png(summaryPdf, pageWith(summaryPdf, '汇总 — 问题清单'), 'summary-findings.png');

// The HTML report of all examples, as a browser shows it (Chromium through playwright-core).
(async () => {
  const html = join(work, 'report.html');
  zwgkRun(['validate', 'examples', '--format', 'html', '-o', html]);
  const { chromium } = require('playwright-core');
  // A fresh profile of its own, so nothing of another browser session is used.
  const browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 860 },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${html}`);
    const out = join(root, 'docs', 'html-report.png');
    await page.screenshot({ path: out });
    console.log(out);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
