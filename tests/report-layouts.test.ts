/**
 * Published reports as real authors lay them out, read by `zwgk validate`: each fixture is built by
 * code (tests/helpers/report-fixtures.ts) with the figures of a real report, names replaced, and
 * must give exactly the findings a reviewer expects, located in the document.
 */
import { isUserError } from '../src/core/errors';
import type { Finding } from '../src/core/report';
import { readReportDocument } from '../src/io/report-reader';
import {
  ReportParts,
  Values,
  buildDocx,
  buildHtml,
  buildWordHtml,
  reportBlocks,
  t2,
  t2Table,
  t3,
  t3Body,
  t3Header,
  t4,
  t4Table,
} from './helpers/report-fixtures';
import { NOW, validator } from './helpers/rules';

const brief = (f: Finding): string => `${f.rule} ${f.severity} ${f.cells.map((c) => c.location ?? c.address).join(' | ')}`;

async function check(bytes: Uint8Array, name: string): Promise<string[]> {
  const snapshot = readReportDocument(bytes, name);
  const report = await validator.validate(snapshot, { now: NOW });
  return report.findings.map(brief);
}

const FEE = '本年度未收取信息处理费。';

function standard(title: string, values: Values, extra: Partial<ReportParts> = {}): ReportParts {
  return {
    title,
    values,
    t2: t2Table(values),
    t3: [[...t3Header(), ...t3Body(values)]],
    t4: t4Table(values),
    problems: ['一是政策解读形式不够丰富；二是栏目更新不够及时。下一步将加强培训，逐项整改。'],
    other: [FEE],
    ...extra,
  };
}

// 某市政府办公室 2022: 34 applications, all from natural persons, all answered; 5 normative documents
// made, 12 repealed, 8 in force (a district office's 2022 表二).
const CITY_OFFICE: Values = {
  ...t2({ T2_NORM_ISSUED: 5, T2_NORM_REPEALED: 12, T2_NORM_VALID: 8, T2_LICENSE: 126, T2_PENALTY: 0 }),
  ...t3({
    NEW: { NAT: 34 },
    OPEN: { NAT: 20 },
    PARTIAL: { NAT: 5 },
    NA_NOTHELD: { NAT: 6 },
    NP_REPEAT: { NAT: 3 },
    TOTAL: { NAT: 34 },
  }),
  ...t4({}),
};

describe('report documents laid out as real authors do', () => {
  it('Word: 三、本年度办理结果 and its sub-groups merged down with vMerge (clean report, no findings)', async () => {
    const parts = standard('某某市人民政府办公室2022年政府信息公开工作年度报告', CITY_OFFICE, {
      overview: ['2022年市政府办公室收到政府信息公开申请34件，均为自然人申请，全部已办结。', '全年未发生政府信息公开行政复议、行政诉讼。'],
    });
    expect(await check(buildDocx(reportBlocks(parts)), 'a.docx')).toEqual([]);
    const snap = readReportDocument(buildDocx(reportBlocks(parts)), 'a.docx');
    expect(snap.cells.INFO_UNIT_NAME.text).toBe('某某市人民政府办公室');
    expect(snap.cells.INFO_YEAR.value).toBe(2022);
    expect(snap.cells.T3_NP_REPEAT_NAT.value).toBe(3);
    expect(snap.cells.T3_NP_REPEAT_NAT.location).toBe('表三 第20行「自然人」列');
    expect(snap.cells.T2_NORM_REPEALED.value).toBe(12);
    expect(snap.cells.TXT_FEE.text).toBe(FEE);
  });

  it('Word: 表三 split over two pages, the second part a table of its own with the header repeated', async () => {
    // A county's 123 applications; the author typed 2 into 结转下年度 总计 with nothing beside it.
    const values: Values = {
      ...t2({ T2_NORM_ISSUED: 3, T2_NORM_VALID: 41, T2_LICENSE: 2210, T2_PENALTY: 57, T2_FEE: 26.55 }),
      ...t3({
        NEW: { NAT: 100, BIZ: 15, LAW: 8 },
        OPEN: { NAT: 80, BIZ: 10, LAW: 5 },
        PARTIAL: { NAT: 10 },
        NA_NOTHELD: { NAT: 10, BIZ: 5, LAW: 3 },
        TOTAL: { NAT: 100, BIZ: 15, LAW: 8 },
      }),
      T3_CARRYOUT_SUM: 2,
      ...t4({ REVIEW: { UPHELD: 2 } }),
    };
    const parts = standard('某某县人民政府2023年政府信息公开工作年度报告', values, {
      overview: ['2023年，全县共收到政府信息公开申请123件，均按时答复。全年发生行政复议2件，结果均为维持。'],
      t3: [
        [...t3Header(), ...t3Body(values, {}, 0, 12)],
        [...t3Header(), ...t3Body(values, {}, 12)],
      ],
    });
    // Rows count on across both parts: 15 rows in the first (3 header + 12), 3 repeated header rows.
    expect(await check(buildDocx(reportBlocks(parts), { headerRows: 3 }), 'b.docx')).toEqual([
      'T3-BALANCE error 表三 第4行「总计」列 | 表三 第5行「总计」列 | 表三 第30行「总计」列 | 表三 第31行「总计」列',
      'T3-ROWSUM error 表三 第31行「总计」列 | 表三 第31行「自然人」列 | 表三 第31行「商业企业」列 | 表三 第31行「科研机构」列 | 表三 第31行「社会公益组织」列 | 表三 第31行「法律服务机构」列 | 表三 第31行「其他」列',
    ]);
  });

  it('web page: rowspan/colspan tables inside a layout table, GB2312-encoded, with site navigation', async () => {
    // A town: 16 applications, 13 answered and 3 withdrawn; one review (the decision was revoked),
    // three lawsuits (all won).
    const values: Values = {
      ...t2({ T2_LICENSE: 12, T2_PENALTY: 4 }),
      ...t3({ NEW: { NAT: 16 }, OPEN: { NAT: 13 }, OT_OTHER: { NAT: 3 }, TOTAL: { NAT: 16 } }),
      ...t4({ REVIEW: { CORRECTED: 1 }, DIRECT: { UPHELD: 3 } }),
    };
    const parts = standard('某某县某某镇人民政府2023年政府信息公开工作年度报告', values, {
      overview: ['2023年，某某镇政府共受理政府信息公开申请16件，已办结13件（3件撤件）；被申请行政复议1件（已被撤销），被提起行政诉讼3件（均胜诉）。'],
    });
    const page = buildHtml(reportBlocks(parts), { gbk: true, layoutTable: true });
    expect(await check(page, 'c.html')).toEqual([]);
    const snapshot = readReportDocument(page, 'c.html');
    expect(snapshot.cells.INFO_UNIT_NAME.text).toBe('某某县某某镇人民政府');
    // The site's footer after 六 is not part of the report's text.
    expect(snapshot.cells.TXT_OTHER.text).toBe(FEE);
    expect(snapshot.cells.T4_REVIEW_CORRECTED.location).toBe('表四 第4行「行政复议 结果纠正」列');
  });

  it('WPS-saved .docx: its namespaces, runs split inside labels, a shape with a fallback copy', async () => {
    // A bureau: 24 applications (20 from people, 4 from businesses), one carried forward.
    const values: Values = {
      ...t2({ T2_NORM_ISSUED: 1, T2_NORM_VALID: 6, T2_PENALTY: 9 }),
      ...t3({
        NEW: { NAT: 20, BIZ: 4 },
        OPEN: { NAT: 15, BIZ: 3 },
        PARTIAL: { NAT: 2 },
        NA_NOTHELD: { NAT: 2, BIZ: 1 },
        TOTAL: { NAT: 19, BIZ: 4 },
        CARRYOUT: { NAT: 1 },
      }),
      ...t4({}),
    };
    const parts = standard('某某市某某局2022年政府信息公开工作年度报告', values, {
      overview: ['2022年，我局共收到公民、法人和其他组织提出的政府信息公开申请共24件，结转下年度继续办理1件。'],
    });
    const file = buildDocx(reportBlocks(parts), { wps: true, headerRows: 3 });
    expect(await check(file, 'd.docx')).toEqual([]);
    const snapshot = readReportDocument(file, 'd.docx');
    // The shape's fallback copy is not read as text.
    expect(snapshot.cells.TXT_OTHER.text).toBe(FEE);
    expect(snapshot.cells.T3_CARRYOUT_NAT.value).toBe(1);
  });

  it('"/" and blank cells: 表二 struck through with "/", 予以公开 总计 left blank', async () => {
    const values: Values = {
      ...t2({ T2_RULE_ISSUED: '/', T2_RULE_REPEALED: '/', T2_RULE_VALID: '/', T2_LICENSE: '/', T2_PENALTY: '/', T2_COERCE: '/', T2_FEE: '/' }),
      ...t3({ NEW: { NAT: 18 }, OPEN: { NAT: 18 }, TOTAL: { NAT: 18 } }),
      T3_OPEN_SUM: null,
      ...t4({}),
    };
    const parts = standard('某某市信访局2021年政府信息公开工作年度报告', values, {
      overview: ['2021年共收到政府信息公开申请18件，均予以公开。'],
    });
    // Each "/" is reported once; the sums over the blank 总计 are skipped, the blank itself reported.
    expect(await check(buildDocx(reportBlocks(parts)), 'e.docx')).toEqual([
      'CELL-NUMBER error 表二 第3行「本年制发件数」列',
      'CELL-NUMBER error 表二 第3行「本年废止件数」列',
      'CELL-NUMBER error 表二 第3行「现行有效件数」列',
      'CELL-NUMBER error 表二 第7行「本年处理决定数量」列',
      'CELL-NUMBER error 表二 第10行「本年处理决定数量」列',
      'CELL-NUMBER error 表二 第11行「本年处理决定数量」列',
      'CELL-NUMBER error 表二 第14行「本年收费金额（单位：万元）」列',
      'CELL-REQUIRED error 表三 第6行「总计」列',
    ]);
  });

  it('full-width digits, spaced labels and a one-row header; text and table disagree (2 vs 3)', async () => {
    const values: Values = {
      ...t2({ T2_NORM_VALID: 2 }),
      ...t3({ NEW: { NAT: 3 }, OPEN: { NAT: 2 }, NA_NOTHELD: { NAT: 1 }, TOTAL: { NAT: 3 } }),
      T3_NEW_NAT: '３',
      T3_NEW_SUM: '３',
      ...t4({}),
    };
    const parts = standard('某某市某某局２０２３年政府信息公开工作年度报告', values, {
      overview: ['２０２３年，本局共受理政府信息公开申请2件，均已按时答复。'],
      t3: [[...t3Header({ flatHeader: true, spacedLabels: true }), ...t3Body(values)]],
    });
    const snapshot = readReportDocument(buildDocx(reportBlocks(parts)), 'f.docx');
    expect(snapshot.cells.INFO_YEAR.value).toBe(2023);
    expect(snapshot.cells.T3_NEW_BIZ.location).toBe('表三 第2行「商业企业」列');
    expect(snapshot.cells.T3_NEW_SUM.value).toBe(3);
    expect(await check(buildDocx(reportBlocks(parts)), 'f.docx')).toEqual([
      'TXT-NUMBERS warning 正文“一、总体情况” | 表三 第2行「总计」列 | 表三 第3行「总计」列',
      'CELL-TEXTNUM warning 表三 第2行「自然人」列',
      'CELL-TEXTNUM warning 表三 第2行「总计」列',
    ]);
  });

  it('extra label columns: numbering in a column of its own; 表二 item numbers merged down the left', async () => {
    const parts = standard('某某区人民政府办公室2022年政府信息公开工作年度报告', CITY_OFFICE, {
      overview: ['2022年区政府办公室收到政府信息公开申请34件，全部已办结。'],
      t2: t2Table(CITY_OFFICE, { itemColumn: true, oldNormLabel: true }),
      t3: [[...t3Header({ numberColumn: true }), ...t3Body(CITY_OFFICE, { numberColumn: true })]],
    });
    expect(await check(buildHtml(reportBlocks(parts)), 'g.html')).toEqual([]);
  });

  it('表四 header written one character a line; 行政复议 总计 does not add up', async () => {
    const values: Values = { ...CITY_OFFICE, ...t4({ REVIEW: { UPHELD: 5, PENDING: 1 }, DIRECT: { UPHELD: 3 } }), T4_REVIEW_TOTAL: 5 };
    const parts = standard('某某区人民政府2023年政府信息公开工作年度报告', values, {
      overview: ['2023年区政府收到政府信息公开申请34件。发生行政复议6件，其中维持5件、尚未审结1件；行政诉讼3件，均维持。'],
      t4: t4Table(values, { verticalHeader: true }),
    });
    expect(await check(buildDocx(reportBlocks(parts)), 'h.docx')).toEqual([
      'TXT-NUMBERS warning 正文“一、总体情况” | 表四 第4行「行政复议 总计」列',
      'T4-SUM error 表四 第4行「行政复议 总计」列 | 表四 第4行「行政复议 结果维持」列 | 表四 第4行「行政复议 结果纠正」列 | 表四 第4行「行政复议 其他结果」列 | 表四 第4行「行政复议 尚未审结」列',
    ]);
  });

  it('a report without 表四 gets one DOC-TABLE finding', async () => {
    const parts = standard('某某县统计局2023年政府信息公开工作年度报告', CITY_OFFICE, {
      overview: ['2023年本局收到政府信息公开申请34件。'],
      t4: null,
    });
    expect(await check(buildDocx(reportBlocks(parts)), 'i.docx')).toEqual(['DOC-TABLE error ']);
  });

  it('tables inserted as pictures: one clear sentence, code no-report-tables', () => {
    const parts = standard('某某区国资局2022年政府信息公开工作年度报告', CITY_OFFICE, { t2: null, t3: null, t4: null });
    let caught: unknown;
    try {
      readReportDocument(buildDocx(reportBlocks(parts)), 'j.docx');
    } catch (e) {
      caught = e;
    }
    expect(isUserError(caught) && caught.code).toBe('no-report-tables');
  });

  it('a title without the year: the year comes from the statistical period of the preamble', async () => {
    const parts = standard('某某县审计局政府信息公开工作年度报告', CITY_OFFICE, {
      preamble: '本报告所列数据的统计期限自２０２４年１月１日起至２０２４年１２月３１日止。',
      overview: ['本年度收到政府信息公开申请34件。'],
    });
    const snapshot = readReportDocument(buildHtml(reportBlocks(parts)), 'k.html');
    expect(snapshot.cells.INFO_YEAR.value).toBe(2024);
    expect(snapshot.cells.INFO_YEAR.location).toBe('导语（统计期限）');
    expect(snapshot.cells.INFO_UNIT_NAME).toBeUndefined();
    expect(await check(buildHtml(reportBlocks(parts)), 'k.html')).toEqual([]);
  });

  it("Word's own web page export: GB2312, <o:p>, &nbsp; in empty cells, spacer cells closing each row", async () => {
    // 表三 of a district bureau: 自然人 7, one 商业企业; 结转 cells left empty (&nbsp;) by the author.
    const values: Values = {
      ...t2({ T2_NORM_ISSUED: 1, T2_NORM_VALID: 3, T2_LICENSE: 4 }),
      ...t3({ NEW: { NAT: 7, BIZ: 1 }, OPEN: { NAT: 5, BIZ: 1 }, NA_NOTHELD: { NAT: 2 }, TOTAL: { NAT: 7, BIZ: 1 } }),
      T3_CARRYOUT_NAT: '',
      T3_CARRYOUT_SUM: '',
      ...t4({}),
    };
    const parts = standard('某某区某某局2023年政府信息公开工作年度报告', values, {
      overview: ['2023年共收到政府信息公开申请8件，全部按时办结。'],
    });
    const page = buildWordHtml(reportBlocks(parts));
    expect(await check(page, 'l.htm')).toEqual([
      'CELL-REQUIRED error 表三 第28行「自然人」列',
      'CELL-REQUIRED error 表三 第28行「总计」列',
    ]);
    expect(readReportDocument(page, 'l.htm').cells.T3_OPEN_BIZ.location).toBe('表三 第6行「商业企业」列');
  });
});
