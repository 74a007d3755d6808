/**
 * The bundled example of a generated annual report: the clean example unit's workbook written as
 * the national-format .docx, with a fixed date so the committed file can be checked against a
 * fresh build (scripts/build-examples.js writes it, tests compare the two).
 */
import { readWorkbook } from '../io/read-workbook';
import { buildReportDocx } from '../io/report/docx';
import { writeTemplate } from '../io/template-writer';
import { EXAMPLE_UNITS } from './units';

export const EXAMPLE_REPORT = {
  /** The example unit the report is written from. */
  unit: '01-县教育局-合格',
  /** File name in examples/. */
  file: '01-县教育局-合格-年度报告.docx',
  /** Date stamped into the document (the unit's filing date). */
  date: new Date('2026-01-15T00:00:00Z'),
};

/** The example report's bytes, built from the example unit's values through a real workbook. */
export async function exampleReportDocx(): Promise<Uint8Array> {
  const unit = EXAMPLE_UNITS.find((u) => u.file === EXAMPLE_REPORT.unit);
  if (!unit) throw new Error(`no example unit ${EXAMPLE_REPORT.unit}`);
  const workbook = new Uint8Array(await writeTemplate({ values: unit.values }));
  const snapshot = readWorkbook(workbook, `${unit.file}.xlsx`);
  return buildReportDocx(snapshot, { date: EXAMPLE_REPORT.date });
}
