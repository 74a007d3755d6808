/**
 * What a cold start loads: SheetJS's codepage tables only when a file needs them
 * (src/cli/lazy-codepages.ts), checked in a fresh Node process since the module cache is per process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import * as XLSX from 'xlsx';

const ROOT = join(__dirname, '..');

/** Runs `body` in a fresh Node process after the lazy-codepages module; returns its stdout. */
function fresh(body: string): string {
  const shim = ts.transpileModule(readFileSync(join(ROOT, 'src', 'cli', 'lazy-codepages.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const code = `const shim = (() => { const module = { exports: {} }; const exports = module.exports; ${shim}; return module.exports; })();\n${body}`;
  return execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('lazy codepage tables', () => {
  it('reading an .xlsx does not load them; the first .xls string that needs one does, with the real tables', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['政务公开', 12]]), '表');
    const xlsx = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const out = fresh(`
      const XLSX = require('xlsx');
      const a = XLSX.read(Buffer.from('${xlsx}', 'base64'), { type: 'buffer' });
      const before = shim.codepagesLoaded();
      const cp = require(require('node:path').join(require('node:path').dirname(require.resolve('xlsx')), 'dist', 'cpexcel.js'));
      const text = cp.utils.decode(936, [0xd5, 0xfe, 0xce, 0xf1]);
      console.log(JSON.stringify([a.Sheets['表'].A1.v, before, text, shim.codepagesLoaded()]));
    `);
    expect(JSON.parse(out)).toEqual(['政务公开', false, '政务', true]);
  });

  it('an .xls in a legacy codepage still reads', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['abc', 7]]), 'S');
    const xls = (XLSX.write(wb, { type: 'buffer', bookType: 'biff5' }) as Buffer).toString('base64');
    const out = fresh(`
      const XLSX = require('xlsx');
      const a = XLSX.read(Buffer.from('${xls}', 'base64'), { type: 'buffer' });
      console.log(JSON.stringify([a.Sheets.S.A1.v, a.Sheets.S.B1.v]));
    `);
    expect(JSON.parse(out)).toEqual(['abc', 7]);
  });
});
