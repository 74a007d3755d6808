/**
 * Findings about how last year's workbook of a unit was found (the Y-* rules themselves run in
 * the Validator once the previous snapshot is handed over).
 */
import type { Finding, FindingCell, LocalisedText } from '../report';
import type { UnitInfo } from '../snapshot';

function info(rule: string, messages: LocalisedText, cells: FindingCell[], values: Finding['values']): Finding {
  return { rule, severity: 'info', message: messages['zh-CN'], messages, cells, values };
}

/** Y-MATCH-NAME: last year's workbook was found by the exact unit name, not by the credit code. */
export function matchedByNameFinding(unit: UnitInfo, previousFile: string, previousCode: string | null, cell?: FindingCell): Finding {
  const prev = previousCode ?? '（空）';
  const prevEn = previousCode ?? '(blank)';
  const now = unit.code ?? '（空）';
  const nowEn = unit.code ?? '(blank)';
  return info(
    'Y-MATCH-NAME',
    {
      'zh-CN': `上年报告“${previousFile}”是按单位名称“${unit.name ?? ''}”匹配的（上年代码 ${prev}，本年代码 ${now}）：请确认是同一单位，跨年度校验以此为准。`,
      en: `Last year's workbook "${previousFile}" was matched by the unit name "${unit.name ?? ''}" (last year's code ${prevEn}, this year's ${nowEn}): make sure it is the same unit; the checks across years use it.`,
    },
    cell ? [cell] : [],
    { previousFile, previousCode, code: unit.code },
  );
}

/** Y-NO-PREVIOUS: no workbook of last year for this unit, so the checks across years did not run. */
export function noPreviousFinding(unit: UnitInfo, cell?: FindingCell): Finding {
  const who = unit.code ?? unit.name ?? '';
  return info(
    'Y-NO-PREVIOUS',
    {
      'zh-CN': `上年报告目录中没有找到本单位（${who}）的报告，未进行跨年度校验（上年结转等）。`,
      en: `No workbook of last year was found for this unit (${who}); the checks across years (carry-over etc.) did not run.`,
    },
    cell ? [cell] : [],
    { code: unit.code, name: unit.name },
  );
}

/**
 * Y-NO-PREVIOUS when last year's folder holds only files of other years (e.g. this year's folder
 * given twice): says which years it holds instead of "not found", so the coordinator sees the
 * wrong folder at once.
 */
export function previousWrongYearFinding(unit: UnitInfo, years: readonly number[], expected: number, cell?: FindingCell): Finding {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  return info(
    'Y-NO-PREVIOUS',
    {
      'zh-CN': `上年报告目录中的文件是${sorted.join('、')}年度的，不是${expected}年度的：请检查 --previous 给出的文件夹，未进行跨年度校验。`,
      en: `The files in last year's folder are of ${sorted.join(', ')}, not of ${expected}: check the folder given with --previous; the checks across years did not run.`,
    },
    cell ? [cell] : [],
    { code: unit.code, name: unit.name, expectedYear: expected, foundYears: sorted.join(', ') },
  );
}

/**
 * The note for a unit whose last-year file was not found: when last year's folder holds only
 * other years (`years`: the report years of its files) and none is the year before the unit's,
 * previousWrongYearFinding; else noPreviousFinding. Every host (CLI, web page) says the same.
 */
export function notFoundFinding(unit: UnitInfo, years: readonly number[], cell?: FindingCell): Finding {
  if (unit.year !== null && years.length > 0 && !years.includes(unit.year - 1)) return previousWrongYearFinding(unit, years, unit.year - 1, cell);
  return noPreviousFinding(unit, cell);
}
