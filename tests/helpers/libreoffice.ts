/**
 * Drives the real LibreOffice Calc (Debian's libreoffice-calc) in tests: converts a workbook to
 * another format the way a unit's "Save as" would. Each call uses its own profile folder so
 * parallel test files do not fight over one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice']) if (existsSync(p)) return p;
  return null;
}

/** Filter names for --convert-to: the extension alone picks LibreOffice's default filter. */
const FILTERS: Record<string, string> = {
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  xls: 'xls:MS Excel 97',
  ods: 'ods',
  pdf: 'pdf',
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1',
};

/** Converts `input` to `target` (xlsx, xls, ods, pdf, csv) and returns the new file's path. */
export function convertWithLibreOffice(input: string, target: keyof typeof FILTERS, outDir?: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc');
  const out = outDir ?? mkdtempSync(join(tmpdir(), 'zwgk-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'zwgk-lo-profile-'));
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', FILTERS[target], '--outdir', out, input],
    { stdio: 'pipe', timeout: 120000 },
  );
  const expected = join(out, `${basename(input, extname(input))}.${target}`);
  if (!existsSync(expected)) {
    throw new Error(`LibreOffice did not write ${expected}; folder has ${readdirSync(out).join(', ')}`);
  }
  return expected;
}
