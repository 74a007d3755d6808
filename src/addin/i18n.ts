/**
 * Strings of the task pane, zh-CN first. Messages of findings come from the core (finding.messages);
 * only the pane's own chrome lives here.
 */
import type { Locale, Severity } from '../core/report';

export interface PaneStrings {
  title: string;
  validate: string;
  validating: string;
  markCells: string;
  clearMarks: string;
  autoRecheck: string;
  /** Summary line: counts are filled in by summaryLine(). */
  severity: Record<Severity, string>;
  filterLabel: string;
  noFindings: string;
  notValidatedYet: string;
  notTemplate: (missing: number) => string;
  insertTemplate: string;
  templateUnavailable: string;
  templateInserted: string;
  marksAdded: (cells: number, notes: boolean) => string;
  marksCleared: (n: number) => string;
  notesUnavailable: string;
  fixApplied: string;
  failed: (detail: string) => string;
  languageLabel: string;
  cellLabel: string;
  quickFixToNumber: (text: string, n: number) => string;
  hiddenByFilter: (n: number) => string;
  tabCheck: string;
  tabSummary: string;
  summaryIntro: string;
  pickFiles: string;
  picked: (n: number) => string;
  noFilesPicked: string;
  moreFiles: (n: number) => string;
  targetLabel: string;
  targetCurrent: string;
  targetNew: string;
  newWorkbookUnavailable: string;
  runSummary: string;
  summaryReading: (done: number, total: number, file: string) => string;
  summaryWriting: string;
  summaryWritten: (sheets: string[], files: number, errors: number, unreadable: number, inSums: number) => string;
  summaryOpened: (files: number, errors: number, unreadable: number, inSums: number) => string;
  unitColumn: string;
  statusColumn: string;
  errorsColumn: string;
  /** The checks this engine cannot run (old Excel on Windows or Mac), with where to run them all. */
  skippedChecks: (ids: readonly string[]) => string;
}

const ZH: PaneStrings = {
  title: '政务公开年报校验',
  validate: '校验',
  validating: '正在校验…',
  markCells: '标记单元格',
  clearMarks: '清除标记',
  autoRecheck: '编辑后自动重新校验',
  severity: { error: '错误', warning: '警告', info: '提示' },
  filterLabel: '显示',
  noFindings: '未发现问题。',
  notValidatedYet: '点击“校验”检查当前工作簿。',
  notTemplate: (missing) =>
    `当前工作簿不是标准指标工作簿（缺少 ${missing} 个定义名称，可在“公式”→“名称管理器”中查看），无法校验。请在标准模板中填报，或插入一套新的模板工作表。`,
  insertTemplate: '插入标准模板工作表',
  templateUnavailable: '此版本的 Excel 不能插入模板工作表。请向上级政务公开办索取标准模板，在模板中填报。',
  templateInserted: '已插入标准模板工作表，请在其中填报后再校验。',
  marksAdded: (cells, notes) => `已标记 ${cells} 个单元格${notes ? '并添加批注' : ''}；“清除标记”可全部移除。`,
  marksCleared: (n) => `已清除 ${n} 处标记，单元格原有格式未改动。`,
  notesUnavailable: '此版本的 Excel 不支持由加载项添加批注，仅用颜色标记。',
  fixApplied: '已修正，正在重新校验…',
  failed: (detail) => `操作未完成：${detail}。请重试；如仍失败，请关闭并重新打开任务窗格。`,
  languageLabel: '界面语言',
  cellLabel: '单元格',
  quickFixToNumber: (text, n) => `将文本 ‘${text}’ 转为数字 ${n}`,
  hiddenByFilter: (n) => `另有 ${n} 条被筛选隐藏`,
  tabCheck: '校验',
  tabSummary: '汇总',
  summaryIntro:
    '选择各单位报送的年报工作簿，逐个校验后写出三张工作表：“汇总”（每个单位一行）、“问题清单”（各单位的问题和重复报送等单位之间的问题）和“合计”（没有错误的单位各项指标之和，按名称逐项列出）。文件只在本机读取，不会上传。需要核对应报单位名册（未报送）、与上一年度对比或标准格式的合计各表时，请用离线网页版“zwgk.html”的“汇总”。',
  pickFiles: '选择报送文件…',
  picked: (n) => `已选择 ${n} 个文件`,
  noFilesPicked: '尚未选择文件（可多选 .xlsx、.xlsm、.xls、.ods）。',
  moreFiles: (n) => `等，另有 ${n} 个`,
  targetLabel: '写入',
  targetCurrent: '当前工作簿（新增工作表）',
  targetNew: '新建工作簿',
  newWorkbookUnavailable: '此版本的 Excel 不能由加载项新建工作簿，汇总将写入当前工作簿。',
  runSummary: '生成汇总',
  summaryReading: (done, total, file) => `正在校验 ${done + 1} / ${total}：${file}`,
  summaryWriting: '正在写入汇总表…',
  summaryWritten: (sheets, files, errors, unreadable, inSums) =>
    `已写入工作表${sheets.map((n) => `“${n}”`).join('')}：共 ${files} 个文件，${errors} 个有错误，${unreadable} 个无法读取；合计计入 ${inSums} 个单位。`,
  summaryOpened: (files, errors, unreadable, inSums) =>
    `已在新工作簿中生成汇总：共 ${files} 个文件，${errors} 个有错误，${unreadable} 个无法读取；合计计入 ${inSums} 个单位。`,
  unitColumn: '单位',
  statusColumn: '状态',
  errorsColumn: '错误',
  skippedChecks: (ids) =>
    `这台电脑上的 Excel 显示加载项用的浏览器组件较旧，以下 ${ids.length} 项检查（用到较新的正则表达式写法）在加载项中无法运行：${ids.join('、')}。其余检查照常进行；如需完整检查，请用离线网页版“zwgk.html”（在 Edge、Chrome 等浏览器中打开）。`,
};

const EN: PaneStrings = {
  title: 'Annual report check',
  validate: 'Check',
  validating: 'Checking…',
  markCells: 'Mark cells',
  clearMarks: 'Clear marks',
  autoRecheck: 'Re-check automatically after edits',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  filterLabel: 'Show',
  noFindings: 'No problems found.',
  notValidatedYet: 'Click “Check” to check this workbook.',
  notTemplate: (missing) =>
    `This workbook is not the standard indicator workbook (${missing} defined names are missing), so it cannot be checked. Fill in the standard template, or insert a fresh set of template sheets.`,
  insertTemplate: 'Insert template sheets',
  templateUnavailable:
    'This version of Excel cannot insert template sheets. Ask your supervising unit for the standard template and fill it in.',
  templateInserted: 'Template sheets inserted. Fill them in, then check again.',
  marksAdded: (cells, notes) => `Marked ${cells} cells${notes ? ' and added notes' : ''}; “Clear marks” removes them all.`,
  marksCleared: (n) => `Removed ${n} marks; the cells' own formatting is unchanged.`,
  notesUnavailable: 'This version of Excel does not let add-ins add notes; cells are marked with colour only.',
  fixApplied: 'Fixed; checking again…',
  failed: (detail) => `The action did not finish: ${detail}. Try again; if it keeps failing, close and reopen the task pane.`,
  languageLabel: 'Language',
  cellLabel: 'Cell',
  quickFixToNumber: (text, n) => `Convert the text ‘${text}’ to the number ${n}`,
  hiddenByFilter: (n) => `${n} more hidden by the filter`,
  tabCheck: 'Check',
  tabSummary: 'Summary',
  summaryIntro:
    'Pick the units’ workbooks: each is checked, then three sheets are written: “汇总” (one row per unit), “问题清单” (each unit’s findings and those between units, such as duplicates) and “合计” (the sums over the units without errors, one row per defined name). The files are read on this computer only and never uploaded. For the roster check (units that did not submit), last year’s comparison or the totals in the standard template layout, use the Summary of the offline web page zwgk.html.',
  pickFiles: 'Choose files…',
  picked: (n) => `${n} ${n === 1 ? 'file' : 'files'} chosen`,
  noFilesPicked: 'No files chosen yet (several .xlsx, .xlsm, .xls or .ods files at once).',
  moreFiles: (n) => `and ${n} more`,
  targetLabel: 'Write to',
  targetCurrent: 'this workbook (new sheets)',
  targetNew: 'a new workbook',
  newWorkbookUnavailable: 'This version of Excel does not let add-ins create workbooks; the summary goes into this workbook.',
  runSummary: 'Make summary',
  summaryReading: (done, total, file) => `Checking ${done + 1} / ${total}: ${file}`,
  summaryWriting: 'Writing the summary sheets…',
  summaryWritten: (sheets, files, errors, unreadable, inSums) =>
    `Wrote the sheets ${sheets.map((n) => `“${n}”`).join(', ')}: ${files} files, ${errors} with errors, ${unreadable} unreadable; ${inSums} units in the totals.`,
  summaryOpened: (files, errors, unreadable, inSums) =>
    `Opened the summary in a new workbook: ${files} files, ${errors} with errors, ${unreadable} unreadable; ${inSums} units in the totals.`,
  unitColumn: 'Unit',
  statusColumn: 'Status',
  errorsColumn: 'Errors',
  skippedChecks: (ids) =>
    `This Excel shows add-ins in an older browser engine, which cannot run these ${ids.length} checks (they use newer regular-expression syntax): ${ids.join(', ')}. All other checks run; for the full check use the offline web page zwgk.html in Edge or Chrome.`,
};

export function paneStrings(locale: Locale): PaneStrings {
  return locale === 'en' ? EN : ZH;
}

/** Picks the pane language from Office's display language: English for en-*, Chinese otherwise. */
export function localeFromDisplayLanguage(displayLanguage: string | undefined | null): Locale {
  return typeof displayLanguage === 'string' && /^en\b/i.test(displayLanguage) ? 'en' : 'zh-CN';
}

/** "错误 2 · 警告 1 · 提示 0" */
export function summaryLine(locale: Locale, counts: Record<Severity, number>): string {
  const s = paneStrings(locale).severity;
  return `${s.error} ${counts.error} · ${s.warning} ${counts.warning} · ${s.info} ${counts.info}`;
}
