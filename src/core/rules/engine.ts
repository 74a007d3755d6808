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

/** The key of a condition's params in the engine's params table (see ParamsTable). */
const PARAMS_KEY = '#';

/**
 * The params of every condition of an engine, each stored once; the conditions the engine holds
 * carry only their index ({"#": 7}). json-rules-engine deep-clones a rule's conditions into its
 * RuleResult on every run, with a clone whose cost grows with the square of the objects in them:
 * a balance's params (name lists, name sets) were most of those objects, and the clone was a third
 * of the rules' time. The facts get the params back from the table (factOf); the rule files keep
 * their readable params.
 */
class ParamsTable {
  private readonly params: unknown[] = [];
  private readonly index = new Map<string, number>();

  /** A copy of a condition tree with each leaf's params replaced by its index in the table. */
  compact(node: unknown): unknown {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    const n = node as Record<string, unknown>;
    const out: Record<string, unknown> = { ...n };
    for (const key of ['all', 'any']) if (Array.isArray(n[key])) out[key] = (n[key] as unknown[]).map((c) => this.compact(c));
    if (n.not !== undefined) out.not = this.compact(n.not);
    if (typeof n.fact === 'string' && n.params !== undefined) out.params = { [PARAMS_KEY]: this.add(n.params) };
    return out;
  }

  private add(params: unknown): number {
    const key = JSON.stringify(params);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.params.length;
      this.params.push(params);
      this.index.set(key, i);
    }
    return i;
  }

  /** The params a fact was asked with: from the table for a compacted condition, else as given. */
  resolve(params: Record<string, unknown>): Record<string, unknown> {
    const i = params[PARAMS_KEY];
    return typeof i === 'number' ? (this.params[i] as Record<string, unknown>) : params;
  }
}

export function buildEngine(rules: readonly ExpandedRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath });
  const table = new ParamsTable();
  // The engine hashes every fact's params to cache its value per run; for facts that only look up a
  // few cells, hashing costs more than computing again. Facts that walk every cell stay cached.
  for (const [id, fn] of Object.entries(FACTS)) {
    const fact: typeof fn = (params, almanac) => fn(table.resolve(params ?? {}), almanac);
    engine.addFact(id, fact, { cache: !UNCACHED_FACTS.has(id) });
  }
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  for (const r of rules) {
    engine.addRule({
      name: r.name,
      priority: r.priority,
      // json-rules-engine's condition types are stricter than our JSON; the linter checked the shape.
      conditions: table.compact(r.conditions) as Parameters<Engine['addRule']>[0]['conditions'],
      // The metadata (the rule file's event.params) stays in the RuleSet; the validator finds it by the
      // rule's name. The engine's copy of the event carries only its type: every RuleResult deep-clones
      // the event on every run, and an id object per rule was a tenth of the rules' time.
      event: { type: r.eventType },
    });
  }
  return engine;
}
