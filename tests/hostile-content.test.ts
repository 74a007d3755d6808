/**
 * Workbooks that are readable but odd or hostile: huge sheets, the longest cell Excel allows,
 * cyclic and external formulas, macros, broken or duplicated names, hidden and renamed sheets, and
 * names chosen to pollute prototypes. Each reads to a sane Snapshot and gets a report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchReport } from '../src/core/batch-report';
import { INDICATORS } from '../src/core/catalogue';
import type { Snapshot } from '../src/core/snapshot';
import { Validator, loadRuleSet } from '../src/core/validator';
import { main } from '../src/cli/main';
import { loadRuleSources } from '../src/io/load-rules';
import { readWorkbook } from '../src/io/read-workbook';
import {
  appendRows,
  captureStream,
  definedNames,
  exampleBytes,
  hideSheet,
  makeMacroEnabled,
  patchExample,
  renameSheet,
  setCell,
  setDefinedNames,
} from './helpers/hostile-fixtures';

const ORIGINAL: Snapshot = readWorkbook(exampleBytes(), 'original.xlsx');

/** name → [class, value, raw] of every cell: what the rules see, without where it sits. */
function values(s: Snapshot): Record<string, [string, number | null, unknown]> {
  const out: Record<string, [string, number | null, unknown]> = {};
  for (const [name, r] of Object.entries(s.cells)) out[name] = [r.cls, r.value, r.raw];
  return out;
}

let validator: Validator;
beforeAll(async () => {
  validator = new Validator(loadRuleSet(await loadRuleSources()));
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-hostile-content-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function validateFile(name: string, bytes: Uint8Array): Promise<{ code: number; report: BatchReport }> {
  const path = join(root, name);
  writeFileSync(path, bytes);
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(['validate', path, '--format', 'json'], { stdout, stderr });
  return { code, report: JSON.parse(stdout.text()) as BatchReport };
}

describe('size and length', () => {
  it('reads a workbook with a million rows like the original, parsing only the rows the names need', () => {
    // A sheet the names point to, with rows down to a million far below them.
    const bytes = patchExample((p) => appendRows(p, '文字部分', 100, 1_000_000), undefined, 1);
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024); // under the size limit: the reader must cope
    const snap = readWorkbook(bytes, 'million.xlsx');
    expect(values(snap)).toEqual(values(ORIGINAL));
    expect(snap.nameIssues).toEqual([]);
    expect(snap.sheetOrder).toEqual(ORIGINAL.sheetOrder);
  });

  it('reads a 32,767-character text indicator whole, and quotes long text shortened in findings', async () => {
    const long = '政'.repeat(32_767);
    const bytes = patchExample((p) => {
      setCell(p, '文字部分', 'B3', { text: long });
      setCell(p, '表二主动公开', 'B4', { text: '约' + '1'.repeat(32_766) });
    });
    const snap = readWorkbook(bytes, 'long.xlsx');
    expect(snap.cells.TXT_OVERVIEW).toMatchObject({ cls: 'text', raw: long, sheet: '文字部分', address: 'B3' });
    expect(snap.cells.TXT_OVERVIEW.text).toHaveLength(32_767);
    const report = await validator.validate(snap, { locale: 'zh-CN' });
    expect(report.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['CELL-APPROX', 'error', `“规章 · 本年制发件数”填写的是约数“约${'1'.repeat(99)}…（共 32767 字）”。请核实后填写准确数字。`],
    ]);
    const en = await validator.validate(snap, { locale: 'en' });
    expect(en.findings[0].message).toContain(`"约${'1'.repeat(99)}… (32767 characters)"`);
    // The finding's values keep the whole text: nothing is lost in the JSON report.
    expect(JSON.stringify(report.findings[0].values)).toContain('1'.repeat(32_766));
  });
});

describe('formulas and macros', () => {
  it('reads cyclic and external-link formulas by their cached values, never evaluating them', async () => {
    const bytes = patchExample((p) => {
      setCell(p, '表二主动公开', 'B4', { formula: '表二主动公开!B4+1', cached: 3 }); // refers to itself
      setCell(p, '表二主动公开', 'C4', { formula: "'[1]上级汇总'!$C$4", cached: 2 }); // another workbook
    });
    const snap = readWorkbook(bytes, 'formulas.xlsx');
    expect(snap.cells.T2_RULE_ISSUED).toMatchObject({ cls: 'number', value: 3, formula: '表二主动公开!B4+1' });
    expect(snap.cells.T2_RULE_REPEALED).toMatchObject({ cls: 'number', value: 2, formula: "'[1]上级汇总'!$C$4" });
    const { code, report } = await validateFile('formulas.xlsx', bytes);
    expect(report.files[0].status).not.toBe('unreadable');
    expect(code).toBeLessThan(2);
  });

  it('reads a macro-enabled .xlsm like the .xlsx it came from (the VBA project is never even parsed)', async () => {
    const bytes = patchExample(makeMacroEnabled);
    expect(values(readWorkbook(bytes, 'macro.xlsm'))).toEqual(values(ORIGINAL));
    const { code, report } = await validateFile('macro.xlsm', bytes);
    expect(code).toBe(0);
    expect(report.files[0]).toMatchObject({ status: 'ok', findings: [] });
  });
});

describe('defined names and sheets', () => {
  it('lists names pointing to #REF!, to a missing sheet or to another workbook, and reports them', async () => {
    const bytes = patchExample((p) => {
      setDefinedNames(
        p,
        definedNames(p).map((n) =>
          n.name === 'INFO_CONTACT' ? { ...n, ref: '#REF!' }
          : n.name === 'INFO_PHONE' ? { ...n, ref: "'已删除的表'!$B$9" }
          : n.name === 'TXT_FEE' ? { ...n, ref: '[1]文字部分!$B$6' }
          : n,
        ),
      );
    });
    const snap = readWorkbook(bytes, 'names.xlsx');
    expect(snap.nameIssues).toEqual([
      { name: 'INFO_CONTACT', problem: 'broken-ref', ref: '#REF!' },
      { name: 'INFO_PHONE', problem: 'bad-sheet', ref: "'已删除的表'!$B$9" },
      { name: 'TXT_FEE', problem: 'not-a-cell', ref: '[1]文字部分!$B$6' },
    ]);
    expect(Object.keys(snap.cells)).toHaveLength(INDICATORS.length - 3);
    const { code, report } = await validateFile('names.xlsx', bytes);
    expect(code).toBe(1);
    expect(report.files[0].status).toBe('error');
    const template = report.files[0].findings.find((f) => f.rule === 'INFO-TEMPLATE');
    expect(template?.severity).toBe('error');
    expect(template?.message).toContain('INFO_CONTACT（指向 #REF!）、INFO_PHONE（指向不存在的工作表）、TXT_FEE（不是单个单元格）');
  });

  it('prefers the workbook-scoped name over sheet-scoped duplicates pointing elsewhere', () => {
    const bytes = patchExample((p) => {
      const names = definedNames(p);
      setDefinedNames(p, [
        { name: 'INFO_UNIT_NAME', ref: "'填报说明'!$A$1", localSheetId: 0 },
        ...names,
        { name: 'INFO_UNIT_NAME', ref: "'文字部分'!$A$1", localSheetId: 6 },
      ]);
    });
    const snap = readWorkbook(bytes, 'dupes.xlsx');
    expect(snap.cells.INFO_UNIT_NAME).toMatchObject({ raw: 'XX县教育局', sheet: '基本信息', address: 'B3' });
    expect(snap.nameIssues).toEqual([]);
  });

  it('reads a name that exists only with sheet scope', () => {
    const bytes = patchExample((p) => {
      setDefinedNames(p, definedNames(p).map((n) => (n.name === 'INFO_YEAR' ? { ...n, ref: '$B$7', localSheetId: 1 } : n)));
    });
    const snap = readWorkbook(bytes, 'local.xlsx');
    expect(snap.cells.INFO_YEAR).toMatchObject({ cls: 'number', value: 2025, sheet: '基本信息', address: 'B7' });
  });

  it('reads hidden, very hidden and renamed sheets like the original', async () => {
    const bytes = patchExample((p) => {
      hideSheet(p, '基本信息', 'veryHidden');
      hideSheet(p, '填报说明');
      renameSheet(p, '表三依申请公开', "表3 (依申请) '24");
    });
    const snap = readWorkbook(bytes, 'renamed.xlsx');
    expect(values(snap)).toEqual(values(ORIGINAL));
    expect(snap.cells.T3_NEW_SUM.sheet).toBe("表3 (依申请) '24");
    expect(snap.sheetOrder[3]).toBe("表3 (依申请) '24");
    const { code, report } = await validateFile('renamed.xlsx', bytes);
    expect(code).toBe(0);
    expect(report.files[0]).toMatchObject({ status: 'ok', findings: [] });
  });
});
