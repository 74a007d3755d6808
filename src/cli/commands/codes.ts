/**
 * `zwgk codes [--format text|json] [--rules DIR]`: every code the product can emit — the checks
 * of the rule files, the checks across units and years, the reasons a file cannot be read and the
 * errors of the commands, annotated copies, summary and add-in — from the code registry.
 *
 * JSON: an array of {code, kind, area, tags, severity?, "zh-CN", en, description, source?}, where
 * "zh-CN" and en are the message templates ({placeholders} are filled with the actual values).
 */
import { parseArgs } from 'node:util';
import { codeRegistry } from '../../core/codes/registry';
import { SEVERITY_LABELS } from '../../core/codes/labels';
import { loadRuleSet } from '../../core/validator';
import { loadRuleSources } from '../../io/load-rules';
import { CliContext, EXIT_OK, EXIT_USAGE, t } from '../context';

function help(ctx: CliContext): string {
  return t(
    ctx,
    `用法：zwgk codes [--format text|json] [--rules 文件夹]
列出 zwgk 可能给出的全部代码：检查编号（含跨单位、跨年度）、文件无法读取的原因、运行错误，以及级别和中英文消息。
`,
    `Usage: zwgk codes [--format text|json] [--rules DIR]
Lists every code zwgk can emit: check ids (across units and years too), reasons a file cannot be read, errors,
with severity and the zh-CN and en messages.
`,
  );
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        format: { type: 'string', default: 'text' },
        rules: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    ctx.stderr.write(`${t(ctx, `参数有误：${detail}`, `Bad arguments: ${detail}`)}\n${help(ctx)}`);
    return EXIT_USAGE;
  }
  const { values } = parsed;
  if (values.help) {
    ctx.stdout.write(help(ctx));
    return EXIT_OK;
  }
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') {
    ctx.stderr.write(`${t(ctx, `未知的格式“${format}”，可选 text、json。`, `Unknown format "${format}": use text or json.`)}\n`);
    return EXIT_USAGE;
  }
  const ruleSet = loadRuleSet(await loadRuleSources([undefined, ...(values.rules ?? [])]));
  const entries = codeRegistry(ruleSet);
  if (format === 'json') {
    const out = entries.map((e) => ({
      code: e.code,
      kind: e.kind,
      area: e.area,
      tags: e.tags,
      ...(e.severity ? { severity: e.severity } : {}),
      'zh-CN': e.message['zh-CN'],
      en: e.message.en,
      description: e.description,
      ...(e.source ? { source: e.source } : {}),
    }));
    ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...entries.map((e) => e.code.length)) + 2;
  for (const e of entries) {
    const sev = e.severity ? SEVERITY_LABELS[ctx.locale][e.severity] : t(ctx, e.kind === 'refusal' ? '无法读取' : '运行错误', e.kind);
    ctx.stdout.write(`${e.code.padEnd(width)}${sev}\t${e.description[ctx.locale]}\n`);
  }
  return EXIT_OK;
}
