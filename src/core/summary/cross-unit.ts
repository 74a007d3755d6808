/**
 * Checks across the units of one batch (checks.md, "Across units"): U-DUPLICATE, U-YEAR and
 * U-SAME-TEXT. Pure: works on the per-unit rows the summary keeps, after every file has been read.
 */
import { COMPARED_SECTIONS } from '../narrative/identity';
import type { Finding, FindingCell, LocalisedText, Severity } from '../report';
import { checkCreditCode } from '../rules/credit-code';
import { codeKey, nameKey } from './keys';
import type { UnitRow } from './unit-row';

/** The checks computed here: id, severity (the worst it takes) and what it checks, for the check list. */
export const CROSS_UNIT_CHECKS: ReadonlyArray<{ id: string; severity: Severity; description: LocalisedText; ref?: string }> = [
  {
    id: 'U-DUPLICATE',
    severity: 'error',
    description: {
      'zh-CN': '同一统一社会信用代码或同一单位名称在本批次中报送了多份（名称相同而两个代码都有效且不同的，为警告）',
      en: 'Two submissions with the same credit code or unit name (a warning when the names match but both codes are valid and differ)',
    },
  },
  {
    id: 'U-YEAR',
    severity: 'error',
    description: { 'zh-CN': '报告年度与本批次多数报送不同', en: 'A report year other than the rest of the batch' },
  },
  {
    id: 'U-SAME-TEXT',
    severity: 'warning',
    description: {
      'zh-CN': '文字部分（总体情况、存在的问题）与本批次其他单位完全相同（雷同）',
      en: 'A narrative section (overview, problems) word for word another unit’s in the batch',
    },
    ref: '国办公开办函〔2021〕30号（四）明确责任',
  },
];

export interface CrossUnitResult {
  /** The year most submissions report; null when no submission has a year. */
  majorityYear: number | null;
  /** Findings per row index. */
  byRow: Map<number, Finding[]>;
}

function finding(
  rule: string,
  messages: LocalisedText,
  cells: FindingCell[],
  values: Finding['values'],
  severity: Severity = 'error',
): Finding {
  return { rule, severity, message: messages['zh-CN'], messages, cells, values };
}

function validCode(code: string | null): boolean {
  return code !== null && checkCreditCode(code).checkOk;
}

function groupBy(rows: readonly UnitRow[], key: (r: UnitRow) => string | null): Map<string, UnitRow[]> {
  const groups = new Map<string, UnitRow[]>();
  for (const r of rows) {
    if (r.status === 'unreadable') continue;
    const k = key(r);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/**
 * The year of most submissions. On a tie the later year wins: a batch is collected for the
 * report year just ended, and older files are the usual stray ones.
 */
export function majorityYear(rows: readonly UnitRow[]): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.status !== 'unreadable' && r.unit.year !== null) counts.set(r.unit.year, (counts.get(r.unit.year) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = n;
    }
  }
  return best;
}

const LIST_SEP = { 'zh-CN': '、', en: ', ' } as const;

/**
 * At most this many other files are named in one finding. A large group (a text copied by every
 * 乡镇 of a county) would otherwise make each of its findings list all the others: quadratic in the
 * batch size, in memory and in what a reader can take in.
 */
const MAX_NAMED = 5;

/** The other files of a group as the messages name them: the first few, then how many in all. */
function namedOthers(group: readonly UnitRow[], self: UnitRow, keep: (o: UnitRow) => boolean, total: number): { zh: string; en: string; value: string } {
  const named: string[] = [];
  for (const o of group) {
    if (named.length === MAX_NAMED) break;
    if (o !== self && keep(o)) named.push(o.file);
  }
  const more = total - named.length;
  return {
    zh: named.join(LIST_SEP['zh-CN']) + (more > 0 ? ` 等 ${total} 个文件` : ''),
    en: named.join(LIST_SEP.en) + (more > 0 ? ` and ${more} more` : ''),
    value: named.join('; ') + (more > 0 ? `; +${more}` : ''),
  };
}

export function crossUnitFindings(rows: readonly UnitRow[]): CrossUnitResult {
  const plan = planCrossUnit(rows);
  const byRow = new Map<number, Finding[]>();
  for (const r of rows) {
    const found = plan.findingsFor(r);
    if (found.length) byRow.set(r.index, found);
  }
  return { majorityYear: plan.majorityYear, byRow };
}

/**
 * The checks across units, prepared once for a batch (the groups of alike units and the majority
 * year): the findings of each row are made when asked for, so a caller that hands them on row by
 * row (the summary's spool) never holds those of the whole batch — a batch of units that all
 * share a text has two findings a unit.
 */
export interface CrossUnitPlan {
  /** The year most submissions report; null when no submission has a year. */
  majorityYear: number | null;
  /** The findings of one row of the batch, in check order (U-DUPLICATE by code, by name, U-SAME-TEXT, U-YEAR). */
  findingsFor(r: UnitRow): Finding[];
}

export function planCrossUnit(rows: readonly UnitRow[]): CrossUnitPlan {
  const byCode = groupBy(rows, (r) => codeKey(r.unit.code));
  const byName = groupBy(rows, (r) => nameKey(r.unit.name));
  const texts = COMPARED_SECTIONS.map((section) => ({
    section,
    groups: groupBy(rows, (r) => {
      const sig = r.narrative?.[section.name];
      return sig ? `${sig.hash}:${sig.length}` : null;
    }),
  }));
  // Counted once per group, so a large group stays linear: how many share each code, and how many codes are valid.
  const nameStats = new Map<string, { perCode: Map<string | null, number>; invalid: number }>();
  const statsOf = (name: string, group: readonly UnitRow[]): { perCode: Map<string | null, number>; invalid: number } => {
    let stats = nameStats.get(name);
    if (!stats) {
      const perCode = new Map<string | null, number>();
      let invalid = 0;
      for (const o of group) {
        const c = codeKey(o.unit.code);
        perCode.set(c, (perCode.get(c) ?? 0) + 1);
        if (!validCode(c)) invalid += 1;
      }
      nameStats.set(name, (stats = { perCode, invalid }));
    }
    return stats;
  };
  const year = majorityYear(rows);

  const findingsFor = (r: UnitRow): Finding[] => {
    if (r.status === 'unreadable') return [];
    const out: Finding[] = [];

    // U-DUPLICATE by code.
    const code = codeKey(r.unit.code);
    const sameCode = code === null ? undefined : byCode.get(code);
    if (code !== null && sameCode && sameCode.length >= 2) {
      const others = namedOthers(sameCode, r, () => true, sameCode.length - 1);
      out.push(
        finding(
          'U-DUPLICATE',
          {
            'zh-CN': `统一社会信用代码 ${code} 在本批次中出现 ${sameCode.length} 次（另见：${others.zh}）：同一单位只应报送一份，请删除重复的文件或更正代码。`,
            en: `The credit code ${code} occurs ${sameCode.length} times in this batch (also in: ${others.en}): keep one submission per unit, remove the duplicate file or correct the code.`,
          },
          r.cells.code ? [r.cells.code] : [],
          { code, count: sameCode.length, others: others.value },
        ),
      );
    }

    // U-DUPLICATE by name, for units whose codes differ (or are missing): same code is reported above.
    const name = nameKey(r.unit.name);
    const sameName = name === null ? undefined : byName.get(name);
    if (name !== null && sameName && sameName.length >= 2) {
      const { perCode, invalid } = statsOf(name, sameName);
      const mine = code;
      const differs = (o: UnitRow): boolean => mine === null || codeKey(o.unit.code) !== mine;
      const total = mine === null ? sameName.length - 1 : sameName.length - (perCode.get(mine) ?? 1);
      if (total > 0) {
        const others = namedOthers(sameName, r, differs, total);
        // two 城关镇人民政府 of one city: valid, different codes already prove they are different bodies
        // (the others here all have codes other than mine, so none of them is invalid when no row of the group is)
        const distinct = mine !== null && validCode(mine) && invalid === 0;
        out.push(
          finding(
            'U-DUPLICATE',
            {
              'zh-CN': `单位名称“${name}”在本批次中出现 ${sameName.length} 次（另见：${others.zh}）：同一单位只应报送一份；如果是不同单位，请填写完整的单位名称。`,
              en: `The unit name "${name}" occurs ${sameName.length} times in this batch (also in: ${others.en}): keep one submission per unit; if these are different units, give each its full name.`,
            },
            r.cells.name ? [r.cells.name] : [],
            { name, count: sameName.length, others: others.value },
            distinct ? 'warning' : 'error',
          ),
        );
      }
    }

    // U-SAME-TEXT: a narrative section word for word the same as another unit's of the batch.
    for (const { section, groups } of texts) {
      const sig = r.narrative?.[section.name];
      const group = sig ? groups.get(`${sig.hash}:${sig.length}`) : undefined;
      if (!sig || !group || group.length < 2) continue;
      const others = namedOthers(group, r, () => true, group.length - 1);
      const length = sig.length;
      out.push(
        finding(
          'U-SAME-TEXT',
          {
            'zh-CN': `文字部分“${section.label}”与本批次 ${others.zh} 的同一部分完全相同（${length} 字）。年度报告内容雷同的，按国办公开办函〔2021〕30号须追究责任：请各单位按本单位实际情况撰写。`,
            en: `Narrative "${section.labelEn}" is word for word the same as in ${others.en} of this batch (${length} characters). Each unit writes its own report.`,
          },
          [sig.cell],
          { section: section.name, length, others: others.value },
          'warning',
        ),
      );
    }

    // U-YEAR against the majority year.
    if (year !== null && r.unit.year !== null && r.unit.year !== year) {
      out.push(
        finding(
          'U-YEAR',
          {
            'zh-CN': `报告年度为 ${r.unit.year}，本批次其他报送为 ${year} 年度：请确认是否报错了文件或填错了年度。`,
            en: `The report year is ${r.unit.year} while the rest of the batch reports ${year}: check whether the wrong file was sent or the year is mistyped.`,
          },
          r.cells.year ? [r.cells.year] : [],
          { year: r.unit.year, batchYear: year },
        ),
      );
    }
    return out;
  };
  return { majorityYear: year, findingsFor };
}
