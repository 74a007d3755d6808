/**
 * Interoperability: a submission saved again by LibreOffice Calc as .xlsx, .xls and .ods, and a
 * submission whose rows were inserted and cells moved, validate exactly like the original.
 *
 * Row insertion is done on the package XML the way Excel stores it (cells, merged ranges, data
 * validation ranges, panes and defined names shifted): LibreOffice here has no Python-UNO, and a
 * Basic macro cannot be run headless from a fresh profile. tests/reader.test.ts covers the same
 * on SheetJS-built workbooks; this adds the real template's package and the whole rule set.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchReport, ContractFinding } from '../src/core/batch-report';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/io/read-workbook';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { EXAMPLES_DIR, captureStream, exampleBytes, insertRows, moveCell, patchExample } from './helpers/hostile-fixtures';

const SOURCE = join(EXAMPLES_DIR, '02-高新区-表三不平衡.xlsx');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-interop-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function findingsOf(path: string): Promise<{ code: number; findings: ContractFinding[]; status: string }> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(['validate', path, '--format', 'json'], { stdout, stderr });
  const file = (JSON.parse(stdout.text()) as BatchReport).files[0];
  return { code, findings: file.findings, status: file.status };
}

/** What a finding says, without where the cells sit. */
const said = (f: ContractFinding): unknown => [f.rule, f.severity, f.message, f.values, f.cells.map((c) => c.name)];

describe('rows inserted and cells moved by the user', () => {
  it('validates exactly like the original, with the cells at their new places', async () => {
    const original = await findingsOf(SOURCE);
    expect(original.findings.map((f) => f.rule)).toEqual(['T3-BALANCE', 'T3-BALANCE']);
    const moved = join(root, 'moved.xlsx');
    writeFileSync(
      moved,
      patchExample((p) => {
        insertRows(p, '表三依申请公开', 1, 3); // a heading above the table
        insertRows(p, '基本信息', 5, 2); // rows inside the form
        moveCell(p, '文字部分', 'B6', 'E21'); // a text answer cut and pasted elsewhere
      }, exampleBytes(SOURCE)),
    );
    const before = readWorkbook(exampleBytes(SOURCE), 'before.xlsx');
    const snap = readWorkbook(new Uint8Array(readFileSync(moved)), moved);
    expect(snap.cells.TXT_FEE).toMatchObject({ address: 'E21', raw: before.cells.TXT_FEE.raw });
    expect(snap.cells.INFO_UNIT_NAME).toMatchObject({ address: 'B3', raw: before.cells.INFO_UNIT_NAME.raw });
    expect(snap.cells.INFO_UNIT_CODE).toMatchObject({ address: 'B7', raw: before.cells.INFO_UNIT_CODE.raw }); // was B5
    expect(snap.cells.T3_NEW_NAT).toMatchObject({ address: 'D8', raw: before.cells.T3_NEW_NAT.raw }); // was D5
    const after = await findingsOf(moved);
    expect(after.code).toBe(original.code);
    expect(after.findings.map(said)).toEqual(original.findings.map(said));
    const rowsOf = (fs: ContractFinding[]): number[] => fs.flatMap((f) => f.cells.map((c) => Number(/\d+$/.exec(c.address)?.[0])));
    expect(rowsOf(after.findings)).toEqual(rowsOf(original.findings).map((r) => r + 3));
  });
});

describe('saved again by LibreOffice Calc', () => {
  const LO_TIMEOUT = 240_000;
  let original: Awaited<ReturnType<typeof findingsOf>>;
  beforeAll(async () => {
    original = await findingsOf(SOURCE);
  });

  it.each(['xlsx', 'xls', 'ods'] as const)(
    '%s validates with the same findings at the same cells',
    async (target) => {
      const dir = join(root, target);
      mkdirSync(dir);
      const out = convertWithLibreOffice(SOURCE, target, dir);
      const res = await findingsOf(out);
      expect(res.status).toBe(original.status);
      expect(res.findings.map((f) => [f.rule, f.severity, f.message, f.values, f.cells])).toEqual(
        original.findings.map((f) => [f.rule, f.severity, f.message, f.values, f.cells]),
      );
    },
    LO_TIMEOUT,
  );
});
