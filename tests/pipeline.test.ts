/**
 * The per-file pipeline every host uses (read → match last year → validate → report), the summary
 * keeping each unit's numbers instead of reading a file twice, and the roster and 未报送 in the core.
 */
import { checkFile } from '../src/core/pipeline';
import type { Snapshot } from '../src/core/snapshot';
import { SumAccumulator } from '../src/core/summary/aggregate';
import { SummaryBatch } from '../src/core/summary/batch';
import { missingSheet } from '../src/core/summary/sheet-rows';
import { corrupt, DAMAGE } from '../src/io/reader/refusals';
import { validator } from './helpers/rules';
import { codeFor, snap, unitValues } from './summary-fixtures';

const NOW_OPTS = { locale: 'zh-CN' as const };

/** A unit's snapshot from the summary fixtures (dates as ISO text, as a reader gives them). */
function unitSnap(spec: Parameters<typeof unitValues>[0]): Snapshot {
  const values = Object.fromEntries(Object.entries(unitValues(spec)).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]));
  return snap(values);
}

describe('checkFile', () => {
  it('reads, matches last year and validates; the match note joins the findings and the counts', async () => {
    const s = unitSnap({ name: '甲局', code: codeFor(1), year: 2025 });
    const note = { rule: 'Y-NO-PREVIOUS', severity: 'info' as const, message: 'm', messages: { 'zh-CN': 'm', en: 'm' }, cells: [], values: {} };
    const out = await checkFile('a.xlsx', () => s, validator, { ...NOW_OPTS, previous: async () => ({ snapshot: null, note }) });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.findings.map((f) => f.rule)).toEqual(['Y-NO-PREVIOUS']);
    expect(out.report.counts).toEqual({ error: 0, warning: 0, info: 1 });
  });

  it('turns a refusal into its registered code, and anything else into internal-error, never throwing', async () => {
    const refused = await checkFile('b.xlsx', () => Promise.reject(corrupt('b.xlsx', DAMAGE.zip)), validator, NOW_OPTS);
    expect(refused).toMatchObject({ ok: false, code: 'corrupt' });
    const broken = await checkFile('c.xlsx', () => { throw new Error('boom'); }, validator, NOW_OPTS);
    expect(broken).toMatchObject({ ok: false, code: 'internal-error' });
    if (!broken.ok) expect(broken.messages['zh-CN']).toBe('读取或校验时发生内部错误（boom）：请把该文件另存为 .xlsx 后再试；如仍出错，请报告此问题。');
  });
});

describe('SummaryBatch keeps each unit\'s numbers', () => {
  it('takes a duplicate out of the sums without reading any file again, and matches the roster', async () => {
    const reads = new Map<string, number>();
    const batch = new SummaryBatch(validator, {
      locale: 'zh-CN',
      roster: [
        { code: codeFor(1), name: '甲局', type: null, line: 2 },
        { code: codeFor(9), name: '癸局', type: '县级政府部门', line: 3 },
      ],
    });
    const units: Array<[string, Snapshot]> = [
      ['a.xlsx', unitSnap({ name: '甲局', code: codeFor(1), year: 2025, newNat: 5, pub: 10 })],
      ['b.xlsx', unitSnap({ name: '乙局', code: codeFor(2), year: 2025, newNat: 7, pub: 20 })],
      ['b-again.xlsx', unitSnap({ name: '乙局', code: codeFor(2), year: 2025, newNat: 7, pub: 20 })],
    ];
    for (const [file, s] of units) {
      await batch.add(file, () => {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return s;
      });
    }
    const result = await batch.finish({ date: '2026-01-20' });
    expect([...reads.values()]).toEqual([1, 1, 1]);
    expect(result.units).toBe(1);
    expect(result.rows.map((r) => [r.file, r.inSums, r.status])).toEqual([
      ['a.xlsx', true, 'ok'],
      ['b.xlsx', false, 'error'],
      ['b-again.xlsx', false, 'error'],
    ]);
    expect(result.sums.T3_NEW_NAT).toBe(5);
    expect(result.sums.W_PUB_TOTAL).toBe(10);
    expect(result.missing?.map((e) => e.name)).toEqual(['癸局']);
    expect(result.issues.filter((i) => i.rule === 'U-MISSING').map((i) => [i.unitName, i.severity])).toEqual([['癸局', 'warning']]);
    expect(missingSheet(result.missing!, 'zh-CN').rows).toEqual([[3, codeFor(9), '癸局', '县级政府部门']]);
    // only the non-zero cells, as (index, value) pairs: a few hundred bytes a unit, not 8 bytes for every summed cell
    const kept = SumAccumulator.numbersOf(units[0][1]);
    const whole = new SumAccumulator();
    whole.add(units[0][1]);
    const nonZero = Object.values(whole.totals()).filter((v) => v !== 0).length;
    expect(kept.length).toBe(2 * nonZero);
    expect(kept.byteLength).toBeLessThan(1000);
    // and they are the unit's numbers: added and taken out again, nothing is left
    const again = new SumAccumulator();
    again.addNumbers(kept);
    expect(again.totals()).toEqual(whole.totals());
    again.addNumbers(kept, -1);
    expect(Object.values(again.totals()).every((v) => v === 0)).toBe(true);
  });
});
