/**
 * The codes that are not rule ids: checks across units and years, file refusals, and the errors
 * of the command line, the annotated copy, the summary, the add-in and the web page. Rule ids come
 * from the rule files themselves (see registry.ts), never from a copy here.
 *
 * Placeholders: {file} a file as the user named it, {size} {limit} byte counts (shown in KB/MB),
 * {kind} {detail} localised descriptions, other keys as named.
 */
import type { CodeEntry } from './types';

const both = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * U-* and Y-* findings made by the summary and the previous-year matcher, not by rule files. The
 * severity and description of U-DUPLICATE, U-YEAR, U-SAME-TEXT and U-NOT-ON-ROSTER come from the
 * summary's own check tables (see registry.ts); these are the message templates.
 */
export const CROSS_CHECKS: readonly CodeEntry[] = [
  {
    code: 'U-DUPLICATE', kind: 'finding', area: 'across-units', tags: ['batch', 'unit'], severity: 'error',
    message: both(
      '统一社会信用代码 {code} 在本批次中出现 {count} 次（另见：{others}）：同一单位只应报送一份，请删除重复的文件或更正代码。',
      'The credit code {code} occurs {count} times in this batch (also in: {others}): keep one submission per unit, remove the duplicate file or correct the code.',
    ),
    description: both('同一批次中两份报送的统一社会信用代码或单位名称相同', 'Two submissions of a batch share a credit code or a unit name'),
  },
  {
    code: 'U-YEAR', kind: 'finding', area: 'across-units', tags: ['batch', 'year'], severity: 'error',
    message: both(
      '报告年度为 {year}，本批次其他报送为 {batchYear} 年度：请确认是否报错了文件或填错了年度。',
      'The report year is {year} while the rest of the batch reports {batchYear}: check whether the wrong file was sent or the year is mistyped.',
    ),
    description: both('报告年度与本批次多数报送不同', 'The report year differs from the year of most submissions of the batch'),
  },
  {
    code: 'U-SAME-TEXT', kind: 'finding', area: 'across-units', tags: ['batch', 'narrative'], severity: 'warning',
    message: both(
      '文字部分“{section}”与本批次 {others} 的同一部分完全相同（{length} 字）。年度报告内容雷同的，按国办公开办函〔2021〕30号须追究责任：请各单位按本单位实际情况撰写。',
      'Narrative "{section}" is word for word the same as in {others} of this batch ({length} characters). Each unit writes its own report.',
    ),
    description: both('文字部分与本批次其他单位完全相同（雷同）', 'A narrative section word for word another unit’s in the batch'),
  },
  {
    code: 'U-NOT-ON-ROSTER', kind: 'finding', area: 'across-units', tags: ['batch', 'roster'], severity: 'warning',
    message: both('{message}', '{message}'),
    description: both('报送单位不在应报送单位名册中', 'A submitting unit is not on the roster'),
  },
  {
    code: 'U-MISSING', kind: 'finding', area: 'across-units', tags: ['batch', 'roster'], severity: 'warning',
    message: both(
      '名册中的单位“{label}”{codeNote}没有报送：请催报，或确认名册是否需要更新。',
      'The roster unit "{label}"{codeNote} has not submitted: remind the unit, or check whether the roster is out of date.',
    ),
    description: both('名册中的单位没有报送（给出名册时）', 'A unit of the roster has not submitted (when a roster is given)'),
  },
  {
    code: 'Y-MATCH-NAME', kind: 'finding', area: 'across-years', tags: ['year', 'previous'], severity: 'info',
    message: both(
      '上年报告“{previousFile}”是按单位名称“{name}”匹配的（上年代码 {previousCode}，本年代码 {code}）：请确认是同一单位，跨年度校验以此为准。',
      'Last year\'s workbook "{previousFile}" was matched by the unit name "{name}" (last year\'s code {previousCode}, this year\'s {code}): make sure it is the same unit; the checks across years use it.',
    ),
    description: both('上年报告按单位名称而不是统一社会信用代码匹配', "Last year's workbook was matched by unit name, not by credit code"),
  },
  {
    code: 'Y-NO-PREVIOUS', kind: 'finding', area: 'across-years', tags: ['year', 'previous'], severity: 'info',
    message: both(
      '上年报告目录中没有找到本单位（{who}）的报告，未进行跨年度校验（上年结转等）。',
      'No workbook of last year was found for this unit ({who}); the checks across years (carry-over etc.) did not run.',
    ),
    description: both('给出上年报告目录时没有找到本单位上年的报告', "No workbook of last year for the unit in the given folder of last year's submissions"),
  },
];

/** Why a file could not be read (the reader's refusals and the guard around it). */
export const REFUSALS: readonly CodeEntry[] = [
  {
    code: 'empty-file', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both(
      '文件“{file}”是空文件（0 字节），无法读取：请重新保存或重新获取填写好的年报工作簿。',
      'The file "{file}" is empty (0 bytes): save it again or get the filled-in report workbook again.',
    ),
    description: both('空文件', 'An empty file'),
  },
  {
    code: 'too-large', kind: 'refusal', area: 'reader', tags: ['file', 'limit'],
    message: both(
      '文件“{file}”大小为 {size}，超过 {limit} 的上限，不像年报工作簿：请确认选对了文件，或删除其中的图片等大对象后另存再试。',
      'The file "{file}" is {size}, over the {limit} limit for a report workbook: check that this is the right file, or remove pictures and other large objects, save and try again.',
    ),
    description: both('文件超过大小上限（--max-size）', 'The file is over the size limit (--max-size)'),
  },
  {
    code: 'not-spreadsheet', kind: 'refusal', area: 'reader', tags: ['file', 'format'],
    message: both(
      '文件“{file}”不是电子表格，而是{kind}：请选择用标准模板填写的 Excel 工作簿（.xlsx）。',
      'The file "{file}" is not a spreadsheet but {kind}: choose the Excel workbook (.xlsx) filled in from the standard template.',
    ),
    description: both('文件不是电子表格（PDF、Word 等）', 'The file is not a spreadsheet (PDF, Word …)'),
  },
  {
    code: 'csv-not-supported', kind: 'refusal', area: 'reader', tags: ['file', 'format'],
    message: both(
      '文件“{file}”是纯文本（CSV/TXT）文件，没有指标的定义名称，无法按指标读取：请用标准模板填写后保存为 Excel 工作簿（.xlsx）。',
      'The file "{file}" is plain text (CSV/TXT) and carries no indicator names, so it cannot be read: fill in the standard template and save it as an Excel workbook (.xlsx).',
    ),
    description: both('CSV/TXT 文件没有定义名称', 'A CSV/TXT file has no defined names'),
  },
  {
    code: 'encrypted', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both(
      '文件“{file}”设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存后再校验。',
      'The file "{file}" is protected with a password (encrypted) and cannot be read: open it in Excel or WPS, clear the password under File → Info → Protect Workbook → Encrypt with Password, save, and check it again.',
    ),
    description: both('加密工作簿', 'An encrypted workbook'),
  },
  {
    code: 'corrupt', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both(
      '文件“{file}”已损坏或不完整（{detail}），无法读取：请在 Excel 或 WPS 中打开并另存为 .xlsx，或重新获取原文件。',
      'The file "{file}" is damaged or incomplete ({detail}) and cannot be read: open it in Excel or WPS and save it as .xlsx, or get the original file again.',
    ),
    description: both('文件损坏或被截断', 'A damaged or truncated file'),
  },
  {
    code: 'zip-bomb', kind: 'refusal', area: 'reader', tags: ['file', 'limit'],
    message: both(
      '文件“{file}”解压后至少有 {size}，超过 {limit} 的安全上限，已拒绝读取：年报工作簿不会这么大，请确认文件来源，必要时在 Excel 中另存为 .xlsx 后再试。',
      'The file "{file}" unpacks to at least {size}, over the {limit} safety limit, so it was not read: a report workbook is never this large; check where the file came from and, if it is genuine, save it again as .xlsx in Excel.',
    ),
    description: both('解压后超过安全上限的“压缩炸弹”', 'A zip bomb: unpacks to more than the safety limit'),
  },
  {
    code: 'wps-et', kind: 'refusal', area: 'reader', tags: ['file', 'format'],
    message: both(
      '文件“{file}”是 WPS 表格专用格式（.et），无法读取：请在 WPS 中用“另存为”保存为 Excel 工作簿（.xlsx）后再校验。',
      'The file "{file}" is in the WPS Spreadsheets format (.et), which cannot be read: in WPS use "Save As" to save it as an Excel workbook (.xlsx) and check it again.',
    ),
    description: both('WPS .et 文件', 'A WPS .et file'),
  },
  {
    code: 'unsupported-format', kind: 'refusal', area: 'reader', tags: ['file', 'format'],
    message: both(
      '文件“{file}”是{kind}，不支持这种格式：请在原软件中另存为 Excel 工作簿（.xlsx）后再校验。',
      'The file "{file}" is {kind}, a format that is not supported: save it as an Excel workbook (.xlsx) in the program that made it and check it again.',
    ),
    description: both('不支持的表格格式（Numbers、Excel 2003 XML 等）', 'An unsupported spreadsheet format (Numbers, Excel 2003 XML …)'),
  },
  {
    code: 'file-not-found', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both('找不到文件“{file}”：请检查路径和文件名。', 'The file "{file}" does not exist: check the path and the file name.'),
    description: both('文件不存在', 'The file does not exist'),
  },
  {
    code: 'not-a-file', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both('“{file}”不是文件（可能是文件夹）：请指定一个工作簿文件。', '"{file}" is not a file (perhaps a folder): name a workbook file.'),
    description: both('给出的路径不是文件', 'The path is not a file'),
  },
  {
    code: 'unreadable', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both(
      '无法打开文件“{file}”（{reason}）：请检查文件权限，或关闭正在使用它的程序后再试。',
      'The file "{file}" cannot be opened ({reason}): check its permissions, or close the program that is using it, and try again.',
    ),
    description: both('文件无法打开（权限、占用）', 'The file cannot be opened (permissions, in use)'),
  },
  {
    code: 'no-report-tables', kind: 'refusal', area: 'reader', tags: ['file', 'report'],
    message: both(
      '文件“{file}”中找不到年度报告的表二、表三或表四（表格可能是图片，或这不是政府信息公开工作年度报告），无法校验：请提供表格为文字的 Word 文档或网页。',
      'The file "{file}" holds none of the report\'s tables 2, 3 or 4 as a table (they may be pictures, or this is not an annual disclosure report), so it cannot be checked: provide a Word document or web page whose tables are text.',
    ),
    description: both('报告文档（.docx、.html）中找不到表二、表三、表四', 'A report document (.docx, .html) with none of tables 2, 3, 4'),
  },
  {
    code: 'timeout', kind: 'refusal', area: 'reader', tags: ['file', 'limit'],
    message: both(
      '文件“{file}”在 {seconds} 秒内未能读取和校验完，已跳过：它可能含有异常庞大或损坏的内容，请在 Excel 或 WPS 中打开检查后另存为 .xlsx 再试（也可用 --timeout 放宽时限）。',
      'The file "{file}" could not be read and checked within {seconds} seconds and was skipped: it may hold abnormally large or damaged content; open it in Excel or WPS, save it as .xlsx and try again (or allow more time with --timeout).',
    ),
    description: both('读取超时（--timeout）', 'Reading took longer than the time limit (--timeout)'),
  },
  {
    code: 'out-of-memory', kind: 'refusal', area: 'reader', tags: ['file', 'limit'],
    message: both(
      '文件“{file}”读取或校验时所需内存超过 {megabytes} MB 的上限，已跳过：年报工作簿不会这么大，请删除多余的工作表、大量空行或超长的文字后另存为 .xlsx 再试。',
      'Reading or checking the file "{file}" needed more than the {megabytes} MB memory limit, so it was skipped: a report workbook is never this large; delete extra sheets, masses of empty rows or overlong text, save it as .xlsx and try again.',
    ),
    description: both('读取所需内存超过上限', 'Reading needed more memory than the limit'),
  },
  {
    code: 'reader-crashed', kind: 'refusal', area: 'reader', tags: ['file'],
    message: both(
      '读取文件“{file}”时读取程序意外终止（{detail}），已跳过：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
      'The reader stopped unexpectedly on the file "{file}" ({detail}), so it was skipped: open it in Excel or WPS, save it as .xlsx and try again.',
    ),
    description: both('读取程序意外终止', 'The reader stopped unexpectedly'),
  },
  {
    code: 'internal', kind: 'refusal', area: 'cli', tags: ['file'],
    message: both('处理该文件时出错：{detail}', 'Could not process the file: {detail}'),
    description: both('处理一个文件时发生内部错误（zwgk validate）', 'An internal error while processing one file (zwgk validate)'),
  },
  {
    code: 'internal-error', kind: 'refusal', area: 'summary', tags: ['file'],
    message: both(
      '读取或校验时发生内部错误（{detail}）：请把该文件另存为 .xlsx 后再试；如仍出错，请报告此问题。',
      'Internal error while reading or validating ({detail}): save the file as .xlsx and try again; if it persists, report the problem.',
    ),
    description: both('汇总时读取或校验一个文件发生内部错误', 'An internal error while reading or validating one file of a summary'),
  },
];

/** Errors of the hosts: the command line, outputs, rules, rosters, the add-in. */
export const HOST_ERRORS: readonly CodeEntry[] = [
  {
    code: 'cli-usage', kind: 'error', area: 'cli', tags: ['usage'],
    message: both('{detail}', '{detail}'),
    description: both('命令行参数有误（消息指出是哪个参数、应当怎样写），退出码 2', 'Bad command-line options (the message names the option and what it takes); exit code 2'),
  },
  {
    code: 'input-not-found', kind: 'error', area: 'cli', tags: ['input'],
    message: both('{path}：找不到该文件或文件夹，请检查路径。', '{path}: no such file or folder; check the path.'),
    description: both('给出的文件或文件夹不存在', 'A named file or folder does not exist'),
  },
  {
    code: 'input-empty-folder', kind: 'error', area: 'cli', tags: ['input'],
    message: both('{path}：文件夹中没有报送文件（.xlsx、.xlsm、.xls、.ods 工作簿或 .docx、.html 年度报告）。', '{path}: the folder holds no submission (.xlsx, .xlsm, .xls, .ods workbook or .docx, .html report).'),
    description: both('文件夹中没有报送文件（或只有本工具生成的文件）', 'A folder holds no submission (or only files this tool wrote)'),
  },
  {
    code: 'input-folder-unreadable', kind: 'error', area: 'cli', tags: ['input'],
    message: both(
      '{path}：无法打开该文件夹（{reason}），其中的文件未校验；其余文件照常处理。请检查文件夹权限。',
      "{path}: the folder cannot be opened ({reason}); its files were not checked, the rest went on. Check the folder's permissions.",
    ),
    description: both('文件夹无法打开', 'A folder cannot be opened'),
  },
  {
    code: 'input-broken-link', kind: 'error', area: 'cli', tags: ['input'],
    message: both('{path}：这是一个快捷方式（符号链接），但它指向的文件不存在，请检查。', '{path}: a symbolic link whose target does not exist; check it.'),
    description: both('符号链接指向的文件不存在', 'A symbolic link to nothing'),
  },
  {
    code: 'input-not-file', kind: 'error', area: 'cli', tags: ['input'],
    message: both(
      '{path}：名称像工作簿，但不是普通文件（管道、设备或套接字），未读取。请报送真正的文件。',
      '{path}: named like a workbook but not a regular file (a pipe, device or socket); not read. Submit a real file.',
    ),
    description: both('不是普通文件（管道、设备）', 'Not a regular file (a pipe, a device)'),
  },
  {
    code: 'not-a-workbook', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both('{path}：不是工作簿文件（扩展名不是 .xlsx、.xls、.ods 等），未读取。', '{path}: not a workbook file (the extension is not .xlsx, .xls, .ods …); not read.'),
    description: both('文件夹中跳过的非工作簿文件', 'A file of a folder that is not a workbook, skipped'),
  },
  {
    code: 'lock-file', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both('{path}：Excel 或 WPS 打开文件时留下的临时锁定文件，未读取。', '{path}: a temporary lock file left by Excel or WPS; not read.'),
    description: both('跳过的 Excel/WPS 临时锁定文件', 'A lock file of Excel or WPS, skipped'),
  },
  {
    code: 'hidden-folder', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both('{path}：隐藏文件夹或程序文件夹，未查找。', '{path}: a hidden or program folder; not searched.'),
    description: both('跳过的隐藏文件夹', 'A hidden folder, skipped'),
  },
  {
    code: 'link-loop', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both('{path}：链接指向已经查找过的文件夹（循环链接），未重复查找。', '{path}: a link to a folder already searched (a link loop); not searched again.'),
    description: both('循环链接，未重复查找', 'A link loop, not searched again'),
  },
  {
    code: 'same-file', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both('{path}：与“{first}”是同一个文件（链接），只校验一次。', '{path}: the same file as "{first}" (a link); checked once.'),
    description: both('同一文件的链接，只校验一次', 'A link to a file already checked'),
  },
  {
    code: 'own-output', kind: 'error', area: 'cli', tags: ['input', 'skipped'],
    message: both(
      '{path}：这是 zwgk 生成的{what}，不是单位报送，未计入（如确要校验它，请直接给出该文件）。',
      "{path}: {what} written by zwgk, not a unit's submission; left out (name the file itself to validate it).",
    ),
    description: both('zwgk 自己生成的汇总工作簿或问题标注副本，未计入', 'A summary or marked copy written by zwgk, left out'),
  },
  {
    code: 'output-is-input', kind: 'error', area: 'cli', tags: ['output'],
    message: both(
      '{option} “{file}”是本次要读取的文件，不能写入（加 --force 也不行），否则原文件会被覆盖：请换一个输出文件名或文件夹。',
      '{option} "{file}" is one of the files this run reads and cannot be written, not even with --force, or the original would be lost: choose another output name or folder.',
    ),
    description: both('输出文件就是输入文件', 'The output is one of the inputs'),
  },
  {
    code: 'output-folder-unwritable', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法创建标注副本文件夹“{dir}”：{why}。请换一个文件夹。', 'Cannot create the folder for annotated copies "{dir}": {why}. Choose another folder.'),
    description: both('无法创建标注副本文件夹', 'The folder for marked copies cannot be created'),
  },
  {
    code: 'output-folder-not-folder', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法写入“{file}”：“{folder}”是一个文件，不是文件夹，请换一个输出路径。', 'Cannot write "{file}": "{folder}" is a file, not a folder; choose another output path.'),
    description: both('输出路径中有一部分是文件而不是文件夹', 'Part of the output path is a file, not a folder'),
  },
  {
    code: 'output-read-only', kind: 'error', area: 'cli', tags: ['output'],
    message: both(
      '无法写入“{file}”：该位置是只读的（如光盘、只读共享或写保护的 U 盘），请换一个可写的文件夹。',
      'Cannot write "{file}": the location is read-only (a disc, a read-only share or a write-protected USB stick); choose a writable folder.',
    ),
    description: both('输出位置只读', 'The output location is read-only'),
  },
  {
    code: 'output-name-too-long', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法写入“{file}”：文件名或路径太长，请换一个短一些的名称。', 'Cannot write "{file}": the file name or path is too long; choose a shorter name.'),
    description: both('输出文件名或路径太长', 'The output name or path is too long'),
  },
  {
    code: 'rules-too-large', kind: 'error', area: 'cli', tags: ['rules', 'limit'],
    message: both(
      '规则文件 {file} 有 {size} MB，超过 {limit} MB 的上限：规则文件只放规则，请检查是否放错了文件。',
      'The rule file {file} is {size} MB, over the {limit} MB limit: a rule file holds only rules; check that it is the right file.',
    ),
    description: both('规则文件超过大小上限', 'A rule file over the size limit'),
  },
  {
    code: 'previous-empty', kind: 'error', area: 'cli', tags: ['input', 'previous'],
    message: both('--previous {dir}：没有找到上一年度的报送文件，请检查路径。', '--previous {dir}: no workbook of last year found; check the path.'),
    description: both('--previous 没有找到上年的报送文件', "--previous found no workbook of last year"),
  },
  {
    code: 'output-exists', kind: 'error', area: 'cli', tags: ['output'],
    message: both(
      '文件“{file}”已存在，未覆盖：请换一个文件名，或加 --force 覆盖原文件。',
      'The file "{file}" already exists and was left unchanged; choose another name or add --force to replace it.',
    ),
    description: both('输出文件已存在且没有 --force', 'The output file exists and --force was not given'),
  },
  {
    code: 'output-folder-missing', kind: 'error', area: 'cli', tags: ['output'],
    message: both(
      '无法写入“{file}”：文件夹“{folder}”不存在，请先创建该文件夹或换一个输出路径。',
      'Cannot write "{file}": the folder "{folder}" does not exist; create it or choose another output path.',
    ),
    description: both('输出文件夹不存在', 'The output folder does not exist'),
  },
  {
    code: 'output-is-folder', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法写入“{file}”：这是一个文件夹，请给出文件名（如 {example}）。', 'Cannot write "{file}": it is a folder; give a file name (e.g. {example}).'),
    description: both('输出路径是文件夹', 'The output path is a folder'),
  },
  {
    code: 'output-not-writable', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法写入“{file}”：没有写入权限，请换一个文件夹或检查文件权限。', 'Cannot write "{file}": permission denied; choose another folder or check the permissions.'),
    description: both('没有写入权限', 'No permission to write'),
  },
  {
    code: 'output-disk-full', kind: 'error', area: 'cli', tags: ['output'],
    message: both('无法写入“{file}”：磁盘空间不足，请清理磁盘后重试。', 'Cannot write "{file}": the disk is full; free some space and try again.'),
    description: both('磁盘空间不足', 'The disk is full'),
  },
  {
    code: 'rules-dir', kind: 'error', area: 'cli', tags: ['rules'],
    message: both('找不到规则文件夹 {dir}。请检查路径。', 'Cannot read the rules folder {dir}. Check the path.'),
    description: both('规则文件夹不存在', 'The rules folder does not exist'),
  },
  {
    code: 'rules-invalid', kind: 'error', area: 'cli', tags: ['rules'],
    message: both('校验规则文件有问题，请修改后重试：{detail}', 'The rule files have problems; fix them and try again: {detail}'),
    description: both('规则文件不是有效的 JSON 或没有通过检查', 'A rule file is not valid JSON or fails the checks'),
  },
  {
    code: 'roster-empty', kind: 'error', area: 'summary', tags: ['roster'],
    message: both(
      '名册“{file}”是空的：请在第一行写表头（单位代码、单位名称、单位类型），下面每行一个单位。',
      'The roster "{file}" is empty: put a header row (单位代码, 单位名称, 单位类型 or code, name, type) and one unit per row below it.',
    ),
    description: both('名册为空', 'The roster is empty'),
  },
  {
    code: 'roster-no-columns', kind: 'error', area: 'summary', tags: ['roster'],
    message: both(
      '名册“{file}”的第一行没有“单位代码”（或“统一社会信用代码”）列，也没有“单位名称”列：请加上这样的表头。',
      'The first row of the roster "{file}" has neither a "单位代码"/"code" column nor a "单位名称"/"name" column: add such a header.',
    ),
    description: both('名册没有单位代码或单位名称列', 'The roster has no code or name column'),
  },
  {
    code: 'roster-not-found', kind: 'error', area: 'summary', tags: ['roster'],
    message: both('无法读取名册“{file}”：文件不存在或没有读取权限，请检查路径。', 'Cannot read the roster "{file}": the file does not exist or is not readable; check the path.'),
    description: both('名册文件不存在', 'The roster file does not exist'),
  },
  {
    code: 'roster-unreadable', kind: 'error', area: 'summary', tags: ['roster'],
    message: both(
      '无法读取名册“{file}”：文件已损坏或不是表格文件，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再试。',
      'Cannot read the roster "{file}": the file is damaged or not a spreadsheet; save it as .xlsx or .csv and try again.',
    ),
    description: both('名册文件无法读取', 'The roster file cannot be read'),
  },
  {
    code: 'roster-format', kind: 'error', area: 'summary', tags: ['roster'],
    message: both('名册“{file}”的格式不支持：请使用 .xlsx、.xls、.ods 或 .csv 文件。', 'The roster "{file}" has an unsupported format: use an .xlsx, .xls, .ods or .csv file.'),
    description: both('名册格式不支持', 'The roster format is not supported'),
  },
  {
    code: 'annotate-not-xlsx', kind: 'error', area: 'annotate', tags: ['output'],
    message: both(
      '无法为“{file}”写出标注副本：它不是有效的 .xlsx/.xlsm 文件。请在 Excel 或 WPS 中另存为 .xlsx 后重试。',
      'Cannot write an annotated copy of "{file}": it is not a valid .xlsx/.xlsm file. Save it as .xlsx in Excel or WPS and try again.',
    ),
    description: both('标注副本只支持 .xlsx/.xlsm', 'Annotated copies need an .xlsx/.xlsm file'),
  },
  {
    code: 'annotate-failed', kind: 'error', area: 'annotate', tags: ['output'],
    message: both(
      '无法为“{file}”写出标注副本：文件内部结构无法识别（{detail}）。请在 Excel 中另存为 .xlsx 后重试。',
      'Cannot write an annotated copy of "{file}": its internal structure is not recognised ({detail}). Save it as .xlsx in Excel and try again.',
    ),
    description: both('工作簿内部结构无法识别，不能写标注副本', 'The workbook structure is not recognised; no annotated copy'),
  },
  {
    code: 'addin-timeout', kind: 'error', area: 'addin', tags: ['excel'],
    message: both('Excel 在 30 秒内没有响应', 'Excel did not answer within 30 seconds'),
    description: both('Excel 没有及时响应加载项', 'Excel did not answer the add-in in time'),
  },
  {
    code: 'addin-no-insert', kind: 'error', area: 'addin', tags: ['excel'],
    message: both('此版本的 Excel 不能插入模板工作表', 'this version of Excel cannot insert template sheets'),
    description: both('Excel 版本不支持插入工作表（ExcelApi 1.13）', 'This Excel cannot insert worksheets (ExcelApi 1.13)'),
  },
  {
    code: 'addin-no-new-workbook', kind: 'error', area: 'addin', tags: ['excel'],
    message: both('此版本的 Excel 不能由加载项新建工作簿', 'this version of Excel does not let add-ins create workbooks'),
    description: both('Excel 版本不允许加载项新建工作簿', 'This Excel does not let add-ins create workbooks'),
  },
];
