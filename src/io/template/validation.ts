/**
 * Excel data validation of each input cell: what may be typed, the hint shown when the cell is
 * selected, and the alert shown when the entry is refused. All three come from the indicator's
 * catalogue record; this module only speaks ExcelJS.
 * Excel limits the titles to 32 and the texts to 255 characters; the test checks that.
 */
import type ExcelJS from 'exceljs';
import { Indicator, YEAR_MAX, YEAR_MIN } from '../../core/catalogue';

export { YEAR_MAX, YEAR_MIN };

type Rule = Omit<ExcelJS.DataValidation, 'type' | 'formulae'> & {
  // 'any' (input hint only, no restriction) is written by ExcelJS but missing from its typings.
  type: ExcelJS.DataValidation['type'] | 'any';
  formulae: Array<number | string | Date>;
};

function rule(base: Partial<Rule> & Pick<Rule, 'type' | 'formulae'>, promptTitle: string, prompt: string, error?: string): Rule {
  return {
    allowBlank: true,
    showInputMessage: true,
    promptTitle,
    prompt,
    ...(error ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: '输入内容不符合要求', error } : {}),
    ...base,
  };
}

/** Excel refuses prompt and alert titles longer than 32 characters. */
export const TITLE_MAX = 32;

/**
 * Title of the input hint: the indicator's label, with the column first for 表三 cells so the part
 * that tells neighbouring cells apart survives the cut to 32 characters.
 */
export function promptTitleFor(ind: Indicator): string {
  const parts = ind.label.split(' · ');
  const text = ind.group === 'T3' && parts.length === 2 ? `${parts[1]} · ${parts[0]}` : ind.label;
  return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text;
}

export function validationFor(ind: Indicator): Rule {
  const v = ind.validation;
  const formulae = v.type === 'date' ? v.formulae.map((f) => (typeof f === 'string' ? new Date(`${f}T00:00:00Z`) : f)) : v.formulae;
  return rule(
    { type: v.type, ...(v.operator ? { operator: v.operator } : {}), formulae },
    promptTitleFor(ind),
    ind.hint,
    v.error,
  );
}
