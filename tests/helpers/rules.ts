/**
 * Shared set-up of the rule tests: the standard rules, one Validator, a fixed "now", and a compact
 * view of findings for exact assertions.
 */
import { T3_COLUMNS, T3_ROWS, t3Name } from '../../src/core/catalogue';
import type { Finding } from '../../src/core/report';
import type { Snapshot } from '../../src/core/snapshot';
import { Validator, loadRuleSet } from '../../src/core/validator';
import { readRuleSources } from '../../src/io/load-rules';
import { SnapshotOptions, Values, cleanValues, snapshotFrom } from './snapshot';

export const NOW = new Date('2024-06-01T00:00:00Z');
export const standardRules = loadRuleSet(readRuleSources());
export const validator = new Validator(standardRules);

/** Validates cleanValues() with `changes`; returns the findings. */
export async function findingsFor(
  changes: Values,
  opts: SnapshotOptions & { previous?: Snapshot | null; locale?: 'zh-CN' | 'en' } = {},
): Promise<Finding[]> {
  const report = await validator.validate(snapshotFrom({ ...cleanValues(), ...changes }, opts), {
    now: NOW,
    previous: opts.previous ?? null,
    locale: opts.locale,
  });
  return report.findings;
}

/** rule, severity, cells as NAME@sheet!A1, values. */
export function brief(f: Finding): { rule: string; severity: string; cells: string[]; values: Finding['values'] } {
  return { rule: f.rule, severity: f.severity, cells: f.cells.map((c) => `${c.name}@${c.sheet}!${c.address}`), values: f.values };
}

export const rulesOf = (fs: Finding[]): string[] => fs.map((f) => f.rule);

/**
 * 表三 values: every cell 0 except those given per column (parts only); the SUM column is the
 * row total of the parts. Use with a narrative that states no figures.
 */
export function t3Values(cols: Record<string, Record<string, number>>): Values {
  const v: Values = {};
  for (const row of T3_ROWS) {
    let sum = 0;
    for (const col of T3_COLUMNS) {
      if (col.key === 'SUM') continue;
      const n = cols[col.key]?.[row.key] ?? 0;
      v[t3Name(row.key, col.key)] = n;
      sum += n;
    }
    v[t3Name(row.key, 'SUM')] = sum;
  }
  return v;
}

/** An overview that states no figures (so TXT-NUMBERS has nothing to compare). */
export const PLAIN_OVERVIEW = '本机关认真贯彻《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作，及时答复依申请公开事项，并将政务公开纳入年度绩效考核。';
