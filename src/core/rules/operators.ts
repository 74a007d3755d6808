/**
 * Operators a rule may use: json-rules-engine's built-ins, their decorators, and two regular
 * expression operators (a pattern is data, not code: no eval).
 */

export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export const OPERATOR_DECORATORS = ['everyFact', 'someFact', 'everyValue', 'someValue', 'not', 'swap'] as const;

function testPattern(factValue: unknown, pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const text = factValue === null || factValue === undefined ? '' : String(factValue);
  return new RegExp(pattern, 'u').test(text);
}

/** Custom operators: `matches` / `notMatches` test the fact (as text) against a regular expression; `multipleOf`. */
export const CUSTOM_OPERATORS: Record<string, (factValue: unknown, value: unknown) => boolean> = {
  matches: (f, v) => testPattern(f, v),
  notMatches: (f, v) => !testPattern(f, v),
  /** The fact is a number and a whole multiple of the value (信息处理费 in steps of 10 元). */
  multipleOf: (f, v) => typeof f === 'number' && typeof v === 'number' && v > 0 && Math.abs(f / v - Math.round(f / v)) < 1e-9,
};

/** True when `op` (possibly with decorators, e.g. "not:equal") is an operator the engine will know. */
export function isKnownOperator(op: string): boolean {
  const parts = op.split(':');
  const base = parts.pop() ?? '';
  const decoratorsOk = parts.every((d) => (OPERATOR_DECORATORS as readonly string[]).includes(d));
  return decoratorsOk && ((BUILTIN_OPERATORS as readonly string[]).includes(base) || base in CUSTOM_OPERATORS);
}
