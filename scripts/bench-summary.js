#!/usr/bin/env node
'use strict';
/**
 * Benchmark of `zwgk summary` (not a test: prints figures, asserts nothing).
 * Generates batches of 100 and 1,000 submissions (add --sizes 100,1000,5000 for more), written once
 * to a temporary folder as copies of a few distinct generated workbooks, each copy with its own
 * unit name and a valid 统一社会信用代码 (GB 32100 check character). Each batch is summarised in a
 * fresh Node process, which reports files/s and its peak resident memory (resourceUsage().maxRSS).
 * Usage: node scripts/bench-summary.js [--sizes 100,1000,5000] [--keep] (--keep also keeps the batches)
 * Runs on the compiled code in dist/ (npm run build:cli).
 */
const { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');

const dist = join(__dirname, '..', 'dist');
const args = process.argv.slice(2);

// ------------------------------------------------------------ child: run one summary, print figures
if (args[0] === '--child') {
  const [, input, output] = args;
  const { main } = require(join(dist, 'cli', 'main.js'));
  const sink = { write: () => true };
  const started = process.hrtime.bigint();
  main(['summary', input, '-o', output, '--force'], { stdout: sink, stderr: sink }).then((code) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ code, ms, maxRssMb, heapMb: process.memoryUsage().heapUsed / 1048576 }) + '\n');
  });
  return;
}

if (!existsSync(join(dist, 'cli', 'commands', 'summary.js'))) {
  console.error('dist/ is missing the summary command: run npm run build:cli first.');
  process.exit(2);
}
const { buildTemplate } = require(join(dist, 'io', 'template-writer.js'));
const { INDICATORS } = require(join(dist, 'core', 'catalogue.js'));
const { withCheckChar } = require(join(dist, 'core', 'credit-code.js'));

const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = argValue('--sizes', '100,1000').split(',').map(Number).filter((n) => n > 0);
const DISTINCT = 5;

/** A complete, balanced submission that passes every check; k varies the numbers. */
function unitValues(k, name, code) {
  const v = {};
  for (const ind of INDICATORS) if (ind.kind === 'count' || ind.kind === 'amount') v[ind.name] = 0;
  const t3 = (row, nat, biz) => Object.assign(v, { [`T3_${row}_NAT`]: nat, [`T3_${row}_BIZ`]: biz, [`T3_${row}_SUM`]: nat + biz });
  const n = 4 + k;
  t3('NEW', n, 1);
  t3('CARRY', 1, 0);
  t3('OPEN', n, 1);
  t3('TOTAL', n, 1);
  t3('CARRYOUT', 1, 0);
  return Object.assign(v, {
    INFO_UNIT_NAME: name, INFO_UNIT_TYPE: '县级政府部门', INFO_UNIT_CODE: code, INFO_PARENT: 'XX县人民政府办公室',
    INFO_YEAR: 2024, INFO_CONTACT: '张三', INFO_PHONE: '0571-87654321', INFO_DATE: new Date(Date.UTC(2025, 0, 15)),
    T2_NORM_ISSUED: 2, T2_NORM_REPEALED: 1, T2_NORM_VALID: 10 + k, T2_LICENSE: 3 * k, T2_PENALTY: 4, T2_FEE: 1.5,
    T4_REVIEW_UPHELD: 1, T4_REVIEW_TOTAL: 1, T4_DIRECT_OTHER: 1, T4_DIRECT_TOTAL: 1,
    W_PUB_TOTAL: 100 + k, W_PUB_PORTAL: 80, W_PUB_WECHAT: 30, W_INTERP_TOTAL: 5, W_INTERP_LEADER: 1, W_INTERP_GRAPHIC: 2,
    W_INTERP_VIDEO: 1, W_INTERP_MEDIA: 1, W_RESPONSE: 3, W_PRESS: 2, W_PRESS_LEADER: 1, W_OPENDAY: 1, W_CONSULT: 2,
    W_HOTLINE_TOTAL: 10, W_HOTLINE_COMPLAINT: 2, W_HOTLINE_INQUIRY: 5, W_HOTLINE_HELP: 1, W_HOTLINE_SUGGEST: 1,
    W_HOTLINE_OTHER: 1, W_HOTLINE_CLOSED: 9, W_TRAIN: 2, W_TRAIN_PERSONS: 40, W_STAFF_FULL: 1, W_STAFF_PART: 2,
    TXT_OVERVIEW: '本年度，本单位认真贯彻落实政务公开工作要求，持续推进主动公开、政策解读和回应社会关切等工作，依法办理政府信息公开申请。',
    TXT_PROBLEMS: '存在的主要问题是政策解读形式较为单一，下一步将加强整改，丰富解读形式，提升公开质量。',
    TXT_OTHER: '本年度没有其他需要报告的事项，本单位将继续做好政务公开各项工作。',
    TXT_FEE: '未收取信息处理费', FEE_YUAN: 0,
  });
}

const code = (i) => withCheckChar(`12330100${String(i).padStart(8, '0')}X`);
const name = (i) => `基准县第${String(i).padStart(6, '0')}号单位`;

/**
 * Copies a generated workbook with another unit name and code by replacing the two strings in the
 * shared-string table (both keep their length), so thousands of files cost milliseconds each.
 */
function copyWithUnit(files, baseIndex, i) {
  const out = {};
  for (const [path, data] of Object.entries(files)) {
    out[path] = path === 'xl/sharedStrings.xml'
      ? strToU8(strFromU8(data).replace(name(baseIndex), name(i)).replace(code(baseIndex), code(i)))
      : data;
  }
  return zipSync(out, { level: 1 });
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'zwgk-bench-summary-'));
  const bases = [];
  for (let k = 0; k < DISTINCT; k++) {
    // Base workbooks use numbers far above any copy, so a copy never keeps a base's name or code.
    const wb = await buildTemplate({ values: unitValues(k, name(900000 + k), code(900000 + k)) });
    const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!strFromU8(files['xl/sharedStrings.xml']).includes(code(900000 + k))) throw new Error('the unit code is not a shared string');
    bases.push(files);
  }
  console.log(`summary benchmark (Node ${process.version}, ${DISTINCT} distinct workbooks copied with new names and codes)`);
  console.log('files   seconds   files/s   peak RSS (MB)   heap after (MB)   exit');
  for (const size of SIZES) {
    const dir = join(root, `batch-${size}`);
    mkdirSync(dir);
    for (let i = 0; i < size; i++) {
      writeFileSync(join(dir, `${String(i).padStart(6, '0')}.xlsx`), copyWithUnit(bases[i % DISTINCT], 900000 + (i % DISTINCT), i));
    }
    const out = join(root, `summary-${size}.xlsx`);
    const child = spawnSync(process.execPath, [__filename, '--child', dir, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split('\n').pop();
    if (child.status !== 0 || !line) {
      console.error(`batch of ${size}: the summary failed\n${child.stderr}`);
      continue;
    }
    const r = JSON.parse(line);
    const s = r.ms / 1000;
    console.log(
      `${String(size).padEnd(8)}${s.toFixed(1).padStart(7)}   ${(size / s).toFixed(1).padStart(7)}   ${r.maxRssMb.toFixed(0).padStart(13)}   ${r.heapMb.toFixed(0).padStart(15)}   ${r.code}`,
    );
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
  console.log('target: peak RSS at most 200 MB at 5,000 files, not growing with the number of files');
  if (args.includes('--keep')) console.log(`kept: ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
