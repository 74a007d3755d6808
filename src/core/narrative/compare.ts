/**
 * Compares what a narrative asserts with the table cells, as a reviewer does, and stays silent
 * whenever the reading is unsure: a part is never compared with a total, two different figures for
 * the same thing in one text are not second-guessed, a blank or non-numeric cell is left to the
 * CELL-* checks.
 */
import type { Assertion, Topic } from './read';
import { splitSentences } from './sentences';

/** How the table reads one figure: a number, or null when the cells hold no certain number. */
export type TableLookup = (name: string) => number | null;

/**
 * What is compared:
 * - numbers: a stated total (> 0) against a non-zero table figure (TXT-NUMBERS);
 * - none: "nothing happened" against a non-zero table figure, or a stated figure / "发生" against a
 *   zero table figure (TXT-NO-REQUEST, TXT-NO-REVIEW);
 * - allDone: "全部办结" against 结转下年度 > 0 (TXT-ALL-DONE).
 */
export type Check = 'numbers' | 'none' | 'allDone';

export interface Comparison {
  /** True when the text and the table agree, or when there is nothing sure to compare. */
  ok: boolean;
  /** The sentence quoted, and the words that carry the figure. */
  sentence: string | null;
  phrase: string | null;
  /** The stated figure (0 for a statement of none) and its measure word (件 when none was written). */
  stated: number | null;
  unit: string;
  /** The table figure compared with. */
  table: number | null;
  /** The table row as printed, in each language. */
  row: string;
  rowEn: string;
  /** What else the figure was compared with (新收 + 上年结转), as a clause to append, or ''. */
  extra: string;
  extraEn: string;
}

interface TopicSpec {
  names: readonly string[];
  row: string;
  rowEn: string;
}

const NEW_ROW = '表三“一、本年新收政府信息公开申请数量”总计';
const NEW_ROW_EN = 'Table 3 "I. New requests received this year", total';
const CARRY_ROW = '表三“二、上年结转政府信息公开申请数量”总计';
const CARRY_ROW_EN = 'Table 3 "II. Requests carried over from last year", total';

const TOPICS: Readonly<Record<Topic, TopicSpec>> = {
  RECEIVED: { names: ['T3_NEW_SUM'], row: NEW_ROW, rowEn: NEW_ROW_EN },
  NEW: { names: ['T3_NEW_SUM'], row: NEW_ROW, rowEn: NEW_ROW_EN },
  CARRY: { names: ['T3_CARRY_SUM'], row: CARRY_ROW, rowEn: CARRY_ROW_EN },
  CARRYOUT: { names: ['T3_CARRYOUT_SUM'], row: '表三“四、结转下年度继续办理”总计', rowEn: 'Table 3 "IV. Carried forward to next year", total' },
  REVIEW: { names: ['T4_REVIEW_TOTAL'], row: '表四“行政复议·总计”', rowEn: 'Table 4 "administrative review: total"' },
  LITIGATION: {
    names: ['T4_DIRECT_TOTAL', 'T4_AFTER_TOTAL'],
    row: '表四“行政诉讼”两组总计（未经复议直接起诉与复议后起诉之和）',
    rowEn: 'Table 4 litigation totals (without prior review plus after review)',
  },
  NORM_ISSUED: { names: ['T2_NORM_ISSUED'], row: '表二“行政规范性文件·本年制发件数”', rowEn: 'Table 2 "normative documents: issued this year"' },
  NORM_REPEALED: { names: ['T2_NORM_REPEALED'], row: '表二“行政规范性文件·本年废止件数”', rowEn: 'Table 2 "normative documents: repealed this year"' },
  NORM_VALID: { names: ['T2_NORM_VALID'], row: '表二“行政规范性文件·现行有效件数”', rowEn: 'Table 2 "normative documents: in force"' },
};

function tableSum(names: readonly string[], lookup: TableLookup): number | null {
  let total = 0;
  for (const n of names) {
    const v = lookup(n);
    if (v === null) return null;
    total += v;
  }
  return total;
}

type TableSide = Pick<Comparison, 'table' | 'row' | 'rowEn' | 'extra' | 'extraEn'>;

const SILENT: Omit<Comparison, keyof TableSide> = {
  ok: true,
  sentence: null,
  phrase: null,
  stated: null,
  unit: '件',
};

function result(a: Assertion | null, ok: boolean, side: TableSide): Comparison {
  if (!a || ok) return { ...SILENT, ...side };
  return { ok: false, sentence: a.sentence, phrase: a.phrase, stated: a.value, unit: a.unit ?? '件', ...side };
}

/** The topics a check about `topic` reads: applications are stated as 收到/受理 or as 新收. */
function topicsOf(topic: Topic): Topic[] {
  return topic === 'RECEIVED' ? ['RECEIVED', 'NEW'] : [topic];
}

/**
 * Compares the assertions about one topic with the table.
 * Topic RECEIVED covers "收到/受理…申请" (本年新收, or 新收 + 上年结转, both accepted) and "新收" (本年新收 only);
 * a figure stated with "（含上年结转…）" must equal 新收 + 上年结转.
 */
export function compareTopic(assertions: readonly Assertion[], topic: Topic, check: Check, lookup: TableLookup): Comparison {
  const spec = TOPICS[topic];
  const table = tableSum(spec.names, lookup);
  const carry = topic === 'RECEIVED' ? lookup('T3_CARRY_SUM') : null;
  const side: TableSide = { table, row: spec.row, rowEn: spec.rowEn, extra: '', extraEn: '' };
  if (check === 'numbers' && topic === 'RECEIVED' && table !== null && carry !== null && carry > 0) {
    side.extra = `，与${CARRY_ROW} ${carry} 件合计 ${table + carry} 件`;
    side.extraEn = `, ${table + carry} with the ${carry} carried over`;
  }
  if (table === null) return result(null, true, side);
  const mine = assertions.filter((a) => topicsOf(topic).includes(a.topic));

  if (check === 'allDone') {
    const done = mine.find((a) => a.kind === 'all-done');
    // a text that also states a carried-forward figure is not read as "nothing carried forward"
    const statesCarryout = mine.some((a) => a.kind === 'total' && (a.value ?? 0) > 0);
    return result(done ?? null, !done || table <= 0 || statesCarryout, side);
  }

  const totals = mine.filter((a) => (a.kind === 'total' || a.kind === 'with-carry') && a.value !== null);
  const zeros = mine.filter((a) => a.kind === 'zero' || (a.kind === 'total' && a.value === 0));
  const positive = totals.filter((a) => (a.value ?? 0) > 0);
  const accepts = (a: Assertion): boolean => {
    if (a.value === null) return true;
    if (a.kind === 'with-carry') return carry !== null && a.value === table + carry;
    if (a.topic === 'RECEIVED') return a.value === table || (carry !== null && a.value === table + carry);
    return a.value === table;
  };

  // Applications, reviews and lawsuits: a zero on one side is TXT-NO-*, not TXT-NUMBERS.
  const zeroIsNone = topic === 'RECEIVED' || topic === 'REVIEW' || topic === 'LITIGATION';

  if (check === 'none') {
    if (!zeroIsNone) return result(null, true, side);
    if (table > 0) {
      // "未收到申请" while 新收 > 0; silent when the text also states a figure (it contradicts itself)
      if (zeros.length > 0 && positive.length === 0 && !mine.some((a) => a.kind === 'occurred')) {
        return result(zeros[0], false, side);
      }
      return result(null, true, side);
    }
    if (table === 0 && zeros.length === 0) {
      const claim = positive.find((a) => !(a.kind === 'with-carry' && accepts(a))) ?? mine.find((a) => a.kind === 'occurred');
      if (claim && !(topic === 'RECEIVED' && carry !== null && claim.value !== null && claim.value === carry)) {
        return result(claim, false, side);
      }
    }
    return result(null, true, side);
  }

  // numbers
  const compared = zeroIsNone ? (table > 0 ? positive : []) : totals;
  if (compared.length === 0 || compared.some(accepts)) return result(null, true, side);
  // two different figures for the same thing: the text is unsure of itself, say nothing
  if (new Set(compared.map((a) => `${a.kind}:${a.value}`)).size > 1) return result(null, true, side);
  return result(compared[0], false, side);
}

/**
 * Years a narrative gives for itself: "统计期限为2024年1月1日…" and sentences that open with the year
 * ("2024年，我局…"). A year named inside a sentence ("2024年度报告指出的问题已整改") is not the text's own.
 */
export function statedYears(text: string): Array<{ year: number; sentence: string }> {
  const out: Array<{ year: number; sentence: string }> = [];
  const patterns = [
    /统计期限[为是：:]*自?\s*(\d{4})\s*年/u,
    /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\s)*(\d{4})\s*年度?(?:以来)?\s*[，,]?\s*(?:我|本|全|市|县|区|镇|乡|街道|在)/u,
  ];
  for (const { text: sentence } of splitSentences(text)) {
    for (const re of patterns) {
      const m = re.exec(sentence);
      if (m) {
        out.push({ year: Number(m[1]), sentence });
        break;
      }
    }
  }
  return out;
}
