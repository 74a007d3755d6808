/**
 * Nothing lost: no command modifies its input files (sha256 of every file before and after), and an
 * existing output is only replaced with --force.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { EXAMPLES_DIR, badFiles, captureStream, hashTree } from './helpers/hostile-fixtures';

let root: string;
let inputs: string;
let out: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-unchanged-'));
  inputs = join(root, 'in');
  out = join(root, 'out');
  mkdirSync(inputs);
  mkdirSync(out);
  for (const f of readdirSync(EXAMPLES_DIR)) copyFileSync(join(EXAMPLES_DIR, f), join(inputs, f));
  for (const b of badFiles()) writeFileSync(join(inputs, `bad-${b.name}`), b.bytes);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe('input files are never modified', () => {
  it.each([
    ['validate (text)', () => ['validate', inputs]],
    ['validate --format json', () => ['validate', inputs, '--format', 'json']],
    ['validate --format html -o', () => ['validate', inputs, '--format', 'html', '-o', join(out, 'r.html')]],
    ['validate --annotate', () => ['validate', inputs, '--annotate', out, '--force']],
    ['summary', () => ['summary', inputs, '-o', join(out, 's.xlsx')]],
    ['template into the input folder', () => ['template', '-o', join(inputs, '..', 'template.xlsx')]],
    ['validate --previous (same folder as last year)', () => ['validate', inputs, '--previous', inputs, '--format', 'json']],
  ])('%s', async (_label, args) => {
    const before = hashTree(inputs);
    const res = await cli(args());
    expect(res.code).toBeGreaterThanOrEqual(0);
    expect(res.err).not.toMatch(/内部错误|Internal error/);
    expect(hashTree(inputs)).toEqual(before);
  });

  it('wrote the annotated copies next to nothing of the input', () => {
    // Examples 02–06 have findings (one copy each, named by the unit); 01 and the unreadable files get no copy.
    const copies = readdirSync(out).filter((f) => f.endsWith('.xlsx') && f !== 's.xlsx');
    expect(copies).toHaveLength(readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.xlsx') && !f.startsWith('01-')).length);
    for (const f of copies) expect(f).toMatch(/-问题标注\.xlsx$/);
  });
});

describe('an existing output is replaced only with --force', () => {
  it.each([
    ['validate -o', (p: string, force: string[]) => ['validate', join(EXAMPLES_DIR, '01-县教育局-合格.xlsx'), '--format', 'json', '-o', p, ...force]],
    ['summary -o', (p: string, force: string[]) => ['summary', EXAMPLES_DIR, '-o', p, ...force]],
    ['template -o', (p: string, force: string[]) => ['template', '-o', p, ...force]],
  ])('%s', async (_label, args) => {
    const target = join(root, `existing-${_label.split(' ')[0]}.${_label.startsWith('validate') ? 'json' : 'xlsx'}`);
    writeFileSync(target, 'keep me');
    const refused = await cli(args(target, []));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`文件“${target}”已存在，未覆盖：请换一个文件名，或加 --force 覆盖原文件。`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await cli(args(target, ['--force']));
    expect(forced.code).toBeLessThan(2);
    expect(readFileSync(target, 'utf8')).not.toBe('keep me');
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
