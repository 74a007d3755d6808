/**
 * The README's worked example of a local rule folder must keep working: it is extracted from the
 * README itself, linted, and used to validate a workbook.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchReport } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { cleanUnitValues } from '../src/examples/units';
import { writeTemplate } from '../src/io/template-writer';
import { Capture } from './helpers/cli';

function readmeLocalRule(): string {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const at = readme.indexOf('新建 `本地规则/本县.json`');
  expect(at).toBeGreaterThan(0);
  const start = readme.indexOf('```json\n', at) + '```json\n'.length;
  return readme.slice(start, readme.indexOf('```', start));
}

it('the README example of local rules lints, lowers T2-STOCK to info and adds a local check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-readme-'));
  const rules = join(dir, '本地规则');
  mkdirSync(rules);
  writeFileSync(join(rules, '本县.json'), readmeLocalRule());
  const out = new Capture();
  expect(await main(['rules', 'check', rules], { stdout: out, stderr: new Capture() })).toBe(0);

  const file = join(dir, 'unit.xlsx');
  const values = { ...cleanUnitValues(), W_HOTLINE_CLOSED: 150, T2_NORM_VALID: 0, T2_NORM_REPEALED: 0 };
  writeFileSync(file, await writeTemplate({ values }));
  const json = new Capture();
  const code = await main(['validate', file, '--rules', rules, '--format', 'json'], { stdout: json, stderr: new Capture() });
  expect(code).toBe(0);
  const findings = (JSON.parse(json.text) as BatchReport).files[0].findings;
  expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
    ['T2-STOCK', 'info', expect.stringContaining('本年制发 2 件')],
    ['LOCAL-HOTLINE-ALLCLOSED', 'warning', '受理工单 156 件，办结 150 件，还有 6 件未办结。'],
  ]);
});
