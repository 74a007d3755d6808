/**
 * Explains, in one paragraph, which defined names a workbook lacks. Host-neutral (no Node
 * built-ins) so the add-in can show the same sentence.
 */
import type { Locale } from '../../core/report';
import type { NameIssue, NameProblem, Snapshot } from '../../core/snapshot';
import { nameIssuesOfVersion } from '../../core/template-contract';

/** How many names are listed before "and N more". */
const LIST_LIMIT = 8;

function list(names: readonly string[], locale: Locale): string {
  const shown = names.slice(0, LIST_LIMIT);
  const rest = names.length - shown.length;
  if (locale === 'zh-CN') return shown.join('、') + (rest > 0 ? ` 等 ${names.length} 个` : '');
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

const PROBLEM_TEXT: Record<Exclude<NameProblem, 'missing'>, { zh: string; en: string }> = {
  'broken-ref': { zh: '指向已删除的单元格（#REF!）', en: 'point to deleted cells (#REF!)' },
  'bad-sheet': { zh: '指向不存在的工作表', en: 'point to a sheet that does not exist' },
  'not-a-cell': { zh: '没有指向单个单元格', en: 'do not point to a single cell' },
};

function byProblem(issues: readonly NameIssue[], problem: NameProblem): string[] {
  return issues.filter((i) => i.problem === problem).map((i) => i.name);
}

/**
 * One paragraph naming the missing (and otherwise unreadable) defined names of the workbook, or an
 * empty string when every name was read.
 */
export function describeMissingNames(snapshot: Snapshot, locale: Locale): string {
  // a name the workbook's template version never had is not asked, so not missing
  const issues = nameIssuesOfVersion(snapshot.nameIssues, snapshot.templateVersion);
  if (issues.length === 0) return '';
  const missing = byProblem(issues, 'missing');
  const parts: string[] = [];
  const zh = locale === 'zh-CN';
  if (missing.length > 0) {
    parts.push(
      zh
        ? `工作簿“${snapshot.source}”缺少 ${missing.length} 个标准定义名称（${list(missing, locale)}）：它不是标准模板，或者保存它的程序丢弃了定义名称；请下载最新标准模板，把数据填入后用 Excel 或 WPS 保存为 .xlsx 再校验。`
        : `The workbook "${snapshot.source}" lacks ${missing.length} of the standard defined names (${list(missing, locale)}): this is not the standard template, or it was saved by a program that dropped its names; download the current standard template, enter the data, save it as .xlsx with Excel or WPS and check it again.`,
    );
  }
  for (const problem of ['broken-ref', 'bad-sheet', 'not-a-cell'] as const) {
    const names = byProblem(issues, problem);
    if (names.length === 0) continue;
    const t = PROBLEM_TEXT[problem];
    parts.push(
      zh
        ? `${names.length} 个定义名称${t.zh}（${list(names, locale)}），请在“公式 → 名称管理器”中改正或改用标准模板。`
        : `${names.length} defined names ${t.en} (${list(names, locale)}): correct them in Formulas → Name Manager or use the standard template.`,
    );
  }
  return parts.join(zh ? '' : ' ');
}
