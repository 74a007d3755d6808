/**
 * Round trip for every bundled example: workbook → `zwgk report` (.docx and HTML) → `zwgk validate`
 * reads back the same table cells and texts, and the same findings on them (the checks of
 * workbook-only details, such as the credit code, do not apply to documents).
 */
import { join } from 'node:path';
import { INDICATORS } from '../src/core/catalogue';
import type { Finding } from '../src/core/report';
import { paragraphsOf, shownText } from '../src/core/report-doc/build';
import { carriedByDocument, findingsForOrigin } from '../src/core/report-doc/document-rules';
import type { Snapshot } from '../src/core/snapshot';
import { EXAMPLE_UNITS } from '../src/examples/units';
import { readWorkbookFile } from '../src/io/read-workbook';
import { readReportDocument } from '../src/io/report-reader';
import { buildReportDocx } from '../src/io/report/docx';
import { buildReportHtml } from '../src/io/report/html';
import { validator } from './helpers/rules';

const NOW = new Date('2026-11-25T00:00:00Z');

const TABLE_NAMES = INDICATORS.filter((i) => ['T2', 'T3', 'T4'].includes(i.group)).map((i) => i.name);
const TEXT_NAMES = ['TXT_OVERVIEW', 'TXT_PROBLEMS', 'TXT_OTHER', 'TXT_FEE'];

/** rule, severity, the names involved and the numbers behind the message. */
const essence = (f: Finding) => ({ rule: f.rule, severity: f.severity, names: f.cells.map((c) => c.name), values: f.values });

function texts(s: Snapshot, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, paragraphsOf(shownText(s, n)).join('\n')]));
}

describe.each(EXAMPLE_UNITS.map((u) => [u.file]))('round trip of %s', (file) => {
  let workbook: Snapshot;
  let workbookFindings: Finding[];
  beforeAll(async () => {
    workbook = await readWorkbookFile(join(__dirname, '..', 'examples', `${file}.xlsx`));
    workbookFindings = (await validator.validate(workbook, { now: NOW })).findings;
  });

  it.each([['docx'], ['html']])('as %s: same cells, texts and findings', async (format) => {
    const bytes =
      format === 'docx'
        ? await buildReportDocx(workbook, { failedFindings: workbookFindings, date: NOW })
        : new TextEncoder().encode(buildReportHtml(workbook, { failedFindings: workbookFindings }));
    const doc = readReportDocument(bytes, `${file}.${format}`);
    expect(doc.origin).toBe('document');
    expect(texts(doc, TABLE_NAMES)).toEqual(texts(workbook, TABLE_NAMES));
    expect(texts(doc, TEXT_NAMES)).toEqual(texts(workbook, TEXT_NAMES));
    expect(shownText(doc, 'INFO_UNIT_NAME')).toBe(shownText(workbook, 'INFO_UNIT_NAME'));
    expect(doc.cells.INFO_YEAR.value).toBe(workbook.cells.INFO_YEAR.value);
    for (const name of TABLE_NAMES) expect(doc.cells[name].cls).toBe(workbook.cells[name].cls);

    const docFindings = (await validator.validate(doc, { now: NOW })).findings;
    const expected = findingsForOrigin({ ...workbook, origin: 'document' }, workbookFindings);
    // Same findings; their order follows each host's parts (a document's 一 and 五 are separate parts).
    const sorted = (fs: Finding[]) => fs.map(essence).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    expect(sorted(docFindings)).toEqual(sorted(expected));
    // Every finding on a document points into the document.
    for (const f of docFindings) for (const c of f.cells) expect(carriedByDocument(c.name) && c.location).toBeTruthy();
  });
});
