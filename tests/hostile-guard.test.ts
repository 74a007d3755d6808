/**
 * The per-file guard: a file that takes too long (or too much memory) to read is answered
 * 'unreadable' with code 'timeout' (or 'out-of-memory') and the batch goes on; Ctrl+C in the middle
 * of a batch leaves neither the output nor a temporary file behind. The worker runs compiled code,
 * so dist/ is built first when it is missing or older than the sources.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BatchReport } from '../src/core/batch-report';
import { UserError } from '../src/core/errors';
import { ReadGuard } from '../src/cli/guard';
import { readWorkbookFile } from '../src/io/read-workbook';
import { ensureBuilt } from './helpers/build';
import { EXAMPLES_DIR, GOOD_EXAMPLE, appendRows, badFiles, definedNames, patchExample, setDefinedNames, setText, text } from './helpers/hostile-fixtures';

const REPO = join(__dirname, '..');
const WORKER = join(REPO, 'dist', 'cli', 'guard-worker.js');
const BIN = join(REPO, 'bin', 'zwgk.js');

/** A workbook whose last name points a million rows down a filled sheet: a parse of many seconds. */
function slowWorkbook(): Uint8Array {
  return patchExample(
    (p) => {
      appendRows(p, '文字部分', 100, 1_000_000);
      setDefinedNames(p, definedNames(p).map((n) => (n.name === 'TXT_FEE' ? { ...n, ref: "'文字部分'!$A$1000000" } : n)));
    },
    undefined,
    1,
  );
}

let root: string;
let slowDir: string;
let slowPath: string;
beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'zwgk-guard-'));
  slowDir = join(root, 'slow');
  mkdirSync(slowDir);
  slowPath = join(slowDir, '00-slow.xlsx');
  writeFileSync(slowPath, slowWorkbook());
  copyFileSync(GOOD_EXAMPLE, join(slowDir, basename(GOOD_EXAMPLE)));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('ReadGuard (worker thread)', () => {
  it('gives the same Snapshot as reading in-process, and passes refusals on with code and both languages', async () => {
    const guard = new ReadGuard({ timeoutSeconds: 30, workerScript: WORKER, workers: 1 });
    expect(guard.mode).toBe('worker');
    try {
      const files = readdirSync(EXAMPLES_DIR).map((f) => join(EXAMPLES_DIR, f));
      for (const [i, f] of files.entries()) expect(await guard.read(f, files[i + 1])).toEqual(await readWorkbookFile(f));
      const bad = join(root, 'random.xlsx');
      const random = badFiles().find((b) => b.name === 'random.xlsx');
      writeFileSync(bad, random?.bytes ?? new Uint8Array());
      const err = await refusal(guard.read(bad));
      expect(err.code).toBe('not-spreadsheet');
      expect(err.messageIn('zh-CN')).toContain(`“${bad}”`);
      expect(err.messageIn('en')).toContain(`"${bad}"`);
      expect(guard.starts).toBe(1); // one worker for the whole batch
    } finally {
      await guard.close();
    }
  });

  it('runs a batch in a pool of workers and answers in the batch order, the slow file not holding up the others', async () => {
    const guard = new ReadGuard({ timeoutSeconds: 3, workerScript: WORKER, workers: 2 });
    expect(guard.lookahead).toBe(4);
    try {
      const examples = readdirSync(EXAMPLES_DIR).map((f) => join(EXAMPLES_DIR, f));
      const files = [slowPath, ...examples, ...examples];
      const answers: string[] = [];
      const started = Date.now();
      for (const [i, f] of files.entries()) {
        answers.push(
          await guard.check(f, files.slice(i + 1, i + 1 + guard.lookahead)).then(
            (c) => `${basename(f)} ${c.report.unit.name}`,
            (e: UserError) => `${basename(f)} ${e.code}`,
          ),
        );
        // While the slow file runs out its time in one worker, the other one goes through the
        // files announced ahead.
        if (i === 0) expect(Date.now() - started).toBeLessThan(10_000);
      }
      const expected = await Promise.all(
        [...examples, ...examples].map(async (f) => `${basename(f)} ${(await readWorkbookFile(f)).cells.INFO_UNIT_NAME.raw}`),
      );
      expect(answers).toEqual(['00-slow.xlsx timeout', ...expected]);
      // Two workers for the batch and one more after the timeout.
      expect(guard.starts).toBe(3);
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('stops a file that runs over the time limit, restarts the worker and reads the next file', async () => {
    const guard = new ReadGuard({ timeoutSeconds: 2, workerScript: WORKER, workers: 1 });
    try {
      const started = Date.now();
      const err = await refusal(guard.read(slowPath, GOOD_EXAMPLE));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(err.code).toBe('timeout');
      expect(err.messageIn('zh-CN')).toBe(
        `文件“${slowPath}”在 2 秒内未能读取和校验完，已跳过：它可能含有异常庞大或损坏的内容，请在 Excel 或 WPS 中打开检查后另存为 .xlsx 再试（也可用 --timeout 放宽时限）。`,
      );
      const snap = await guard.read(GOOD_EXAMPLE);
      expect(snap.cells.INFO_UNIT_NAME.raw).toBe('XX县教育局');
      expect(guard.starts).toBe(2);
    } finally {
      await guard.close();
    }
  });

  it('stops a file that needs more memory than the worker may take', async () => {
    // The named-cell reader skips the million rows in little memory; a row whose cell is not in it
    // makes that reader decline, so SheetJS, which keeps every cell, reads the file.
    const hungryPath = join(root, '00-hungry.xlsx');
    writeFileSync(
      hungryPath,
      patchExample(
        (p) => {
          appendRows(p, '文字部分', 100, 1_000_000);
          const part = Object.keys(p).find((k) => /sheet\d+\.xml$/.test(k) && new TextDecoder().decode(p[k]).includes('<row r="100">'))!;
          p[part] = new TextEncoder().encode(new TextDecoder().decode(p[part]).replace('<row r="100"><c r="A100">', '<row r="100"><c r="A101">'));
        },
        undefined,
        1,
      ),
    );
    const guard = new ReadGuard({ timeoutSeconds: 60, workerScript: WORKER, memoryMb: 64 });
    try {
      const err = await refusal(guard.read(hungryPath));
      expect(err.code).toBe('out-of-memory');
      expect(err.messageIn('en')).toContain(`"${hungryPath}"`);
      expect((await guard.read(GOOD_EXAMPLE)).templateId).toBe('ZWGK-ANNUAL');
    } finally {
      await guard.close();
    }
  });

  it('checks a batch of one file in this thread when the named-cell reader takes it, and in a worker otherwise', async () => {
    const guard = new ReadGuard({ timeoutSeconds: 30, workerScript: WORKER, files: 1 });
    try {
      const checked = await guard.check(GOOD_EXAMPLE);
      expect([checked.report.unit.name, checked.report.findings.length, guard.starts]).toEqual(['XX县教育局', 0, 0]);
      // A Word report needs the document reader: a worker bounds it.
      const doc = await guard.check(join(EXAMPLES_DIR, '07-县司法局-年度报告.docx'));
      expect([doc.snapshot.origin, guard.starts]).toEqual(['document', 1]);
    } finally {
      await guard.close();
    }
  });

  it('sends a one-file batch the named-cell reader declines to a worker (SheetJS is bounded there)', async () => {
    // An XML comment in the workbook part: the named-cell reader leaves such a file to SheetJS.
    const declinedPath = join(root, '00-comment.xlsx');
    writeFileSync(declinedPath, patchExample((p) => setText(p, 'xl/workbook.xml', text(p, 'xl/workbook.xml').replace('<sheets>', '<!-- x --><sheets>'))));
    const guard = new ReadGuard({ timeoutSeconds: 30, workerScript: WORKER, files: 1 });
    try {
      const checked = await guard.check(declinedPath);
      expect([checked.report.unit.name, guard.starts]).toEqual(['XX县教育局', 1]);
    } finally {
      await guard.close();
    }
  });

  it('reads in-process without the compiled worker or with a time limit of 0', () => {
    expect(new ReadGuard({ timeoutSeconds: 0, workerScript: WORKER }).mode).toBe('in-process');
    expect(new ReadGuard({ timeoutSeconds: 5, workerScript: join(root, 'missing.js') }).mode).toBe('in-process');
  });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[], opts: { interruptAfterMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    if (opts.interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), opts.interruptAfterMs);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('zwgk validate --timeout (compiled CLI)', () => {
  it('answers the slow file with timeout, validates the good one and exits 3', async () => {
    const res = await runBin(['validate', slowDir, '--timeout', '2', '--format', 'json']);
    expect(res.code).toBe(3);
    const report = JSON.parse(res.stdout) as BatchReport;
    expect(report.counts).toMatchObject({ files: 2, ok: 1, unreadable: 1 });
    expect(report.files[0]).toMatchObject({ file: slowPath, status: 'unreadable', error: { code: 'timeout' } });
    expect(report.files[1]).toMatchObject({ status: 'ok', unit: { name: 'XX县教育局' } });
  }, 60_000);

  it('answers one slow file with timeout too and exits 3', async () => {
    const res = await runBin(['validate', slowPath, '--timeout', '1', '--format', 'json']);
    expect(res.code).toBe(3);
    const report = JSON.parse(res.stdout) as BatchReport;
    expect(report.files).toMatchObject([{ file: slowPath, status: 'unreadable', error: { code: 'timeout' } }]);
  }, 60_000);

  it('gives the same report with one worker (--jobs 1) as with the pool, and refuses a --jobs that is not a whole number from 1 to 64', async () => {
    const pool = await runBin(['validate', EXAMPLES_DIR, '--format', 'json']);
    const one = await runBin(['validate', EXAMPLES_DIR, '--format', 'json', '--jobs', '1']);
    expect(one.code).toBe(pool.code);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(pool.stdout));
    for (const bad of ['0', '1.5', '65', 'all']) {
      const res = await runBin(['validate', EXAMPLES_DIR, '--jobs', bad]);
      expect([bad, res.code, res.stderr.split('\n')[0]]).toEqual([bad, 2, '--jobs 须为 1 到 64 之间的整数。']);
    }
  }, 60_000);

  it('rejects a negative --timeout as a usage error', async () => {
    const res = await runBin(['validate', slowDir, '--timeout=-1']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--timeout 须为不小于 0 的秒数。');
  });
});

describe('Ctrl+C in the middle of a batch', () => {
  let batch: string;
  beforeAll(() => {
    batch = join(root, 'batch');
    mkdirSync(batch);
    const examples = readdirSync(EXAMPLES_DIR);
    for (let i = 0; i < 40; i++) for (const f of examples) copyFileSync(join(EXAMPLES_DIR, f), join(batch, `${String(i).padStart(2, '0')}-${f}`));
  });

  it.each([
    ['validate --format html', (out: string) => ['validate', batch, '--format', 'html', '-o', out]],
    ['summary', (out: string) => ['summary', batch, '-o', out]],
  ])('%s leaves no output and no temporary file', async (_label, args) => {
    const outDir = mkdtempSync(join(root, 'out-'));
    const out = join(outDir, 'result.' + (_label === 'summary' ? 'xlsx' : 'html'));
    const res = await runBin(args(out), { interruptAfterMs: 1500 });
    // Interrupted, not finished: killed by the signal (or exiting 130 after cleaning up).
    expect(res.signal === 'SIGINT' || res.code === 130).toBe(true);
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(batch).filter((f) => !/\.(?:xlsx|docx)$/.test(f))).toEqual([]);
  }, 60_000);
});
