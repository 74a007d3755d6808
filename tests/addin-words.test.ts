/**
 * Words a clerk reads: the task pane (both languages, every message of its own) and the 填报说明 sheet of
 * the template never ask anyone to run a command line, and “定义名称” always comes with where Excel and
 * WPS show it (公式 → 名称管理器, or the name box).
 */
import * as XLSX from 'xlsx';
import { paneStrings, type PaneStrings } from '../src/addin/i18n';
import { writeTemplate } from '../src/io/template-writer';

/** Every text of the pane, with the functions called on sample arguments. */
function paneTexts(s: PaneStrings): string[] {
  return Object.entries(s).flatMap(([key, v]) => {
    if (typeof v === 'string') return [`${key}: ${v}`];
    if (typeof v === 'function') {
      const args = [2, 3, 1, 0, 2].map((n, i) => (key === 'summaryWritten' && i === 0 ? ['汇总'] : key === 'skippedChecks' ? ['TXT-A'] : key === 'quickFixToNumber' && i === 0 ? '12' : key === 'failed' || key === 'summaryReading' ? 'x' : n));
      return [`${key}: ${String((v as (...a: unknown[]) => string)(...args))}`];
    }
    return Object.values(v as Record<string, string>).map((t) => `${key}: ${t}`);
  });
}

const COMMAND_LINE = /命令行|命令“|\bzwgk (?:validate|template|summary|rules)\b|\bnpm\b|\bnpx\b|command line/i;

test.each(['zh-CN', 'en'] as const)('the pane (%s) never asks for a command line', (locale) => {
  const texts = paneTexts(paneStrings(locale));
  expect(texts.length).toBeGreaterThan(40);
  expect(texts.filter((t) => COMMAND_LINE.test(t))).toEqual([]);
  expect(texts.filter((t) => /zwgk summary/.test(t))).toEqual([]);
});

test('the pane names 定义名称 together with 公式 → 名称管理器', () => {
  const zh = paneTexts(paneStrings('zh-CN')).filter((t) => t.includes('定义名称'));
  expect(zh).toEqual(['notTemplate: 当前工作簿不是标准指标工作簿（缺少 2 个定义名称，可在“公式”→“名称管理器”中查看），无法校验。请在标准模板中填报，或插入一套新的模板工作表。']);
});

test('the template’s 填报说明 points to the add-in button, not to a command, and says where names are seen', async () => {
  const wb = XLSX.read(await writeTemplate(), { type: 'array' });
  const ws = wb.Sheets['填报说明'];
  const text = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 }).flat().filter((v) => typeof v === 'string').join('\n');
  expect(text).not.toMatch(COMMAND_LINE);
  expect(text).toContain('点击“开始”选项卡上的“校验年报”');
  expect(text).toContain('离线网页版“zwgk.html”');
  expect(text).toContain('“公式”→“名称管理器”');
});
