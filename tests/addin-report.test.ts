/**
 * 生成年度报告 in the task pane, without Office: the open workbook is the fake Excel host's sample
 * (two errors: 表三 NEW row total 13 instead of 12, so T3-ROWSUM and T3-BALANCE), read through the real
 * ExcelAdapter and checked by the real rules, as the pane does. The pane refuses it unless forced; the
 * forced .docx and HTML say on their first page that it failed the checks; a clean workbook gives the
 * same bytes as `zwgk report` and the web page (the same core and writers). Which way the file is handed
 * over is chosen per webview, with the copy fallback where downloads cannot work.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ExcelAdapter, detectCapabilities } from '../src/addin/excel-adapter';
import type { ExcelRun } from '../src/addin/excel-adapter';
import { buildAnnualReport, errorCount, reportFileName } from '../src/addin/annual-report';
import { paneStrings } from '../src/addin/i18n';
import { chooseSaveMethod, type SaveEnvironment } from '../src/addin/save-method';
import { previewText } from '../src/addin/taskpane/report-panel';
import { SmallTextEncoder, encodeUtf8 } from '../src/addin/taskpane/text-encoder';
import type { Finding } from '../src/core/report';
import type { Snapshot } from '../src/core/snapshot';
import { buildReportDocx } from '../src/io/report/docx';
import { buildReportHtml } from '../src/io/report/html';
import { FakeHost } from './e2e/fake-excel';
import { realValidator } from './e2e/node-rules';
import { sampleModel, type SampleOptions } from './e2e/sample-workbook';

const DATE = new Date('2025-01-20T08:00:00Z');
const TITLE = '某某县人民政府办公室2024年政府信息公开工作年度报告';

async function openWorkbook(values?: SampleOptions['values']): Promise<{ snapshot: Snapshot; findings: Finding[] }> {
  const host = new FakeHost(sampleModel({ values }));
  const adapter = new ExcelAdapter(host.run as unknown as ExcelRun, detectCapabilities((n, v) => host.isSetSupported(n, v)));
  const snapshot = await adapter.readSnapshot();
  const report = await realValidator().validate(snapshot, { locale: 'zh-CN' });
  return { snapshot, findings: report.findings };
}

/** The text of word/document.xml, paragraph by paragraph. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
    .filter((t) => t !== '');
}

describe('the workbook with errors', () => {
  let wb: { snapshot: Snapshot; findings: Finding[] };
  beforeAll(async () => {
    wb = await openWorkbook();
  });

  test('is refused unless forced, naming the number of errors', async () => {
    expect(wb.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['T3-BALANCE', 'T3-ROWSUM']);
    expect(errorCount(wb.findings)).toBe(2);
    expect(await buildAnnualReport(wb.snapshot, wb.findings)).toEqual({ kind: 'refused', errors: 2 });
    expect(paneStrings('zh-CN').reportRefused(2)).toBe(
      '工作簿有 2 项错误，未生成年度报告。请先按下方清单更正后再生成；确需现在生成时点“仍然生成”，报告首页会注明未通过校验，请勿据此报送或公开。',
    );
  });

  test('forced, the .docx and the HTML say on the first page that it failed the checks', async () => {
    const result = await buildAnnualReport(wb.snapshot, wb.findings, { force: true, date: DATE });
    if (result.kind !== 'ready') throw new Error('not made');
    const { report } = result;
    expect(report.errors).toBe(2);
    expect(report.fileName).toBe(`${TITLE}.docx`);
    const notice = `注意：本报告所依据的工作簿未通过校验，有 2 项错误，表格或文字可能有误。请更正工作簿并重新生成后再报送或公开。`;
    const paragraphs = docxParagraphs(report.docx);
    // Title, then the notice and the two error messages, before the first section.
    expect(paragraphs[0]).toBe(TITLE);
    expect(paragraphs[1]).toBe(notice);
    expect(paragraphs.slice(2, 4).map((p) => p.slice(0, 2))).toEqual(['· ', '· ']);
    expect(paragraphs.indexOf('一、总体情况')).toBeGreaterThan(3);
    expect(report.html).toContain(`<p style="margin:0">${notice}</p>`);
    expect(report.html.indexOf(notice)).toBeLessThan(report.html.indexOf('一、总体情况'));
    // The same bytes as `zwgk report --force` writes for the same snapshot and findings.
    expect(Buffer.from(report.docx).equals(Buffer.from(await buildReportDocx(wb.snapshot, { failedFindings: wb.findings, date: DATE })))).toBe(true);
    expect(report.html).toBe(buildReportHtml(wb.snapshot, { failedFindings: wb.findings }));
    // The pane's plain-text copy starts the same way.
    expect(previewText(report.doc).split('\r\n').slice(0, 2)).toEqual([TITLE, notice]);
  });
});

test('a clean workbook is made at once, without a notice, byte for byte as zwgk report makes it', async () => {
  const wb = await openWorkbook({ T3_NEW_SUM: 12, W_PRESS: 12, W_INTERP_MEDIA: 1 });
  expect(errorCount(wb.findings)).toBe(0);
  const result = await buildAnnualReport(wb.snapshot, wb.findings, { date: DATE });
  if (result.kind !== 'ready') throw new Error('not made');
  expect(result.report.doc.notice).toBeNull();
  expect(result.report.errors).toBe(0);
  const paragraphs = docxParagraphs(result.report.docx);
  expect(paragraphs[0]).toBe(TITLE);
  expect(paragraphs[1]).toBe(result.report.doc.blocks[0].kind === 'paragraph' ? result.report.doc.blocks[0].text : null);
  expect(paragraphs.some((p) => p.includes('未通过校验'))).toBe(false);
  expect(Buffer.from(result.report.docx).equals(Buffer.from(await buildReportDocx(wb.snapshot, { date: DATE })))).toBe(true);
  expect(result.report.html).toBe(buildReportHtml(wb.snapshot));
});

test('a title with characters Windows refuses still gives a file name', () => {
  const doc = { title: 'A/B:C*县?2024年政府信息公开工作年度报告', unitName: '', year: 2024, notice: null, blocks: [] };
  expect(reportFileName(doc)).toBe('A_B_C_县_2024年政府信息公开工作年度报告.docx');
  expect(reportFileName({ ...doc, title: ' .. ' })).toBe('政府信息公开工作年度报告.docx');
});

describe('how the .docx is handed over, per webview', () => {
  const env = (over: Partial<SaveEnvironment>): SaveEnvironment => ({ platform: 'PC', msSaveOrOpenBlob: false, anchorDownload: true, blobUrls: true, ...over });
  test.each([
    ['Office on Windows, WebView2', 'download', env({})],
    ['Office on the web', 'download', env({ platform: 'OfficeOnline' })],
    ['Trident (Office 2016/2019)', 'msSaveOrOpenBlob', env({ msSaveOrOpenBlob: true, anchorDownload: false })],
    ['Trident without msSaveOrOpenBlob', 'none', env({ anchorDownload: false })],
    ['EdgeHTML without msSaveOrOpenBlob', 'download', env({ msSaveOrOpenBlob: false })],
    ['Office on Mac', 'none', env({ platform: 'Mac' })],
    ['Office on iPad', 'none', env({ platform: 'iOS' })],
    ['unknown host without Blob URLs', 'none', env({ platform: null, blobUrls: false })],
  ] as const)('%s → %s', (_name, method, e) => {
    expect(chooseSaveMethod(e)).toBe(method);
  });

  test('where nothing can be saved, the pane says how to copy instead', () => {
    expect(paneStrings('zh-CN').reportNoSave).toBe(
      '这里的 Excel 不能由加载项直接保存文件。请点“复制报告”，在 Word 中新建文档后粘贴；或点“复制 HTML”，粘贴到网站内容管理系统的源代码（HTML）模式。需要 Word 文档时，也可用离线网页版“zwgk.html”生成。',
    );
  });
});

test('the TextEncoder stand-in (Trident) encodes as TextEncoder does', () => {
  for (const text of ['', 'abc', '政府信息公开工作年度报告', 'é ß € 𠀋 😀', 'lone \ud800 and \udc00 surrogates', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
    expect(Array.from(encodeUtf8(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  }
  expect(new SmallTextEncoder().encoding).toBe('utf-8');
});
