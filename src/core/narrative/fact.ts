/**
 * The `narrative` fact: what rules ask of the narrative. One reading per workbook (cached by
 * snapshot), so the dozen rules that ask about it parse the overview once.
 *
 * params:
 * - {topic, check: 'numbers' | 'none' | 'allDone'}: a Comparison (compare.ts) of TXT_OVERVIEW with the table;
 * - {check: 'year'}: the years the overview gives for itself against INFO_YEAR;
 * - {check: 'samePrevious', name}: a narrative section identical to last year's (雷同);
 * - {check: 'assessment'}: the overview or the problems section speaks of 考核、评议 or 责任追究 (条例 art. 50(4)).
 */
import type { Snapshot } from '../snapshot';
import { Check, Comparison, compareTopic, statedYears } from './compare';
import { Assertion, Topic, readNarrative } from './read';

export interface NarrativeContext {
  snapshot: Snapshot;
  previous: Snapshot | null;
  /** The year "now": a report year after it (or before 2021) is INFO-YEAR's finding, not the narrative's. */
  currentYear?: number;
}

export interface YearComparison {
  ok: boolean;
  sentence: string | null;
  stated: number | null;
  reportYear: number | null;
}

/** Words that report on assessment, public evaluation and accountability (条例 art. 50(4)). */
const ASSESSMENT_WORDS = /考核|评议|责任追究|追责|问责/;

export interface Mentions {
  /** True when the words are there, or the overview is too short to judge (TXT-REQUIRED's finding). */
  ok: boolean;
}

export interface SameText {
  /** False when the section is word for word last year's (white space and punctuation aside). */
  ok: boolean;
  /** Meaningful characters compared. */
  length: number;
}

const READINGS = new WeakMap<Snapshot, Assertion[]>();

function textOf(snapshot: Snapshot, name: string): string {
  const r = snapshot.cells[name];
  if (!r || r.cls === 'blank') return '';
  return r.text !== '' ? r.text : typeof r.raw === 'string' ? r.raw : '';
}

/** The assertions of the overview (一、总体情况), read once per snapshot. */
export function overviewAssertions(snapshot: Snapshot): Assertion[] {
  let a = READINGS.get(snapshot);
  if (!a) {
    a = readNarrative(textOf(snapshot, 'TXT_OVERVIEW'));
    READINGS.set(snapshot, a);
  }
  return a;
}

/** Letters and digits only: two texts that differ in spaces, punctuation or line breaks are the same text. */
export function textKey(text: string): string {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).join('');
}

/** Sections shorter than this ("无。", "本年度无其他需要报告的事项。") are alike in every report. */
export const SAME_TEXT_MIN_LENGTH = 30;

function reportYear(snapshot: Snapshot): number | null {
  const r = snapshot.cells.INFO_YEAR;
  if (!r) return null;
  if (r.value !== null && Number.isInteger(r.value)) return r.value;
  const m = /(\d{4})/.exec(r.text);
  return m ? Number(m[1]) : null;
}

export function narrativeFact(ctx: NarrativeContext, params: Record<string, unknown>): Comparison | YearComparison | SameText | Mentions {
  const check = String(params.check ?? 'numbers');
  const snap = ctx.snapshot;
  if (check === 'assessment') {
    const overview = textOf(snap, 'TXT_OVERVIEW');
    const short = textKey(overview).length < 6;
    return { ok: short || ASSESSMENT_WORDS.test(overview) || ASSESSMENT_WORDS.test(textOf(snap, 'TXT_PROBLEMS')) };
  }
  if (check === 'year') {
    const year = reportYear(snap);
    const stated = statedYears(textOf(snap, 'TXT_OVERVIEW'));
    // only an earlier year is a sign of last year's text: plans for next year are normal
    const earlier = stated.filter((s) => year !== null && s.year < year);
    const plausible = year !== null && year >= 2021 && (ctx.currentYear === undefined || year <= ctx.currentYear);
    const ok = !plausible || earlier.length === 0 || stated.some((s) => s.year === year);
    return { ok, sentence: ok ? null : earlier[0].sentence, stated: ok ? null : earlier[0].year, reportYear: year };
  }
  if (check === 'samePrevious') {
    const name = String(params.name);
    const mine = textKey(textOf(snap, name));
    const theirs = ctx.previous ? textKey(textOf(ctx.previous, name)) : '';
    return { ok: !ctx.previous || mine.length < SAME_TEXT_MIN_LENGTH || mine !== theirs, length: mine.length };
  }
  const lookup = (name: string): number | null => snap.cells[name]?.value ?? null;
  return compareTopic(overviewAssertions(snap), String(params.topic) as Topic, check as Check, lookup);
}
