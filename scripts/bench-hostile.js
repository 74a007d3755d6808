#!/usr/bin/env node
'use strict';
/**
 * Load run with hostile input (not a test: prints figures, asserts nothing). Builds a folder of
 * 2,000 submissions of which 5 % are hostile (random bytes, truncated zips, a zip bomb, a cell of
 * 2 million characters, sheets whose end tags carry whitespace, sheets of a million rows, a FIFO, a
 * marked copy written by the tool) and runs `zwgk validate --format json` on it in a fresh Node
 * process. Prints how many entries got an answer (validated, unreadable, listed as not read), the
 * wall time and the peak resident memory of that process.
 * Usage: node scripts/bench-hostile.js [--files 2000] [--hostile 0.05] [--timeout 5] [--keep]
 * Runs on the compiled code in dist/ (npm run build:cli).
 */
const { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, readdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');
const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');

const dist = join(__dirname, '..', 'dist');
const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};

// ------------------------------------------------------------ child: run one validate, print figures
if (args[0] === '--child') {
  const [, input, timeout] = args;
  const { main } = require(join(dist, 'cli', 'main.js'));
  let out = '';
  const stdout = { write: (s) => ((out += s), true) };
  const stderr = { write: () => true };
  const started = process.hrtime.bigint();
  main(['validate', input, '--format', 'json', '--timeout', timeout], { stdout, stderr }).then((code) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const report = JSON.parse(out);
    const byStatus = {};
    for (const f of report.files) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    const codes = {};
    for (const f of report.files) if (f.error) codes[f.error.code] = (codes[f.error.code] ?? 0) + 1;
    const skipped = (report.skipped ?? []).length;
    process.stdout.write(
      JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, answered: report.files.length, skipped, byStatus, codes }) + '\n',
    );
  });
  return;
}

if (!existsSync(join(dist, 'cli', 'main.js'))) {
  console.error('dist/ is missing: run npm run build:cli first.');
  process.exit(2);
}

const N = Number(argValue('--files', '2000'));
const SHARE = Number(argValue('--hostile', '0.05'));
const TIMEOUT = argValue('--timeout', '5');
const examples = join(__dirname, '..', 'examples');

function patch(bytes, edit) {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipSync(parts, { level: 6 });
}
const text = (parts, name) => strFromU8(parts[name]);
const firstSheet = (parts) => Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];

function hostileKinds(good) {
  const kinds = [];
  kinds.push(['random-bytes', () => Uint8Array.from({ length: 30000 }, (_, i) => (i * 2654435761) & 255)]);
  kinds.push(['truncated', () => good.slice(0, Math.floor(good.length / 2))]);
  kinds.push(['renamed-csv', () => strToU8('单位名称,代码\nXX县,1\n')]);
  kinds.push(['end-tag-whitespace', () => patch(good, (p) => {
    for (const n of Object.keys(p)) if (n.endsWith('.xml')) p[n] = strToU8(text(p, n).replace(/<\/(\w+)>/g, '</$1 >'));
  })]);
  let huge;
  kinds.push(['cell-2M-chars', () => (huge ??= patch(good, (p) => {
    const s = text(p, 'xl/sharedStrings.xml');
    p['xl/sharedStrings.xml'] = strToU8(s.replace(/<t([^>]*)>[^<]*<\/t>/, (_m, a) => `<t${a}>${'x'.repeat(2_000_000)}</t>`));
  }))]);
  let bomb;
  kinds.push(['zip-bomb', () => (bomb ??= patch(good, (p) => {
    p['xl/media/filler.bin'] = new Uint8Array(260 * 1024 * 1024);
  }))]);
  return kinds;
}

function slowWorkbook(good) {
  return patch(good, (p) => {
    const name = firstSheet(p);
    const rows = [];
    for (let r = 2000; r < 1_000_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    p[name] = strToU8(text(p, name).replace('</sheetData>', rows.join('') + '</sheetData>'));
    p['xl/workbook.xml'] = strToU8(
      text(p, 'xl/workbook.xml').replace(/(<definedName name="TXT_FEE"[^>]*>)[^<]*/, `$1'${'基本信息'}'!$A$999999`),
    );
  });
}

function main() {
  const goods = readdirSync(examples).filter((f) => f.endsWith('.xlsx')).sort().map((f) => new Uint8Array(readFileSync(join(examples, f))));
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-hostile-'));
  const hostileCount = Math.round(N * SHARE);
  const kinds = hostileKinds(goods[0]);
  console.log(`Building ${N} files (${hostileCount} hostile) in ${dir} …`);
  const t0 = Date.now();
  const slow = slowWorkbook(goods[0]);
  const counts = {};
  for (let i = 0; i < N; i++) {
    const name = join(dir, `unit-${String(i).padStart(5, '0')}.xlsx`);
    const hostile = i % Math.round(1 / SHARE) === 7 && i / Math.round(1 / SHARE) < hostileCount;
    if (!hostile) {
      writeFileSync(name, goods[i % goods.length]);
      continue;
    }
    const k = Math.floor(i / Math.round(1 / SHARE));
    // Three sheets of a million rows (each may cost up to the --timeout), a FIFO, the rest spread over the kinds.
    let kind;
    let bytes;
    if (k < 3) [kind, bytes] = ['million-rows', slow];
    else if (k === 3) {
      execFileSync('mkfifo', [name]);
      counts.fifo = (counts.fifo ?? 0) + 1;
      continue;
    } else {
      const [label, make] = kinds[k % kinds.length];
      [kind, bytes] = [label, make()];
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    writeFileSync(name, bytes);
  }
  // A marked copy of one submission, written by the tool into the folder.
  const { annotateWorkbook } = require(join(dist, 'io', 'annotate.js'));
  const finding = { rule: 'T3-BALANCE', severity: 'error', message: '…', messages: { 'zh-CN': '…', en: '…' }, cells: [], values: {} };
  writeFileSync(join(dir, '某单位-问题标注.xlsx'), annotateWorkbook(goods[1], [finding], { locale: 'zh-CN', sourceName: 'x.xlsx' }));
  counts['marked-copy'] = 1;
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s; hostile kinds: ${JSON.stringify(counts)}`);

  const run = spawnSync(process.execPath, [__filename, '--child', dir, TIMEOUT], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 || !run.stdout) {
    console.error(run.stderr || `child exited ${run.status}`);
  } else {
    const r = JSON.parse(run.stdout.trim().split('\n').pop());
    const entries = N + 1;
    console.log(
      `zwgk validate, ${entries} entries (--timeout ${TIMEOUT}): ${r.answered} answered in the report + ${r.skipped} listed as not read = ${r.answered + r.skipped} of ${entries}; ` +
        `${(r.ms / 1000).toFixed(1)} s (${((r.answered * 1000) / r.ms).toFixed(0)} files/s), peak RSS ${r.maxRssMb.toFixed(0)} MB, exit ${r.code}`,
    );
    console.log(`  by status: ${JSON.stringify(r.byStatus)}`);
    console.log(`  refusals: ${JSON.stringify(r.codes)}`);
  }
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

main();
