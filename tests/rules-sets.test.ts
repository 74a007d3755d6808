/**
 * Name sets by key: a fact term {"set": "t3Results.NAT"} stands for the 21 result rows of a 表三
 * column, {"set": "t3Applicants.NEW"} for the six applicant columns of a row. The standard rules use
 * them (short conditions for json-rules-engine to copy on every run); the sums are the same.
 */
import { T3_RESULT_ROWS } from '../src/core/catalogue';
import { balanceFact, sumFact } from '../src/core/rules/facts';
import { NAME_SETS } from '../src/core/rules/sets';
import { lintRuleSources, loadRuleSet } from '../src/core/validator';
import { readRuleSources } from '../src/io/load-rules';
import { findingsFor } from './helpers/rules';
import { cleanValues, snapshotFrom } from './helpers/snapshot';

describe('name sets', () => {
  it('t3Results and t3Applicants list the names of the official table', () => {
    expect(NAME_SETS['t3Results.NAT']).toEqual(T3_RESULT_ROWS.map((r) => `T3_${r}_NAT`));
    expect(NAME_SETS['t3Results.SUM']).toHaveLength(21);
    expect(NAME_SETS['t3Applicants.NEW']).toEqual(['T3_NEW_NAT', 'T3_NEW_BIZ', 'T3_NEW_RES', 'T3_NEW_NGO', 'T3_NEW_LAW', 'T3_NEW_ORG']);
    expect(Object.keys(NAME_SETS).filter((k) => k.startsWith('t3Applicants.'))).toHaveLength(25);
  });

  it('a set term sums like its names spelled out', () => {
    const values = cleanValues();
    values.T3_OPEN_NAT = 4;
    values.T3_OT_OTHER_NAT = 3;
    const ctx = { snapshot: snapshotFrom(values), previous: null, currentYear: 2025 };
    const spelled = sumFact(ctx, NAME_SETS['t3Results.NAT'].slice());
    expect(sumFact(ctx, [{ set: 't3Results.NAT' }])).toEqual(spelled);
    expect(balanceFact(ctx, [{ set: 't3Results.NAT' }], ['T3_TOTAL_NAT'])).toEqual(balanceFact(ctx, NAME_SETS['t3Results.NAT'].slice(), ['T3_TOTAL_NAT']));
  });

  it('the standard T3-RESULTS and T3-ROWSUM rules use the sets and still report the exact sums', async () => {
    const rs = loadRuleSet(readRuleSources());
    const results = rs.rules.find((r) => r.name === 'T3-RESULTS@NAT')!;
    expect(JSON.stringify(results.conditions)).toContain('"set":"t3Results.NAT"');
    const values = cleanValues();
    values.T3_OT_OTHER_NAT = (values.T3_OT_OTHER_NAT as number) + 2;
    const findings = (await findingsFor(values)).filter((f) => f.rule === 'T3-RESULTS' || f.rule === 'T3-ROWSUM');
    expect(findings.map((f) => [f.rule, f.cells[0].name, f.values])).toEqual([
      ['T3-ROWSUM', 'T3_OT_OTHER_SUM', expect.objectContaining({ absDiff: 2 })],
      ['T3-RESULTS', 'T3_TOTAL_NAT', expect.objectContaining({ absDiff: 2 })],
    ]);
  });

  it('an unknown set in a local rule is reported by the linter', () => {
    const local = {
      path: 'local/x.json',
      json: {
        format: 'zwgk-rules/1',
        rules: [
          {
            name: 'LOCAL-X',
            conditions: { all: [{ fact: 'sum', params: { names: [{ set: 't3Results.NOPE' }] }, path: 'value', operator: 'greaterThanInclusive', value: 0 }] },
            event: {
              type: 'x',
              params: { ruleId: 'LOCAL-X', severity: 'info', cells: ['T3_NEW_SUM'], description: { 'zh-CN': '甲', en: 'a' }, message: { 'zh-CN': '甲', en: 'a' } },
            },
          },
        ],
      },
    };
    const problems = lintRuleSources([...readRuleSources(), local]).map((p) => p.problem.en);
    expect(problems).toEqual(['unknown indicator name "set "t3Results.NOPE""']);
  });
});
