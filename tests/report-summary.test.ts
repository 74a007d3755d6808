/**
 * `zwgk summary` over published reports: a coordinator points it at a folder of the departments'
 * Word and web reports and gets one row per unit, their findings located in the documents, and
 * the 合计 tables over the reports without errors.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { main } from '../src/cli/main';
import { readWorkbookFile } from '../src/io/read-workbook';
import { buildReportDocx } from '../src/io/report/docx';
import { buildReportHtml } from '../src/io/report/html';
import { Capture } from './helpers/cli';

const EXAMPLES = join(__dirname, '..', 'examples');

it('summarises a folder of Word and web reports, with the findings across them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-report-summary-'));
  const reports = join(dir, '各部门年报');
  mkdirSync(reports);
  const clean = await readWorkbookFile(join(EXAMPLES, '01-县教育局-合格.xlsx'));
  const unbalanced = await readWorkbookFile(join(EXAMPLES, '02-高新区-表三不平衡.xlsx'));
  writeFileSync(join(reports, '县教育局.docx'), await buildReportDocx(clean));
  writeFileSync(join(reports, '高新区.html'), buildReportHtml(unbalanced));
  const out = join(dir, '汇总.xlsx');
  const code = await main(['summary', reports, '-o', out], { stdout: new Capture(), stderr: new Capture() });
  expect(code).toBe(1);

  const wb = XLSX.readFile(out);
  // Each sheet has a title block above its header row: read from the row that starts with 序号 / 单位名称.
  const table = (sheet: string, first: string) => {
    const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1 });
    const at = grid.findIndex((r) => r[0] === first);
    const header = grid[at] as string[];
    return grid.slice(at + 1).filter((r) => r.length > 0).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  };
  const rows = table('汇总', '序号');
  expect(rows.map((r) => [r['单位名称'], r['文件'], r['状态'], r['错误数'], r['计入合计'], r['本年新收']])).toEqual([
    ['XX县教育局', join(reports, '县教育局.docx'), '有警告', 0, '是', 13],
    ['XX高新技术产业开发区管委会', join(reports, '高新区.html'), '有错误', 2, '否', 3],
  ]);
  const issues = table('问题清单', '序号');
  // The two examples share their 五、存在的主要问题 word for word: 内容雷同, found across the reports.
  expect(issues.map((r) => [r['文件'], r['检查项'], r['工作表'], r['单元格']])).toEqual([
    [join(reports, '高新区.html'), 'T3-BALANCE', '表三', '表三 第4行「自然人」列、表三 第5行「自然人」列、表三 第27行「自然人」列、表三 第28行「自然人」列'],
    [join(reports, '高新区.html'), 'T3-BALANCE', '表三', '表三 第4行「总计」列、表三 第5行「总计」列、表三 第27行「总计」列、表三 第28行「总计」列'],
    [join(reports, '县教育局.docx'), 'U-SAME-TEXT', '五、存在的主要问题及改进情况', '正文“五、存在的主要问题及改进情况”'],
    [join(reports, '高新区.html'), 'U-SAME-TEXT', '五、存在的主要问题及改进情况', '正文“五、存在的主要问题及改进情况”'],
  ]);
});
