/**
 * Excel data validation of each input cell: what may be typed, the hint shown when the cell is
 * selected, and the alert shown when the entry is refused. Derived from the indicator's kind.
 * Excel limits the titles to 32 and the texts to 255 characters; the test checks that.
 */
import type ExcelJS from 'exceljs';
import { Indicator, UNIT_TYPES } from '../../core/catalogue';

export const YEAR_MIN = 2021;
export const YEAR_MAX = 2100;

const COUNT_HINT = '填写非负整数，没有的填 0；不要填“/”“无”“XX”“若干”，不要写“约”“余”“近”或单位。';

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
  switch (ind.kind) {
    case 'count':
      return rule(
        { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] },
        promptTitleFor(ind),
        COUNT_HINT,
        '这里只能填写大于或等于 0 的整数（没有的填 0）。',
      );
    case 'amount': {
      const unit = ind.unit ?? '元';
      return rule(
        { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] },
        promptTitleFor(ind),
        `填写金额，单位：${unit}，可带小数（如 12.35），只填数字，不写“${unit}”字；没有的填 0。`,
        `这里只能填写大于或等于 0 的数字，单位为${unit}。`,
      );
    }
    case 'choice':
      return rule(
        { type: 'list', formulae: [`"${(ind.choices ?? UNIT_TYPES).join(',')}"`] },
        promptTitleFor(ind),
        '从下拉列表中选择一项。',
        '请从下拉列表中选择，不要自行输入。',
      );
    case 'year':
      return rule(
        { type: 'whole', operator: 'between', formulae: [YEAR_MIN, YEAR_MAX] },
        promptTitleFor(ind),
        '填写报告所属年度的四位数字，如 2025。',
        `报告年度应为 ${YEAR_MIN}–${YEAR_MAX} 之间的四位整数。`,
      );
    case 'date':
      return rule(
        { type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(YEAR_MIN, 0, 1))] },
        promptTitleFor(ind),
        '填写日期，如 2026-01-15（年-月-日）。',
        '请按“年-月-日”填写一个日期，如 2026-01-15。',
      );
    case 'code':
      return rule(
        { type: 'textLength', operator: 'equal', formulae: [18] },
        promptTitleFor(ind),
        '填写 18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V），不要加空格。',
        '统一社会信用代码应为 18 位。',
      );
    case 'text':
      return rule({ type: 'any', formulae: [] }, promptTitleFor(ind), textHint(ind));
  }
}

function textHint(ind: Indicator): string {
  switch (ind.name) {
    case 'INFO_UNIT_NAME':
      return '填写单位全称，与公章一致。';
    case 'INFO_PARENT':
      return '填写负责汇总本单位年报的上级单位全称；没有的可不填。';
    case 'INFO_PHONE':
      return '填写固定电话（含区号，如 010-12345678）或手机号码。';
    case 'INFO_CONTACT':
      return '填写填报人姓名。';
    case 'TXT_FEE':
      return '写明“未收取信息处理费”，或写明收费金额与件数。';
    default:
      return '填写与年度报告正文一致的文字，可直接粘贴；单元格内换行按 Alt+Enter。';
  }
}
