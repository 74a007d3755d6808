/**
 * Checks across the units of one batch (checks.md, "Across units"): U-DUPLICATE and U-YEAR.
 * Pure: works on the per-unit rows the summary keeps, after every file has been read.
 */
import type { Finding, FindingCell, LocalisedText } from '../report';
import { codeKey, nameKey } from './keys';
import type { UnitRow } from './unit-row';

export interface CrossUnitResult {
  /** The year most submissions report; null when no submission has a year. */
  majorityYear: number | null;
  /** Findings per row index. */
  byRow: Map<number, Finding[]>;
}

function finding(rule: string, messages: LocalisedText, cells: FindingCell[], values: Finding['values']): Finding {
  return { rule, severity: 'error', message: messages['zh-CN'], messages, cells, values };
}

function push(map: Map<number, Finding[]>, index: number, f: Finding): void {
  const list = map.get(index);
  if (list) list.push(f);
  else map.set(index, [f]);
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

export function crossUnitFindings(rows: readonly UnitRow[]): CrossUnitResult {
  const byRow = new Map<number, Finding[]>();

  // U-DUPLICATE by code.
  const byCode = groupBy(rows, (r) => codeKey(r.unit.code));
  for (const [code, group] of byCode) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group.filter((o) => o !== r).map((o) => o.file);
      push(
        byRow,
        r.index,
        finding(
          'U-DUPLICATE',
          {
            'zh-CN': `统一社会信用代码 ${code} 在本批次中出现 ${group.length} 次（另见：${others.join(LIST_SEP['zh-CN'])}）：同一单位只应报送一份，请删除重复的文件或更正代码。`,
            en: `The credit code ${code} occurs ${group.length} times in this batch (also in: ${others.join(LIST_SEP.en)}): keep one submission per unit, remove the duplicate file or correct the code.`,
          },
          r.cells.code ? [r.cells.code] : [],
          { code, count: group.length, others: others.join('; ') },
        ),
      );
    }
  }

  // U-DUPLICATE by name, for units whose codes differ (or are missing): same code is reported above.
  const byName = groupBy(rows, (r) => nameKey(r.unit.name));
  for (const [name, group] of byName) {
    if (group.length < 2) continue;
    for (const r of group) {
      const mine = codeKey(r.unit.code);
      const others = group.filter((o) => o !== r && (mine === null || codeKey(o.unit.code) !== mine)).map((o) => o.file);
      if (others.length === 0) continue;
      push(
        byRow,
        r.index,
        finding(
          'U-DUPLICATE',
          {
            'zh-CN': `单位名称“${name}”在本批次中出现 ${group.length} 次（另见：${others.join(LIST_SEP['zh-CN'])}）：同一单位只应报送一份；如果是不同单位，请填写完整的单位名称。`,
            en: `The unit name "${name}" occurs ${group.length} times in this batch (also in: ${others.join(LIST_SEP.en)}): keep one submission per unit; if these are different units, give each its full name.`,
          },
          r.cells.name ? [r.cells.name] : [],
          { name, count: group.length, others: others.join('; ') },
        ),
      );
    }
  }

  // U-YEAR against the majority year.
  const year = majorityYear(rows);
  if (year !== null) {
    for (const r of rows) {
      if (r.status === 'unreadable' || r.unit.year === null || r.unit.year === year) continue;
      push(
        byRow,
        r.index,
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
  }
  return { majorityYear: year, byRow };
}
