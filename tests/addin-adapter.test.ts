/**
 * The Office.js adapter against a fake Excel object model (tests/e2e/fake-excel.ts) that enforces
 * load-before-read and records every sync and write.
 */
import { ExcelAdapter, MARK_FILL, MARK_STORE_KEY, NOTE_PREFIX, detectCapabilities, isDateFormat, markFormula, splitQualifiedAddress } from '../src/addin/excel-adapter';
import type { ExcelRun } from '../src/addin/excel-adapter';
import { REQUIRED_DEFINED_NAMES, TEMPLATE_VERSION } from '../src/core/catalogue';
import { quickFixFor } from '../src/addin/quick-fixes';
import type { Finding } from '../src/core/report';
import { FakeHost } from './e2e/fake-excel';
import type { FakeModel } from './e2e/fake-excel';
import { realValidator } from './e2e/node-rules';
import { sampleModel } from './e2e/sample-workbook';

const T3 = '表三依申请公开';
const WORK = '工作指标';

function setup(model: FakeModel = sampleModel(), quietMs = 40): { host: FakeHost; adapter: ExcelAdapter } {
  const host = new FakeHost(model);
  // The fake context has the members the adapter uses; Excel.RequestContext has hundreds more.
  const run = host.run as unknown as ExcelRun;
  const adapter = new ExcelAdapter(run, detectCapabilities((n, v) => host.isSetSupported(n, v)), { quietMs });
  return { host, adapter };
}

function finding(rule: string, severity: Finding['severity'], cells: [string, string, string][]): Finding {
  return {
    rule,
    severity,
    message: rule,
    messages: { 'zh-CN': `中文 ${rule}`, en: `English ${rule}` },
    cells: cells.map(([name, sheet, address]) => ({ name, sheet, address })),
    values: {},
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('readSnapshot', () => {
  test('reads every named cell in two syncs and classifies like the file reader', async () => {
    const { host, adapter } = setup();
    const snap = await adapter.readSnapshot();
    expect(host.log.syncs).toBe(2);
    expect(snap.templateId).toBe('ZWGK-ANNUAL');
    expect(snap.templateVersion).toBe(TEMPLATE_VERSION);
    expect(snap.nameIssues).toEqual([]);
    expect(snap.sheetOrder).toEqual(['填报说明', '基本信息', '表二主动公开', '表三依申请公开', '表四复议诉讼', '工作指标', '文字部分']);
    expect(snap.cells.T3_NEW_SUM).toMatchObject({ sheet: T3, address: 'J5', raw: 13, cls: 'number', value: 13 });
    expect(snap.cells.W_PRESS).toMatchObject({ sheet: WORK, address: 'B14', raw: '12', cls: 'text-number', value: 12 });
    expect(snap.cells.INFO_DATE).toMatchObject({ cls: 'date', date: '2025-01-10' });
    expect(snap.cells.INFO_PARENT.cls).toBe('text');
    expect(snap.source).toBe('某某县人民政府办公室2024年报.xlsx');
  });

  test('the sync count does not grow with the number of names read', async () => {
    const { host, adapter } = setup(sampleModel({ values: { T3_NEW_NAT: '五', T3_NEW_BIZ: 'XX', W_TRAIN: '/' } }));
    await adapter.readSnapshot();
    expect(host.log.syncs).toBe(2);
    expect(host.log.calls.filter((c) => c.startsWith('name.getRange')).length).toBe(REQUIRED_DEFINED_NAMES.length);
  });

  test('reports missing, broken and multi-cell names instead of reading them', async () => {
    const model = sampleModel();
    model.names = model.names.filter((n) => n.name !== 'W_GAZETTE');
    model.names.find((n) => n.name === 'W_OPENDAY')!.formula = '=#REF!';
    model.names.find((n) => n.name === 'W_CONSULT')!.formula = `=${WORK}!$B$3:$B$5`;
    const { adapter } = setup(model);
    const snap = await adapter.readSnapshot();
    expect(snap.nameIssues).toEqual([
      { name: 'W_OPENDAY', problem: 'broken-ref', ref: '=#REF!' },
      { name: 'W_CONSULT', problem: 'not-a-cell', ref: `=${WORK}!$B$3:$B$5` },
      { name: 'W_GAZETTE', problem: 'missing' },
    ]);
    expect(snap.cells.W_GAZETTE).toBeUndefined();
    expect(snap.cells.W_OPENDAY).toBeUndefined();
  });

  test('a workbook without the names reads as all missing, in two syncs at most', async () => {
    const { host, adapter } = setup(sampleModel({ blank: true }));
    const snap = await adapter.readSnapshot();
    expect(snap.templateId).toBeNull();
    expect(snap.nameIssues.length).toBe(REQUIRED_DEFINED_NAMES.length);
    expect(snap.nameIssues.every((i) => i.problem === 'missing')).toBe(true);
    expect(Object.keys(snap.cells)).toEqual([]);
    expect(host.log.syncs).toBe(1);
  });
});

describe('marks', () => {
  function userFormatting(model: FakeModel): void {
    // The unit's own conditional format over the whole 表三 table, a fill and a note of its own.
    model.conditionalFormats.push({ sheet: T3, address: 'D5:J29', type: 'CellValue', fill: '#FFFF00' });
    model.fills[`${T3}!J5`] = '#E2EFDA';
    model.notes.push({ sheet: T3, address: 'D5', content: '单位自己的批注' });
  }

  test('marks each cell once with its worst severity, in three syncs whatever the number of findings', async () => {
    const model = sampleModel();
    userFormatting(model);
    const { host, adapter } = setup(model);
    const findings = [
      finding('T3-ROWSUM', 'error', [['T3_NEW_SUM', T3, 'J5'], ['T3_NEW_NAT', T3, 'D5']]),
      finding('T3-BALANCE', 'error', [['T3_NEW_SUM', T3, 'J5'], ['T3_TOTAL_SUM', T3, 'J28']]),
      finding('CELL-TEXTNUM', 'warning', [['W_PRESS', WORK, 'B14']]),
      finding('W-INTERP-OVERLAP', 'info', [['W_INTERP_TOTAL', WORK, 'B8'], ['W_PRESS', WORK, 'B14']]),
    ];
    const result = await adapter.mark(findings, 'zh-CN');
    expect(host.log.syncs).toBe(3);
    expect(result).toEqual({ cells: 5, notes: 4 });
    const ours = model.conditionalFormats.filter((c) => c.type === 'Custom');
    expect(ours.map((c) => [c.address, c.formula, c.fill])).toEqual([
      ['J5', markFormula('error'), MARK_FILL.error],
      ['D5', markFormula('error'), MARK_FILL.error],
      ['J28', markFormula('error'), MARK_FILL.error],
      ['B14', markFormula('warning'), MARK_FILL.warning],
      ['B8', markFormula('info'), MARK_FILL.info],
    ]);
    // The unit's note on D5 is kept, not replaced; our notes go to the other cells.
    expect(model.notes.map((n) => [n.address, n.content.startsWith(NOTE_PREFIX)])).toEqual([
      ['D5', false],
      ['J5', true],
      ['J28', true],
      ['B14', true],
      ['B8', true],
    ]);
    expect(model.notes.find((n) => n.address === 'J5')!.content).toBe(`${NOTE_PREFIX}\n中文 T3-ROWSUM\n中文 T3-BALANCE`);

    host.resetLog();
    const many = Array.from({ length: 60 }, (_, i) => finding('CELL-REQUIRED', 'error', [[`X${i}`, T3, `D${5 + (i % 25)}`]]));
    await adapter.mark(many, 'zh-CN');
    expect(host.log.syncs).toBe(3);
  });

  test('clearing removes exactly what was added and leaves the unit formatting alone', async () => {
    const model = sampleModel();
    userFormatting(model);
    const before = JSON.parse(JSON.stringify({ cf: model.conditionalFormats, notes: model.notes, fills: model.fills, cells: model.sheets }));
    const { host, adapter } = setup(model);
    await adapter.mark([finding('T3-ROWSUM', 'error', [['T3_NEW_SUM', T3, 'J5'], ['T3_NEW_NAT', T3, 'D5']])], 'en');
    await adapter.mark([finding('CELL-TEXTNUM', 'warning', [['W_PRESS', WORK, 'B14']])], 'en');
    // Re-marking replaced the first marks: only B14 is marked now.
    expect(model.conditionalFormats.filter((c) => c.type === 'Custom').map((c) => c.address)).toEqual(['B14']);
    expect(model.settings[MARK_STORE_KEY]).toBe(JSON.stringify({ cf: [{ sheet: WORK, address: 'B14' }], notes: [{ sheet: WORK, address: 'B14' }] }));
    host.resetLog();
    const removed = await adapter.clearMarks();
    expect(removed).toBe(2);
    expect(host.log.syncs).toBe(3);
    expect({ cf: model.conditionalFormats, notes: model.notes, fills: model.fills, cells: model.sheets }).toEqual(before);
    expect(MARK_STORE_KEY in model.settings).toBe(false);
    // Nothing but deletes and the store were written while clearing.
    expect(host.log.calls.filter((c) => c !== 'sync')).toEqual([`cf.delete ${WORK}!B14`, `note.delete ${WORK}!B14`, `settings.delete ${MARK_STORE_KEY}`]);
  });

  test('a note the user edited into ours is no longer ours and stays', async () => {
    const model = sampleModel();
    const { adapter } = setup(model);
    await adapter.mark([finding('CELL-TEXTNUM', 'warning', [['W_PRESS', WORK, 'B14']])], 'zh-CN');
    model.notes[0].content = '已核实，发布会确为 12 场';
    await adapter.clearMarks();
    expect(model.notes).toEqual([{ sheet: WORK, address: 'B14', content: '已核实，发布会确为 12 场' }]);
    expect(model.conditionalFormats).toEqual([]);
  });

  test('on ExcelApi 1.7 it marks with colour only and never calls the notes API', async () => {
    const model = sampleModel({ apiMinor: 7 });
    const { host, adapter } = setup(model);
    expect(adapter.capabilities).toEqual({ conditionalFormats: true, createWorkbook: false, insertSheets: false, triggerSource: false, notes: false });
    const r = await adapter.mark([finding('T3-ROWSUM', 'error', [['T3_NEW_SUM', T3, 'J5']])], 'zh-CN');
    expect(r).toEqual({ cells: 1, notes: 0 });
    expect(host.log.calls.some((c) => c.startsWith('note.'))).toBe(false);
    expect(await adapter.clearMarks()).toBe(1);
    expect(model.conditionalFormats).toEqual([]);
  });

  test('marks on a sheet deleted since are skipped without failing', async () => {
    const model = sampleModel();
    const { adapter } = setup(model);
    await adapter.mark([finding('CELL-TEXTNUM', 'warning', [['W_PRESS', WORK, 'B14']])], 'zh-CN');
    model.sheets = model.sheets.filter((s) => s.name !== WORK);
    expect(await adapter.clearMarks()).toBe(0);
    expect(MARK_STORE_KEY in model.settings).toBe(false);
  });
});

describe('navigation, quick fixes, template', () => {
  test('select activates the sheet and selects the cell in one sync', async () => {
    const { host, adapter } = setup();
    await adapter.select({ name: 'T3_NEW_SUM', sheet: T3, address: 'J5' });
    expect(host.log.calls).toEqual([`activate ${T3}`, `select ${T3}!J5`, 'sync']);
  });

  test('quick fixes from the real rules: the text number only, never a sum (which figure is wrong is not known)', async () => {
    const { host, adapter } = setup();
    const validator = realValidator();
    const snap = await adapter.readSnapshot();
    const report = await validator.validate(snap, { now: new Date('2025-03-01') });
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['CELL-TEXTNUM', 'T3-BALANCE', 'T3-ROWSUM', 'W-INTERP-OVERLAP']);
    const fixes = report.findings.map((f) => [f.rule, quickFixFor(f, snap)]);
    expect(fixes).toEqual(
      expect.arrayContaining([
        ['T3-ROWSUM', null],
        ['CELL-TEXTNUM', { name: 'W_PRESS', sheet: WORK, address: 'B14', value: 12, kind: 'text-to-number', before: '12' }],
        ['T3-BALANCE', null],
        ['W-INTERP-OVERLAP', null],
      ]),
    );
    host.resetLog();
    for (const [, fix] of fixes) if (fix && typeof fix === 'object') await adapter.applyFix(fix);
    expect(host.log.syncs).toBe(2);
    expect(host.log.calls.filter((c) => c !== 'sync')).toEqual([`numberFormat ${WORK}!B14=General`, `values ${WORK}!B14=12`]);
    const after = await validator.validate(await adapter.readSnapshot());
    expect(after.findings.map((f) => f.rule).sort()).toEqual(['T3-BALANCE', 'T3-ROWSUM', 'W-INTERP-OVERLAP']);
  });

  test('inserting template sheets needs ExcelApi 1.13', async () => {
    const old = setup(sampleModel({ blank: true, apiMinor: 12 }));
    await expect(old.adapter.insertTemplate('UEsDBA==')).rejects.toThrow('cannot insert template sheets');
    const model = sampleModel({ blank: true, apiMinor: 13 });
    const fresh = setup(model);
    await fresh.adapter.insertTemplate('UEsDBA==');
    expect(model.insertedTemplates).toBe(1);
    expect(fresh.host.log.calls).toEqual(['insertWorksheetsFromBase64 8', 'sync']);
  });
});

describe('edit events', () => {
  test.each([18, 7])('user edits are reported, the add-in own writes are not (ExcelApi 1.%i)', async (minor) => {
    const model = sampleModel({ apiMinor: minor });
    const { host, adapter } = setup(model, 60);
    const edits: number[] = [];
    await adapter.watchEdits([T3, WORK], () => edits.push(Date.now()));
    expect(host.handlers.map((h) => h.sheet)).toEqual([T3, WORK]);
    await adapter.applyFix({ name: 'W_PRESS', sheet: WORK, address: 'B14', value: 12, kind: 'text-to-number', before: '12' });
    await sleep(10);
    expect(edits.length).toBe(0);
    await sleep(80);
    host.userEdit(T3, 'D5', 6);
    host.userEdit('填报说明', 'A1', 'x');
    await sleep(10);
    expect(edits.length).toBe(1);
    await adapter.unwatchEdits();
    expect(host.handlers).toEqual([]);
    host.userEdit(T3, 'D5', 7);
    await sleep(10);
    expect(edits.length).toBe(1);
  });
});

describe('helpers', () => {
  test('addresses and date formats', () => {
    expect(splitQualifiedAddress("'My ''data'' sheet'!$B$4")).toEqual({ sheet: "My 'data' sheet", address: 'B4' });
    expect(splitQualifiedAddress('表三依申请公开!J5')).toEqual({ sheet: T3, address: 'J5' });
    expect(splitQualifiedAddress('J5')).toBeNull();
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('#,##0"件"')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
  });
});
