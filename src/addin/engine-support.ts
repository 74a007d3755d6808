/**
 * What this browser engine can run of the rule files. Text checks use regular expressions with the
 * `u` flag, some with lookbehind; Trident (IE 11, the engine of Office 2016/2019) knows neither, and
 * Safari before 16.4 (older Macs) has no lookbehind. No polyfill adds regular-expression syntax, so a
 * rule whose pattern this engine cannot compile is left out and the pane says which checks did not run
 * (the offline web page in a current browser runs them all).
 */
import type { RuleSource } from '../core/rules/types';

/** Operators of the rule engine whose value is a regular expression (src/core/rules/operators.ts). */
const PATTERN_OPERATORS = new Set(['matches', 'notMatches']);

/** Every regular expression a rule's conditions use: `params.pattern` of a fact or a `matches` value. */
export function rulePatterns(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) rulePatterns(item, out);
  } else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.operator === 'string' && PATTERN_OPERATORS.has(o.operator) && typeof o.value === 'string') out.push(o.value);
    for (const key of Object.keys(o)) {
      if (key === 'pattern' && typeof o[key] === 'string') out.push(o[key] as string);
      else if (key !== 'event') rulePatterns(o[key], out);
    }
  }
  return out;
}

/** True when this engine compiles the pattern as the core does (`new RegExp(pattern, 'u')`). */
export function canCompile(pattern: string): boolean {
  // `${col}` placeholders are filled in per item by forEach; a plain letter stands in for them here.
  const concrete = pattern.replace(/\$\{[^}]*\}/g, 'x');
  try {
    new RegExp(concrete, 'u');
    return true;
  } catch {
    return false;
  }
}

export interface RunnableRules {
  sources: RuleSource[];
  /** Check ids (event.params.ruleId) left out, sorted, without repeats. */
  skipped: string[];
}

function ruleIdOf(rule: unknown): string {
  const params = (rule as { event?: { params?: { ruleId?: unknown } } } | null)?.event?.params;
  const name = (rule as { name?: unknown } | null)?.name;
  return typeof params?.ruleId === 'string' ? params.ruleId : String(name);
}

/** The rule sources without the rules whose patterns this engine cannot compile. */
export function runnableRuleSources(sources: readonly RuleSource[], compiles: (pattern: string) => boolean = canCompile): RunnableRules {
  const skipped = new Set<string>();
  const out = sources.map((source) => {
    const json = source.json as { rules?: unknown[] } | null;
    if (!json || !Array.isArray(json.rules)) return source;
    const rules = json.rules.filter((rule) => {
      const ok = rulePatterns((rule as { conditions?: unknown } | null)?.conditions).every(compiles);
      if (!ok) skipped.add(ruleIdOf(rule));
      return ok;
    });
    return rules.length === json.rules.length ? source : { path: source.path, json: { ...json, rules } };
  });
  return { sources: out, skipped: [...skipped].sort() };
}
