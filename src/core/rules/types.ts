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

/** What `zwgk rules list` shows for one check id (and what the code registry takes from the rules). */
export interface CheckInfo {
  id: string;
  severity: Severity;
  description: LocalisedText;
  /** The message template of the check's first rule. */
  message?: LocalisedText;
  /** The rule file that defines it, as given to the loader. */
  file?: string;
  /** `ref` of the rule: the clause or regulation the check follows. */
  source?: string;
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
  /** In the file: the findings come from the cells the rule's scan condition reports (one per cell, or grouped with groupHits). */
  findingsFromScan?: boolean;
  /** In the file: when the finding's value `value` is at least `atLeast`, it is the only finding reported. */
  onlyFindingWhen?: { value: string; atLeast: number };
  /** The one-click fix a host may offer for the finding. */
  quickFix?: QuickFixKind;
  /** Deprecated spelling of findingsFromScan (with the scan repeated); accepted for local rule files. */
  perHit?: { fact: string; params?: Record<string, unknown> };
  /**
   * With findingsFromScan: one finding per table ('group': 表二, 表三 …) or one for all hits ('all')
   * instead of one per cell; it marks every hit's cell. Placeholders: {count}, {table}/{tableEn},
   * and the first hit's {label} {labelEn} {text} {formula}.
   */
  groupHits?: 'group' | 'all';
  /** Deprecated spelling of onlyFindingWhen; accepted for local rule files. */
  soleIf?: { value: string; atLeast: number };
  /**
   * Set by the loader: the fact reference whose value is `{hits: [...]}` when the rule makes one
   * finding per cell (from findingsFromScan's scan condition, or from a deprecated perHit).
   */
  perCell?: { fact: string; params?: Record<string, unknown> };
  /** The source of the check (format clause, regulation). */
  ref?: string;
}

/** One-click fixes a rule can declare (see src/addin/quick-fixes.ts). */
export type QuickFixKind = 'text-to-number';

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
  /** Notes that do not stop loading (deprecated spellings in local rule files). */
  notes?: RuleProblem[];
}
