/**
 * Findings about how last year's workbook of a unit was found (the Y-* rules themselves run in
 * the Validator once the previous snapshot is handed over).
 */
import { renderCode, staticCode } from '../codes/registry';
import type { Finding, FindingCell, LocalisedText } from '../report';
import type { UnitInfo } from '../snapshot';

/** A finding of a registered code: severity and text from the registry. */
function registered(rule: string, data: Record<string, string | null>, cells: FindingCell[], values: Finding['values']): Finding {
  const messages: LocalisedText = renderCode(rule, data);
  return { rule, severity: staticCode(rule)?.severity ?? 'info', message: messages['zh-CN'], messages, cells, values };
}

/** Y-MATCH-NAME: last year's workbook was found by the exact unit name, not by the credit code. */
export function matchedByNameFinding(unit: UnitInfo, previousFile: string, previousCode: string | null, cell?: FindingCell): Finding {
  return registered(
    'Y-MATCH-NAME',
    { previousFile, name: unit.name ?? '', previousCode, code: unit.code },
    cell ? [cell] : [],
    { previousFile, previousCode, code: unit.code },
  );
}

/** Y-NO-PREVIOUS: no workbook of last year for this unit, so the checks across years did not run. */
export function noPreviousFinding(unit: UnitInfo, cell?: FindingCell): Finding {
  return registered('Y-NO-PREVIOUS', { who: unit.code ?? unit.name ?? '' }, cell ? [cell] : [], { code: unit.code, name: unit.name });
}

/**
 * Y-NO-PREVIOUS when last year's folder holds only files of other years (e.g. this year's folder
 * given twice): says which years it holds instead of "not found", so the coordinator sees the
 * wrong folder at once.
 */
export function previousWrongYearFinding(unit: UnitInfo, years: readonly number[], expected: number, cell?: FindingCell): Finding {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const messages: LocalisedText = {
    'zh-CN': `上年报告目录中的文件是${sorted.join('、')}年度的，不是${expected}年度的：请检查 --previous 给出的文件夹，未进行跨年度校验。`,
    en: `The files in last year's folder are of ${sorted.join(', ')}, not of ${expected}: check the folder given with --previous; the checks across years did not run.`,
  };
  return {
    rule: 'Y-NO-PREVIOUS',
    severity: 'info',
    message: messages['zh-CN'],
    messages,
    cells: cell ? [cell] : [],
    values: { code: unit.code, name: unit.name, expectedYear: expected, foundYears: sorted.join(', ') },
  };
}
