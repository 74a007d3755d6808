/**
 * Validates one workbook snapshot against a rule set. Pure core: the CLI, the add-in and the
 * summary all call this with a Snapshot their host built.
 */
import type { Engine } from 'json-rules-engine';
import { countSeverities, Finding, Locale, WorkbookReport } from './report';
import type { Snapshot, UnitInfo } from './snapshot';
import { buildEngine, selectRules } from './rules/engine';
import { CONTEXT_FACT, RunContext, cellFact, unitFact } from './rules/facts';
import { findingsOf, sortFindings } from './rules/findings';
import type { ExpandedRule, RuleSet } from './rules/types';
import { findingsForOrigin, missingTableFindings } from './report-doc/document-rules';

export { loadRuleSet, lintRuleSources, formatRuleProblem, ajvSchemaCheck } from './rules/loader';
export type { LoadOptions, SchemaCheck, SchemaError } from './rules/loader';
export type { RuleSource, RuleSet, CheckInfo, RuleProblem } from './rules/types';

export interface ValidateOptions {
  /** Language of Finding.message (messages holds every language). Default zh-CN. */
  locale?: Locale;
  /** Last year's workbook of the same unit: enables the Y-* checks. */
  previous?: Snapshot | null;
  /** "Now", for the plausible-year check (tests pin it). Default: the current date. */
  now?: Date;
}

/** The unit a snapshot belongs to, read from the basic-information cells. */
export function unitInfo(snapshot: Snapshot): UnitInfo {
  const u = unitFact(snapshot);
  const name = cellFact(snapshot, 'INFO_UNIT_NAME');
  return {
    name: name.text !== '' ? name.text : null,
    code: u.code,
    type: u.type,
    year: u.year !== null && Number.isInteger(u.year) ? u.year : null,
  };
}

export class Validator {
  private readonly ruleSet: RuleSet;
  private readonly byName: Map<string, ExpandedRule>;
  /** Engines by unit type and previous-year availability; built on first use. */
  private readonly engines = new Map<string, Engine>();

  constructor(ruleSet: RuleSet) {
    this.ruleSet = ruleSet;
    this.byName = new Map(ruleSet.rules.map((r) => [r.name, r]));
  }

  private engineFor(unitType: string | null, withPrevious: boolean): Engine {
    const key = `${unitType ?? ''}\u0000${withPrevious ? 1 : 0}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = buildEngine(selectRules(this.ruleSet.rules, unitType, withPrevious));
      this.engines.set(key, engine);
    }
    return engine;
  }

  async validate(snapshot: Snapshot, opts: ValidateOptions = {}): Promise<WorkbookReport> {
    const locale = opts.locale ?? 'zh-CN';
    const previous = opts.previous ?? null;
    const unit = unitInfo(snapshot);
    const ctx: RunContext = { snapshot, previous, currentYear: (opts.now ?? new Date()).getFullYear() };
    const engine = this.engineFor(unit.type, previous !== null);
    const { failureResults, almanac } = await engine.run({ [CONTEXT_FACT]: ctx });

    const collected: Array<{ finding: Finding; order: number }> = [];
    let sole: Finding | null = null;
    for (const result of failureResults) {
      const rule = this.byName.get(result.name);
      if (!rule) continue;
      for (const finding of await findingsOf(rule, result, almanac, snapshot, previous, locale)) {
        const s = rule.meta.onlyFindingWhen;
        const v = s ? finding.values[s.value] : undefined;
        if (s && typeof v === 'number' && v >= s.atLeast && snapshot.origin !== 'document') sole = finding;
        collected.push({ finding, order: rule.order });
      }
    }
    // A report read from a document: no checks of workbook-only details; a missing table is one finding.
    const findings = [...missingTableFindings(snapshot, locale), ...findingsForOrigin(snapshot, sole ? [sole] : sortFindings(collected, snapshot))];
    return { unit, findings, counts: countSeverities(findings) };
  }
}
