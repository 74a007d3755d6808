/**
 * Types shared by the rule loader, the facts and the finding builder.
 *
 * A rule file is JSON (see rules/schema.json). After loading, every rule is a plain
 * json-rules-engine rule; our metadata rides in `event.params` (RuleMeta).
 */
import type { LocalisedText, Severity } from '../report';

/** One rule file as read by a host: its path (for messages) and its parsed JSON. */
export interface RuleSource {
  path: string;
  json: unknown;
  /**
   * The package's own rule files: a test checks them against the schema, so loading skips the
   * schema check (compiling the schema was a large part of a cold start). The linter still runs.
   */
  bundled?: boolean;
}

/** One problem found in a rule file. */
export interface RuleProblem {
  file: string;
  /** The rule entry's name, when the problem is inside a rule. */
  rule?: string;
  problem: LocalisedText;
}

/** What `zwgk rules list` shows for one check id. */
export interface CheckInfo {
  id: string;
  severity: Severity;
  description: LocalisedText;
}

/** A condition tree as json-rules-engine accepts it (kept loose: the schema and the linter check it). */
export type ConditionTree = Record<string, unknown>;

/** The metadata of a rule, read from `event.params`. */
export interface RuleMeta {
  ruleId: string;
  severity: Severity;
  description: LocalisedText;
  message: LocalisedText;
  /** Messages chosen by a hit's cell class (per-cell rules) — the key "default" is the fallback. */
  messageVariants?: Record<string, LocalisedText>;
  /** Defined names to mark; the first is the cell to jump to. */
  cells: string[];
  /** Unit types the rule applies to; absent = every unit. */
  appliesTo?: string[];
  /** "previous": the rule only runs when last year's workbook is given. */
  needs?: 'previous';
  /**
   * Per-cell rule: a fact reference whose value is `{hits: [...]}`; one finding per hit,
   * marking the hit's cell. The condition normally asserts that the same fact has no hits.
   */
  perHit?: { fact: string; params?: Record<string, unknown> };
  /**
   * With perHit: one finding per table ('group': 表二, 表三 …) or one for all hits ('all') instead of
   * one per cell; it marks every hit's cell. Placeholders: {count}, {table}/{tableEn}, and the first
   * hit's {label} {labelEn} {text} {formula}.
   */
  groupHits?: 'group' | 'all';
  /** When the finding's value `value` is at least `atLeast`, this finding is the only one reported. */
  soleIf?: { value: string; atLeast: number };
}

/** A rule after forEach expansion, ready for the engine. */
export interface ExpandedRule {
  /** Unique rule name (e.g. T3-BALANCE@SUM). */
  name: string;
  file: string;
  priority?: number;
  conditions: ConditionTree;
  eventType: string;
  meta: RuleMeta;
  /** Position in load order, to keep a stable order of findings. */
  order: number;
}

/** The loaded, checked, expanded rules. Treat as opaque outside src/core/rules. */
export interface RuleSet {
  checks: CheckInfo[];
  rules: ExpandedRule[];
}
