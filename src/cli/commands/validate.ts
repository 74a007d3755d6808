/**
 * `zwgk validate FILES|DIRS...`: validates each submission, one after the other, so that one bad
 * file never stops the batch and memory stays flat. stdout carries only the report.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  BatchReport,
  FileReport,
  batchCounts,
  fileReportFromWorkbook,
  unreadableFileReport,
} from '../../core/batch-report';
import { isUserError, UserError } from '../../core/errors';
import type { Locale } from '../../core/report';
import { loadRuleSet } from '../../core/validator';
import { canAnnotate } from '../../io/annotate';
import { writeFileAtomic } from '../../io/atomic-write';
import { loadRuleSources } from '../../io/load-rules';
import { type OptionSpec, parseCommandArgs } from '../args';
import { collectInputs, diskPathOf, visibleName, type InputProblem, type SkippedEntry } from '../batch';
import type { CheckedFile, JobSetup } from '../file-job';
import { InputSet, outputIsInput } from '../input-set';
import { DEFAULT_TIMEOUT_SECONDS, ReadGuard, parseJobs } from '../guard';
import { CliContext, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, t } from '../context';
import { formatBatchHtml } from '../format/html';
import { formatBatchText, formatFileText, formatTotalsText } from '../format/text';
import { Progress } from '../progress';
import { indexPrevious, PreviousWatch } from '../previous';
import { markedCopyPath } from '../marked-copy-path';

function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：zwgk validate 文件或文件夹... [选项]

校验报送的年报工作簿（.xlsx、.xlsm、.xls、.ods）和 Word/网页版年度报告（.docx、.html、.htm）；文件夹会递归查找。

选项：
  --format text|json|html   报告格式（默认 text：按文件和工作表分组的文字报告）
  -o, --output 文件          将报告写入文件而不是标准输出
  --annotate 文件夹          为每个有问题的工作簿写一份标注副本“单位名称-问题标注.xlsx”（保留子文件夹结构；
                            打开即是“问题清单”；已存在的副本不覆盖，加 --force 才用本次结果替换）
  --previous 文件夹          上一年度的报送文件，用于跨年度校验（按统一社会信用代码匹配）
  --rules 文件夹             追加本地规则文件夹（可多次使用），见 README“编写规则”
  --fail-on error|warning   有错误（默认）或有警告时返回退出码 1
  --max-size 兆字节          单个文件大小上限（默认 20）
  --timeout 秒              单个文件的处理时限：读取、上年度文件、校验、标注（默认 30；0 为不限时）
  --jobs 个数               同时处理的文件数（默认为 CPU 核数，最多 8；1 为逐个处理）
  --force                   覆盖已存在的输出文件
  --lang zh|en              语言（默认中文）
  -h, --help                显示本帮助

退出码：0 无错误；1 有错误（或 --fail-on warning 时有警告）；2 用法错误；3 有文件无法读取（其余文件照常校验）。
`,
    `Usage: zwgk validate FILES|DIRS... [options]

Validates annual-report workbooks (.xlsx, .xlsm, .xls, .ods) and published reports (.docx, .html, .htm); folders are searched recursively.

Options:
  --format text|json|html   report format (default text: grouped by file and sheet)
  -o, --output FILE         write the report to FILE instead of standard output
  --annotate DIR            write a marked copy "<unit>-marked.xlsx" of each workbook with findings (sub-folders kept;
                            opens on the Findings sheet; existing copies are kept unless --force)
  --previous DIR            last year's submissions, for the checks across years (matched by unit code)
  --rules DIR               add a folder of local rules (repeatable); see README "Writing rules"
  --fail-on error|warning   exit 1 on errors (default) or also on warnings
  --max-size MB             size limit of one file (default 20)
  --timeout SECONDS         time limit for one file: read, last year, checks, marked copy (default 30; 0: no limit)
  --jobs N                  files processed at once (default: one per CPU core, at most 8; 1: one at a time)
  --force                   overwrite existing output files
  --lang zh|en              language (default Chinese)
  -h, --help                show this help

Exit codes: 0 no errors; 1 errors (or warnings with --fail-on warning); 2 usage error; 3 some file could not be read (the others were checked).
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
  /** Workers of the pool (--jobs; default one per core). */
  jobs?: number;
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

/** Every option of `zwgk validate` (the help lists each one; a test holds them together). */
export const VALIDATE_OPTIONS = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string', short: 'o' },
  annotate: { type: 'string' },
  previous: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'fail-on': { type: 'string', default: 'error' },
  'max-size': { type: 'string' },
  timeout: { type: 'string' },
  jobs: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies OptionSpec;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs('zwgk validate', argv, VALIDATE_OPTIONS, ctx);
  if (typeof parsed === 'number') return parsed;
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
  const jobs = parseJobs(values.jobs);
  if (jobs === null) return usageError(ctx, '--jobs 须为 1 到 64 之间的整数。', '--jobs takes a whole number from 1 to 64.');
  const opts: Options = {
    format,
    output: values.output,
    annotate: values.annotate,
    previous: values.previous,
    rules: values.rules ?? [],
    failOn,
    maxBytes,
    timeoutSeconds,
    jobs,
    force: values.force === true,
  };
  return validateBatch(positionals, opts, ctx);
}

async function validateBatch(paths: string[], opts: Options, ctx: CliContext): Promise<number> {
  const locale = ctx.locale;
  const ruleDirs = [null, ...opts.rules];
  const setup: JobSetup = {
    ruleDirs,
    locale,
    previous: null,
    limits: opts.maxBytes ? { maxBytes: opts.maxBytes } : undefined,
    annotate: Boolean(opts.annotate),
  };
  const guard = new ReadGuard({ timeoutSeconds: opts.timeoutSeconds, setup, workers: opts.jobs });
  try {
    // A batch of more than one file needs a worker: it starts loading now, alongside this thread.
    if (paths.length > 1 || !(await isFile(paths[0]))) guard.prestart();
    // Rules first: a broken local rule file is a usage error, before any submission is read.
    loadRuleSet(await loadRuleSources(ruleDirs.map((d) => d ?? undefined)));
    const { files, problems, skipped } = await collectInputs(paths, { maxBytes: opts.maxBytes });
    guard.plan(files.length);

    // No output may replace an input, whatever the flags.
    const inputs = new InputSet();
    await inputs.addAll(files.map(diskPathOf));
    if (opts.output && (await inputs.contains(opts.output))) throw outputIsInput(opts.output, '-o');

    if (opts.previous) {
      // Last year's files go through the same guard as this year's.
      const prev = await indexPrevious(opts.previous, ctx, (f, following) => guard.read(f, following));
      await inputs.addAll(prev.files.map(diskPathOf));
      guard.configure({ ...setup, previous: [...prev.index.entries], previousDisk: prev.disk });
    }
    // The folder for annotated copies is created when missing, as a user naming a new folder expects.
    if (opts.annotate) await makeFolder(opts.annotate);
    return await runBatch(paths, files, problems, skipped, guard, inputs, opts, ctx);
  } finally {
    // The workers are unref'd, so an exception above cannot leave the process hanging either.
    await guard.close();
  }
}

/** True when the path is a file (not a folder, not missing). */
function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: [string, string] =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? ['同名的文件已存在，不是文件夹', 'a file of that name exists, not a folder']
        : code === 'EROFS'
          ? ['该位置是只读的', 'the location is read-only']
          : code === 'EACCES' || code === 'EPERM'
            ? ['没有写入权限', 'permission denied']
            : code === 'ENOSPC'
              ? ['磁盘空间不足', 'the disk is full']
              : [code ?? '未知原因', code ?? 'unknown reason'];
    throw new UserError('output-folder-unwritable', {
      'zh-CN': `无法创建标注副本文件夹“${dir}”：${why[0]}。请换一个文件夹。`,
      en: `Cannot create the folder for annotated copies "${dir}": ${why[1]}. Choose another folder.`,
    });
  }
}

async function runBatch(
  paths: string[],
  files: string[],
  problems: InputProblem[],
  skipped: SkippedEntry[],
  guard: ReadGuard,
  inputs: InputSet,
  opts: Options,
  ctx: CliContext,
): Promise<number> {
  const locale = ctx.locale;
  // A path that yields no workbook is reported under its own name, and the batch goes on.
  const reports: FileReport[] = problems.map((p) => unreadableFileReport(p.path, p.code, p.messageIn(locale)));

  const progress = new Progress(ctx, files.length);
  const copies: CopyState = { taken: new Set(), kept: 0, folders: await inputFolders(paths) };
  const watch = opts.previous ? new PreviousWatch(opts.previous) : null;
  const streamText = opts.format === 'text' && !opts.output;
  const style = { colour: Boolean(ctx.stdout.isTTY) && !process.env.NO_COLOR };
  // Inputs that yield no workbook (mistyped path, empty folder) get their answer first, by name.
  if (streamText) for (const r of reports) ctx.stdout.write(formatFileText(r, locale, style) + '\n\n');

  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    let report: FileReport;
    try {
      const checked = await guard.check(file, files.slice(i + 1, i + 1 + guard.lookahead));
      const wr = checked.report;
      if (checked.previousNote) wr.findings.push(checked.previousNote);
      watch?.see(checked.previousNote);
      report = fileReportFromWorkbook(file, wr);
      // Annotated copies are workbooks; a Word or web report is left as it is.
      if (opts.annotate && checked.snapshot.origin !== 'document') await writeAnnotated(file, checked, opts, copies, inputs, ctx);
    } catch (e) {
      const m = messageOf(e, locale);
      report = unreadableFileReport(file, m.code, m.message);
    }
    reports.push(report);
    if (streamText) {
      progress.clear();
      ctx.stdout.write(formatFileText(report, locale, style) + '\n\n');
    }
  }
  progress.done();
  const previousNote = watch?.closingNote();
  if (previousNote) ctx.stderr.write(previousNote);

  const batch: BatchReport = { files: reports, counts: batchCounts(reports) };
  await emit(batch, skipped, opts, ctx, streamText, style);
  if (copies.kept > 0) {
    ctx.stderr.write(
      t(
        ctx,
        `有 ${copies.kept} 份标注副本已存在（上次运行写的），未覆盖，它们可能已过时：加 --force 重新运行即用本次结果替换。\n`,
        `${copies.kept} marked cop${copies.kept === 1 ? 'y' : 'ies'} already existed (from an earlier run) and were left unchanged, possibly out of date: run again with --force to replace them.\n`,
      ),
    );
  }

  if (batch.counts.unreadable > 0) return EXIT_UNREADABLE;
  if (batch.counts.error > 0) return EXIT_FINDINGS;
  if (opts.failOn === 'warning' && batch.counts.warning > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

interface CopyState {
  /** Relative paths of marked copies written (or planned) in this batch, lower-cased. */
  taken: Set<string>;
  /** Copies left as they were because they existed and --force was not given. */
  kept: number;
  /** The folders given on the command line (resolved): copies keep the sub-folders below them. */
  folders: string[];
}

/** The folders among the paths given on the command line (resolved), for the sub-folders of the copies. */
async function inputFolders(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) if (await stat(p).then((s) => s.isDirectory(), () => false)) out.push(resolve(p));
  return out;
}

/**
 * Writes the marked copy of one submission as <单位名称>-问题标注.xlsx in its sub-folder. An existing
 * copy is only replaced with --force; a submission that now passes gets no copy, and an older copy
 * of it is pointed out as out of date (never deleted).
 */
async function writeAnnotated(file: string, checked: CheckedFile, opts: Options, copies: CopyState, inputs: InputSet, ctx: CliContext): Promise<void> {
  const dir = opts.annotate as string;
  const unitName = checked.report.unit.name;
  if (checked.report.findings.length === 0) {
    const stale = join(dir, markedCopyPath(file, unitName, copies.folders, ctx.locale, new Set()));
    if (await stat(stale).then(() => true, () => false)) {
      ctx.stderr.write(
        t(
          ctx,
          `${visibleName(file)}：这次没有发现问题，旧的标注副本 ${visibleName(stale)} 已过时，可以删除。\n`,
          `${visibleName(file)}: no findings this time; the older marked copy ${visibleName(stale)} is out of date and can be deleted.\n`,
        ),
      );
    }
    return;
  }
  if (!canAnnotate(file)) {
    ctx.stderr.write(
      t(
        ctx,
        `${visibleName(file)}：.xls 和 .ods 文件无法写标注副本，请在 Excel 或 WPS 中另存为 .xlsx 后再试。\n`,
        `${visibleName(file)}: no annotated copy for .xls or .ods files; save it as .xlsx in Excel or WPS and try again.\n`,
      ),
    );
    return;
  }
  if (checked.annotateError) {
    ctx.stderr.write(`${checked.annotateError.messages[ctx.locale]}\n`);
    return;
  }
  if (!checked.annotated) return;
  // Never onto an input (the copy of a submission in its own folder would replace it): the next free name.
  let target = join(dir, markedCopyPath(file, unitName, copies.folders, ctx.locale, copies.taken));
  for (let n = 0; (await inputs.contains(target)) && n < 1000; n++) target = join(dir, markedCopyPath(file, unitName, copies.folders, ctx.locale, copies.taken));
  try {
    if (await inputs.contains(target)) throw outputIsInput(target, '--annotate');
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, checked.annotated, { force: opts.force });
    ctx.stderr.write(t(ctx, `已写出标注副本：${visibleName(target)}\n`, `Marked copy written: ${visibleName(target)}\n`));
  } catch (e) {
    if (isUserError(e) && e.code === 'output-exists') {
      copies.kept += 1;
      ctx.stderr.write(t(ctx, `标注副本 ${visibleName(target)} 已存在，未覆盖。\n`, `Marked copy ${visibleName(target)} exists; left unchanged.\n`));
      return;
    }
    ctx.stderr.write(`${messageOf(e, ctx.locale).message}\n`);
  }
}

/** The entries of the folders that were not read, one line each (they are not units). */
function skippedLines(skipped: readonly SkippedEntry[], locale: Locale): string {
  if (skipped.length === 0) return '';
  const head = locale === 'en' ? `Not read (${skipped.length}):` : `未读取的文件（${skipped.length} 个）：`;
  return [head, ...skipped.map((s) => `  ${s.messages[locale]}`)].join('\n') + '\n\n';
}

async function emit(
  batch: BatchReport,
  skipped: readonly SkippedEntry[],
  opts: Options,
  ctx: CliContext,
  streamed: boolean,
  style: { colour: boolean },
): Promise<void> {
  const locale = ctx.locale;
  let text: string;
  // Entries of the folders that were not read are listed with their reasons (JSON: "skipped").
  const notRead = skipped.map((s) => ({ file: s.path, code: s.code, message: s.messages[locale] }));
  if (opts.format === 'json') text = JSON.stringify(notRead.length > 0 ? { ...batch, skipped: notRead } : batch, null, 2) + '\n';
  else if (opts.format === 'html') text = formatBatchHtml(batch, locale, new Date());
  else if (streamed) {
    // The per-file blocks went out as they were ready; only the totals are left.
    ctx.stdout.write(skippedLines(skipped, locale) + formatTotalsText(batch, locale) + '\n');
    return;
  } else text = formatBatchText(batch, locale, style) + (skipped.length > 0 ? '\n' + skippedLines(skipped, locale) : '');
  if (opts.format === 'html' && skipped.length > 0) for (const s of skipped) ctx.stderr.write(`${s.messages[locale]}\n`);

  if (opts.output) {
    await writeFileAtomic(opts.output, Buffer.from(text, 'utf8'), { force: opts.force });
    ctx.stderr.write(t(ctx, `报告已写入 ${opts.output}\n`, `Report written to ${opts.output}\n`));
  } else {
    ctx.stdout.write(text);
  }
}

