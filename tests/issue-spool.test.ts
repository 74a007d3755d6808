/**
 * The spool of 问题清单 rows (io/issue-spool): every row comes back in order and unchanged, also
 * text that JSON lines must escape, also when the temporary file cannot be made or stops taking
 * writes (the rows then stay in memory, the summary goes on).
 */
import { closeSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssueRow } from '../src/core/summary/unit-row';
import { IssueSpool } from '../src/io/issue-spool';

function row(i: number): IssueRow {
  return {
    unitName: i % 3 === 0 ? null : `单位${i}_x0041_\ud800`,
    file: `目录/文件${i}.xlsx`,
    rule: i % 2 ? 'CELL-NUMBER' : 'U-SAME-TEXT',
    severity: i % 2 ? 'error' : 'warning',
    location: i % 2 ? '表三依申请公开!D5' : '',
    message: `第 ${i} 条：\n“引号” \\ 和换行\r\n${'长文字。'.repeat(i % 50)}`,
    ...(i % 2 ? { cells: [{ name: 'T3_NEW_NAT', sheet: '表三依申请公开', address: 'D5' }] } : {}),
  };
}

async function readAll(spool: IssueSpool): Promise<IssueRow[]> {
  const out: IssueRow[] = [];
  for await (const r of spool.rows()) out.push(r);
  return out;
}

describe('IssueSpool', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'zwgk-spool-test-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives back every row in order, unchanged, more than once; dispose removes its file', async () => {
    const spool = new IssueSpool(root);
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    rows.forEach((r) => spool.push(r));
    expect(spool.onDisk).toBe(true);
    expect(spool.length).toBe(3000);
    expect(readdirSync(root)).toHaveLength(1);
    expect(await readAll(spool)).toEqual(rows);
    expect(await readAll(spool)).toEqual(rows);
    spool.dispose();
    expect(readdirSync(root)).toEqual([]);
    expect(() => spool.push(row(1))).toThrow('push after dispose');
  });

  it('keeps the rows in memory when no temporary file can be made', async () => {
    const notAFolder = join(root, 'file');
    writeFileSync(notAFolder, 'x');
    const spool = new IssueSpool(notAFolder);
    expect(spool.onDisk).toBe(false);
    const rows = Array.from({ length: 2000 }, (_, i) => row(i));
    rows.forEach((r) => spool.push(r));
    expect(await readAll(spool)).toEqual(rows);
    spool.dispose();
    expect(existsSync(notAFolder)).toBe(true);
  });

  it('keeps the rest in memory when the file stops taking writes (disk full), after those on disk', async () => {
    const spool = new IssueSpool(root);
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    rows.slice(0, 1500).forEach((r) => spool.push(r));
    // the file's descriptor goes away under the spool: its next write fails
    closeSync((spool as unknown as { fd: number }).fd);
    rows.slice(1500).forEach((r) => spool.push(r));
    expect(spool.onDisk).toBe(false);
    expect(await readAll(spool)).toEqual(rows);
    spool.dispose();
    expect(readdirSync(root)).toEqual([]);
  });
});
