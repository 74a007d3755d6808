/**
 * What the task pane needs from the rule engine. The real one is `new Validator(loadRuleSet(sources))`
 * from src/core/validator.ts (wired in taskpane/taskpane.ts); tests inject a fake with the same shape.
 */
import type { Locale, WorkbookReport } from '../core/report';
import type { Snapshot } from '../core/snapshot';

export interface ValidatorLike {
  validate(snapshot: Snapshot, opts?: { locale?: Locale; now?: Date }): Promise<WorkbookReport>;
}
