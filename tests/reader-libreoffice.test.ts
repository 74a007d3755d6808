/**
 * Round trip through the real LibreOffice Calc: a workbook holding every value class is saved by
 * LibreOffice as .xlsx, .xls and .ods (as a unit's "Save as" would), and the reader must find the
 * same names, values and classes in each.
 *
 * Differences LibreOffice 7.4 (with SheetJS 0.20.3 reading) introduces, all handled by the reader:
 * - .xls: a plain error cell comes back with the error as its "formula" (#N/A); the reader drops
 *   formulas that are only an error literal. Defined names survive in .xls.
 * - .ods: SheetJS leaves XML entities in sheet names and name references (Unit&apos;s Table 2);
 *   the reader unescapes them.
 * - .ods: a formula whose cached value is the empty string comes back as an empty cell without its
 *   formula (still class 'blank'); this is the one difference the test allows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATORS, TEMPLATE_VERSION } from '../src/core/catalogue';
import { UserError } from '../src/core/errors';
import type { Snapshot } from '../src/core/snapshot';
import { readWorkbook } from '../src/io/read-workbook';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { CLASS_CASES, essence, filledValues, fixtureBytes, type FixtureValue } from './helpers/sheetjs-fixtures';

const LO_TIMEOUT = 240000;
const dir = mkdtempSync(join(tmpdir(), 'zwgk-reader-lo-'));
const source = join(dir, '年报.xlsx');
const values: Record<string, FixtureValue> = { ...filledValues() };
for (const [name, v] of CLASS_CASES) values[name] = v;
// A sheet name that must be quoted in references (and that ODS escapes as &apos;).
const sheetNames = { t2: "Unit's Table 2" };
writeFileSync(source, fixtureBytes({ values, sheetNames }));
const original = readWorkbook(readFileSync(source), source);

const converted: Partial<Record<'xlsx' | 'xls' | 'ods', Snapshot>> = {};

beforeAll(() => {
  for (const target of ['xlsx', 'xls', 'ods'] as const) {
    const out = convertWithLibreOffice(source, target, join(dir, target));
    converted[target] = readWorkbook(readFileSync(out), out);
  }
}, LO_TIMEOUT);

/** The names whose reading differs from the original, with both readings. */
function differences(snap: Snapshot): Array<[string, unknown, unknown]> {
  const out: Array<[string, unknown, unknown]> = [];
  for (const ind of INDICATORS) {
    const a = { ...essence(original.cells[ind.name]), sheet: original.cells[ind.name]?.sheet, address: original.cells[ind.name]?.address };
    const b = { ...essence(snap.cells[ind.name]), sheet: snap.cells[ind.name]?.sheet, address: snap.cells[ind.name]?.address };
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push([ind.name, essence(original.cells[ind.name]), essence(snap.cells[ind.name])]);
  }
  return out;
}

describe('reading workbooks saved by LibreOffice', () => {
  it('the source itself reads every class as expected', () => {
    for (const [name, , expected] of CLASS_CASES) expect([name, essence(original.cells[name])]).toEqual([name, expected]);
    expect(original.cells.T2_LICENSE.sheet).toBe("Unit's Table 2");
  });

  it.each(['xlsx', 'xls', 'ods'] as const)('%s: all names resolve, markers and sheet order are kept', (target) => {
    const snap = converted[target]!;
    expect(snap.nameIssues).toEqual([]);
    expect(snap.templateId).toBe('ZWGK-ANNUAL');
    expect(snap.templateVersion).toBe(TEMPLATE_VERSION);
    expect(snap.sheetOrder).toEqual(['填报说明', '基本信息', "Unit's Table 2", '表三依申请公开', '表四复议诉讼', '工作指标', '文字部分']);
  });

  it.each(['xlsx', 'xls'] as const)('%s: every reading is identical to the original', (target) => {
    expect(differences(converted[target]!)).toEqual([]);
  });

  it('ods: every reading is identical except the empty-string formula result', () => {
    expect(differences(converted.ods!)).toEqual([
      [
        'W_INTERP_VIDEO',
        { cls: 'blank', value: null, raw: '', text: '', formula: 'IF(1,"",0)', unitText: undefined, date: undefined },
        { cls: 'blank', value: null, raw: null, text: '', formula: 'IF(1,"",0)', unitText: undefined, date: undefined },
      ],
    ]);
  });

  it.each(['xlsx', 'xls', 'ods'] as const)('%s: spot checks of the hard classes', (target) => {
    const c = converted[target]!.cells;
    expect([c.INFO_DATE.cls, c.INFO_DATE.date]).toEqual(['date', '2024-01-15']);
    expect([c.W_PUB_WEIBO.cls, c.W_PUB_WEIBO.raw]).toEqual(['error', '#REF!']);
    expect([c.W_INTERP_GRAPHIC.cls, c.W_INTERP_GRAPHIC.formula, c.W_INTERP_GRAPHIC.raw]).toEqual(['error', '1/0', '#DIV/0!']);
    expect([c.W_PUB_OTHERMEDIA.cls, c.W_PUB_OTHERMEDIA.value, c.W_PUB_OTHERMEDIA.formula]).toEqual(['number', 51, 'W_PUB_PORTAL+1']);
    expect([c.T2_NORM_REPEALED.cls, c.T2_NORM_REPEALED.value]).toEqual(['fullwidth-number', 12]);
    expect([c.T2_RULE_ISSUED.cls, c.T2_RULE_REPEALED.cls, c.T2_RULE_REPEALED.value]).toEqual(['blank', 'number', 0]);
    expect(c.T3_CARRYOUT_SUM.value).toBe(9);
  });
});

describe('refusing files LibreOffice produced', () => {
  function codeOf(path: string): string {
    try {
      readWorkbook(readFileSync(path), path);
    } catch (err) {
      if (err instanceof UserError) return err.code;
      throw err;
    }
    return 'read';
  }

  it(
    'a PDF export is not-spreadsheet and a CSV export is csv-not-supported',
    () => {
      expect(codeOf(convertWithLibreOffice(source, 'pdf', join(dir, 'pdf')))).toBe('not-spreadsheet');
      expect(codeOf(convertWithLibreOffice(source, 'csv', join(dir, 'csv')))).toBe('csv-not-supported');
    },
    LO_TIMEOUT,
  );
});
