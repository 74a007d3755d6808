/**
 * `zwgk rules check [DIR...]` lints rule folders; `zwgk rules list` prints the checks.
 * Local folders are checked together with the standard rules, as `validate --rules` loads them,
 * so an override of a standard check id is resolved.
 */
import { isUserError } from '../../core/errors';
import { formatRuleProblem, lintRuleSources, loadRuleSet } from '../../core/validator';
import { SEVERITY_LABELS } from '../../core/codes/labels';
import { loadRuleSources } from '../../io/load-rules';
import { type OptionSpec, parseCommandArgs } from '../args';
import { CliContext, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, t } from '../context';


function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：
  zwgk rules check [文件夹...]        检查规则文件（标准规则 + 给出的本地规则文件夹），每个问题一行
  zwgk rules list [--format text|json] [--rules 文件夹]   列出所有检查：编号、严重程度、说明

选项：
  --format text|json   list 的输出格式（默认 text）
  --rules 文件夹        list 时追加本地规则文件夹（可多次使用）
  --lang zh|en         语言（默认中文）
  -h, --help           显示本帮助

退出码：0 规则无问题；1 规则有问题；2 用法错误。
`,
    `Usage:
  zwgk rules check [DIR...]          lint the rule files (standard rules + the given local folders), one line per problem
  zwgk rules list [--format text|json] [--rules DIR]   list the checks: id, severity, description

Options:
  --format text|json   output format of list (default text)
  --rules DIR          with list: add a folder of local rules (repeatable)
  --lang zh|en         language (default Chinese)
  -h, --help           show this help

Exit codes: 0 rules are fine; 1 problems found; 2 usage error.
`,
  );
}

async function check(dirs: string[], ctx: CliContext): Promise<number> {
  let sources;
  try {
    sources = await loadRuleSources([undefined, ...dirs]);
  } catch (e) {
    // A file that is not JSON at all is a problem of the rules, reported like the others.
    if (isUserError(e) && e.code === 'rules-invalid') {
      ctx.stdout.write(`${e.messageIn(ctx.locale)}\n`);
      return EXIT_FINDINGS;
    }
    throw e;
  }
  const problems = lintRuleSources(sources);
  if (problems.length > 0) {
    for (const p of problems) ctx.stdout.write(`${formatRuleProblem(p, ctx.locale)}\n`);
    ctx.stderr.write(t(ctx, `规则文件共有 ${problems.length} 处问题。\n`, `${problems.length} problem(s) in the rule files.\n`));
    return EXIT_FINDINGS;
  }
  const ruleSet = loadRuleSet(sources);
  // deprecated spellings still load; say what they are called now
  for (const n of ruleSet.notes ?? []) ctx.stderr.write(`${t(ctx, '注意：', 'Note: ')}${formatRuleProblem(n, ctx.locale)}\n`);
  ctx.stdout.write(
    t(
      ctx,
      `规则检查通过：${sources.length} 个文件，${ruleSet.checks.length} 项检查（展开后 ${ruleSet.rules.length} 条规则）。\n`,
      `Rules OK: ${sources.length} files, ${ruleSet.checks.length} checks (${ruleSet.rules.length} rules after expansion).\n`,
    ),
  );
  return EXIT_OK;
}

/** Every option of `zwgk rules` by subcommand (the help lists each one; a test holds them together). */
export const RULES_OPTIONS = {
  list: {
    format: { type: 'string', default: 'text' },
    rules: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
  check: { help: { type: 'boolean', short: 'h', default: false } },
} satisfies Record<string, OptionSpec>;

async function list(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs('zwgk rules list', argv, RULES_OPTIONS.list, ctx, false);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    ctx.stderr.write(t(ctx, `--format 只能是 text 或 json。\n`, `--format must be text or json.\n`));
    return EXIT_USAGE;
  }
  const ruleSet = loadRuleSet(await loadRuleSources([undefined, ...(values.rules ?? [])]));
  const rows = ruleSet.checks.map((c) => ({ id: c.id, severity: c.severity, description: c.description[ctx.locale] }));
  if (values.format === 'json') {
    ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    const sev = SEVERITY_LABELS[ctx.locale][r.severity];
    ctx.stdout.write(`${r.id.padEnd(width)}  ${sev.padEnd(ctx.locale === 'en' ? 7 : 2)}  ${r.description}\n`);
  }
  return EXIT_OK;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    ctx.stdout.write(help(ctx));
    return sub ? EXIT_OK : EXIT_USAGE;
  }
  if (sub === 'check') {
    const parsed = parseCommandArgs('zwgk rules check', rest, RULES_OPTIONS.check, ctx);
    if (typeof parsed === 'number') return parsed;
    if (parsed.values.help) {
      ctx.stdout.write(help(ctx));
      return EXIT_OK;
    }
    return check(parsed.positionals, ctx);
  }
  if (sub === 'list') return list(rest, ctx);
  ctx.stderr.write(t(ctx, `未知的子命令“${sub}”。\n`, `Unknown subcommand "${sub}".\n`) + help(ctx));
  return EXIT_USAGE;
}
