#!/usr/bin/env node
'use strict';
/**
 * Benchmark (not a test): prints figures, asserts nothing.
 *   1. rules alone: ms per workbook over in-memory snapshots;
 *   2. read + validate N generated .xlsx workbooks, against SheetJS alone reading the same files;
 *   3. the summary across units (files/s, peak memory) when scripts/bench-summary.js exists;
 *   4. a load run with hostile input (scripts/bench-hostile.js): files answered, peak memory;
 *   5. the offline web page in headless Chromium against the CLI (scripts/bench-web.js).
 * Usage: npm run bench [-- --files 1000] [-- --skip-summary] [-- --skip-hostile] [-- --skip-web]
 * Runs on the compiled code in dist/ (built by `npm ci` or `npm run build:cli`).
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
const XLSX = require('xlsx');
const { writeTemplate } = require(join(dist, 'io', 'template-writer.js'));
const { readWorkbook } = require(join(dist, 'io', 'read-workbook.js'));
const { Validator, loadRuleSet } = require(join(dist, 'core', 'validator.js'));
const { loadRuleSources } = require(join(dist, 'io', 'load-rules.js'));
const { EXAMPLE_UNITS } = require(join(dist, 'examples', 'units.js'));

const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(argValue('--files', '1000'));

/** A small deterministic generator so every run measures the same workbooks. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const sources = await loadRuleSources();
  const validator = new Validator(loadRuleSet(sources));

  // Distinct workbooks: the examples, with counts varied so the rules see different numbers.
  console.log(`Generating ${N} workbooks …`);
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
  const random = rng(20250131);
  const distinct = [];
  for (let i = 0; i < Math.min(N, 50); i++) {
    const base = EXAMPLE_UNITS[i % EXAMPLE_UNITS.length].values;
    const values = { ...base };
    values.W_PUB_TOTAL = typeof base.W_PUB_TOTAL === 'number' ? base.W_PUB_TOTAL + Math.floor(random() * 100) : base.W_PUB_TOTAL;
    values.T2_LICENSE = Math.floor(random() * 500);
    distinct.push(await writeTemplate({ values }));
  }
  const files = [];
  for (let i = 0; i < N; i++) {
    const f = join(dir, `unit-${String(i).padStart(5, '0')}.xlsx`);
    writeFileSync(f, distinct[i % distinct.length]);
    files.push(f);
  }

  // 1. rules alone
  const snapshots = distinct.map((buf, i) => readWorkbook(new Uint8Array(buf), `w${i}.xlsx`));
  for (let i = 0; i < 50; i++) await validator.validate(snapshots[i % snapshots.length]);
  const runs = Math.max(N, 500);
  const perRun = [];
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    await validator.validate(snapshots[i % snapshots.length]);
    perRun.push(performance.now() - a);
  }
  const rulesTotal = performance.now() - t0;
  console.log(`rules alone: ${(rulesTotal / runs).toFixed(2)} ms per workbook (median ${median(perRun).toFixed(2)} ms, ${runs} runs)`);

  // 2. SheetJS alone vs read + validate, same files, sequentially
  let t = performance.now();
  for (const f of files) XLSX.read(readFileSync(f), { type: 'buffer', cellFormula: true, cellNF: true, cellText: true });
  const sheetjs = performance.now() - t;
  t = performance.now();
  for (const f of files) {
    const snap = readWorkbook(new Uint8Array(readFileSync(f)), f);
    await validator.validate(snap);
  }
  const full = performance.now() - t;
  console.log(`SheetJS alone: ${(sheetjs / 1000).toFixed(2)} s for ${N} files (${(sheetjs / N).toFixed(2)} ms/file)`);
  console.log(`read + validate: ${(full / 1000).toFixed(2)} s for ${N} files (${(full / N).toFixed(2)} ms/file) = ${(full / sheetjs).toFixed(2)} × SheetJS alone`);
  console.log(`peak RSS so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  rmSync(dir, { recursive: true, force: true });

  if (!args.includes('--skip-summary') && existsSync(join(__dirname, 'bench-summary.js'))) {
    console.log('\nSummary across units:');
    const { spawnSync } = require('node:child_process');
    spawnSync(process.execPath, [join(__dirname, 'bench-summary.js')], { stdio: 'inherit' });
  }
  if (!args.includes('--skip-hostile') && existsSync(join(__dirname, 'bench-hostile.js'))) {
    console.log('\nLoad with hostile input (2,000 files, 5 % hostile):');
    const { spawnSync } = require('node:child_process');
    spawnSync(process.execPath, [join(__dirname, 'bench-hostile.js')], { stdio: 'inherit' });
  }

  if (!args.includes('--skip-web') && existsSync(join(__dirname, 'bench-web.js'))) {
    console.log('\nOffline web page:');
    require('node:child_process').spawnSync(process.execPath, [join(__dirname, 'bench-web.js')], { stdio: 'inherit' });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
