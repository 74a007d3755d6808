/**
 * Every broken file in a batch gets its own answer: `zwgk validate` over a folder holding the bad
 * file and a good submission reports the good one validated, the bad one 'unreadable' with the
 * refusal's code and one sentence naming the file, and exits 3.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BatchReport } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { GOOD_EXAMPLE, badFiles, captureStream } from './helpers/hostile-fixtures';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-hostile-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function validateJson(args: string[], locale?: 'en'): Promise<{ code: number; report: BatchReport; err: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(['validate', ...args, '--format', 'json', ...(locale ? ['--lang', 'en'] : [])], { stdout, stderr });
  return { code, report: JSON.parse(stdout.text()) as BatchReport, err: stderr.text() };
}

describe.each(badFiles().map((b) => [b.label, b] as const))('a batch holding %s', (_label, bad) => {
  let dir: string;
  let badPath: string;
  beforeAll(() => {
    dir = join(root, bad.code + '-' + bad.name);
    mkdirSync(dir);
    badPath = join(dir, bad.name);
    writeFileSync(badPath, bad.bytes);
    copyFileSync(GOOD_EXAMPLE, join(dir, basename(GOOD_EXAMPLE)));
  });

  it(`reports the file unreadable (${bad.code}), validates the good one and exits 3`, async () => {
    const { code, report, err } = await validateJson([dir, ...(bad.args ?? [])]);
    expect(code).toBe(3);
    expect(err).toBe('');
    expect(report.counts).toMatchObject({ files: 2, ok: 1, unreadable: 1 });
    const good = report.files.find((f) => f.file.endsWith(basename(GOOD_EXAMPLE)));
    expect(good).toMatchObject({ status: 'ok', findings: [], unit: { name: 'XX县教育局', year: 2025 } });
    const refused = report.files.find((f) => f.file === badPath);
    expect(refused?.status).toBe('unreadable');
    expect(refused?.error?.code).toBe(bad.code);
    // One sentence in Chinese naming the file; no stack trace.
    expect(refused?.error?.message).toContain(`“${badPath}”`);
    expect(refused?.error?.message).not.toMatch(/\n|at .+\.(?:ts|js):\d+|Error:/);
  });

  it('says the same in English with --lang en', async () => {
    const { code, report } = await validateJson([dir, ...(bad.args ?? [])], 'en');
    expect(code).toBe(3);
    const refused = report.files.find((f) => f.file === badPath);
    expect(refused?.error?.code).toBe(bad.code);
    expect(refused?.error?.message).toContain(`"${badPath}"`);
    expect(refused?.error?.message.replace(badPath, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
