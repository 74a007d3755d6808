/**
 * `zwgk validate FILES|DIRS...`: validates each submission, one after the other, so that one bad
 * file never stops the batch and memory stays flat. stdout carries only the report.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BatchReport,
  FileReport,
  batchCounts,
  fileReportFromWorkbook,
  unreadableFileReport,
} from '../../core/batch-report';
import { isUserError } from '../../core/errors';
import type { Finding, Locale } from '../../core/report';
import type { Snapshot } from '../../core/snapshot';
import { Validator, loadRuleSet } from '../../core/validator';
import { annotateWorkbook, canAnnotate } from '../../io/annotate';
import { writeFileAtomic } from '../../io/atomic-write';
import { loadRuleSources } from '../../io/load-rules';
import { collectInputs } from '../batch';
import { DEFAULT_TIMEOUT_SECONDS, ReadGuard } from '../guard';
import { CliContext, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, t } from '../context';
import { formatBatchHtml } from '../format/html';
import { formatBatchText, formatFileText, formatTotalsText } from '../format/text';
import { Progress } from '../progress';
import { PreviousFinder, openPreviousFinder } from '../previous';

function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：zwgk validate 文件或文件夹... [选项]

校验报送的年报工作簿（.xlsx、.xlsm、.xls、.ods）和 Word/网页版年度报告（.docx、.html、.htm）；文件夹会递归查找。

选项：
  --format text|json|html   报告格式（默认 text：按文件和工作表分组的文字报告）
  -o, --output 文件          将报告写入文件而不是标准输出
  --annotate 文件夹          为每个有问题的工作簿写一份标注副本（单元格着色、批注、“问题清单”工作表）
  --previous 文件夹          上一年度的报送文件，用于跨年度校验（按统一社会信用代码匹配）
  --rules 文件夹             追加本地规则文件夹（可多次使用），见 README“编写规则”
  --fail-on error|warning   有错误（默认）或有警告时返回退出码 1
  --max-size 兆字节          单个文件大小上限（默认 20）
  --timeout 秒              单个文件的读取时限（默认 30；0 为不限时）
  --force                   覆盖已存在的输出文件
  --lang zh|en              语言（默认中文）

退出码：0 无错误；1 有错误（或 --fail-on warning 时有警告）；2 用法错误或有文件无法读取。
`,
    `Usage: zwgk validate FILES|DIRS... [options]

Validates annual-report workbooks (.xlsx, .xlsm, .xls, .ods) and published reports (.docx, .html, .htm); folders are searched recursively.

Options:
  --format text|json|html   report format (default text: grouped by file and sheet)
  -o, --output FILE         write the report to FILE instead of standard output
  --annotate DIR            write an annotated copy of each workbook with findings (fills, notes, a Findings sheet)
  --previous DIR            last year's submissions, for the checks across years (matched by unit code)
  --rules DIR               add a folder of local rules (repeatable); see README "Writing rules"
  --fail-on error|warning   exit 1 on errors (default) or also on warnings
  --max-size MB             size limit of one file (default 20)
  --timeout SECONDS         time limit for reading one file (default 30; 0: no limit)
  --force                   overwrite existing output files
  --lang zh|en              language (default Chinese)

Exit codes: 0 no errors; 1 errors (or warnings with --fail-on warning); 2 usage error or unreadable files.
`,
  );
}

function usageError(ctx: CliContext, zh: string, en: string): number {
  ctx.stderr.write(`${t(ctx, zh, en)}\n${t(ctx, '查看用法：zwgk validate --help', 'See: zwgk validate --help')}\n`);
  return EXIT_USAGE;
}

interface Options {
  format: 'text' | 'json' | 'html';
  output?: string;
  annotate?: string;
  previous?: string;
  rules: string[];
  failOn: 'error' | 'warning';
  maxBytes?: number;
  timeoutSeconds: number;
  force: boolean;
}

function messageOf(e: unknown, locale: Locale): { code: string; message: string } {
  if (isUserError(e)) return { code: e.code, message: e.messageIn(locale) };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: locale === 'en' ? `Could not process the file: ${detail}` : `处理该文件时出错：${detail}`,
  };
}

/** Picks a file name in `dir` for the annotated copy of `file` that no earlier file of this batch took. */
function annotatedName(file: string, taken: Set<string>): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  taken.add(name);
  return name;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        annotate: { type: 'string' },
        previous: { type: 'string' },
        rules: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'error' },
        'max-size': { type: 'string' },
        timeout: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return usageError(ctx, `参数有误：${detail}`, `Bad arguments: ${detail}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(ctx, '请指定要校验的文件或文件夹。', 'Name the files or folders to validate.');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'html') {
    return usageError(ctx, `未知的报告格式“${format}”，可选 text、json、html。`, `Unknown format "${format}": use text, json or html.`);
  }
  const failOn = values['fail-on'] as string;
  if (failOn !== 'error' && failOn !== 'warning') {
    return usageError(ctx, `--fail-on 只能是 error 或 warning。`, `--fail-on takes error or warning.`);
  }
  let maxBytes: number | undefined;
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!Number.isFinite(mb) || mb <= 0) return usageError(ctx, '--max-size 须为正数（兆字节）。', '--max-size takes a positive number of megabytes.');
    maxBytes = Math.round(mb * 1024 * 1024);
  }
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  if (values.timeout !== undefined) {
    timeoutSeconds = Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) return usageError(ctx, '--timeout 须为不小于 0 的秒数。', '--timeout takes a number of seconds, 0 or more.');
  }
  const opts: Options = {
    format,
    output: values.output,
    annotate: values.annotate,
    previous: values.previous,
    rules: values.rules ?? [],
    failOn,
    maxBytes,
    timeoutSeconds,
    force: values.force === true,
  };
  return validateBatch(positionals, opts, ctx);
}

async function validateBatch(paths: string[], opts: Options, ctx: CliContext): Promise<number> {
  const locale = ctx.locale;
  // Rules first: a broken local rule file is a usage error, before any submission is read.
  const ruleSet = loadRuleSet(await loadRuleSources(opts.rules.length ? [undefined, ...opts.rules] : undefined));
  const validator = new Validator(ruleSet);
  const previous: PreviousFinder | null = opts.previous ? await openPreviousFinder(opts.previous, ctx) : null;

  // The folder for annotated copies is created when missing, as a user naming a new folder expects.
  if (opts.annotate) await mkdir(opts.annotate, { recursive: true });
  const { files, problems } = await collectInputs(paths);
  // A path that yields no workbook is reported under its own name, and the batch goes on.
  const reports: FileReport[] = problems.map((p) => unreadableFileReport(p.path, p.code, p.messageIn(locale)));

  const progress = new Progress(ctx, files.length);
  const taken = new Set<string>();
  const streamText = opts.format === 'text' && !opts.output;
  const style = { colour: Boolean(ctx.stdout.isTTY) && !process.env.NO_COLOR };
  const guard = new ReadGuard({ timeoutSeconds: opts.timeoutSeconds, limits: opts.maxBytes ? { maxBytes: opts.maxBytes } : undefined });

  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    let report: FileReport;
    let snapshot: Snapshot | null = null;
    let findings: Finding[] = [];
    try {
      snapshot = await guard.read(file, files[i + 1]);
      const prev = previous ? await previous.find(snapshot) : null;
      const wr = await validator.validate(snapshot, { locale, previous: prev?.snapshot ?? null });
      if (prev?.note) wr.findings.push(prev.note);
      findings = wr.findings;
      report = fileReportFromWorkbook(file, wr);
    } catch (e) {
      const m = messageOf(e, locale);
      report = unreadableFileReport(file, m.code, m.message);
    }
    // Annotated copies are workbooks; a Word or web report is left as it is.
    if (opts.annotate && snapshot && snapshot.origin !== 'document' && findings.length > 0) {
      await writeAnnotated(file, findings, opts, taken, ctx);
    }
    reports.push(report);
    if (streamText) {
      progress.clear();
      ctx.stdout.write(formatFileText(report, locale, style) + '\n\n');
    }
  }
  // The worker is unref'd, so an exception above cannot leave the process hanging either.
  await guard.close();
  progress.done();

  const batch: BatchReport = { files: reports, counts: batchCounts(reports) };
  await emit(batch, opts, ctx, streamText, style);

  if (batch.counts.unreadable > 0) return EXIT_USAGE;
  if (batch.counts.error > 0) return EXIT_FINDINGS;
  if (opts.failOn === 'warning' && batch.counts.warning > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

async function writeAnnotated(file: string, findings: Finding[], opts: Options, taken: Set<string>, ctx: CliContext): Promise<void> {
  const dir = opts.annotate as string;
  if (!canAnnotate(file)) {
    ctx.stderr.write(
      t(
        ctx,
        `${file}：.xls 和 .ods 文件无法写标注副本，请在 Excel 或 WPS 中另存为 .xlsx 后再试。\n`,
        `${file}: no annotated copy for .xls or .ods files; save it as .xlsx in Excel or WPS and try again.\n`,
      ),
    );
    return;
  }
  try {
    const data = new Uint8Array(await readFile(file));
    const out = annotateWorkbook(data, findings, { locale: ctx.locale, sourceName: basename(file) });
    const target = join(dir, annotatedName(file, taken));
    await writeFileAtomic(target, out, { force: opts.force });
    ctx.stderr.write(t(ctx, `已写出标注副本：${target}\n`, `Annotated copy written: ${target}\n`));
  } catch (e) {
    ctx.stderr.write(`${messageOf(e, ctx.locale).message}\n`);
  }
}

async function emit(batch: BatchReport, opts: Options, ctx: CliContext, streamed: boolean, style: { colour: boolean }): Promise<void> {
  const locale = ctx.locale;
  let text: string;
  if (opts.format === 'json') text = JSON.stringify(batch, null, 2) + '\n';
  else if (opts.format === 'html') text = formatBatchHtml(batch, locale, new Date());
  else if (streamed) {
    // The per-file blocks went out as they were ready; only the totals are left.
    ctx.stdout.write(formatTotalsText(batch, locale) + '\n');
    return;
  } else text = formatBatchText(batch, locale, style);

  if (opts.output) {
    await writeFileAtomic(opts.output, Buffer.from(text, 'utf8'), { force: opts.force });
    ctx.stderr.write(t(ctx, `报告已写入 ${opts.output}\n`, `Report written to ${opts.output}\n`));
  } else {
    ctx.stdout.write(text);
  }
}

