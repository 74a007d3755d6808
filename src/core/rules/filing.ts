/**
 * The `filing` fact: the 填报日期 (INFO_DATE) against the report year and the legal deadline.
 *
 * 条例 art. 49: 县级以上人民政府部门 publish their report by 1月31日; the 本级人民政府 report is published by
 * 3月31日. 乡镇/街道 and 开发区 follow the county's notice, in practice 1月31日. Local notices set
 * earlier dates (怀化: 市直 1月26日): a local rule file passes its own `departmentDeadline` /
 * `governmentDeadline` ("MM-DD") to this fact.
 */
import { GOVERNMENT_UNIT_TYPES, unitTypeOf } from '../catalogue';
import { serialToIsoDate } from '../classify';
import type { Snapshot } from '../snapshot';

export interface FilingFact {
  /** The filing date, ISO yyyy-mm-dd, or null when the cell holds no date. */
  date: string | null;
  /** The report year, or null. */
  year: number | null;
  /** The filing date falls in the report year itself. */
  sameYear: boolean;
  /** The filing date is before the report year began. */
  beforeYear: boolean;
  /** The filing date is after the deadline. */
  late: boolean;
  /** The deadline that applies, ISO, or null when date, year or unit type is unknown. */
  deadline: string | null;
  /** 人民政府 (3月31日) or 部门 (1月31日). */
  government: boolean;
}

function isoOf(snapshot: Snapshot): string | null {
  const r = snapshot.cells.INFO_DATE;
  if (!r) return null;
  if (r.date) return r.date;
  // a date typed into a General cell reads as its serial number
  if (r.value !== null && r.value > 36526 && r.value < 73051) return serialToIsoDate(r.value) ?? null;
  return null;
}

function yearOf(snapshot: Snapshot): number | null {
  const r = snapshot.cells.INFO_YEAR;
  if (!r) return null;
  if (r.value !== null) return Number.isInteger(r.value) ? r.value : null;
  const m = /^(\d{4})\s*年?度?$/u.exec(r.text.trim());
  return m ? Number(m[1]) : null;
}

/** A report year before the current format (2021) or after `currentYear` is INFO-YEAR's finding: the date checks keep quiet. */
export function filingFact(snapshot: Snapshot, params: Record<string, unknown>, currentYear?: number): FilingFact {
  const date = isoOf(snapshot);
  const year = yearOf(snapshot);
  const typeText = snapshot.cells.INFO_UNIT_TYPE?.text ?? '';
  const type = unitTypeOf(typeText);
  const government = type !== null && GOVERNMENT_UNIT_TYPES.includes(type);
  const none: FilingFact = { date, year, sameYear: false, beforeYear: false, late: false, deadline: null, government };
  if (date === null || year === null || year < 2021 || (currentYear !== undefined && year > currentYear)) return none;
  const filedYear = Number(date.slice(0, 4));
  const md = String((government ? params.governmentDeadline : params.departmentDeadline) ?? (government ? '03-31' : '01-31'));
  const deadline = type === null || !/^\d{2}-\d{2}$/.test(md) ? null : `${year + 1}-${md}`;
  return {
    date,
    year,
    sameYear: filedYear === year,
    beforeYear: filedYear < year,
    late: deadline !== null && date > deadline,
    deadline,
    government,
  };
}
