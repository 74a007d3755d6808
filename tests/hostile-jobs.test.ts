/**
 * One file's whole job (read, last year's workbook, validation, marked copy) runs under the guard's
 * limits, through the compiled CLI and its worker: a cell of 100 million characters is read capped
 * at Excel's 32,767 and validated; a local rule that backtracks on one unit's name times out for
 * that unit only; a hostile file in last year's folder is answered and the run goes on; a closed
 * stdout pipe ends quietly with the run's exit code; output write errors are explained in words.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchReport } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { EXAMPLES_DIR, GOOD_EXAMPLE, appendRows, captureStream, definedNames, hashTree, patchExample, setCell, setDefinedNames } from './helpers/hostile-fixtures';
import { ensureBuilt, runBin } from './helpers/build';

let root: string;
beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'zwgk-jobs-'));
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

test('a cell of 100 million characters is read capped at 32,767 and the batch is answered in full', async () => {
  const dir = folder('huge-cell');
  // Compresses to a few hundred KB: the zip-bomb limit does not stop it, the cap does.
  writeFileSync(join(dir, '00-巨大单元格.xlsx'), patchExample((p) => setCell(p, '文字部分', 'B3', { text: 'x'.repeat(100_000_000) })));
  copyFileSync(GOOD_EXAMPLE, join(dir, '01-合格.xlsx'));
  const before = hashTree(dir);
  const res = await runBin(['validate', dir, '--format', 'json']);
  const report = JSON.parse(res.stdout) as BatchReport;
  expect(report.files.map((f) => [f.file.slice(dir.length + 1), f.status])).toEqual([
    ['00-巨大单元格.xlsx', expect.stringMatching(/^(ok|warning|error)$/)],
    ['01-合格.xlsx', 'ok'],
  ]);
  expect(res.stderr).toBe('');
  expect(hashTree(dir)).toEqual(before);
}, 180_000);

test('a local rule that backtracks on one unit name times out for that file only (exit 3)', async () => {
  const dir = folder('slow-rule');
  const rules = folder('slow-rule-rules');
  writeFileSync(
    join(rules, '本县.json'),
    JSON.stringify({
      format: 'zwgk-rules/1',
      rules: [
        {
          name: 'LOCAL-NAME-DIGITS',
          // Polynomial, not exponential (no nested repetition): it passes the linter, and takes
          // hours on a long run of digits that does not end in "x".
          conditions: { all: [{ fact: 'cell', params: { name: 'INFO_UNIT_NAME' }, path: 'text', operator: 'notMatches', value: '^\\d*\\d*\\d*\\d*\\d*x$' }] },
          event: {
            type: 'local',
            params: {
              ruleId: 'LOCAL-NAME-DIGITS',
              severity: 'warning',
              cells: ['INFO_UNIT_NAME'],
              description: { 'zh-CN': '单位名称不应是一串数字', en: 'The unit name is not a run of digits' },
              message: { 'zh-CN': '单位名称是一串数字。', en: 'The unit name is a run of digits.' },
            },
          },
        },
      ],
    }),
  );
  writeFileSync(join(dir, '00-数字名称.xlsx'), patchExample((p) => setCell(p, '基本信息', 'B3', { text: '1'.repeat(5000) })));
  copyFileSync(GOOD_EXAMPLE, join(dir, '01-合格.xlsx'));
  const res = await runBin(['validate', dir, '--rules', rules, '--timeout', '3', '--format', 'json']);
  expect(res.code).toBe(3);
  const report = JSON.parse(res.stdout) as BatchReport;
  expect(report.files.map((f) => [f.file.slice(dir.length + 1), f.status, f.error?.code ?? null])).toEqual([
    ['00-数字名称.xlsx', 'unreadable', 'timeout'],
    ['01-合格.xlsx', 'ok', null],
  ]);
  expect(report.files[0].error?.message).toBe(
    `文件“${join(dir, '00-数字名称.xlsx')}”在 3 秒内未能读取和校验完，已跳过：它可能含有异常庞大或损坏的内容，请在 Excel 或 WPS 中打开检查后另存为 .xlsx 再试（也可用 --timeout 放宽时限）。`,
  );
}, 120_000);

test("a hostile file in last year's folder is answered by the guard; the run goes on", async () => {
  const prev = folder('prev');
  // A parse of many seconds: the last name points a million rows down a filled sheet.
  writeFileSync(
    join(prev, '00-慢.xlsx'),
    patchExample(
      (p) => {
        appendRows(p, '文字部分', 100, 1_000_000);
        setDefinedNames(p, definedNames(p).map((n) => (n.name === 'TXT_FEE' ? { ...n, ref: "'文字部分'!$A$1000000" } : n)));
      },
      undefined,
      1,
    ),
  );
  copyFileSync(join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx'), join(prev, '02.xlsx'));
  const res = await runBin(['validate', GOOD_EXAMPLE, '--previous', prev, '--timeout', '2', '--format', 'json']);
  expect(res.code).toBe(0);
  expect(res.stderr).toContain(`上一年度目录中有 1 个文件无法读取，已跳过（例如 ${join(prev, '00-慢.xlsx')}：文件“${join(prev, '00-慢.xlsx')}”在 2 秒内未能读取和校验完，已跳过`);
  expect((JSON.parse(res.stdout) as BatchReport).files[0].status).toBe('ok');
}, 120_000);

test('a closed stdout pipe ends quietly with the exit code the run would have had', async () => {
  const res = await runBin(['validate', EXAMPLES_DIR, EXAMPLES_DIR + '/', '--timeout', '30'], { closeStdoutAfterFirstChunk: true });
  expect(res.stderr).toBe('');
  expect(res.code).toBe(1); // the examples hold errors
}, 120_000);

describe('output write errors are explained in words', () => {
  async function cli(args: string[]): Promise<{ code: number; err: string }> {
    const stdout = captureStream();
    const stderr = captureStream();
    const code = await main(args, { stdout, stderr });
    return { code, err: stderr.text() };
  }

  it('a path through a file (not a folder)', async () => {
    const file = join(root, '普通文件');
    writeFileSync(file, 'x');
    const r = await cli(['validate', GOOD_EXAMPLE, '--format', 'json', '-o', join(file, 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法写入“${join(file, 'r.json')}”：“${file}”是一个文件，不是文件夹，请换一个输出路径。\n`);
  });

  it('--annotate into a path that is a file', async () => {
    const file = join(root, '又一个文件');
    writeFileSync(file, 'x');
    const r = await cli(['validate', join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx'), '--annotate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法创建标注副本文件夹“${file}”：同名的文件已存在，不是文件夹。请换一个文件夹。\n`);
  });

  it('a folder the user may not write to', () => {
    // Root may write anywhere, so the run is made as an unprivileged user when the tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const locked = folder('no-write');
    execFileSync('chmod', ['755', root]);
    execFileSync('chmod', ['555', locked]);
    execFileSync('chmod', ['-R', 'a+rX', join(__dirname, '..', 'dist')]);
    const target = join(locked, 'r.json');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(__dirname, '..', 'bin', 'zwgk.js'), 'validate', GOOD_EXAMPLE, '--format', 'json', '-o', target], { ...asUser, encoding: 'utf8', cwd: root, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toBe(`无法写入“${target}”：没有写入权限，请换一个文件夹或检查文件权限。\n`);
  });

  it('a name near the file-system limit is written (the temporary name stays short)', async () => {
    const dir = folder('long');
    const name = `${'长'.repeat(83)}.xlsx`; // 249 + 5 bytes: just under NAME_MAX
    copyFileSync(join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx'), join(dir, name));
    const out = folder('long-out');
    const r = await cli(['validate', join(dir, name), '--annotate', out]);
    expect(r.code).toBe(1);
    // The copy is named after the unit; the long name of the input must not break the temporary file either.
    expect(r.err).toBe(`已写出标注副本：${join(out, 'XX高新技术产业开发区管委会-问题标注.xlsx')}\n`);
  });
});
