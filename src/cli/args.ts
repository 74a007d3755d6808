/**
 * Command-line options of every command, parsed with node:util parseArgs (strict), and what it
 * refuses explained in the user's language in one sentence with the command's help to follow —
 * never node's English error text ("Unknown option '--foo'. To specify a positional argument…").
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliContext, EXIT_USAGE, t } from './context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** One sentence (zh, en) for what parseArgs refused; `command` is e.g. "zwgk validate". */
export function parseErrorText(e: unknown, command: string, options: OptionSpec): [string, string] {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const seeHelp: [string, string] = [`请运行 ${command} --help 查看用法。`, `run ${command} --help for usage.`];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = closestOption(quoted, options);
    const hint: [string, string] = near ? [`是不是要用 ${near}？`, `did you mean ${near}? `] : ['', ''];
    return [`${command} 没有选项“${quoted}”，${hint[0]}${seeHelp[0]}`, `${command} has no option "${quoted}"; ${hint[1]}${seeHelp[1]}`];
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(message)) {
    const name = quoted.split(/[ ,]+/).find((p) => p.startsWith('--')) ?? quoted;
    return [`选项 ${name} 后面缺少取值，${seeHelp[0]}`, `The option ${name} needs a value; ${seeHelp[1]}`];
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return [`选项 ${quoted} 不带取值，${seeHelp[0]}`, `The option ${quoted} takes no value; ${seeHelp[1]}`];
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return [`${command} 不接受参数“${quoted}”，${seeHelp[0]}`, `${command} takes no argument "${quoted}"; ${seeHelp[1]}`];
  }
  return [`${command} 的参数有误，${seeHelp[0]}`, `Invalid arguments for ${command}; ${seeHelp[1]}`];
}

/** The known option closest to a mistyped one (edit distance ≤ 2), as --name. */
function closestOption(given: string, options: OptionSpec): string | null {
  const word = given.replace(/^-+/, '').split('=')[0];
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of Object.keys(options)) {
    const d = distance(word, name);
    if (d < bestDistance) {
      best = `--${name}`;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance (Levenshtein) between two words, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/**
 * Parses `argv` against `options`; on a refusal writes the sentence to stderr and returns the
 * usage exit code (2) instead of throwing.
 */
export function parseCommandArgs<O extends OptionSpec>(
  command: string,
  argv: string[],
  options: O,
  ctx: CliContext,
  allowPositionals = true,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>> | number {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    ctx.stderr.write(`${t(ctx, ...parseErrorText(e, command, options))}\n`);
    return EXIT_USAGE;
  }
}
