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
