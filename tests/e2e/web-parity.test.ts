/**
 * One core, one answer: every bundled example and every hostile fixture gives the same result in the
 * web page (headless Chromium, file://), in `zwgk validate` and in the add-in's read paths (the
 * workbook opened in Excel, through ExcelAdapter, and files picked for the 汇总, read from bytes).
 * For the examples: identical findings (rule, severity, message in both languages, cells, values);
 * for the hostile files: status 'unreadable' and the same refusal code and message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ExcelAdapter, detectCapabilities } from '../../src/addin/excel-adapter';
import { createValidator } from '../../src/addin/create-validator';
import type { BatchReport, ContractFinding } from '../../src/core/batch-report';
import { isUserError } from '../../src/core/errors';
import type { Locale } from '../../src/core/report';
import { main } from '../../src/cli/main';
import { EXAMPLE_UNITS } from '../../src/examples/units';
import { readWorkbook } from '../../src/io/reader/workbook-bytes';
import { badFiles, captureStream } from '../helpers/hostile-fixtures';
import { FakeHost } from './fake-excel';
import { fakeModelFromXlsx } from './fake-from-xlsx';
import { checkFiles, downloadOf, startWeb, writeFiles, ROOT, type WebSession } from './web-page';

// The pane bundles rules/ with webpack's require.context; under jest the same files are read from disk.
jest.mock('../../src/addin/rule-sources', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundledRuleSources: () => (require('./node-rules') as typeof import('./node-rules')).ruleSourcesFromDisk(),
}));

jest.setTimeout(180000);

const EXAMPLES = path.join(ROOT, 'examples');

let web: WebSession;
let page: Page;

beforeAll(async () => {
  web = await startWeb();
  page = await web.open();
}, 600000);

afterAll(async () => {
  await web?.close();
});

async function pageReport(files: string[], locale: Locale): Promise<BatchReport> {
  await page.click(locale === 'en' ? '#lang-en' : '#lang-zh');
  const d = await downloadOf(page, () => page.getByRole('button', { name: /JSON/ }).click());
  return JSON.parse(d.bytes.toString('utf8')) as BatchReport;
}

/** `zwgk validate` in the files' folder, so files and messages carry the base names as in the browser. */
async function cliReport(files: string[], locale: Locale): Promise<BatchReport> {
  const stdout = captureStream();
  const cwd = process.cwd();
  process.chdir(path.dirname(files[0]));
  try {
    await main(['validate', ...files.map((f) => path.basename(f)), '--format', 'json', '--lang', locale === 'en' ? 'en' : 'zh'], { stdout, stderr: captureStream() });
  } finally {
    process.chdir(cwd);
  }
  return JSON.parse(stdout.text()) as BatchReport;
}

/** The add-in with the workbook open in (fake) Excel. */
async function addinOpenFindings(file: string, locale: Locale): Promise<ContractFinding[]> {
  const host = new FakeHost(fakeModelFromXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
  const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)));
  const report = await createValidator().validate(await adapter.readSnapshot(), { locale });
  return report.findings.map(({ rule, severity, message, cells, values }) => ({ rule, severity, message, cells, values }));
}

/** The add-in's read of a picked file (its 汇总): bytes → readWorkbook, or the refusal. */
async function addinPicked(name: string, bytes: Uint8Array, locale: Locale): Promise<{ code: string; message: string } | ContractFinding[]> {
  try {
    const report = await createValidator().validate(readWorkbook(bytes, name), { locale });
    return report.findings.map(({ rule, severity, message, cells, values }) => ({ rule, severity, message, cells, values }));
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { code: e.code, message: e.messages[locale] };
  }
}

describe('the page, the CLI and the add-in give the same answer', () => {
  it('for every bundled example, in both languages', async () => {
    const files = EXAMPLE_UNITS.map((u) => path.join(EXAMPLES, `${u.file}.xlsx`));
    await checkFiles(page, files);
    for (const locale of ['zh-CN', 'en'] as const) {
      const fromPage = await pageReport(files, locale);
      const fromCli = await cliReport(files, locale);
      expect(fromPage).toEqual(fromCli);
      expect(fromPage.counts.findings.error + fromPage.counts.findings.warning).toBeGreaterThan(10);
      for (const [i, file] of files.entries()) {
        const findings = fromPage.files[i].findings;
        expect(await addinOpenFindings(file, locale)).toEqual(findings);
        expect(await addinPicked(path.basename(file), new Uint8Array(fs.readFileSync(file)), locale)).toEqual(findings);
      }
    }
  });

  it('for every hostile fixture: unreadable, with the same refusal code and message', async () => {
    // The page has the CLI's default 20 MB limit: the too-large case is a file over it.
    const cases = badFiles()
      .filter((b) => !b.args)
      .concat([{ label: 'a file over 20 MB', name: 'huge.xlsx', bytes: new Uint8Array(21 * 1024 * 1024), code: 'too-large' }]);
    const files = writeFiles(web, cases);
    await checkFiles(page, files);
    for (const locale of ['zh-CN', 'en'] as const) {
      const fromPage = await pageReport(files, locale);
      const fromCli = await cliReport(files, locale);
      expect(fromPage).toEqual(fromCli);
      const answers = fromPage.files.map((f) => [f.file, f.status, f.error?.code]);
      expect(answers).toEqual(cases.map((c) => [c.name, 'unreadable', c.code]));
      for (const [i, c] of cases.entries()) expect(await addinPicked(c.name, c.bytes, locale)).toEqual(fromPage.files[i].error);
    }
  });
});
