/**
 * Adding an indicator is one record: with a catalogue that has one extra 12345 category
 * (W_HOTLINE_PRAISE 其中：表扬, a part of W_HOTLINE_TOTAL, with its own 汇总 column), the template,
 * the reader, the rules, the summary, the guide and the generated docs pick it up with no other
 * edit. The real modules are loaded afresh on top of the extended catalogue.
 */
import type * as Catalogue from '../src/core/catalogue';

type CatalogueModule = typeof Catalogue;

const EXTRA = {
  name: 'W_HOTLINE_PRAISE',
  label: '其中：表扬',
  labelEn: 'of which: praise',
  kind: 'count' as const,
  required: true,
  address: 'B31',
  since: '2025.1',
  partOf: 'W_HOTLINE_TOTAL',
  note: '群众对工作人员的表扬',
  summary: { id: 'W_HOTLINE_PRAISE', label: '热线表扬', labelEn: 'Hotline praise', order: 9 },
};

interface Modules {
  catalogue: CatalogueModule;
  writer: typeof import('../src/io/template-writer');
  reader: typeof import('../src/io/read-workbook');
  validator: typeof import('../src/core/validator');
  loadRules: typeof import('../src/io/load-rules');
  unitRow: typeof import('../src/core/summary/unit-row');
  sheetRows: typeof import('../src/core/summary/sheet-rows');
  aggregate: typeof import('../src/core/summary/aggregate');
  guide: typeof import('../src/io/template/guide');
  docs: typeof import('../src/core/codes/checks-doc');
  units: typeof import('../src/examples/units');
}

function loadAll(): Modules {
  let m: Modules | undefined;
  jest.isolateModules(() => {
    jest.doMock('../src/core/catalogue', () => {
      const real = jest.requireActual<CatalogueModule>('../src/core/catalogue');
      const records = { ...real.RECORDS, work: [...real.RECORDS.work, EXTRA] };
      return { ...real, RECORDS: records, ...real.deriveCatalogue(records) };
    });
    m = {
      catalogue: require('../src/core/catalogue'),
      writer: require('../src/io/template-writer'),
      reader: require('../src/io/read-workbook'),
      validator: require('../src/core/validator'),
      loadRules: require('../src/io/load-rules'),
      unitRow: require('../src/core/summary/unit-row'),
      sheetRows: require('../src/core/summary/sheet-rows'),
      aggregate: require('../src/core/summary/aggregate'),
      guide: require('../src/io/template/guide'),
      docs: require('../src/core/codes/checks-doc'),
      units: require('../src/examples/units'),
    };
  });
  return m as Modules;
}

describe('one extra indicator record', () => {
  const m = loadAll();
  const NOW = new Date('2026-03-01T00:00:00Z');

  async function readBack(values: Record<string, number | string | null>) {
    const bytes = await m.writer.writeTemplate({ values: { ...m.units.cleanUnitValues(), ...values } });
    return m.reader.readWorkbook(new Uint8Array(bytes), 'extra.xlsx');
  }

  it('is in the catalogue of the current version and among the parts of its total', () => {
    expect(m.catalogue.indicator('W_HOTLINE_PRAISE')).toMatchObject({ sheet: 'work', address: 'B31', since: '2025.1' });
    expect(m.catalogue.partsOf('W_HOTLINE_TOTAL')).toContain('W_HOTLINE_PRAISE');
    expect(m.catalogue.namesOfVersion('2024.1')).not.toContain('W_HOTLINE_PRAISE');
    expect(m.catalogue.zeroCounts().W_HOTLINE_PRAISE).toBe(0);
  });

  it('the template writes its defined name, input hint and data validation; the reader reads it', async () => {
    const snap = await readBack({ W_HOTLINE_PRAISE: 3, W_HOTLINE_TOTAL: 159 });
    expect(snap.cells.W_HOTLINE_PRAISE).toMatchObject({ sheet: '工作指标', address: 'B31', cls: 'number', value: 3 });
    const wb = await m.writer.buildTemplate();
    const cell = wb.getWorksheet('工作指标')!.getCell('B31');
    expect(cell.name).toBe('W_HOTLINE_PRAISE');
    expect(cell.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', promptTitle: '其中：表扬' });
    expect(wb.getWorksheet('工作指标')!.getCell('A31').value).toBe('其中：表扬');
    expect(wb.getWorksheet('工作指标')!.getCell('C31').value).toBe('群众对工作人员的表扬');
    // the note of the total names every part
    expect(wb.getWorksheet('工作指标')!.getCell('C19').value).toBe('投诉、咨询、求助、建议、举报、其他、表扬七项之和等于受理工单数');
  });

  it('the rules check it: CELL-REQUIRED when blank, and it is part of the 12345 sum', async () => {
    const validator = new m.validator.Validator(m.validator.loadRuleSet(m.loadRules.readRuleSources()));
    const clean = await validator.validate(await readBack({ W_HOTLINE_PRAISE: 3, W_HOTLINE_TOTAL: 159 }), { now: NOW });
    expect(clean.findings).toEqual([]);
    const unbalanced = await validator.validate(await readBack({ W_HOTLINE_PRAISE: 3 }), { now: NOW });
    expect(unbalanced.findings.map((f) => [f.rule, f.values.lhs, f.values.rhs, f.values.W_HOTLINE_PRAISE])).toEqual([['W-HOTLINE-SUM', 159, 156, 3]]);
    expect(unbalanced.findings[0].message).toBe(
      '工作指标：12345 热线投诉 40 + 咨询 90 + 求助 10 + 建议 12 + 举报 0 + 其他 4 + 表扬 3 = 159，但受理工单总数填写 156，相差 3。',
    );
    const blank = await validator.validate(await readBack({ W_HOTLINE_PRAISE: null }), { now: NOW });
    expect(blank.findings.map((f) => [f.rule, f.cells[0].name, f.cells[0].address])).toEqual([['CELL-REQUIRED', 'W_HOTLINE_PRAISE', 'B31']]);
  });

  it('the summary shows its column and sums it', async () => {
    const snap = await readBack({ W_HOTLINE_PRAISE: 3, W_HOTLINE_TOTAL: 159 });
    expect(m.unitRow.KEY_TOTALS.map((k) => k.id).slice(-2)).toEqual(['W_PUB_TOTAL', 'W_HOTLINE_PRAISE']);
    expect(m.unitRow.keyTotals(snap).W_HOTLINE_PRAISE).toBe(3);
    expect(m.sheetRows.unitColumns('zh-CN')).toContain('热线表扬');
    const acc = new m.aggregate.SumAccumulator();
    acc.add(snap);
    acc.add(snap);
    expect(acc.totals().W_HOTLINE_PRAISE).toBe(6);
  });

  it('the guide and docs/checks.md name it', () => {
    const guide = m.guide.guideLines().map((l) => l.text);
    expect(guide).toContain('6. “工作指标”中“12345热线等政民互动受理工单（件）” = 投诉 + 咨询 + 求助 + 建议 + 举报 + 其他 + 表扬。');
    expect(guide.some((t) => t.includes('“工作指标”的“其中：表扬”（W_HOTLINE_PRAISE）'))).toBe(true);
    const doc = m.docs.checksMarkdown(m.validator.loadRuleSet(m.loadRules.readRuleSources()));
    expect(doc).toContain('| 2025.1 | W_HOTLINE_PRAISE | 其中：表扬 |');
  });
});
