/**
 * Reads the figures a narrative asserts, the way a reviewer of a 政府信息公开工作年度报告 reads them.
 *
 * A sentence such as "共受理政府信息公开申请24件（含上年结转1件）" asserts two things: 24 applications
 * in total *including* the carry-over, and 1 carried over. "其中自然人申请20件" is a part, not a total;
 * "因政府信息公开引起行政复议10件、行政诉讼3件" asserts two totals; "行政复议、行政诉讼数量均为0" and
 * "未收到政府信息公开申请" assert zero. Each reading names what it counts (a Topic) and how sure it
 * is (a Kind); the comparison (compare.ts) only ever uses totals and zeros, so a part, an estimate
 * ("230余件") or a phrase it cannot place stays silent.
 */
import { parseFigure } from './numerals';
import { splitClauses, splitSentences } from './sentences';

/**
 * What a figure counts:
 * - RECEIVED: applications received or accepted (收到/受理/接收/办理…申请): 本年新收, or 新收 + 上年结转;
 * - NEW: 本年新收 (the word 新收);
 * - CARRY: 上年结转; CARRYOUT: 结转下年度;
 * - REVIEW: 行政复议; LITIGATION: 行政诉讼;
 * - NORM_ISSUED / NORM_REPEALED / NORM_VALID: 行政规范性文件 made, repealed, in force (表二).
 */
export type Topic =
  | 'RECEIVED'
  | 'NEW'
  | 'CARRY'
  | 'CARRYOUT'
  | 'REVIEW'
  | 'LITIGATION'
  | 'NORM_ISSUED'
  | 'NORM_REPEALED'
  | 'NORM_VALID';

/**
 * How a figure relates to its topic:
 * - total: the whole count ("收到申请24件", "行政复议10件");
 * - with-carry: a total that includes the carry-over ("24件（含上年结转1件）");
 * - partial: a part (其中, 维持, 纠正, 已办结, an applicant or a channel) — never compared;
 * - zero: a statement that nothing happened ("未发生行政复议", "数量为0");
 * - occurred: a statement that something happened, without a figure ("发生行政复议案件");
 * - all-done: every application was completed (全部办结, 均已办结, 办结率100%): nothing carried forward.
 */
export type Kind = 'total' | 'with-carry' | 'partial' | 'zero' | 'occurred' | 'all-done';

export interface Assertion {
  topic: Topic;
  kind: Kind;
  /** The figure; 0 for zero and all-done; null for occurred. */
  value: number | null;
  /** The measure word after the figure (件 条 宗 个 起 例 份), when there is one. */
  unit: string | null;
  /** The whole sentence, as written (for the message). */
  sentence: string;
  /** The words that carry the assertion ("受理政府信息公开申请24件", "未发生行政复议"). */
  phrase: string;
}

// A figure followed by a measure word. Chinese numerals only count with the measure word right after.
const FIGURE = /([0-9０-９][0-9０-９,，]*|[零〇一二两三四五六七八九十百千]+)\s*(件|条|宗|个|起|例|份)(?!\s*[0-9０-９])/gu;

const CARRY = /上一?年度?(?:结转|转结|遗留|未办结)|(?:由|从)上一?年度?结转|结转上一?年度?/u;
const CARRYOUT = /(?:结转|转结|转入|结转至|转至)(?:至|到|入)?(?:下一?年度?|次年|\d{4}年度?)|下一?年度?继续办理|跨年度?办理/u;
const REVIEW = /行政复议/u;
const LITIGATION = /行政诉讼|行政应诉/u;
const NORM = /规范性文件/u;
const NORM_ISSUED = /制发|印发|出台|发布|制定/u;
const NORM_REPEALED = /废止|宣布失效/u;
const NORM_VALID = /现行有效/u;
const APPLICATION = /申请(?!人)|依申请/u;
/**
 * A sentence is about 政府信息公开 applications only when it says so: "受理行政许可申请1200件" in a sentence
 * on 主动公开 is not. Other applications named in the words before a figure rule it out.
 */
const APPLICATION_CONTEXT = /信息公开申请|依申请|公开申请|申请公开|公开信息的申请|信息公开的申请|申请信息公开|公开的申请/u;
const OTHER_APPLICATION = /许可|审批|政务服务|办件|信访|人大|政协|建议|提案|登记|补贴|救助|目录|指南|栏目|专栏|制度|流程|培训|发布|更新|修订|印发/u;
/** 行政复议/诉讼 in general (a 司法局's caseload) is not 表四: the sentence or the words before the figure must tie it to 公开. */
const CASE_CONTEXT = /信息公开|政务公开|依申请|公开申请|被申请|被提起|被诉|引起|涉及|发生/u;
const NEW_WORD = /新收/u;

/** Parts of a total that no 共/合计 turns back into the total. */
const SUBSET = /其中|包括|含有?|另有|维持|纠正|纠错|撤销|驳回|审结|结案|已?决定|已?判决|胜诉|败诉|调解|和解|予以公开|部分公开|不予公开|无法提供|不予处理|办结|办理完毕|答复|回复|撤回|撤件|补正|告知|转办|逾期/u;
/** A breakdown by applicant or channel: a part, unless 共/合计 says the figure sums the parts. */
const BREAKDOWN = /自然人|公民|个人|法人|企业|组织|机构|律师|当面|现场|窗口|网上|线上|线下|网络|在线|信函|邮寄|邮件|传真|电话|网站|平台|微信/u;
const TOTAL_WORD = /共|合计|总计|累计|总量|总数/u;
/** 其中/含 do not make a carry-over or a 新收 figure partial: "其中上年结转8件" states the carry-over in full. */
const COMPONENT_WORDS = /其中|包括|含有?|另有/gu;

const NEG = /(?:未|没有|并未|均未|尚未|从未)(?:发生|收到|出现|受理|接到|产生|涉及|被申请|被提起|被|有)|(?:无|尚无|暂无|并无|没有)(?=[^，。；]{0,6}?(?:行政复议|行政诉讼|依申请|政府信息公开申请|公开申请))/u;
const ZERO_AFTER = /(?:为|是|计|达)\s*(?:0|０|零)(?![0-9０-９.])|均为(?:零|0|０)|均无/u;
const OCCURRED = /(?:发生|收到|受理|接到|被申请|被提起|引起|涉及)了?[^，。；、\d０-９]{0,10}?(?:行政复议|行政诉讼)/u;
const ALL_DONE = /(?:全部|均已|均|已全部|全部已)(?:依法|按时|按期|及时|在法定期限内)*(?:办结|办理完毕|办理完成|完成办理|予以答复|答复完毕)|均已答复|办结率(?:达到?|为)?\s*100\s*[%％]/u;

interface TopicHit {
  topic: Topic;
  /** Where the word that names the topic starts, in the searched text. */
  index: number;
}

/** The topic a label names, by priority (carry-over before applications, cases before 申请人…). */
function topicOf(label: string, normContext: boolean, sentence = label): TopicHit | null {
  const at = (re: RegExp): number => {
    const m = re.exec(label);
    return m ? m.index : -1;
  };
  let i: number;
  if ((i = at(CARRYOUT)) >= 0) return { topic: 'CARRYOUT', index: i };
  if ((i = at(CARRY)) >= 0) return { topic: 'CARRY', index: i };
  const r = at(REVIEW);
  const l = at(LITIGATION);
  if (r >= 0 && l >= 0) return null; // "行政复议和行政诉讼共3件": one figure for two rows
  if ((r >= 0 || l >= 0) && !CASE_CONTEXT.test(sentence) && !CASE_CONTEXT.test(label)) return null;
  if (r >= 0) return { topic: 'REVIEW', index: r };
  if (l >= 0) return { topic: 'LITIGATION', index: l };
  const n = at(NORM);
  if (n >= 0 || normContext) {
    // "现行有效规范性文件40件" or, after "清理规范性文件…", "废止12件"
    if ((i = at(NORM_VALID)) >= 0) return { topic: 'NORM_VALID', index: i };
    if ((i = at(NORM_REPEALED)) >= 0) return { topic: 'NORM_REPEALED', index: i };
    if ((i = at(NORM_ISSUED)) >= 0) return { topic: 'NORM_ISSUED', index: i };
    return null;
  }
  if (!APPLICATION_CONTEXT.test(sentence) && !APPLICATION_CONTEXT.test(label)) return null;
  if (OTHER_APPLICATION.test(label)) return null;
  if ((i = at(APPLICATION)) >= 0) return { topic: at(NEW_WORD) >= 0 ? 'NEW' : 'RECEIVED', index: i };
  if ((i = at(NEW_WORD)) >= 0) return { topic: 'NEW', index: i };
  return null;
}

function kindOf(topic: Topic, label: string): Kind {
  const componentTopic = topic === 'CARRY' || topic === 'CARRYOUT' || topic === 'NEW';
  const l = componentTopic ? label.replace(COMPONENT_WORDS, '') : label;
  if (SUBSET.test(l)) return 'partial';
  if (BREAKDOWN.test(l) && !TOTAL_WORD.test(l)) return 'partial';
  return 'total';
}

/** Figures of one clause, with the label before each (the words since the previous figure). */
function figuresOf(
  clause: string,
  rest: string,
): Array<{ value: number; unit: string; label: string; after: string; phrase: string }> {
  const out: Array<{ value: number; unit: string; label: string; after: string; phrase: string }> = [];
  let last = 0;
  for (const m of clause.matchAll(FIGURE)) {
    const value = parseFigure(m[1].replace(/[,，]/gu, ''));
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const label = clause.slice(last, start);
    // A figure glued to the digit of a year or a decimal ("2023件"? no; "1.5件") is not a count
    const before = clause.slice(Math.max(0, start - 1), start);
    last = end;
    if (value === null || /[0-9０-９.．]/u.test(before)) continue;
    // `after` runs past the clause: "24件（含上年结转1件）" says what 24 includes in brackets
    out.push({ value, unit: m[2], label, after: clause.slice(end) + rest, phrase: clause.slice(start - label.length, end) });
  }
  return out;
}

/** The text right after a figure says it includes the carry-over: "24件（含上年结转1件）", "，其中上年结转1件". */
const INCLUDES_CARRY = /^\s*[（(，,]?\s*(?:含|包括|其中)[^，。；）)]{0,4}?上一?年度?(?:结转|转结)/u;

/**
 * Every assertion of a narrative, in text order. Pure and total: any string in, a list out.
 */
export function readNarrative(text: string): Assertion[] {
  const out: Assertion[] = [];
  let previous = '';
  for (const s of splitSentences(text)) {
    const sentence = s.text;
    // what ties a figure to 政府信息公开 may be said in the sentence before ("收到政府信息公开申请34件。申请人行政复议1件")
    const context = previous + sentence;
    previous = sentence;
    let current: Topic | null = null;
    let normContext = false;
    const hasApplication = APPLICATION_CONTEXT.test(context) && !OTHER_APPLICATION.test(sentence);
    const clauses = splitClauses(sentence);
    for (const c of clauses) {
      const clause = c.text;
      const figures = figuresOf(clause, sentence.slice(c.start + clause.length));
      const seen = new Set<Topic>();
      for (const f of figures) {
        if (NORM.test(f.label)) normContext = true;
        let hit = topicOf(f.label, normContext, context);
        let kind: Kind;
        const named = hit !== null;
        if (hit) {
          kind = kindOf(hit.topic, f.label);
        } else {
          // "另有5件申请转结下年度": the words after the figure name it
          const afterHit = topicOf(f.after.split(AFTER_END)[0], false, context);
          // "共有一件依申请公开…" names applications after the figure too, when a verb of receiving precedes it
          const receiving = /(?:共有|收到|受理|接到|接收)\s*$/u.test(f.label);
          if (afterHit && (afterHit.topic === 'CARRY' || afterHit.topic === 'CARRYOUT' || (receiving && afterHit.topic === 'RECEIVED'))) {
            hit = afterHit;
            kind = 'total';
          } else if (current !== null) {
            // "…申请24件，合计24件" inherits the topic; anything else unlabelled is a part of it
            hit = { topic: current, index: 0 };
            kind = /^[^\p{L}]*(?:共计|合计|总计|共|累计|总共)[^\p{L}]*$/u.test(f.label) ? 'total' : 'partial';
          } else continue;
        }
        const topic: Topic = hit.topic;
        if (kind === 'total' && (topic === 'RECEIVED' || topic === 'NEW') && INCLUDES_CARRY.test(f.after)) kind = 'with-carry';
        out.push({ topic, kind, value: f.value, unit: f.unit, sentence, phrase: f.phrase.trim() });
        seen.add(topic);
        if (named && (topic === 'RECEIVED' || topic === 'NEW' || topic === 'REVIEW' || topic === 'LITIGATION')) current = topic;
      }
      readStatements(clause, sentence, figures.length > 0, seen, out);
      if (NORM.test(clause)) normContext = true;
    }
    if (hasApplication && !CARRYOUT.test(sentence)) {
      const m = ALL_DONE.exec(sentence);
      if (m) out.push({ topic: 'CARRYOUT', kind: 'all-done', value: 0, unit: null, sentence, phrase: m[0] });
    }
  }
  return out;
}

/** The words after a figure that may still name it end at the next figure or clause mark. */
const AFTER_END = /[0-9０-９，,：:（()）；;。！？!?]/u;

/** Zero and "occurred" statements of one clause, for topics it has no figure for. */
function readStatements(clause: string, sentence: string, hasFigures: boolean, seen: Set<Topic>, out: Assertion[]): void {
  const topicsIn = (part: string): Array<{ topic: Topic; index: number }> => {
    const found: Array<{ topic: Topic; index: number }> = [];
    const r = REVIEW.exec(part);
    if (r) found.push({ topic: 'REVIEW', index: r.index });
    const l = LITIGATION.exec(part);
    if (l) found.push({ topic: 'LITIGATION', index: l.index });
    if (!r && !l && !CARRY.test(part) && !CARRYOUT.test(part) && APPLICATION_CONTEXT.test(part) && !OTHER_APPLICATION.test(part)) {
      const a = APPLICATION.exec(part);
      if (a) found.push({ topic: 'RECEIVED', index: a.index });
    }
    return found.sort((x, y) => x.index - y.index);
  };
  const neg = NEG.exec(clause);
  if (neg) {
    const rest = clause.slice(neg.index);
    const upto = rest.search(/[0-9０-９]/u);
    const scope = upto >= 0 ? rest.slice(0, upto) : rest;
    const topics = topicsIn(scope);
    // the first topic word must follow the negation closely ("未收到…申请", not "未按规定…的申请")
    if (topics.length > 0 && topics[0].index <= neg[0].length + 14) {
      for (const t of topics) {
        if (seen.has(t.topic)) continue;
        seen.add(t.topic);
        out.push({ topic: t.topic, kind: 'zero', value: 0, unit: null, sentence, phrase: scope.replace(/[的。]+$/u, '') });
      }
      return;
    }
  }
  const zero = ZERO_AFTER.exec(clause);
  if (zero) {
    const scope = clause.slice(0, zero.index + zero[0].length);
    for (const t of topicsIn(clause.slice(0, zero.index))) {
      if (seen.has(t.topic)) continue;
      seen.add(t.topic);
      out.push({ topic: t.topic, kind: 'zero', value: 0, unit: null, sentence, phrase: scope.slice(t.index) });
    }
    return;
  }
  if (!hasFigures) {
    const occ = OCCURRED.exec(clause);
    if (occ && !/(?:未|没有|无|不)$/u.test(clause.slice(0, occ.index))) {
      for (const t of topicsIn(occ[0])) {
        if (t.topic === 'RECEIVED' || seen.has(t.topic)) continue;
        seen.add(t.topic);
        out.push({ topic: t.topic, kind: 'occurred', value: null, unit: null, sentence, phrase: occ[0] });
      }
    }
  }
}
