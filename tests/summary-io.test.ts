import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { previousFinder } from '../src/cli/previous';
import { UserError } from '../src/core/errors';
import type { Snapshot } from '../src/core/snapshot';
import { buildPreviousIndex, PreviousIndex } from '../src/io/previous-index';
import { readRoster } from '../src/io/roster';
import { codeFor, snap } from './summary-fixtures';

function unitSnap(name: string, code: string | null, year: number, source = `${name}.xlsx`): Snapshot {
  return snap({ INFO_UNIT_NAME: name, INFO_UNIT_CODE: code, INFO_YEAR: year, T3_CARRYOUT_SUM: 1 }, source);
}

describe('PreviousIndex', () => {
  const index = new PreviousIndex([
    { path: 'p/a-2024.xlsx', code: codeFor(1), name: '甲局', year: 2024 },
    { path: 'p/a-2022.xlsx', code: codeFor(1), name: '甲局', year: 2022 },
    { path: 'p/a-2023.xlsx', code: codeFor(1), name: '甲局', year: 2023 },
    { path: 'p/b.xlsx', code: codeFor(8), name: '乙局', year: 2023 },
  ]);

  it('finds by code the file of the year before, never one of the same year', () => {
    expect(index.lookup({ name: '甲局', code: codeFor(1), type: null, year: 2024 })).toMatchObject({ path: 'p/a-2023.xlsx', matchedBy: 'code' });
    expect(index.lookup({ name: null, code: ` ${codeFor(1).toLowerCase()} `, type: null, year: 2023 })).toMatchObject({ path: 'p/a-2022.xlsx', matchedBy: 'code' });
    expect(index.lookup({ name: '甲局', code: codeFor(1), type: null, year: 2022 })).toBeNull();
  });

  it('falls back to the exact unit name', () => {
    expect(index.lookup({ name: '乙局', code: codeFor(2), type: null, year: 2024 })).toMatchObject({ path: 'p/b.xlsx', matchedBy: 'name' });
    expect(index.lookup({ name: '乙局（本级）', code: codeFor(2), type: null, year: 2024 })).toBeNull();
  });

  it('reads each file once and skips unreadable ones', async () => {
    const reads: string[] = [];
    const read = async (path: string): Promise<Snapshot> => {
      reads.push(path);
      if (path === 'bad.xlsx') throw new UserError('not-a-workbook', { 'zh-CN': '坏', en: 'bad' });
      return unitSnap(path === 'x.xlsx' ? '甲局' : '乙局', path === 'x.xlsx' ? codeFor(1) : codeFor(2), 2023, path);
    };
    const built = await buildPreviousIndex(['x.xlsx', 'bad.xlsx', 'y.xlsx'], read);
    expect(reads).toEqual(['x.xlsx', 'bad.xlsx', 'y.xlsx']);
    expect(built.entries).toEqual([
      { path: 'x.xlsx', code: codeFor(1), name: '甲局', year: 2023 },
      { path: 'y.xlsx', code: codeFor(2), name: '乙局', year: 2023 },
    ]);
    expect(built.problems.map((p) => [p.path, p.error.code])).toEqual([['bad.xlsx', 'not-a-workbook']]);
  });
});

describe('previousFinder (shared with zwgk validate --previous)', () => {
  const last = unitSnap('乙局', codeFor(8), 2023, 'p/b.xlsx');
  const index = new PreviousIndex([{ path: 'p/b.xlsx', code: codeFor(8), name: '乙局', year: 2023 }]);
  const finder = previousFinder(index, 'en', async (p) => (p === 'p/b.xlsx' ? last : Promise.reject(new Error('unexpected'))));

  it('hands over last year snapshot with an info note when matched by name', async () => {
    const r = await finder.find(unitSnap('乙局', codeFor(2), 2024));
    expect(r.snapshot).toBe(last);
    expect(r.matchedBy).toBe('name');
    expect(r.note).toMatchObject({ rule: 'Y-MATCH-NAME', severity: 'info', cells: [{ name: 'INFO_UNIT_NAME', sheet: '基本信息', address: 'B3' }] });
    expect(r.note?.message).toBe(
      `Last year's workbook "b.xlsx" was matched by the unit name "乙局" (last year's code ${codeFor(8)}, this year's ${codeFor(2)}): make sure it is the same unit; the checks across years use it.`,
    );
  });

  it('says when nothing was found', async () => {
    const r = await finder.find(unitSnap('丙局', codeFor(3), 2024));
    expect(r.snapshot).toBeNull();
    expect(r.note).toMatchObject({ rule: 'Y-NO-PREVIOUS', severity: 'info', values: { code: codeFor(3), name: '丙局' } });
  });
});

describe('readRoster', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zwgk-roster-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an .xlsx roster with English headers in any order, keeping codes as text', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Name', 'Type', 'Credit code'],
      ['甲局', '县级政府部门', codeFor(1)],
      [],
      ['乙局', '', ''],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名册');
    const path = join(dir, 'roster.xlsx');
    await writeFile(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    expect(await readRoster(path)).toEqual([
      { code: codeFor(1), name: '甲局', type: '县级政府部门', line: 2 },
      { code: null, name: '乙局', type: null, line: 4 },
    ]);
  });

  it('gives one clear sentence for a missing file or an unsupported format', async () => {
    await expect(readRoster(join(dir, 'none.csv'))).rejects.toMatchObject({ code: 'roster-not-found' });
    const path = join(dir, 'roster.pdf');
    await writeFile(path, 'x');
    await expect(readRoster(path)).rejects.toMatchObject({ code: 'roster-format' });
  });
});
