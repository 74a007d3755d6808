/**
 * The report in LibreOffice Writer: converts the .docx to PDF without complaint, and what a
 * coordinator receives after someone opened and re-saved the report (LibreOffice's own .docx) or
 * exported it as a web page (LibreOffice's HTML and XHTML) still reads back with the same findings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../src/core/report';
import { readWorkbookFile } from '../src/io/read-workbook';
import { readReportDocument } from '../src/io/report-reader';
import { buildReportDocx } from '../src/io/report/docx';
import { sofficePath } from './helpers/libreoffice';
import { validator } from './helpers/rules';

const NOW = new Date('2026-11-25T00:00:00Z');
const EXAMPLES = join(__dirname, '..', 'examples');
const FILES = ['02-高新区-表三不平衡', '05-镇政府-斜杠与近似'];

function convert(inputs: string[], filter: string, outDir: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-writer');
  const profile = mkdtempSync(join(tmpdir(), 'zwgk-lo-profile-'));
  return execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...inputs], {
    stdio: 'pipe',
    timeout: 180000,
  }).toString();
}

const essence = (f: Finding): string => `${f.rule} ${f.severity} ${f.cells.map((c) => c.location).join(' | ')}`;

describe('reports through LibreOffice Writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-lo-report-'));
  const docx = FILES.map((f) => join(dir, `${f}.docx`));
  const direct: Record<string, string[]> = {};

  beforeAll(async () => {
    for (const [i, f] of FILES.entries()) {
      const snapshot = await readWorkbookFile(join(EXAMPLES, `${f}.xlsx`));
      const findings = (await validator.validate(snapshot, { now: NOW })).findings;
      const bytes = await buildReportDocx(snapshot, { failedFindings: findings, date: NOW });
      writeFileSync(docx[i], bytes);
      direct[f] = (await validator.validate(readReportDocument(bytes, docx[i]), { now: NOW })).findings.map(essence);
    }
  });

  it('converts the .docx to a PDF of several A4 pages', () => {
    const out = join(dir, 'pdf');
    const log = convert(docx, 'pdf', out);
    expect(log).not.toMatch(/error/i);
    for (const f of FILES) {
      const pdf = readFileSync(join(out, `${f}.pdf`)).toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(3);
      // A4 is 595.3 × 841.9 points.
      expect(/\/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 84[12](?:\.\d+)?\s*\]/.test(pdf)).toBe(true);
    }
  });

  it.each([
    ['re-saved as .docx', 'docx:MS Word 2007 XML', 'docx'],
    ['exported as HTML', 'html', 'html'],
    ['exported as XHTML', 'html:XHTML Writer File:UTF8', 'html'],
  ])('%s: read back with the same findings', async (_what, filter, ext) => {
    const out = join(dir, filter.replace(/[^a-z]/gi, ''));
    convert(docx, filter, out);
    for (const f of FILES) {
      const file = join(out, `${f}.${ext}`);
      expect(existsSync(file)).toBe(true);
      const report = await validator.validate(readReportDocument(new Uint8Array(readFileSync(file)), file), { now: NOW });
      expect(report.findings.map(essence)).toEqual(direct[f]);
    }
  });

  it('the direct reading is what a reviewer expects', () => {
    expect(direct['05-镇政府-斜杠与近似']).toEqual([
      'CELL-NUMBER error 表二 第3行「本年制发件数」列',
      'CELL-NUMBER error 表二 第3行「本年废止件数」列',
      'CELL-NUMBER error 表二 第3行「现行有效件数」列',
    ]);
    expect(direct['02-高新区-表三不平衡']).toHaveLength(2);
  });
});
