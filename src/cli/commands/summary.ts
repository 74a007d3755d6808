/**
 * `zwgk summary FILES|DIRS... -o 汇总.xlsx`: validates every submission one after the other (one
 * bad file never stops the batch), checks across units (and across years with --previous), and
 * writes one summary workbook. Only a row per unit and the running sums are kept in memory, never
 * the snapshots; each unit's findings go to a spool on disk and the workbook is written as a
 * stream, so memory stays flat as the batch grows.
 */
import { stat } from 'node:fs/promises';
import { UNIT_TYPES } from '../../core/catalogue';
import { creditCodeProblem } from '../../core/credit-code';
import { UserError } from '../../core/errors';
import type { Snapshot } from '../../core/snapshot';
import { SummaryBatch, type BatchValidator } from '../../core/summary/batch';
import { applyRoster, type RosterEntry } from '../../core/summary/roster';
import type { IssueRow } from '../../core/summary/unit-row';
import { loadRuleSet } from '../../core/validator';
import { IssueSpool } from '../../io/issue-spool';
import { loadRuleSources } from '../../io/load-rules';
import { writeSummaryWorkbookFile } from '../../io/summary-stream';
import { type OptionSpec, parseCommandArgs } from '../args';
import { collectInputs, diskPathOf } from '../batch';
import type { CheckedFile, JobSetup } from '../file-job';
import { InputSet, outputIsInput } from '../input-set';
import { DEFAULT_TIMEOUT_SECONDS, ReadGuard, parseJobs } from '../guard';
import { CliContext, EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, t } from '../context';
import { indexPrevious, PreviousWatch } from '../previous';
import { Progress } from '../progress';

function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：zwgk summary 文件或文件夹... -o 汇总.xlsx [选项]

校验各单位报送的年报工作簿，并生成一个汇总工作簿：
  汇总      每个单位一行（状态、错误数、主要数字），可排序筛选，有错误的单位标红
  问题清单  每个单位的全部问题，以及单位之间的问题（重复报送、年度不一致、未报送、不在名册中）
  未报送    名册中没有报送的单位（给出 --roster 时）
  其余各表  标准模板格式的合计（默认只合计没有错误的单位）

选项：
  -o, --output 文件        汇总工作簿（.xlsx），必填
  --roster 文件            应报送单位名册（.xlsx 或 .csv；列：单位代码/统一社会信用代码、单位名称、单位类型）
  --previous 文件夹        上一年度的报送文件，用于跨年度校验（按统一社会信用代码匹配，其次按单位名称）
  --include-all            合计时也计入有错误的单位（重复报送和其他年度的报送仍不计入）
  --allow-empty            没有一个单位计入合计时仍然生成（默认拒绝：合计全为 0 的工作簿不应被当作有效汇总）
  --unit-name 名称         汇总单位名称，如“XX县人民政府办公室”（合计表写作“名称汇总（N个单位）”）
  --unit-code 代码         汇总单位的统一社会信用代码（不给出时合计表的代码留空，校验合计表时会提示 CELL-REQUIRED）
  --unit-type 类型         汇总单位的单位类型（各单位类型相同时可省略；不同时必须给出）
  --contact 姓名           合计表的填报人
  --phone 电话             合计表的联系电话
  --rules 文件夹           追加本地规则文件（可多次给出）
  --timeout 秒             单个文件的处理时限：读取、上年度文件、校验（默认 30；0 为不限时）
  --jobs 个数              同时处理的文件数（默认为 CPU 核数，最多 8；1 为逐个处理）
  --force                  覆盖已存在的输出文件
  --lang zh|en             界面语言
  -h, --help               显示本帮助

退出码：0 已生成且没有错误；1 已生成，但有单位存在错误；2 用法错误，或未生成（没有单位计入合计、需要给出单位类型）；3 有文件无法读取（其余单位照常汇总；一个都读不了时不生成汇总）。
`,
    `Usage: zwgk summary FILES|FOLDERS... -o summary.xlsx [options]

Validates every unit's workbook and writes one summary workbook:
  汇总      one row per unit (status, error count, key figures), sortable and filterable, errors in red
  问题清单  every finding of every unit, and the findings across units (duplicates, other year, missing)
  未报送    roster units without a submission (with --roster)
  the other sheets: the sums in the layout of the standard template (by default over units without errors)

Options:
  -o, --output FILE        the summary workbook (.xlsx), required
  --roster FILE            roster of units expected to report (.xlsx or .csv; columns code, name, type)
  --previous FOLDER        last year's submissions, for the checks across years (matched by code, then by name)
  --include-all            also sum units with errors (duplicates and other years are never summed)
  --allow-empty            write the workbook even when no unit is in the totals (refused by default)
  --unit-name NAME         the coordinating unit's name (the sums sheet says "NAME汇总（N个单位）")
  --unit-code CODE         the coordinating unit's credit code (blank when not given: validating the sums then reports CELL-REQUIRED)
  --unit-type TYPE         the coordinating unit's type (required when the units' types differ)
  --contact NAME           contact person on the sums sheet
  --phone PHONE            contact phone on the sums sheet
  --rules FOLDER           extra local rule files (repeatable)
  --timeout SECONDS        time limit for one file: read, last year, checks (default 30; 0: no limit)
  --jobs N                 files processed at once (default: one per CPU core, at most 8; 1: one at a time)
  --force                  replace an existing output file
  --lang zh|en             language
  -h, --help               show this help

Exit codes: 0 written, no errors; 1 written, some unit has errors; 2 usage error, or not written (no unit in the totals, unit type needed); 3 some file could not be read (the others are summed; nothing is written when none can be read).
`,
  );
}

export interface SummaryOptions {
  output: string;
  roster?: string;
  previous?: string;
  includeAll: boolean;
  /** Write the workbook even when no unit is in the totals (a 合计 of 0 units). */
  allowEmpty?: boolean;
  force: boolean;
  unitName?: string;
  unitCode?: string;
  unitType?: string;
  contact?: string;
  phone?: string;
  rules: string[];
  /** Seconds one file may take to read (default 30; 0: in-process, no limit). */
  timeoutSeconds?: number;
  /** Workers of the pool (--jobs; default one per core). */
  jobs?: number;
  /** ISO date written as the filing date (default: today). */
  date?: string;
}

function usageError(ctx: CliContext, zh: string, en: string): number {
  ctx.stderr.write(`${t(ctx, zh, en)}\n${t(ctx, '查看帮助：zwgk summary --help', 'Help: zwgk summary --help')}\n`);
  return EXIT_USAGE;
}

/** Every option of `zwgk summary` (the help lists each one; a test holds them together). */
export const SUMMARY_OPTIONS = {
  output: { type: 'string', short: 'o' },
  roster: { type: 'string' },
  previous: { type: 'string' },
  'include-all': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  force: { type: 'boolean' },
  'unit-name': { type: 'string' },
  'unit-code': { type: 'string' },
  'unit-type': { type: 'string' },
  contact: { type: 'string' },
  phone: { type: 'string' },
  rules: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs('zwgk summary', argv, SUMMARY_OPTIONS, ctx);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(ctx, '请给出要汇总的文件或文件夹。', 'Give the files or folders to summarise.');
  if (!values.output) return usageError(ctx, '请用 -o 给出汇总工作簿的文件名，如 -o 汇总.xlsx。', 'Give the summary workbook with -o, e.g. -o summary.xlsx.');
  if (!/\.xlsx$/i.test(values.output)) {
    return usageError(ctx, `汇总工作簿须为 .xlsx 文件：“${values.output}”。`, `The summary workbook must be an .xlsx file: "${values.output}".`);
  }
  const unitCode = values['unit-code']?.trim().toUpperCase();
  if (unitCode && creditCodeProblem(unitCode) !== null) {
    return usageError(ctx, `--unit-code ${unitCode} 不是有效的统一社会信用代码（18 位，校验位须正确）。`, `--unit-code ${unitCode} is not a valid unified social credit code (18 characters with a correct check character).`);
  }
  const unitType = values['unit-type']?.trim();
  if (unitType && !UNIT_TYPES.includes(unitType)) {
    return usageError(ctx, `--unit-type 须为以下之一：${UNIT_TYPES.join('、')}。`, `--unit-type must be one of: ${UNIT_TYPES.join(', ')}.`);
  }
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) {
    return usageError(ctx, '--timeout 须为不小于 0 的秒数。', '--timeout takes a number of seconds, 0 or more.');
  }
  const jobs = parseJobs(values.jobs);
  if (jobs === null) return usageError(ctx, '--jobs 须为 1 到 64 之间的整数。', '--jobs takes a whole number from 1 to 64.');
  return summarise(positionals, {
    output: values.output,
    roster: values.roster,
    previous: values.previous,
    includeAll: values['include-all'] === true,
    allowEmpty: values['allow-empty'] === true,
    force: values.force === true,
    unitName: values['unit-name']?.trim() || undefined,
    unitCode: unitCode || undefined,
    unitType: unitType || undefined,
    contact: values.contact?.trim() || undefined,
    phone: values.phone?.trim() || undefined,
    rules: values.rules ?? [],
    timeoutSeconds,
    jobs,
  }, ctx);
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Validates the batch, checks across units and writes the summary workbook; returns the exit code. */
export async function summarise(paths: string[], opts: SummaryOptions, ctx: CliContext): Promise<number> {
  const locale = ctx.locale;
  // An output naming one of the given inputs is refused first, whatever the flags (--force would not help).
  const named = new InputSet();
  await named.addAll([...paths, ...(opts.roster ? [opts.roster] : [])]);
  if (await named.contains(opts.output)) throw outputIsInput(opts.output, '-o');
  // An existing output is refused before the batch is read, not after minutes of work.
  if (!opts.force && (await stat(opts.output).then(() => true, () => false))) {
    throw new UserError('output-exists', {
      'zh-CN': `文件“${opts.output}”已存在，未覆盖：请换一个文件名，或加 --force 覆盖原文件。`,
      en: `The file "${opts.output}" already exists and was left unchanged; choose another name or add --force to replace it.`,
    });
  }
  // Rules, roster and last year's folder first: a mistake there is a usage error before any work.
  const ruleDirs = [null, ...opts.rules];
  loadRuleSet(await loadRuleSources(ruleDirs.map((d) => d ?? undefined)));
  const setup: JobSetup = { ruleDirs, locale, previous: null };
  const guard = new ReadGuard({ timeoutSeconds: opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, setup, workers: opts.jobs });
  // Each unit's findings wait on disk for the 问题清单 (thousands of units, tens of thousands of findings).
  const spool = new IssueSpool();
  try {
    // A summary is of many files: the first worker starts loading now, alongside this thread.
    guard.prestart();
    return await summariseWith(guard, spool, setup, paths, opts, ctx);
  } finally {
    // The worker is unref'd, so an exception above cannot leave the process hanging either.
    await guard.close();
    spool.dispose();
  }
}

async function summariseWith(guard: ReadGuard, spool: IssueSpool, setup: JobSetup, paths: string[], opts: SummaryOptions, ctx: CliContext): Promise<number> {
  const locale = ctx.locale;
  const inputs = new InputSet();
  // The roster and last year's files are read under the same guard as the submissions.
  const roster: RosterEntry[] | null = opts.roster ? await guard.roster(opts.roster) : null;
  if (opts.roster) await inputs.add(opts.roster);
  for (const e of roster ?? []) {
    if (e.codeLostDigits === undefined) continue;
    ctx.stderr.write(
      t(
        ctx,
        `名册“${opts.roster}”第 ${e.line} 行：统一社会信用代码被 Excel 存成了数字（${e.codeLostDigits}），后几位已丢失，本行按单位名称匹配。请把该列设为“文本”后重新输入代码。\n`,
        `Roster "${opts.roster}" line ${e.line}: the credit code was stored by Excel as a number (${e.codeLostDigits}) and has lost its last digits; this line is matched by unit name. Format the column as Text and type the codes again.\n`,
      ),
    );
  }
  if (opts.previous) {
    const prev = await indexPrevious(opts.previous, ctx, (f, following) => guard.read(f, following));
    await inputs.addAll(prev.files.map(diskPathOf));
    guard.configure({ ...setup, previous: [...prev.index.entries], previousDisk: prev.disk });
  }

  const collected = await collectInputs(paths);
  // A summary written by an earlier run into the same folder is recognised by its marker and left
  // out (and may be replaced with --force); any other file the run reads is never replaced.
  const files = collected.files;
  guard.plan(files.length);
  await inputs.addAll(files.map(diskPathOf));
  if (await inputs.contains(opts.output)) throw outputIsInput(opts.output, '-o');
  for (const s of collected.skipped) ctx.stderr.write(`${s.messages[locale]}\n`);

  // The whole job of a file runs in the guard; the batch gets its answer through these two hooks.
  const checkedBy = new WeakMap<Snapshot, CheckedFile>();
  const precomputed: BatchValidator = {
    validate: async (snapshot) => {
      const c = checkedBy.get(snapshot);
      if (!c) throw new Error('no report for this snapshot');
      return c.report;
    },
  };
  const watch = opts.previous ? new PreviousWatch(opts.previous) : null;
  const batch = new SummaryBatch(precomputed, {
    issueSink: spool,
    locale,
    includeAll: opts.includeAll,
    previous: async (snapshot) => {
      const note = checkedBy.get(snapshot)?.previousNote;
      watch?.see(note);
      return { snapshot: null, note };
    },
  });
  for (const p of collected.problems) batch.addUnreadable(p.path, p.code, p.messageIn(locale));

  const progress = new Progress(ctx, files.length);
  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    let snapshot: Snapshot | null = null;
    await batch.add(file, async () => {
      const checked = await guard.check(file, files.slice(i + 1, i + 1 + guard.lookahead));
      checkedBy.set(checked.snapshot, checked);
      snapshot = checked.snapshot;
      return checked.snapshot;
    });
    // The batch has taken the unit's row, sums and findings: the file's snapshot and report go now,
    // not whenever a collection gets round to the weak map's entry.
    if (snapshot) checkedBy.delete(snapshot);
  }
  progress.done();
  // Every file has been read: the reading worker's memory goes back before the summary is written
  // (closing again at the end does nothing).
  await guard.close();
  const previousNote = watch?.closingNote();
  if (previousNote) ctx.stderr.write(previousNote);

  if (!batch.hasReadable) {
    for await (const i of spool.rows()) ctx.stderr.write(`${i.file}：${i.message}\n`);
    ctx.stderr.write(t(ctx, '没有可读取的报送文件，未生成汇总工作簿。\n', 'No submission could be read; no summary workbook was written.\n'));
    return EXIT_UNREADABLE;
  }

  // Checks across units; a unit they flag leaves the sums (a duplicate would count twice, another year does not belong).
  // the batch keeps each unit's numbers: a unit leaving the sums is not read again
  const result = await batch.finish({
    unitName: opts.unitName,
    unitCode: opts.unitCode,
    unitType: opts.unitType,
    contact: opts.contact,
    phone: opts.phone,
    date: opts.date ?? todayIso(),
  });
  const { rows, issues } = result;

  // A 合计 over no unit would be a table of zeros that looks like a valid report: refused unless asked for.
  if (result.units === 0 && !opts.allowEmpty) {
    ctx.stderr.write(
      t(
        ctx,
        `没有一个单位计入合计（${rows.length} 个文件都有错误（包括同一单位重复报送）、无法读取或不属于本年度），合计各表将全部为 0，未生成汇总工作簿。` +
          '请先让单位改正错误；或加 --include-all 合计所有可读的单位；或加 --allow-empty 仍然生成（合计为 0 个单位）。\n',
        `No unit is in the totals (all ${rows.length} files have errors (duplicate submissions of a unit included), are unreadable or belong to another year), so every total would be 0; no summary workbook was written. ` +
          'Have the units fix their errors, or add --include-all to sum every readable unit, or add --allow-empty to write it anyway (totals over 0 units).\n',
      ),
    );
    return EXIT_USAGE;
  }
  // The 合计's unit type is the coordinator's: taken from --unit-type, or asked for when the units differ.
  if (!opts.unitType) {
    const types = new Map<string, number>();
    for (const r of rows) if (r.inSums && r.unit.type) types.set(r.unit.type, (types.get(r.unit.type) ?? 0) + 1);
    if (types.size > 1) {
      const list = [...types].map(([type, n]) => t(ctx, `${type} ${n} 个`, `${type}: ${n}`)).join(t(ctx, '、', ', '));
      ctx.stderr.write(
        t(
          ctx,
          `计入合计的单位类型不同（${list}），合计表的单位类型要由汇总单位确定：请加 --unit-type 给出，如 --unit-type ${UNIT_TYPES[0]}（可选：${UNIT_TYPES.join('、')}）。未生成汇总工作簿。\n`,
          `The units in the totals are of different types (${list}); the type of the totals is the coordinating unit's: give it with --unit-type, e.g. --unit-type ${UNIT_TYPES[0]} (one of: ${UNIT_TYPES.join(', ')}). No summary workbook was written.\n`,
        ),
      );
      return EXIT_USAGE;
    }
  }

  let missing: RosterEntry[] | null = null;
  if (roster) {
    // Submitters the roster does not list (another district, a renamed unit, an old roster), then the missing.
    missing = applyRoster(roster, rows, issues, locale);
  }

  const title = { unitName: opts.unitName, year: result.majorityYear, date: opts.date ?? todayIso(), units: result.units };
  // The 问题清单 lists each unit's findings and those across units (spooled, in that order), then the roster's.
  async function* allIssues(): AsyncGenerator<IssueRow> {
    yield* spool.rows();
    yield* issues;
  }
  await writeSummaryWorkbookFile(opts.output, { locale, rows, issues: allIssues(), missing, sums: result.sums, info: result.info, title }, { force: opts.force });

  const withErrors = rows.filter((r) => r.status === 'error').length;
  const unreadable = rows.filter((r) => r.status === 'unreadable').length;
  ctx.stdout.write(
    t(
      ctx,
      `已生成汇总工作簿 ${opts.output}：${rows.length} 个文件，其中 ${withErrors} 个有错误、${unreadable} 个无法读取；合计计入 ${result.units} 个单位` +
        (missing ? `；名册中 ${missing.length} 个单位未报送` : '') +
        '。\n',
      `Summary workbook written to ${opts.output}: ${rows.length} files, ${withErrors} with errors, ${unreadable} unreadable; ${result.units} units in the totals` +
        (missing ? `; ${missing.length} roster units have not submitted` : '') +
        '.\n',
    ),
  );
  if (unreadable > 0) return EXIT_UNREADABLE;
  return withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
}


