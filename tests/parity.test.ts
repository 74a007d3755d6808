/**
 * The add-in and `zwgk validate` must say the same thing about the same workbook. For each bundled
 * example (and a workbook with formulas, a boolean, an error value and a real date), the CLI path
 * (readWorkbookFile + the rules of rules/) and the add-in path (the file loaded into the fake Excel
 * object model as Excel presents it, ExcelAdapter.readSnapshot + the pane's createValidator) must
 * give identical findings — rule, severity, messages in both languages, cells and values.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExcelAdapter, detectCapabilities } from '../src/addin/excel-adapter';
import { createValidator } from '../src/addin/create-validator';
import type { Finding, Locale } from '../src/core/report';
import type { Snapshot } from '../src/core/snapshot';
import { INDICATORS } from '../src/core/catalogue';
import { Validator, loadRuleSet } from '../src/core/validator';
import { EXAMPLE_UNITS, cleanUnitValues } from '../src/examples/units';
import { loadRuleSources } from '../src/io/load-rules';
import { readWorkbookFile } from '../src/io/read-workbook';
import { writeTemplate, type CellInput } from '../src/io/template-writer';
import { FakeHost } from './e2e/fake-excel';
import { fakeModelFromXlsx } from './e2e/fake-from-xlsx';

// The pane bundles rules/ with webpack's require.context; under jest the same files are read from disk.
jest.mock('../src/addin/rule-sources', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundledRuleSources: () => (require('./e2e/node-rules') as typeof import('./e2e/node-rules')).ruleSourcesFromDisk(),
}));

const NOW = new Date('2026-11-25T00:00:00Z');
const LOCALES: Locale[] = ['zh-CN', 'en'];
const EXAMPLES = path.join(__dirname, '..', 'examples');

/** Findings of `zwgk validate` for the file. */
async function cliFindings(file: string, locale: Locale): Promise<Finding[]> {
  const validator = new Validator(loadRuleSet(await loadRuleSources()));
  const snapshot = await readWorkbookFile(file);
  return (await validator.validate(snapshot, { locale, now: NOW })).findings;
}

/** Both hosts' snapshots of the file, without the source (a path for the CLI, the workbook's name in Excel). */
async function snapshots(file: string): Promise<[Omit<Snapshot, 'source'>, Omit<Snapshot, 'source'>]> {
  const { source: _cliSource, ...cli } = await readWorkbookFile(file);
  const host = new FakeHost(fakeModelFromXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
  const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)));
  const { source: _addinSource, ...addin } = await adapter.readSnapshot();
  return [cli, addin];
}

/** Findings of the task pane for the same file opened in (fake) Excel, and the number of syncs. */
async function addinFindings(file: string, locale: Locale): Promise<{ findings: Finding[]; syncs: number }> {
  const host = new FakeHost(fakeModelFromXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
  const adapter = new ExcelAdapter(host.run as never, detectCapabilities((n, v) => host.isSetSupported(n, v)));
  const snapshot = await adapter.readSnapshot();
  const report = await createValidator().validate(snapshot, { locale, now: NOW });
  return { findings: report.findings, syncs: host.log.syncs };
}

/** The counts the examples are known to give (tests/examples.test.ts lists them one by one). */
const EXPECTED_COUNTS: Record<string, number> = {
  '01-县教育局-合格': 0,
  '02-高新区-表三不平衡': 2,
  '03-高新区-热线工单XX': 4,
  '04-省人社厅-约数与单位': 4,
  '05-镇政府-斜杠与近似': 6,
  '06-市统计局-正文与表格不符': 2,
};

describe('add-in and CLI give identical findings', () => {
  it('covers every bundled example, and the examples are not all clean', () => {
    expect(EXAMPLE_UNITS.map((u) => u.file).sort()).toEqual(Object.keys(EXPECTED_COUNTS).sort());
    expect(Object.values(EXPECTED_COUNTS).reduce((a, b) => a + b, 0)).toBe(18);
  });

  for (const unit of EXAMPLE_UNITS) {
    for (const locale of LOCALES) {
      it(`${unit.file} (${locale})`, async () => {
        const file = path.join(EXAMPLES, `${unit.file}.xlsx`);
        const cli = await cliFindings(file, locale);
        const addin = await addinFindings(file, locale);
        expect(cli).toHaveLength(EXPECTED_COUNTS[unit.file]);
        expect(addin.findings).toEqual(cli);
        // Each finding carries both languages; the one chosen is the locale's.
        for (const f of addin.findings) expect(f.message).toBe(f.messages[locale]);
        expect(addin.syncs).toBe(2);
      });
    }
    it(`${unit.file}: every cell reads the same`, async () => {
      const [cli, addin] = await snapshots(path.join(EXAMPLES, `${unit.file}.xlsx`));
      expect(Object.keys(addin.cells)).toHaveLength(INDICATORS.length);
      expect(addin).toEqual(cli);
    });
  }

  it('a workbook with formulas, a boolean, an error value, a date and text numbers', async () => {
    const values: Record<string, CellInput> = { ...(cleanUnitValues() as Record<string, CellInput>) };
    Object.assign(values, {
      // A total computed by a formula whose cached result disagrees with the parts.
      T3_NEW_SUM: { formula: 'SUM(D5:I5)', result: 99 },
      W_PRESS: '１２',
      W_TRAIN: true,
      W_TRAIN_PERSONS: { error: '#N/A' },
      INFO_DATE: new Date(Date.UTC(2026, 0, 15)),
      W_RESPONSE: '约20',
      FEE_YUAN: 1.5,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-parity-'));
    const file = path.join(dir, '公式与特殊值.xlsx');
    fs.writeFileSync(file, await writeTemplate({ values }));
    try {
      const [cliSnap, addinSnap] = await snapshots(file);
      expect(addinSnap).toEqual(cliSnap);
      expect(addinSnap.cells.W_TRAIN_PERSONS).toMatchObject({ raw: '#N/A', cls: 'error' });
      expect(addinSnap.cells.T3_NEW_SUM).toMatchObject({ formula: 'SUM(D5:I5)', value: 99 });
      for (const locale of LOCALES) {
        const cli = await cliFindings(file, locale);
        const addin = await addinFindings(file, locale);
        expect(addin.findings).toEqual(cli);
        const brief = cli.map((f) => `${f.rule} ${f.severity} ${f.cells[0]?.address ?? ''}`);
        expect(brief).toEqual([
          'T3-BALANCE error J5',
          'T3-ROWSUM error J5',
          'CELL-APPROX error B13',
          'CELL-NUMBER error B27',
          'CELL-NUMBER error B28',
          'CELL-TEXTNUM warning B14',
          'TXT-NUMBERS warning B3',
          'TXT-FEE warning B6',
          // 1.5 元 is no multiple of 10 元 (国办函〔2020〕109号), and more than 表二's 0 万元 of fees
          'FEE-YUAN warning B7',
          'FEE-YUAN info B7',
        ]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
