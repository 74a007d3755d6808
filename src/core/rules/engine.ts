/**
 * Builds json-rules-engine Engines from expanded rules. One engine per (unit type, with/without
 * last year's workbook) is built on first use and reused: the rules that do not apply are simply
 * not in it, so "not applicable" never looks like "passed".
 */
import { Engine } from 'json-rules-engine';
import { unitTypeOf } from '../catalogue';
import { FACTS } from './facts';
import { CUSTOM_OPERATORS } from './operators';
import type { ExpandedRule } from './types';

/** Plain property lookup ("a.b"), instead of the engine's JSONPath (faster, no extra dependency at run time). */
export function resolvePath(value: object, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (key === '') continue;
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function selectRules(rules: readonly ExpandedRule[], unitType: string | null, withPrevious: boolean): ExpandedRule[] {
  return rules.filter(
    (r) =>
      (!r.meta.appliesTo || (unitType !== null && r.meta.appliesTo.some((t) => (unitTypeOf(t) ?? t) === unitType))) &&
      (r.meta.needs !== 'previous' || withPrevious),
  );
}

const UNCACHED_FACTS: ReadonlySet<string> = new Set(['cell', 'sum', 'balance', 'text', 'unit', 'currentYear']);

export function buildEngine(rules: readonly ExpandedRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
  // The engine hashes every fact's params to cache its value per run; for facts that only look up a
  // few cells, hashing costs more than computing again. Facts that walk every cell stay cached.
  for (const [id, fn] of Object.entries(FACTS)) engine.addFact(id, fn, { cache: !UNCACHED_FACTS.has(id) });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  for (const r of rules) {
    engine.addRule({
      name: r.name,
      priority: r.priority,
      // json-rules-engine's condition types are stricter than our JSON; the linter checked the shape.
      conditions: r.conditions as unknown as Parameters<Engine['addRule']>[0]['conditions'],
      // Only the id rides through the engine: RuleResults clone their event, metadata stays in the RuleSet.
      event: { type: r.eventType, params: { ruleId: r.meta.ruleId } },
    });
  }
  return engine;
}
