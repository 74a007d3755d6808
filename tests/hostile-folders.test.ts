/**
 * Folder scans and outputs: nothing is skipped in silence (odd extensions, names ending in a space,
 * links followed once with loop detection, FIFOs refused without blocking, GBK file names), the
 * tool's own outputs are recognised by their marker and left out (saying so), and no output is
 * ever written onto an input, whatever the flags. Inputs are sha256-identical after every command.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as XLSX from 'xlsx';
import * as iconv from 'iconv-lite';
import type { BatchReport } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { outputKindOf } from '../src/io/own-output';
import { EXAMPLES_DIR, GOOD_EXAMPLE, captureStream, exampleBytes, hashTree } from './helpers/hostile-fixtures';

const BAD_EXAMPLE = join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-folders-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

type Report = BatchReport & { skipped?: Array<{ file: string; code: string; message: string }> };

async function validateJson(args: string[]): Promise<{ code: number; report: Report; err: string }> {
  const r = await cli(['validate', ...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.out) as Report, err: r.err };
}

function folder(name: string): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('nothing in a folder is skipped in silence', () => {
  let dir: string;
  let before: Record<string, string>;
  beforeAll(() => {
    dir = folder('odd');
    copyFileSync(GOOD_EXAMPLE, join(dir, '01-合格.xlsx'));
    // A name ending in a space, a template, an .xlsb written by SheetJS, WPS .et, a text file.
    copyFileSync(GOOD_EXAMPLE, join(dir, '02-空格结尾.xlsx '));
    copyFileSync(GOOD_EXAMPLE, join(dir, '03-模板.xltx'));
    const wb = XLSX.read(exampleBytes(), { type: 'array' });
    // SheetJS notes on the console that it cannot write print titles to .xlsb; they do not matter here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    writeFileSync(join(dir, '04-二进制.xlsb'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsb' }) as Buffer);
    quiet.mockRestore();
    writeFileSync(join(dir, '05-金山.et'), Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex'));
    writeFileSync(join(dir, '说明.txt'), '请查收');
    writeFileSync(join(dir, '~$01-合格.xlsx'), 'lock');
    // A FIFO named like a workbook: opening it would block for ever.
    execFileSync('mkfifo', [join(dir, '06-管道.xlsx')]);
    // Links: to a file, to a folder, a loop back to the folder itself, and one to nothing.
    const sub = folder('odd-target');
    copyFileSync(BAD_EXAMPLE, join(sub, '07-链接目标.xlsx'));
    symlinkSync(join(sub, '07-链接目标.xlsx'), join(dir, '08-文件链接.xlsx'));
    symlinkSync(sub, join(dir, '09-文件夹链接'));
    symlinkSync(dir, join(dir, '10-循环链接'));
    symlinkSync(join(root, 'nowhere.xlsx'), join(dir, '11-断开的链接.xlsx'));
    // A name in GBK bytes, as a zip made on Chinese Windows unpacks on Linux.
    const gbkName = Buffer.concat([Buffer.from(dir + '/'), iconv.encode('12-县民政局.xlsx', 'gbk')]);
    writeFileSync(gbkName, exampleBytes(BAD_EXAMPLE));
    before = hashTree(sub);
  });

  it('reads every workbook-like entry, lists every other one with its reason, and never blocks on the FIFO', async () => {
    const { code, report } = await validateJson([dir]);
    expect(code).toBe(3); // the FIFO and the broken link are unreadable entries
    const rows = report.files.map((f) => [f.file.slice(dir.length + 1), f.status, f.error?.code ?? null]);
    expect(rows).toEqual([
      ['06-管道.xlsx', 'unreadable', 'input-not-file'],
      ['11-断开的链接.xlsx', 'unreadable', 'input-broken-link'],
      ['01-合格.xlsx', 'ok', null],
      ['02-空格结尾.xlsx ', 'ok', null],
      ['03-模板.xltx', 'ok', null],
      ['04-二进制.xlsb', 'ok', null],
      ['05-金山.et', 'unreadable', 'wps-et'],
      ['08-文件链接.xlsx', 'error', null],
      ['12-县民政局.xlsx', 'error', null],
    ]);
    expect(report.files[0].error?.message).toBe(`${join(dir, '06-管道.xlsx')}：名称像工作簿，但不是普通文件（管道、设备或套接字），未读取。请报送真正的文件。`);
    expect(report.files[1].error?.message).toBe(`${join(dir, '11-断开的链接.xlsx')}：这是一个快捷方式（符号链接），但它指向的文件不存在，请检查。`);
    expect((report.skipped ?? []).map((s) => [s.file.slice(dir.length + 1), s.code])).toEqual([
      ['09-文件夹链接/07-链接目标.xlsx', 'same-file'],
      ['10-循环链接', 'link-loop'],
      ['~$01-合格.xlsx', 'lock-file'],
      ['说明.txt', 'not-a-workbook'],
    ]);
    expect(report.skipped?.[0].message).toBe(`${join(dir, '09-文件夹链接', '07-链接目标.xlsx')}：与“${join(dir, '08-文件链接.xlsx')}”是同一个文件（链接），只校验一次。`);
    expect(hashTree(join(root, 'odd-target'))).toEqual(before);
  }, 60_000);

  it('lists the entries that were not read in the text report too, before the totals', async () => {
    const { out } = await cli(['validate', dir]);
    expect(out).toContain(`未读取的文件（4 个）：\n  ${join(dir, '09-文件夹链接', '07-链接目标.xlsx')}：与`);
    expect(out).toContain(`  ${join(dir, '说明.txt')}：不是工作簿文件（扩展名不是 .xlsx、.xls、.ods 等），未读取。`);
  }, 60_000);
});

describe('a sub-folder that may not be listed', () => {
  // Root may list any folder, so the run is made as an unprivileged user when the tests run as root.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  it('is reported, and the rest of the folder goes on (exit 3)', () => {
    const dir = folder('denied');
    execFileSync('chmod', ['755', root]);
    copyFileSync(GOOD_EXAMPLE, join(dir, '01-合格.xlsx'));
    const locked = folder('denied/锁定');
    copyFileSync(GOOD_EXAMPLE, join(locked, '02.xlsx'));
    execFileSync('chmod', ['000', locked]);
    execFileSync('chmod', ['-R', 'a+rX', join(__dirname, '..', 'dist')]);
    try {
      let out = '';
      let status = 0;
      try {
        out = execFileSync(process.execPath, [join(__dirname, '..', 'bin', 'zwgk.js'), 'validate', dir, '--format', 'json'], { ...asUser, encoding: 'utf8', cwd: root });
      } catch (e) {
        const err = e as { status: number; stdout: string };
        status = err.status;
        out = err.stdout;
      }
      expect(status).toBe(3);
      const report = JSON.parse(out) as Report;
      expect(report.files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
        [locked, 'unreadable', 'input-folder-unreadable'],
        [join(dir, '01-合格.xlsx'), 'ok', null],
      ]);
      expect(report.files[0].error?.message).toBe(`${locked}：无法打开该文件夹（没有权限），其中的文件未校验；其余文件照常处理。请检查文件夹权限。`);
    } finally {
      execFileSync('chmod', ['755', locked]);
    }
  }, 60_000);
});

describe("the tool's own outputs are never taken for submissions", () => {
  let dir: string;
  let inputs: Record<string, string>;
  beforeAll(() => {
    dir = folder('outputs');
    copyFileSync(GOOD_EXAMPLE, join(dir, '01-县教育局.xlsx'));
    copyFileSync(BAD_EXAMPLE, join(dir, '02-高新区.xlsx'));
    inputs = hashTree(dir);
  });

  it('a second summary into the submissions folder does not count the first one (nor double any total)', async () => {
    const first = await cli(['summary', dir, '-o', join(dir, '汇总.xlsx')]);
    expect(first.code).toBe(1);
    expect(first.out).toContain('2 个文件，其中 1 个有错误、0 个无法读取；合计计入 1 个单位');
    expect(outputKindOf(readFileSync(join(dir, '汇总.xlsx')))).toBe('summary');
    const second = await cli(['summary', dir, '-o', join(dir, '汇总-第二次.xlsx')]);
    expect(second.code).toBe(1);
    expect(second.out).toContain('2 个文件，其中 1 个有错误、0 个无法读取；合计计入 1 个单位');
    expect(second.err).toContain(`${join(dir, '汇总.xlsx')}：这是 zwgk 生成的汇总工作簿，不是单位报送，未计入（如确要校验它，请直接给出该文件）。`);
    const a = XLSX.read(readFileSync(join(dir, '汇总.xlsx')));
    const b = XLSX.read(readFileSync(join(dir, '汇总-第二次.xlsx')));
    expect(XLSX.utils.sheet_to_csv(b.Sheets['表三依申请公开'])).toBe(XLSX.utils.sheet_to_csv(a.Sheets['表三依申请公开']));
    // Named explicitly, the summary is still a standard workbook that validate reads.
    const direct = await validateJson([join(dir, '汇总.xlsx')]);
    expect(direct.report.files[0].status).not.toBe('unreadable');
    rmSync(join(dir, '汇总.xlsx'));
    rmSync(join(dir, '汇总-第二次.xlsx'));
    expect(hashTree(dir)).toEqual(inputs);
  }, 120_000);

  it('marked copies written into the input folder are not read again, even renamed; inputs never replaced, even with --force', async () => {
    const r = await cli(['validate', dir, '--annotate', dir, '--force', '--format', 'json']);
    expect(r.code).toBe(1);
    // The copy is named by the unit (<单位名称>-问题标注.xlsx), never by the submission it would replace.
    const written = readdirSync(dir).filter((f) => !(f in inputs)).sort();
    expect(written).toEqual(['XX高新技术产业开发区管委会-问题标注.xlsx']);
    expect(hashTree(dir)).toEqual({ ...inputs, 'XX高新技术产业开发区管委会-问题标注.xlsx': expect.any(String) });
    renameSync(join(dir, 'XX高新技术产业开发区管委会-问题标注.xlsx'), join(dir, '某单位-问题标注 (1).xlsx'));
    const again = await validateJson([dir]);
    expect(again.code).toBe(1);
    expect(again.report.files.map((f) => basename(f.file))).toEqual(['01-县教育局.xlsx', '02-高新区.xlsx']);
    expect(again.report.skipped).toEqual([
      {
        file: join(dir, '某单位-问题标注 (1).xlsx'),
        code: 'own-output',
        message: `${join(dir, '某单位-问题标注 (1).xlsx')}：这是 zwgk 生成的问题标注副本，不是单位报送，未读取（单位改正后请报送自己的文件；如确要校验它，请直接给出该文件）。`,
      },
    ]);
    rmSync(join(dir, '某单位-问题标注 (1).xlsx'));
  }, 120_000);

  it('an HTML report written into the folder is listed as the tool\'s own, not as an unknown file', async () => {
    const report = join(dir, '报告.html');
    expect((await cli(['validate', dir, '--format', 'html', '-o', report])).code).toBe(1);
    const again = await validateJson([dir]);
    expect(again.report.skipped).toEqual([{ file: report, code: 'own-output', message: `${report}：这是 zwgk 生成的报告，不是单位报送，未读取。` }]);
    rmSync(report);
    expect(hashTree(dir)).toEqual(inputs);
  }, 60_000);

  it.each([
    ['validate -o onto a submission', (d: string) => ['validate', d, '--format', 'json', '-o', join(d, '02-高新区.xlsx'), '--force'], '-o'],
    ['validate -o onto a link to a submission', (d: string) => ['validate', d, '--format', 'json', '-o', join(root, 'link-to-input.xlsx'), '--force'], '-o'],
    ['summary -o onto a submission', (d: string) => ['summary', d, '-o', join(d, '01-县教育局.xlsx'), '--force'], '-o'],
  ])('%s is refused whatever the flags (exit 2)', async (_label, args, option) => {
    rmSync(join(root, 'link-to-input.xlsx'), { force: true });
    symlinkSync(join(dir, '02-高新区.xlsx'), join(root, 'link-to-input.xlsx'));
    const a = args(dir);
    const target = a[a.indexOf('-o') + 1];
    const r = await cli(a);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${option} “${target}”是本次要读取的文件，不能写入（加 --force 也不行），否则原文件会被覆盖：请换一个输出文件名或文件夹。\n`);
    expect(hashTree(dir)).toEqual(inputs);
  }, 60_000);
});
