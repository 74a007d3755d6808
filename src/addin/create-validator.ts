/**
 * The real validator of the task pane: the core rule engine over the rule files bundled from rules/.
 */
import { Validator, loadRuleSet } from '../core/validator';
import { bundledRuleSources } from './rule-sources';
import type { ValidatorLike } from './validator-like';

export function createValidator(): ValidatorLike {
  // The pane's CSP forbids the code generation ajv's schema check relies on ('unsafe-eval'). The bundled
  // files are the ones the CLI and the tests schema-check; here only the loader's linter runs.
  return new Validator(loadRuleSet(bundledRuleSources(), { schemaCheck: () => [] }));
}
