import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as XLSX from 'xlsx';
import { run } from '../src/cli/commands/template';
import type { CliContext } from '../src/cli/context';
import { main } from '../src/cli/main';
import type { Locale } from '../src/core/report';
import { UserError } from '../src/core/errors';
import { writeFileAtomic } from '../src/io/atomic-write';

interface Captured {
  ctx: CliContext;
  out: () => string;
  err: () => string;
}

function capture(locale: Locale = 'zh-CN'): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    ctx: { locale, stdout, stderr },
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'zwgk-template-'));

describe('zwgk template', () => {
  it('writes the workbook, prints its path to stdout and a confirmation to stderr', async () => {
    const dir = tempDir();
    const file = join(dir, '报表.xlsx');
    const c = capture();
    expect(await run(['-o', file, '--year', '2025', '--unit-name', '某县人民政府'], c.ctx)).toBe(0);
    expect(c.out()).toBe(`${file}\n`);
    expect(c.err()).toMatch(/^已生成标准指标工作簿“.*报表\.xlsx”（ZWGK-ANNUAL 2025\.1，243 个名称）/);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.Sheets['基本信息'].B7).toMatchObject({ v: 2025 });
    expect(wb.Sheets['基本信息'].B3).toMatchObject({ v: '某县人民政府' });
    expect((wb.Workbook?.Names ?? []).filter((n) => !n.Name.startsWith('_xlnm.'))).toHaveLength(243);
    expect(readdirSync(dir)).toEqual(['报表.xlsx']);
  });

  it('uses the default file name when -o is omitted', async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const c = capture('en');
      expect(await run([], c.ctx)).toBe(0);
      expect(c.out()).toBe('政务公开年度报表.xlsx\n');
      expect(c.err()).toMatch(/^Wrote the standard indicator workbook/);
    } finally {
      process.chdir(cwd);
    }
    expect(statSync(join(dir, '政务公开年度报表.xlsx')).size).toBeGreaterThan(10000);
  });

  it('refuses to overwrite an existing file without --force and leaves it unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.xlsx');
    writeFileSync(file, 'keep me');
    const c = capture();
    expect(await run(['-o', file], c.ctx)).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(c.out()).toBe('');
    expect(c.err()).toBe(`文件“${file}”已存在，未覆盖：请换一个文件名，或加 --force 覆盖原文件。\n`);
    expect(readdirSync(dir)).toEqual(['a.xlsx']);

    const forced = capture();
    expect(await run(['-o', file, '--force'], forced.ctx)).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('prints help in the context language', async () => {
    const zh = capture();
    expect(await run(['--help'], zh.ctx)).toBe(0);
    expect(zh.out()).toContain('用法：zwgk template [-o 文件]');
    expect(zh.out()).toContain('--force');
    const en = capture('en');
    expect(await run(['-h'], en.ctx)).toBe(0);
    expect(en.out()).toContain('Usage: zwgk template [-o FILE]');
  });

  it.each([
    [['--year', '25'], '--year 应为 2021–2100 之间的四位年份，收到的是“25”。'],
    [['--year', '2020'], '--year 应为 2021–2100 之间的四位年份，收到的是“2020”。'],
    [['--bogus'], 'zwgk template 没有选项“--bogus”，请运行 zwgk template --help 查看用法。'],
    [['-o'], '选项 --output 后面缺少取值，请运行 zwgk template --help 查看用法。'],
    [['--force=yes'], '选项 --force 不带取值'],
    [['extra.xlsx'], 'zwgk template 不接受参数“extra.xlsx”'],
    [['-o', 'out.xls'], '输出文件“out.xls”应以 .xlsx 结尾'],
    [['--unit-name', ' '], '--unit-name 不能为空'],
  ])('exits 2 with one sentence for %j', async (args, message) => {
    const c = capture();
    expect(await run(args, c.ctx)).toBe(2);
    expect(c.err()).toContain(message);
    expect(c.err().trim().split('\n')).toHaveLength(1);
    expect(c.out()).toBe('');
  });

  it('is reachable through the main dispatcher', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.xlsx');
    const c = capture();
    expect(await main(['template', '-o', file], { stdout: c.ctx.stdout, stderr: c.ctx.stderr })).toBe(0);
    expect(c.out()).toBe(`${file}\n`);
  });
});

describe('writeFileAtomic', () => {
  it('writes new files and leaves no temporary file behind', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'x.bin'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(join(dir, 'x.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['x.bin']);
  });

  it('throws output-exists without force and replaces with force', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.bin');
    writeFileSync(file, 'old');
    const err = await writeFileAtomic(file, new Uint8Array([9])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('output-exists');
    expect((err as UserError).messageIn('en')).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('old');
    await writeFileAtomic(file, new Uint8Array([9]), { force: true });
    expect([...readFileSync(file)]).toEqual([9]);
    expect(readdirSync(dir)).toEqual(['x.bin']);
  });

  it('says so when the folder does not exist or the target is a folder', async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(join(dir, 'nope', 'x.bin'), new Uint8Array([1]))).rejects.toMatchObject({
      code: 'output-folder-missing',
    });
    await expect(writeFileAtomic(dir, new Uint8Array([1]), { force: true })).rejects.toMatchObject({ code: 'output-is-folder' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
