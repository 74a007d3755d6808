/**
 * The `zwgk` command line: picks the language, dispatches to a command, and turns every failure
 * into one sentence and an exit code (never a stack trace, unless ZWGK_DEBUG is set).
 */
// First: SheetJS's codepage tables load only when an .xls needs them.
import './lazy-codepages';
import { isUserError } from '../core/errors';
import { distance } from './args';
import type { Locale } from '../core/report';
import { CliContext, EXIT_USAGE, t } from './context';

type CommandRun = (argv: string[], ctx: CliContext) => Promise<number>;

interface CommandEntry {
  summary: [string, string];
  load: () => CommandRun;
}

// Commands are loaded on demand so `zwgk template` does not pay for the rules engine.
const COMMANDS: Record<string, CommandEntry> = {
  template: {
    summary: ['生成标准指标工作簿（填报模板）', 'write the standard indicator workbook (template)'],
    load: () => require('./commands/template').run as CommandRun,
  },
  validate: {
    summary: ['校验一个或多个报送文件', 'validate one or more submissions'],
    load: () => require('./commands/validate').run as CommandRun,
  },
  rules: {
    summary: ['检查或列出校验规则', 'check or list the validation rules'],
    load: () => require('./commands/rules').run as CommandRun,
  },
  report: { summary: ['由工作簿生成年度报告（Word 或网页）', 'write the annual report (Word or web) from a workbook'], load: () => require('./commands/report').run as CommandRun },
  summary: {
    summary: ['汇总多个单位的报送，生成汇总工作簿', 'build the summary workbook across units'],
    load: () => require('./commands/summary').run as CommandRun,
  },
  codes: {
    summary: ['列出全部检查编号和错误代码', 'list every check id and error code'],
    load: () => require('./commands/codes').run as CommandRun,
  },
};

/** The languages --lang (and ZWGK_LANG) accept, by the spellings people type. */
export function localeOf(value: string): Locale | null {
  if (/^(zh|zh[-_]cn|zh[-_]hans|cn|中文)$/i.test(value)) return 'zh-CN';
  if (/^(en|en[-_](us|gb)|english)$/i.test(value)) return 'en';
  return null;
}

function pickLocale(argv: string[]): { locale: Locale; rest: string[]; bad?: string } {
  let locale: Locale = process.env.ZWGK_LANG === 'en' ? 'en' : 'zh-CN';
  const rest: string[] = [];
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? (argv[++i] ?? '') : undefined;
    if (value === undefined) {
      rest.push(a);
      continue;
    }
    const picked = localeOf(value);
    if (picked) locale = picked;
    else bad = value;
  }
  return { locale, rest, bad };
}

function usage(ctx: CliContext): string {
  const lines = [
    t(ctx, '用法：zwgk <命令> [选项]', 'Usage: zwgk <command> [options]'),
    '',
    t(ctx, '命令：', 'Commands:'),
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${t(ctx, c.summary[0], c.summary[1])}`),
    '',
    t(ctx, '通用选项：--lang zh|en（界面语言，默认中文）  -h, --help（帮助）  -V, --version（版本）', 'Common options: --lang zh|en (default Chinese)  -h, --help  -V, --version'),
    t(ctx, '查看某个命令的帮助：zwgk <命令> --help', 'Help on a command: zwgk <command> --help'),
  ];
  return lines.join('\n') + '\n';
}

/**
 * A reader that goes away (`zwgk validate 报送/ | head`) closes the pipe: the next write fails with
 * EPIPE. That is not an error of the run: output stops quietly, the run finishes and exits with the
 * code it would have had. Any later write to the closed stream is dropped.
 */
export function quietWhenClosed<T extends NodeJS.WritableStream>(stream: T): T {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED' && process.env.ZWGK_DEBUG) process.stderr.write(`${e.message}\n`);
  });
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  (stream as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]): boolean => {
    if (closed || (stream as unknown as { destroyed?: boolean }).destroyed) return true;
    return write(...args);
  };
  return stream;
}

let processStreams: Pick<CliContext, 'stdout' | 'stderr'> | null = null;

function defaultStreams(): Pick<CliContext, 'stdout' | 'stderr'> {
  processStreams ??= { stdout: quietWhenClosed(process.stdout), stderr: quietWhenClosed(process.stderr) };
  return processStreams;
}

export async function main(argv: string[], streams?: Partial<Pick<CliContext, 'stdout' | 'stderr'>>): Promise<number> {
  const { locale, rest, bad } = pickLocale(argv);
  const ctx: CliContext = {
    locale,
    stdout: streams?.stdout ?? defaultStreams().stdout,
    stderr: streams?.stderr ?? defaultStreams().stderr,
  };
  if (bad !== undefined) {
    // Said in both languages: the one the user wanted is unknown.
    ctx.stderr.write(
      bad === ''
        ? '--lang 后面缺少语言：zh（中文）或 en（English）。 / --lang needs a language: zh or en.\n'
        : `不支持的语言“${bad}”：--lang 只能是 zh（中文）或 en（English）。 / Unsupported language "${bad}": --lang takes zh or en.\n`,
    );
    return EXIT_USAGE;
  }
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(usage(ctx));
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    ctx.stdout.write(`${require('../../package.json').version}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const near = Object.keys(COMMANDS).find((c) => distance(name, c) <= 2);
    const hint: [string, string] = near ? [`是不是要用 zwgk ${near}？`, ` Did you mean zwgk ${near}?`] : ['', ''];
    ctx.stderr.write(t(ctx, `未知命令“${name}”。${hint[0]}\n`, `Unknown command "${name}".${hint[1]}\n`) + usage(ctx));
    return EXIT_USAGE;
  }
  try {
    return await entry.load()(args, ctx);
  } catch (e) {
    if (isUserError(e)) {
      ctx.stderr.write(`${e.messageIn(locale)}\n`);
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      ctx.stderr.write(
        t(ctx, `内部错误：${detail}（设置环境变量 ZWGK_DEBUG=1 可查看详细信息）\n`, `Internal error: ${detail} (set ZWGK_DEBUG=1 for details)\n`),
      );
      if (process.env.ZWGK_DEBUG && e instanceof Error && e.stack) ctx.stderr.write(`${e.stack}\n`);
    }
    return EXIT_USAGE;
  }
}
