/**
 * `zwgk template`: writes the standard indicator workbook for units to fill.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { REQUIRED_DEFINED_NAMES, TEMPLATE_ID, TEMPLATE_VERSION } from '../../core/catalogue';
import { isUserError } from '../../core/errors';
import { writeFileAtomic } from '../../io/atomic-write';
import { writeTemplate } from '../../io/template-writer';
import { YEAR_MAX, YEAR_MIN } from '../../io/template/validation';
import { type OptionSpec, parseCommandArgs } from '../args';
import { CliContext, EXIT_OK, EXIT_USAGE, t } from '../context';

export const DEFAULT_TEMPLATE_FILE = '政务公开年度报表.xlsx';

function help(ctx: CliContext): string {
  return (
    [
      t(ctx, '用法：zwgk template [-o 文件] [--year 年度] [--unit-name 单位名称] [--force]', 'Usage: zwgk template [-o FILE] [--year YEAR] [--unit-name NAME] [--force]'),
      '',
      t(
        ctx,
        `生成标准指标工作簿（${TEMPLATE_ID} ${TEMPLATE_VERSION}）：表二、表三、表四按国办公开办函〔2021〕30号格式，每个填写单元格带名称、输入提示和数据有效性。`,
        `Writes the standard indicator workbook (${TEMPLATE_ID} ${TEMPLATE_VERSION}): tables 2–4 in the national format, every input cell named, with input hints and data validation.`,
      ),
      '',
      t(ctx, '选项：', 'Options:'),
      t(ctx, `  -o, --output 文件    输出文件（默认 ${DEFAULT_TEMPLATE_FILE}；文件夹不存在时自动创建）`, `  -o, --output FILE    output file (default ${DEFAULT_TEMPLATE_FILE}; a missing folder is created)`),
      t(ctx, '  --year 年度          预填报告年度，如 2025', '  --year YEAR          pre-fill the report year, e.g. 2025'),
      t(ctx, '  --unit-name 名称     预填单位名称', '  --unit-name NAME     pre-fill the unit name'),
      t(ctx, '  --force              覆盖已存在的文件', '  --force              replace an existing file'),
      t(ctx, '  --lang zh|en         语言（默认中文）', '  --lang zh|en         language (default Chinese)'),
      t(ctx, '  -h, --help           显示本帮助', '  -h, --help           show this help'),
      '',
      t(ctx, '写出的文件路径输出到标准输出。', 'The path of the written file goes to stdout.'),
    ].join('\n') + '\n'
  );
}

function usageError(ctx: CliContext, zh: string, en: string): number {
  ctx.stderr.write(`${t(ctx, zh, en)}\n`);
  return EXIT_USAGE;
}

/** Every option of `zwgk template` (the help lists each one; a test holds them together). */
export const TEMPLATE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  year: { type: 'string' },
  'unit-name': { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies OptionSpec;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs('zwgk template', argv, TEMPLATE_OPTIONS, ctx);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    return usageError(
      ctx,
      `zwgk template 不接受参数“${positionals[0]}”：输出文件请用 -o 指定，如 zwgk template -o ${DEFAULT_TEMPLATE_FILE}。`,
      `zwgk template takes no argument "${positionals[0]}": give the output file with -o, e.g. zwgk template -o report.xlsx.`,
    );
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < YEAR_MIN || year > YEAR_MAX) {
      return usageError(
        ctx,
        `--year 应为 ${YEAR_MIN}–${YEAR_MAX} 之间的四位年份，收到的是“${values.year}”。`,
        `--year must be a four-digit year from ${YEAR_MIN} to ${YEAR_MAX}; got "${values.year}".`,
      );
    }
  }
  const unitName = values['unit-name']?.trim();
  if (values['unit-name'] !== undefined && !unitName) {
    return usageError(ctx, '--unit-name 不能为空，请给出单位全称。', '--unit-name must not be empty; give the full name of the unit.');
  }
  const output = values.output ?? DEFAULT_TEMPLATE_FILE;
  if (output.trim() === '') {
    return usageError(ctx, '-o 后面需要一个文件名，如 -o 政务公开年度报表.xlsx。', '-o needs a file name, e.g. -o report.xlsx.');
  }
  if (!/\.xlsx$/i.test(output)) {
    return usageError(
      ctx,
      `输出文件“${output}”应以 .xlsx 结尾（模板为 Excel 2007 及以上格式）。`,
      `The output file "${output}" must end in .xlsx (the template is an Excel 2007+ workbook).`,
    );
  }

  const data = await writeTemplate({ year, unitName });
  try {
    // A folder that does not exist yet is created, as --annotate does.
    await mkdir(dirname(resolve(output)), { recursive: true });
    await writeFileAtomic(output, data, { force: values.force });
  } catch (e) {
    if (!isUserError(e)) throw e;
    ctx.stderr.write(`${e.messageIn(ctx.locale)}\n`);
    return EXIT_USAGE;
  }
  ctx.stdout.write(`${output}\n`);
  ctx.stderr.write(
    t(
      ctx,
      `已生成标准指标工作簿“${output}”（${TEMPLATE_ID} ${TEMPLATE_VERSION}，${REQUIRED_DEFINED_NAMES.length} 个名称），请在浅黄色单元格中填写。\n`,
      `Wrote the standard indicator workbook "${output}" (${TEMPLATE_ID} ${TEMPLATE_VERSION}, ${REQUIRED_DEFINED_NAMES.length} defined names); fill in the light-yellow cells.\n`,
    ),
  );
  return EXIT_OK;
}
