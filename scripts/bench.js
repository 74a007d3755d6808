#!/usr/bin/env node
'use strict';
/**
 * Benchmark (not a test): prints figures, asserts nothing.
 *   1. rules alone: ms per workbook over in-memory snapshots;
 *   2. whole process: `zwgk validate` of 300 and of 1,000 workbooks against a script that only parses
 *      the same files with SheetJS (XLSX.readFile in a loop), median of 3 alternating runs each; and
 *      `zwgk validate --jobs 1` (one worker, as on a one-core machine);
 *   3. one file, cold: `zwgk validate FILE` against node + SheetJS reading it (median of 5 alternating runs);
 *   4. in-process read per file: the named-cell reader and the SheetJS reader on the same bytes;
 *   5. the summary across units (files/s, peak memory) by scripts/bench-summary.js;
 *   6. a load run with hostile input (scripts/bench-hostile.js): files answered, peak memory;
 *   7. the offline web page in headless Chromium against the CLI (scripts/bench-web.js).
 * Usage: npm run bench [-- --sizes 300,1000] [-- --skip-summary] [-- --summary-sizes 5000] [-- --skip-hostile] [-- --skip-web]
 * Runs on the compiled code in dist/ (built by `npm ci` or `npm run build:cli`).
 */
const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync, linkSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'core', 'validator.js'))) {
  console.error('dist/ is missing: run npm ci or npm run build:cli first.');
  process.exit(2);
}
const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = argValue('--sizes', '300,1000').split(',').map(Number).filter((n) => n > 0);
const N = Math.max(...SIZES, Number(argValue('--files', '0')));

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

const GNU_TIME = '/usr/bin/time';
const HAS_TIME = existsSync(GNU_TIME);

/**
 * Wall-clock and CPU (user + system, all threads) milliseconds of a child process. CPU time comes
 * from GNU time when installed: on a busy machine it says more than the wall clock.
 */
function timed(argv) {
  const t = performance.now();
  const r = HAS_TIME
    ? spawnSync(GNU_TIME, ['-f', '@@ %U %S', process.execPath, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /@@ ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

/** Runs the commands alternately `runs` times; for each, the medians of wall and CPU milliseconds. */
function alternateAll(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k].push(timed(c)));
  return times.map((xs) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) }));
}

/** Runs a and b alternately `runs` times; medians of each (wall and CPU) and their ratios. */
function alternate(a, b, runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(timed(a));
    tb.push(timed(b));
  }
  const w = (xs) => median(xs.map((x) => x.wall));
  const c = (xs) => median(xs.map((x) => x.cpu));
  return { a: w(ta), b: w(tb), ratio: w(ta) / w(tb), aCpu: c(ta), bCpu: c(tb), cpuRatio: c(ta) / c(tb) };
}

const ZWGK = join(root, 'bin', 'zwgk.js');
// SheetJS parse-only: XLSX.readFile of every file in a folder (or of one file), nothing else.
const SHEETJS_ONLY = `
const XLSX = require('xlsx');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const p = process.argv[1];
const files = statSync(p).isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p];
for (const f of files) XLSX.readFile(f);
`;

async function main() {
  const { writeTemplate } = require(join(dist, 'io', 'template-writer.js'));
  const { readWorkbook } = require(join(dist, 'io', 'read-workbook.js'));
  const { Validator, loadRuleSet } = require(join(dist, 'core', 'validator.js'));
  const { loadRuleSources } = require(join(dist, 'io', 'load-rules.js'));
  const { EXAMPLE_UNITS } = require(join(dist, 'examples', 'units.js'));
  const sources = await loadRuleSources();
  const validator = new Validator(loadRuleSet(sources));
  console.log(`zwgk benchmark (Node ${process.version}, ${require('node:os').availableParallelism()} cores)`);

  // Distinct workbooks: the examples, with counts varied so the rules see different numbers.
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
  const all = join(dir, 'all');
  mkdirSync(all);
  const files = [];
  for (let i = 0; i < N; i++) {
    const f = join(all, `unit-${String(i).padStart(5, '0')}.xlsx`);
    writeFileSync(f, distinct[i % distinct.length]);
    files.push(f);
  }

  // 1. rules alone
  const snapshots = distinct.map((buf, i) => readWorkbook(new Uint8Array(buf), `w${i}.xlsx`));
  for (let i = 0; i < 200; i++) await validator.validate(snapshots[i % snapshots.length]);
  const runs = 1000;
  // CPU time per batch of 100 runs; the fastest batch is the figure least disturbed by other processes.
  const batches = [];
  for (let b = 0; b < runs / 100; b++) {
    const t = process.cpuUsage();
    for (let i = 0; i < 100; i++) await validator.validate(snapshots[(b * 100 + i) % snapshots.length]);
    const u = process.cpuUsage(t);
    batches.push((u.user + u.system) / 1000 / 100);
  }
  console.log(
    `\nrules per workbook (CPU): ${median(batches).toFixed(2)} ms median, ${Math.min(...batches).toFixed(2)} ms best of ${batches.length} batches of 100 (target ≤ 1.0 ms)`,
  );

  // 4. in-process read per file, both readers on the same bytes
  const bytes = files.slice(0, Math.min(files.length, 300)).map((f) => new Uint8Array(readFileSync(f)));
  const sheetjsReader = require(join(dist, 'io', 'reader', 'workbook-bytes.js'));
  const namedFirst = join(dist, 'io', 'reader', 'named-first.js');
  const readers = existsSync(namedFirst) ? { ...require(namedFirst), readWorkbookWithSheetJs: sheetjsReader.readWorkbook } : sheetjsReader;
  /** CPU milliseconds per file (this process is single-threaded here, so CPU time is the reader's own). */
  const perFile = (fn) => {
    for (let i = 0; i < 30; i++) fn(bytes[i % bytes.length], `w${i}.xlsx`);
    const t = process.cpuUsage();
    for (let i = 0; i < bytes.length; i++) fn(bytes[i], `w${i}.xlsx`);
    const u = process.cpuUsage(t);
    return (u.user + u.system) / 1000 / bytes.length;
  };
  const XLSX = require('xlsx');
  console.log('\nin-process, CPU per file (ms):');
  console.log(`  SheetJS XLSX.read (defaults)     ${perFile((b) => XLSX.read(b, { type: 'array' })).toFixed(2)}`);
  console.log(`  zwgk readWorkbook                ${perFile((b, n) => readers.readWorkbook(b, n)).toFixed(2)}`);
  if (readers.readWorkbookWithSheetJs) {
    console.log(`  zwgk reader, SheetJS path        ${perFile((b, n) => readers.readWorkbookWithSheetJs(b, n)).toFixed(2)}`);
  }

  // 2. whole process, validate vs SheetJS parse-only; and with one worker (--jobs 1: a one-core machine)
  console.log('\nwhole process, median of 3 alternating runs (target ratio ≤ 0.8); wall clock, and CPU time of all threads:');
  console.log('files   zwgk validate (s)   SheetJS parse-only (s)   ratio   CPU: zwgk (s)   SheetJS (s)   ratio   --jobs 1 (s)   ratio');
  for (const size of SIZES) {
    const sub = join(dir, `batch-${size}`);
    mkdirSync(sub);
    for (let i = 0; i < size; i++) linkSync(files[i], join(sub, `unit-${String(i).padStart(5, '0')}.xlsx`));
    const [a, b, c] = alternateAll(
      [
        [ZWGK, 'validate', sub, '--format', 'json'],
        ['-e', SHEETJS_ONLY, sub],
        [ZWGK, 'validate', sub, '--format', 'json', '--jobs', '1'],
      ],
      3,
    );
    console.log(
      `${String(size).padEnd(8)}${(a.wall / 1000).toFixed(2).padStart(17)}   ${(b.wall / 1000).toFixed(2).padStart(22)}   ${(a.wall / b.wall).toFixed(2).padStart(5)}` +
        `   ${(a.cpu / 1000).toFixed(2).padStart(13)}   ${(b.cpu / 1000).toFixed(2).padStart(11)}   ${(a.cpu / b.cpu).toFixed(2).padStart(5)}` +
        `   ${(c.wall / 1000).toFixed(2).padStart(12)}   ${(c.wall / b.wall).toFixed(2).padStart(5)}`,
    );
  }

  // 3. one file, cold
  const one = alternate([ZWGK, 'validate', files[0], '--format', 'json'], ['-e', SHEETJS_ONLY, files[0]], 5);
  console.log(
    `\none file, cold (median of 5): zwgk validate ${one.a.toFixed(0)} ms, node + SheetJS ${one.b.toFixed(0)} ms, ratio ${one.ratio.toFixed(2)} (target ≤ 1.5); ` +
      `CPU ${one.aCpu.toFixed(0)} ms vs ${one.bCpu.toFixed(0)} ms, ratio ${one.cpuRatio.toFixed(2)}`,
  );
  rmSync(dir, { recursive: true, force: true });

  if (!args.includes('--skip-summary') && existsSync(join(__dirname, 'bench-summary.js'))) {
    console.log('\nSummary across units:');
    spawnSync(process.execPath, [join(__dirname, 'bench-summary.js'), '--sizes', argValue('--summary-sizes', '1000,5000')], { stdio: 'inherit' });
  }
  if (!args.includes('--skip-hostile') && existsSync(join(__dirname, 'bench-hostile.js'))) {
    console.log('\nLoad with hostile input (2,000 files, 5 % hostile):');
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
