/**
 * Loads rule files: JSON Schema check, lint, forEach expansion, overrides.
 *
 * ## Writing rules (for the README)
 *
 * A rule file (rules/*.json, checked against rules/schema.json) has `format: "zwgk-rules/1"`,
 * optional `sets`, `rules` and `overrides`. Each rule is a json-rules-engine rule that states what
 * must be TRUE; a finding is reported when it fails. Metadata lives in `event.params`: `ruleId`
 * (check id), `severity`, `description` and `message` in zh-CN and en, `cells` (defined names to
 * mark, the first is the one to jump to), optional `appliesTo` (unit types), `needs: "previous"`.
 *
 * Facts (one object per workbook, no code in the rules):
 * - `cell` {name} → {cls, value, text}; `text` {name, pattern?} → {length, match, number}
 * - `sum` {names, blank?} → {value, skipped}; `balance` {lhs, rhs, blank?} → {lhs, rhs, diff, absDiff, skipped}.
 *   A term is a name or {name, coef?, prev?}. Blank policy "skip" (default): when a term has no
 *   usable number the sum is skipped and the check passes — the cell is reported once by CELL-*.
 * - `scan` {kinds, classes, test …} → {count, hits} (per-cell checks with `perHit`), `unit`,
 *   `template`, `prev` {minNonZero}, `currentYear`.
 * Operators: the engine's (equal, lessThanInclusive, in …) plus `matches` / `notMatches` (regex).
 * `forEach: {"col": "t3Columns", "except": ["SUM"]}` repeats a rule over t3Columns, t3Rows,
 * t4Groups or a set of the file: `${col}` is the key, `${col.label}` the label in the message's language.
 * Messages: `{lhs}` `{rhs}` `{diff}` `{absDiff}` `{match}` … come from the failed conditions'
 * facts (guard branches first, the assertion last: the later one wins); `{$NAME}` is a cell's
 * value, `{$prev:NAME}` last year's.
 *
 * ## Local rules and overrides (for the README)
 *
 * Rules are read from one or more folders, in order (files of a folder by name). A coordinator can
 * keep a folder of local rules next to the standard one and:
 *
 * - add a check: a rule file with new rules under a new check id (e.g. "LOCAL-HOTLINE-CLOSED");
 *   reusing an id of another file is an error, so a local file never silently replaces a check;
 * - change a check of any loaded file by id, in an "overrides" section:
 *
 *       { "format": "zwgk-rules/1",
 *         "overrides": [ { "rule": "T2-STOCK", "severity": "info" },
 *                        { "rule": "W-INTERP-OVERLAP", "enabled": false } ] }
 *
 *   `severity` replaces the severity of every rule with that id; `enabled: false` switches the
 *   check off. Overrides apply after all files are loaded, in load order (a later file wins).
 *
 * `zwgk rules check DIR…` lints folders without validating anything.
 */
import type AjvClass from 'ajv';
import { UserError } from '../errors';
import type { Severity } from '../report';
import { LintedFile, lintAcrossFiles, lintFile } from './lint';
import { unsafeFileProblems } from './safety';
import { RULE_FILE_SCHEMA } from './schema';
import type { CheckInfo, ExpandedRule, RuleProblem, RuleSet, RuleSource } from './types';

export interface SchemaError {
  /** JSON pointer of the offending value, e.g. /rules/3/event/params. */
  path: string;
  message: string;
}

/** Validates one parsed file against the rule-file schema; returns no errors when it is valid. */
export type SchemaCheck = (json: unknown) => SchemaError[];

export interface LoadOptions {
  /**
   * Replaces the built-in ajv check (e.g. in a host whose content security policy forbids the
   * code generation ajv uses). The linter still runs.
   */
  schemaCheck?: SchemaCheck;
}

/** The default schema check, with ajv compiled from the rule-file schema. */
export function ajvSchemaCheck(): SchemaCheck {
  // Loaded on first use: only rule files from outside the package need it.
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  return schemaCheckFrom(ajv.compile(RULE_FILE_SCHEMA as unknown as object));
}

/** An ajv validating function (compiled at run time, or ahead of time as standalone code). */
export interface CompiledSchema {
  (json: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }> | null;
}

/**
 * The schema check over a compiled ajv function, with the loader's wording of its errors. The web
 * page passes ajv standalone code compiled at build time (its CSP forbids run-time code generation).
 */
export function schemaCheckFrom(validate: CompiledSchema): SchemaCheck {
  return (json) => {
    if (validate(json)) return [];
    return (validate.errors ?? []).map((e) => {
      const extra = e.params && 'additionalProperty' in e.params ? ` “${String(e.params.additionalProperty)}”` : '';
      const allowed = e.params && 'allowedValues' in e.params ? `: ${JSON.stringify(e.params.allowedValues)}` : '';
      return { path: e.instancePath || '/', message: `${e.message ?? 'invalid'}${extra}${allowed}` };
    });
  };
}

/** The rule name at a schema error path (/rules/3/…), for the message. */
function ruleAt(json: unknown, path: string): string | undefined {
  const m = /^\/rules\/(\d+)/.exec(path);
  if (!m) return undefined;
  const rules = (json as { rules?: Array<{ name?: unknown }> }).rules;
  const name = rules?.[Number(m[1])]?.name;
  return typeof name === 'string' ? name : `#${m[1]}`;
}

interface Checked {
  files: LintedFile[];
  problems: RuleProblem[];
}

function checkSources(sources: RuleSource[], opts: LoadOptions): Checked {
  let schemaCheck = opts.schemaCheck;
  const problems: RuleProblem[] = [];
  const files: LintedFile[] = [];
  let order = 0;
  for (const src of sources) {
    // Too deep or using prototype names: not safe to hand to the schema check or the linter.
    const unsafe = unsafeFileProblems(src.path, src.json);
    if (unsafe.length > 0) {
      problems.push(...unsafe);
      continue;
    }
    // A host's own check (opts.schemaCheck) runs on every file; the default ajv one not on the bundled files.
    const errors = src.bundled && !opts.schemaCheck ? [] : (schemaCheck ??= ajvSchemaCheck())(src.json);
    if (errors.length > 0) {
      for (const e of errors) {
        const rule = ruleAt(src.json, e.path);
        const p: RuleProblem = {
          file: src.path,
          problem: { 'zh-CN': `不符合规则文件格式（${e.path}）：${e.message}`, en: `does not match the rule-file schema (${e.path}): ${e.message}` },
        };
        if (rule !== undefined) p.rule = rule;
        problems.push(p);
      }
      continue; // a file of the wrong shape cannot be linted meaningfully
    }
    const linted = lintFile(src.path, src.json as Parameters<typeof lintFile>[1], order);
    order += linted.rules.length;
    problems.push(...linted.problems);
    files.push(linted);
  }
  problems.push(...lintAcrossFiles(files));
  return { files, problems };
}

/** Every problem of the given rule files (empty when they load). */
export function lintRuleSources(sources: RuleSource[], opts: LoadOptions = {}): RuleProblem[] {
  return checkSources(sources, opts).problems;
}

/** One line per problem: "file：规则 name：problem". */
export function formatRuleProblem(p: RuleProblem, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return `${p.file}: ${p.rule !== undefined ? `rule ${p.rule}: ` : ''}${p.problem.en}`;
  return `${p.file}：${p.rule !== undefined ? `规则 ${p.rule}：` : ''}${p.problem['zh-CN']}`;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Loads, checks and expands rule files; throws UserError('rules-invalid') listing every problem. */
export function loadRuleSet(sources: RuleSource[], opts: LoadOptions = {}): RuleSet {
  const { files, problems } = checkSources(sources, opts);
  if (problems.length > 0) {
    const zh = problems.map((p) => formatRuleProblem(p, 'zh-CN')).join('\n');
    const en = problems.map((p) => formatRuleProblem(p, 'en')).join('\n');
    throw new UserError('rules-invalid', {
      'zh-CN': `校验规则文件有 ${problems.length} 处问题，请修改后重试：\n${zh}`,
      en: `The rule files have ${problems.length} problem(s); fix them and try again:\n${en}`,
    });
  }
  // Overrides are folded per check id first (a later file wins), then applied in one pass over
  // the rules: loading stays linear in the number of rules and overrides.
  const disabled = new Set<string>();
  const severityOf = new Map<string, Severity>();
  for (const o of files.flatMap((f) => f.overrides)) {
    if (o.enabled === false) disabled.add(o.rule);
    if (o.severity) severityOf.set(o.rule, o.severity);
  }
  const rules: ExpandedRule[] = [];
  for (const r of files.flatMap((f) => f.rules)) {
    if (disabled.has(r.meta.ruleId)) continue;
    const severity = severityOf.get(r.meta.ruleId);
    rules.push(severity ? { ...r, meta: { ...r.meta, severity } } : r);
  }
  const checks: CheckInfo[] = [];
  const byId = new Map<string, CheckInfo>();
  for (const r of rules) {
    const known = byId.get(r.meta.ruleId);
    if (!known) {
      const info: CheckInfo = {
        id: r.meta.ruleId,
        severity: r.meta.severity,
        description: r.meta.description,
        message: r.meta.message,
        file: r.file,
        ...(r.meta.ref ? { source: r.meta.ref } : {}),
      };
      byId.set(info.id, info);
      checks.push(info);
    } else if (SEVERITY_RANK[r.meta.severity] < SEVERITY_RANK[known.severity]) known.severity = r.meta.severity;
  }
  const notes = files.flatMap((f) => f.notes);
  return notes.length > 0 ? { checks, rules, notes } : { checks, rules };
}
