/**
 * The fixed wording of the national format (国办公开办函〔2021〕30号) that a report document carries
 * around the tables: the title pattern, the six section headings and the preamble. The writer prints
 * these words and the readers look for them, so both live here once.
 */
import { TABLE_TITLES } from '../catalogue';

/** What follows the unit name and year in the title: "XX县教育局2025年政府信息公开工作年度报告". */
export const TITLE_SUFFIX = '政府信息公开工作年度报告';

export type SectionKey = 'overview' | 't2' | 't3' | 't4' | 'problems' | 'other';

export interface SectionSpec {
  key: SectionKey;
  /** Heading as the format words it. */
  heading: string;
  /** The Chinese numeral that opens the heading (一 … 六). */
  numeral: string;
  /** The narrative indicator the section's paragraphs belong to. */
  text?: 'TXT_OVERVIEW' | 'TXT_PROBLEMS' | 'TXT_OTHER';
}

export const SECTIONS: readonly SectionSpec[] = [
  { key: 'overview', heading: '一、总体情况', numeral: '一', text: 'TXT_OVERVIEW' },
  { key: 't2', heading: TABLE_TITLES.t2, numeral: '二' },
  { key: 't3', heading: TABLE_TITLES.t3, numeral: '三' },
  { key: 't4', heading: TABLE_TITLES.t4, numeral: '四' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况', numeral: '五', text: 'TXT_PROBLEMS' },
  { key: 'other', heading: '六、其他需要报告的事项', numeral: '六', text: 'TXT_OTHER' },
];

/** Lead of the paragraph of section 六 that states the 信息处理费 (TXT_FEE). */
export const FEE_LEAD = '信息处理费收取情况：';

/** The title of a unit's report for a year. */
export function reportTitle(unitName: string, year: number | null): string {
  return `${unitName}${year === null ? '' : `${year}年`}${TITLE_SUFFIX}`;
}

/** The opening paragraph every report carries: legal basis and the statistical period (calendar year). */
export function preamble(year: number | null): string {
  const basis =
    '本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》' +
    '（国办公开办函〔2021〕30号）要求编制。';
  return year === null ? basis : `${basis}本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
}
