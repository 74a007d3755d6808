#!/usr/bin/env node
/**
 * The add-in as one .zip for an organisation's IT: unzip it onto any static HTTPS server (IIS, nginx…),
 * no Node needed on site, and hand out the manifest.xml inside it.
 *
 *   ADDIN_BASE_URL=https://zwgk.example.gov.cn/addin/ npm run package:addin
 *   ADDIN_BASE_URL=https://… OFFICE_JS=local npm run package:addin   # Office.js served from the same site
 *
 * Writes dist/zwgk-addin-<version>.zip (ADDIN_PACKAGE_DIR changes the folder). The manifest's URLs all
 * start with ADDIN_BASE_URL; with OFFICE_JS=local the Office.js files (from @microsoft/office-js) are in
 * office-js/. When the offline web page has been built (dist/web/zwgk.html), it is included too, so IT
 * can offer it to WPS users and PCs whose Excel cannot run the add-in. Source maps are left out.
 *
 * Before zipping, every file the manifest and the pages refer to is checked to be in the package.
 * Exit codes: 0 written; 2 bad settings or a missing file (message on stderr).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { zipSync } = require('fflate');
const parse5 = require('parse5');

const ROOT = path.resolve(__dirname, '..');

function fail(message) {
  process.stderr.write(`package:addin: ${message}\n`);
  process.exit(2);
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * Files a built add-in refers to, as paths relative to the site root: the manifest's URLs under the
 * base URL, and the src/href attributes of the HTML pages that point into the site.
 * @param {string} dir the built site
 * @param {string} base the base URL (ending in /)
 * @returns {{ from: string, ref: string }[]}
 */
function references(dir, base) {
  const refs = [];
  const manifest = fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
  for (const m of manifest.matchAll(/DefaultValue="([^"]+)"/g)) {
    const url = m[1];
    if (url.startsWith(base)) refs.push({ from: 'manifest.xml', ref: url.slice(base.length).split(/[?#]/)[0] });
  }
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const walk = (node) => {
      for (const a of node.attrs || []) {
        if ((a.name === 'src' || a.name === 'href') && !/^[a-z]+:|^\/\/|^#/i.test(a.value)) refs.push({ from: file, ref: a.value.split(/[?#]/)[0] });
      }
      for (const child of node.childNodes || []) walk(child);
      if (node.content) walk(node.content);
    };
    walk(parse5.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return refs;
}

/** Runs the production webpack build into `outDir`; resolves when written, rejects with webpack's errors. */
async function build(outDir) {
  const webpack = require('webpack');
  process.env.ADDIN_OUT_DIR = outDir;
  const config = await require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  await new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

async function main() {
  const base = process.env.ADDIN_BASE_URL;
  if (!base) fail('set ADDIN_BASE_URL to the https:// address the add-in will be served from, e.g. ADDIN_BASE_URL=https://zwgk.example.gov.cn/addin/');
  if (!/^https:\/\/[^/\s]+/.test(base)) fail(`ADDIN_BASE_URL must be an https:// address (Office loads add-ins only over HTTPS): ${base}`);
  const baseUrl = base.endsWith('/') ? base : `${base}/`;
  process.env.ADDIN_BASE_URL = baseUrl;
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const outDir = path.resolve(process.env.ADDIN_PACKAGE_DIR || path.join(ROOT, 'dist'));
  const zipPath = path.join(outDir, `zwgk-addin-${version}.zip`);

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-addin-package-'));
  try {
    const site = path.join(staging, 'site');
    process.stderr.write(`Building the add-in for ${baseUrl} (Office.js: ${process.env.OFFICE_JS || 'cdn'})…\n`);
    await build(site);
    const web = process.env.ADDIN_WEB_HTML || path.join(ROOT, 'dist/web/zwgk.html');
    if (fs.existsSync(web)) fs.copyFileSync(web, path.join(site, 'zwgk.html'));

    const files = listFiles(site).filter((f) => !f.endsWith('.map'));
    const missing = references(site, baseUrl).filter((r) => !files.includes(r.ref));
    if (missing.length > 0) fail(`the build lacks files it refers to: ${missing.map((r) => `${r.ref} (in ${r.from})`).join(', ')}`);

    const entries = {};
    for (const f of files) entries[f] = [new Uint8Array(fs.readFileSync(path.join(site, f))), { mtime: new Date() }];
    const zip = zipSync(entries, { level: 6 });
    fs.mkdirSync(outDir, { recursive: true });
    // Written next to its final name and renamed, so a half-written .zip never carries the final name.
    const tmp = `${zipPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, zip);
    fs.renameSync(tmp, zipPath);
    process.stdout.write(`${zipPath}\n`);
    process.stderr.write(`${files.length} files, ${(zip.length / 1024 / 1024).toFixed(1)} MB. Unzip onto ${baseUrl} and give Office the manifest.xml inside (docs/deploy-zh.md).\n`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
}

module.exports = { references, listFiles };
