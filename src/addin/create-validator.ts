/**
 * The real validator of the task pane: the core rule engine over the rule files bundled from rules/.
 */
import { Validator, loadRuleSet } from '../core/validator';
import { canCompile, runnableRuleSources } from './engine-support';
import { bundledRuleSources } from './rule-sources';
import type { ValidatorLike } from './validator-like';

export interface PaneValidator {
  validator: ValidatorLike;
  /** Checks this engine cannot run (their regular expressions do not compile here), for the pane to name. */
  skipped: string[];
}

/** The pane's validator over the rules this engine can run; `compiles` is replaceable for tests. */
export function createPaneValidator(compiles: (pattern: string) => boolean = canCompile): PaneValidator {
  const { sources, skipped } = runnableRuleSources(bundledRuleSources(), compiles);
  // The pane's CSP forbids the code generation ajv's schema check relies on ('unsafe-eval'). The bundled
  // files are the ones the CLI and the tests schema-check; here only the loader's linter runs.
  return { validator: new Validator(loadRuleSet(sources, { schemaCheck: () => [] })), skipped };
}

export function createValidator(): ValidatorLike {
  return createPaneValidator().validator;
}
