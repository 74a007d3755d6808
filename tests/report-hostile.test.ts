/**
 * Bad report documents get one sentence each, never a stack trace: damaged or cut-off .docx,
 * malformed XML, a document part that unpacks beyond the limit, nesting no editor writes, a
 * workbook renamed .docx (read as the workbook it is), markup in cells shown as text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { main } from '../src/cli/main';
import { isUserError } from '../src/core/errors';
import { cleanUnitValues } from '../src/examples/units';
import { readWorkbookFile } from '../src/io/read-workbook';
import { readReportDocument } from '../src/io/report-reader';
import { writeTemplate } from '../src/io/template-writer';
import { buildDocx, buildHtml, reportBlocks, t2, t2Table, t3, t3Body, t3Header, t4, t4Table } from './helpers/report-fixtures';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) return `${e.code}: ${e.messageIn('zh-CN')}`;
    throw e;
  }
  return 'read';
}

const VALUES = { ...t2({ T2_LICENSE: '<img src=x onerror="alert(1)">' }), ...t3({ NEW: { NAT: 1 }, OPEN: { NAT: 1 }, TOTAL: { NAT: 1 } }), ...t4({}) };
const BLOCKS = reportBlocks({
  title: '某某局2023年政府信息公开工作年度报告',
  values: VALUES,
  t2: t2Table(VALUES),
  t3: [[...t3Header(), ...t3Body(VALUES)]],
  t4: t4Table(VALUES),
  overview: ['本年度收到政府信息公开申请1件。'],
  other: ['本年度未收取信息处理费。'],
});

describe('damaged report documents', () => {
  it('a cut-off .docx', () => {
    const whole = buildDocx(BLOCKS);
    expect(refusal(() => readReportDocument(whole.subarray(0, whole.length - 200), 'cut.docx'))).toMatch(/^corrupt: 文件“cut.docx”已损坏或不完整（压缩结构损坏）/);
  });

  it('malformed XML in the document part', () => {
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>') });
    expect(refusal(() => readReportDocument(bad, 'bad.docx'))).toMatch(/^corrupt: .*XML 内容无法解析/);
  });

  it('a document part that unpacks beyond the limit is stopped while inflating', () => {
    const big = zipSync({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024).fill(0x20) });
    expect(refusal(() => readReportDocument(big, 'big.docx', 1024 * 1024))).toMatch(/^zip-bomb: 文件“big.docx”解压后超过 1 MB 的安全上限/);
  });

  it('elements nested far deeper than any editor writes', () => {
    const deep = strToU8(`<html><body>${'<div>'.repeat(200000)}x${'</div>'.repeat(200000)}</body></html>`);
    expect(refusal(() => readReportDocument(deep, 'deep.html'))).toMatch(/^corrupt: 文件“deep.html”已损坏或不完整（结构嵌套过深）/);
  });

  it('a page without report tables', () => {
    expect(refusal(() => readReportDocument(strToU8('<p>通知公告</p>'), 'news.html'))).toBe(
      'no-report-tables: 文件“news.html”中找不到年度报告的表二、表三或表四（表格可能是图片，或这不是政府信息公开工作年度报告），无法校验：请提供表格为文字的 Word 文档或网页。',
    );
  });
});

describe('through the CLI', () => {
  it('a workbook renamed .docx is read as the workbook it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-hostile-'));
    const file = join(dir, '年报.docx');
    writeFileSync(file, await writeTemplate({ values: cleanUnitValues() }));
    const snapshot = await readWorkbookFile(file);
    expect(snapshot.origin).toBeUndefined();
    expect(snapshot.cells.INFO_UNIT_CODE.text).toBe(cleanUnitValues().INFO_UNIT_CODE);
  });

  it('markup in a cell is shown as text in the HTML report; one bad file does not stop the batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-hostile-'));
    writeFileSync(join(dir, 'a.html'), buildHtml(BLOCKS));
    writeFileSync(join(dir, 'b.docx'), strToU8('PK\u0003\u0004 not really a zip'));
    writeFileSync(join(dir, 'c.docx'), buildDocx(BLOCKS));
    const out = join(dir, 'r.html');
    const stderr = new (class extends Writable {
      text = '';
      override _write(c: Buffer, _e: string, done: () => void) {
        this.text += c.toString();
        done();
      }
    })();
    const code = await main(['validate', join(dir, 'a.html'), join(dir, 'b.docx'), join(dir, 'c.docx'), '--format', 'html', '-o', out], { stdout: stderr, stderr });
    expect(code).toBe(3);
    const html = require('node:fs').readFileSync(out, 'utf8') as string;
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('b.docx');
    expect(html.split('表二 第7行「本年处理决定数量」列').length - 1).toBe(2);
    expect(stderr.text).not.toMatch(/内部错误|Internal error/);
  });
});
