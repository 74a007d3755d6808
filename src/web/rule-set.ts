/**
 * The page's rule set: the standard rules bundled from rules/, plus the local rule files the
 * coordinator loaded (with their overrides), loaded by the same core loader as `zwgk validate --rules`.
 */
import { loadRuleSet, Validator } from '../core/validator';
import type { RuleSource } from '../core/rules/types';
import { bundledRuleSources } from './bundled-rules';
import { pageSchemaCheck } from './schema-check';

/** Standard rules first, then the local files in the order given (a later file's overrides win). */
export function pageRuleSources(local: readonly RuleSource[] | null): RuleSource[] {
  return [...bundledRuleSources(), ...(local ?? [])];
}

/** A validator over the standard rules and the local ones; throws UserError('rules-invalid') as the CLI does. */
export function pageValidator(local: readonly RuleSource[] | null): Validator {
  return new Validator(loadRuleSet(pageRuleSources(local), { schemaCheck: pageSchemaCheck() }));
}
