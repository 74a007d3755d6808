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
  /** 生成年度报告: the button, progress, refusal, result and the copy fallback. */
  makeReport: string;
  makingReport: string;
  reportRefused: (errors: number) => string;
  reportForce: string;
  reportCancel: string;
  reportReady: (title: string) => string;
  reportDownloaded: (file: string) => string;
  reportSavePrompted: (file: string) => string;
  reportNoSave: string;
  reportSaveRefused: string;
  reportForced: (errors: number) => string;
  reportSave: string;
  reportCopy: string;
  reportCopyHtml: string;
  reportClose: string;
  reportCopyHint: string;
  reportCopied: string;
  reportHtmlCopied: string;
  reportCopyFailed: string;
  reportPreviewLabel: string;
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
  makeReport: '生成年度报告',
  makingReport: '正在生成年度报告…',
  reportRefused: (errors) =>
    `工作簿有 ${errors} 项错误，未生成年度报告。请先按下方清单更正后再生成；确需现在生成时点“仍然生成”，报告首页会注明未通过校验，请勿据此报送或公开。`,
  reportForce: '仍然生成',
  reportCancel: '取消',
  reportReady: (title) => `已生成《${title}》。`,
  reportDownloaded: (file) => `Word 文档“${file}”已交给 Excel 保存，请看任务窗格下方的下载提示或“下载”文件夹。没有出现时，请用“复制报告”。`,
  reportSavePrompted: (file) => `已请求保存 Word 文档“${file}”，请在弹出的提示中选择“保存”。没有出现时，请用“复制报告”。`,
  reportNoSave:
    '这里的 Excel 不能由加载项直接保存文件。请点“复制报告”，在 Word 中新建文档后粘贴；或点“复制 HTML”，粘贴到网站内容管理系统的源代码（HTML）模式。需要 Word 文档时，也可用离线网页版“zwgk.html”生成。',
  reportSaveRefused: '此处的 Excel 拒绝了保存文件，请用“复制报告”或“复制 HTML”。',
  reportForced: (errors) => `报告首页已注明：所依据的工作簿未通过校验（${errors} 项错误）。更正工作簿并重新生成后，才能报送或公开。`,
  reportSave: '保存 Word 文档',
  reportCopy: '复制报告',
  reportCopyHtml: '复制 HTML',
  reportClose: '关闭',
  reportCopyHint: '“复制报告”后可直接粘贴到 Word（保留表格）；“复制 HTML”用于网站内容管理系统的源代码模式。',
  reportCopied: '已复制报告，可粘贴到 Word。',
  reportHtmlCopied: '已复制 HTML 源代码，可粘贴到网站内容管理系统的源代码模式。',
  reportCopyFailed: '此处不能自动复制，内容已选中，请按 Ctrl+C 复制。',
  reportPreviewLabel: '年度报告预览',
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
  makeReport: 'Make annual report',
  makingReport: 'Making the annual report…',
  reportRefused: (errors) =>
    `The workbook has ${errors} error(s); no annual report was made. Fix them (see the list below) and make it again; to make it now anyway, click “Make anyway”: its first page then says that it failed the checks, and it must not be submitted or published as it is.`,
  reportForce: 'Make anyway',
  reportCancel: 'Cancel',
  reportReady: (title) => `Made “${title}”.`,
  reportDownloaded: (file) => `The Word document “${file}” was handed to Excel to save: see the download bar at the bottom of the task pane or the Downloads folder. If nothing appears, use “Copy report”.`,
  reportSavePrompted: (file) => `Asked to save the Word document “${file}”: choose “Save” in the prompt. If nothing appears, use “Copy report”.`,
  reportNoSave:
    'This Excel does not let add-ins save files. Click “Copy report” and paste into a new Word document, or “Copy HTML” and paste into the source (HTML) view of the website’s CMS. The offline web page zwgk.html also makes the Word document.',
  reportSaveRefused: 'This Excel refused to save the file; use “Copy report” or “Copy HTML”.',
  reportForced: (errors) => `Its first page says that the workbook failed the checks (${errors} error(s)). Fix the workbook and make the report again before submitting or publishing it.`,
  reportSave: 'Save Word document',
  reportCopy: 'Copy report',
  reportCopyHtml: 'Copy HTML',
  reportClose: 'Close',
  reportCopyHint: '“Copy report” pastes into Word with its tables; “Copy HTML” is for the source view of a website’s CMS.',
  reportCopied: 'Report copied; paste it into Word.',
  reportHtmlCopied: 'HTML source copied; paste it into the source view of the CMS.',
  reportCopyFailed: 'Copying is not allowed here; the text is selected: press Ctrl+C.',
  reportPreviewLabel: 'Annual report preview',
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
