/**
 * `zwgk report 工作簿.xlsx -o 年度报告.docx`: writes the unit's 政府信息公开工作年度报告 in the
 * national format (国办公开办函〔2021〕30号) from its checked workbook, as a Word document or as an
 * HTML fragment for a website's CMS. A workbook with errors is refused (exit 1) unless --force; the
 * report then says on its first page that it failed the checks.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { isUserError } from '../../core/errors';
import { Validator, loadRuleSet } from '../../core/validator';
import { writeFileAtomic } from '../../io/atomic-write';
import { loadRuleSources } from '../../io/load-rules';
import { readWorkbookFile } from '../../io/read-workbook';
import { buildReportDocx } from '../../io/report/docx';
import { buildReportHtml } from '../../io/report/html';
import { parseCommandArgs, type OptionSpec } from '../args';
import { CliContext, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, t } from '../context';
import { InputSet, outputIsInput } from '../input-set';

function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：zwgk report 工作簿 [-o 输出文件] [选项]

由校验通过的工作簿生成政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）：标题、一、总体情况，
表二、表三、表四（官方表头和合并单元格），五、存在的主要问题及改进情况，六、其他需要报告的事项（含信息处理费）。
Word 文档按党政机关公文格式排版（A4、仿宋三号正文、小标宋标题、“— 1 —”页码）。

选项：
  -o, --output 文件        输出文件（默认：工作簿同目录下“<工作簿名>-年度报告.docx/.html”）
  --format docx|html       Word 文档（默认）或可粘贴到网站内容管理系统的 HTML 片段
  --rules 文件夹           追加本地规则文件夹（可多次使用）
  --landscape              表三单独排在一张横向页面上（默认与全文一样纵向，表三在纵向页面上也排得下）
  --force                  工作簿有错误时仍然生成（首页注明未通过校验）；覆盖已存在的输出文件
  --lang zh|en             语言（默认中文）
  -h, --help               显示本帮助

退出码：0 已生成；1 工作簿有错误，未生成（加 --force 可生成）；2 用法错误或无法写出；3 工作簿无法读取。
`,
    `Usage: zwgk report WORKBOOK [-o OUTPUT] [options]

Writes the annual government-information-disclosure report in the national format from a checked
workbook: title, I. overview, tables 2, 3 and 4 (official headers and merged cells), V. problems,
VI. other matters (with the information-processing fee statement). The Word document follows the
official-document layout (A4, FangSong 16 pt body, page numbers "— 1 —").

Options:
  -o, --output FILE        output file (default: "<workbook>-年度报告.docx/.html" next to the workbook)
  --format docx|html       Word document (default) or an HTML fragment for a website's CMS
  --rules DIR              add a folder of local rules (repeatable)
  --landscape              put table 3 on a landscape page of its own (default: portrait, where it fits too)
  --force                  write even when the workbook has errors (the first page says so); replace an existing output
  --lang zh|en             language (default Chinese)
  -h, --help               show this help

Exit codes: 0 written; 1 the workbook has errors, nothing written (--force writes anyway); 2 usage error or output not writable; 3 unreadable workbook.
`,
  );
}

function usageError(ctx: CliContext, zh: string, en: string): number {
  ctx.stderr.write(`${t(ctx, zh, en)}\n${t(ctx, '查看用法：zwgk report --help', 'See: zwgk report --help')}\n`);
  return EXIT_USAGE;
}

/** Every option of `zwgk report` (the help lists each one). */
export const REPORT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string', default: 'docx' },
  rules: { type: 'string', multiple: true },
  landscape: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies OptionSpec;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs('zwgk report', argv, REPORT_OPTIONS, ctx);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(ctx, '请指定一个工作簿。', 'Name one workbook.');
  if (positionals.length > 1) {
    return usageError(ctx, `一次只能由一个工作簿生成年度报告，这里给了 ${positionals.length} 个。`, `One workbook at a time: ${positionals.length} were given.`);
  }
  const format = values.format as string;
  if (format !== 'docx' && format !== 'html') {
    return usageError(ctx, `未知的格式“${format}”，可选 docx、html。`, `Unknown format "${format}": use docx or html.`);
  }
  const input = positionals[0];
  if (await stat(input).then((st) => st.isDirectory(), () => false)) {
    return usageError(ctx, `“${input}”是文件夹：zwgk report 由一个工作簿文件生成报告，请给出其中的一个工作簿。`, `"${input}" is a folder: zwgk report makes the report of one workbook file; name one.`);
  }
  const output = values.output ?? join(dirname(input), `${basename(input, extname(input))}-年度报告.${format}`);
  // The name says what the file is: a Word document named .pdf, or a report named like a workbook
  // (which a later --force would write over a unit's submission), is refused.
  const wanted = format === 'docx' ? ['.docx'] : ['.html', '.htm'];
  if (!wanted.includes(extname(output).toLowerCase())) {
    return usageError(
      ctx,
      `输出文件“${output}”的扩展名与格式不符：--format ${format} 写出的是${format === 'docx' ? ' Word 文档，文件名须以 .docx 结尾' : ' HTML 片段，文件名须以 .html 或 .htm 结尾'}。`,
      `The output "${output}" does not match the format: --format ${format} writes ${format === 'docx' ? 'a Word document, named *.docx' : 'an HTML fragment, named *.html or *.htm'}.`,
    );
  }
  const force = values.force === true;
  // The report never replaces the file it is made from, whatever the flags.
  const inputs = new InputSet();
  await inputs.add(input);
  if (await inputs.contains(output)) throw outputIsInput(output, '-o');

  const validator = new Validator(loadRuleSet(await loadRuleSources(values.rules?.length ? [undefined, ...values.rules] : undefined)));
  let snapshot;
  try {
    snapshot = await readWorkbookFile(input);
  } catch (e) {
    if (!isUserError(e)) throw e;
    ctx.stderr.write(`${e.messageIn(ctx.locale)}\n`);
    return EXIT_UNREADABLE;
  }
  const report = await validator.validate(snapshot, { locale: ctx.locale });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !force) {
    ctx.stderr.write(
      t(
        ctx,
        `${input}：工作簿有 ${errors.length} 项错误，未生成年度报告。请先运行 zwgk validate ${input} 查看并更正；确需生成时加 --force（报告首页会注明未通过校验）。\n`,
        `${input}: the workbook has ${errors.length} error(s); no report written. Run zwgk validate ${input} to see and fix them; add --force to write it anyway (its first page then says it failed the checks).\n`,
      ),
    );
    return EXIT_FINDINGS;
  }
  const failedFindings = errors.length > 0 ? report.findings : null;
  const bytes =
    format === 'docx'
      ? await buildReportDocx(snapshot, { failedFindings, landscape: values.landscape ? ['t3'] : [], source: basename(input) })
      : Buffer.from(buildReportHtml(snapshot, { failedFindings, source: basename(input) }), 'utf8');
  try {
    await writeFileAtomic(output, bytes, { force });
  } catch (e) {
    if (!isUserError(e)) throw e;
    ctx.stderr.write(`${e.messageIn(ctx.locale)}\n`);
    return EXIT_USAGE;
  }
  if (errors.length > 0) {
    ctx.stderr.write(
      t(ctx, `注意：工作簿有 ${errors.length} 项错误，报告首页已注明未通过校验。\n`, `Note: the workbook has ${errors.length} error(s); the report's first page says it failed the checks.\n`),
    );
  }
  ctx.stderr.write(t(ctx, `已生成年度报告：${output}\n`, `Report written: ${output}\n`));
  ctx.stdout.write(`${output}\n`);
  return EXIT_OK;
}
