/**
 * The bundled example of a generated annual report: a clean county bureau's workbook (same figures
 * as the clean example unit, its own name and texts) written as the national-format .docx with a
 * fixed date, so the committed file can be checked against a fresh build (scripts/build-examples.js
 * writes it, tests compare the two). A unit of its own, so validating or summarising examples/ does
 * not see one unit twice.
 */
import { readWorkbook } from '../io/read-workbook';
import { buildReportDocx } from '../io/report/docx';
import { writeTemplate } from '../io/template-writer';
import { cleanUnitValues, type ExampleValue } from './units';

export const EXAMPLE_REPORT = {
  /** File name in examples/. */
  file: '07-县司法局-年度报告.docx',
  /** Date stamped into the document (the unit's filing date). */
  date: new Date('2026-01-15T00:00:00Z'),
};

/** The workbook values the example report is written from. */
export function exampleReportValues(): Record<string, ExampleValue> {
  return {
    ...cleanUnitValues(),
    INFO_UNIT_NAME: 'XX县司法局',
    TXT_OVERVIEW:
      '2025年，我局以公开为常态、不公开为例外，围绕法治政府建设做好主动公开、政策解读和依申请公开工作。\n' +
      '（一）依申请公开。全年共收到政府信息公开申请13件，上年结转1件，办结13件，结转下年度继续办理1件。\n' +
      '（二）监督保障。全年发生政府信息公开行政复议1件，结果维持；未发生行政诉讼。',
    TXT_PROBLEMS:
      '（一）存在的问题。部分政策文件的解读还不够深入，基层公开目录更新不够及时。\n' +
      '（二）改进措施。建立解读与文件同步起草、同步审签、同步发布机制，每季度检查一次公开目录并通报。',
    TXT_OTHER:
      '（一）人大代表建议和政协提案办理结果公开情况。全年办理人大代表建议3件、政协提案2件，办理结果均已公开。\n' +
      '（二）其他事项。本年度无其他需要报告的事项。',
    TXT_FEE: '本年度未收取信息处理费。',
  };
}

/** The example report's bytes, built from its values through a real workbook. */
export async function exampleReportDocx(): Promise<Uint8Array> {
  const workbook = new Uint8Array(await writeTemplate({ values: exampleReportValues() }));
  const snapshot = readWorkbook(workbook, 'XX县司法局.xlsx');
  return buildReportDocx(snapshot, { date: EXAMPLE_REPORT.date });
}
