/**
 * Classifies one cell value into a CellClass and, where it is certain, the number meant.
 * Host-neutral: the SheetJS reader and the Office.js adapter both describe a cell as a RawCell.
 */
import type { CellClass, CellReading, RawValue } from './snapshot';

export interface RawCell {
  /** n number, s string, b boolean, e error, d date, z empty. */
  type: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  /** The stored value: a number, string, boolean; for 'e' the error text (#REF!); for 'd' an ISO date. */
  value: RawValue;
  /** The formatted text shown in the cell, when the host knows it. */
  text?: string;
  /** The formula without a leading "=", when the cell holds one. */
  formula?: string;
}

export interface Classification {
  cls: CellClass;
  value: number | null;
  unitText?: string;
  date?: string;
}

const PLACEHOLDER = /^(?:[xX×╳✕✖Ｘｘ]+|若干|若干个|若干件|[?？]+|\*+|＊+|待定|待填|待补充|未知|不详)$/u;
const DASH = /^(?:[\/／\\—–―\-－_＿~～]+|无|没有|空|暂无|N\/?A|n\/?a|null|NULL)$/u;
const ASCII_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const FULLWIDTH_CHARS = /[０-９．，－＋]/u;
/** Units and measure words that follow a count or amount in real reports. */
const UNIT_SUFFIX = /^(件|条|篇|次|场|期|人次|人|个|项|份|起|宗|家|元|万元|亿元|万|%|％|天|批|部|名|户|张|册|期次)$/u;
const APPROX_PREFIX = /^(近|约|大约|逾|超|超过|将近|接近|上|达|不足|不到)\s*(\d[\d,]*(?:\.\d+)?)\s*(\D*)$/u;
const APPROX_SUFFIX = /^(\d[\d,]*(?:\.\d+)?)\s*(余|多|多个|左右|以上|上下|来|许|出头)\s*(\D*)$/u;
const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const ISO_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u;

/** The smallest normal double: anything closer to 0 (but not 0) is a denormal no one typed. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** Excel keeps 15 significant digits; a count or amount this large was not typed by a person. */
const MAX_PLAUSIBLE = 1e15;

/** Maps full-width digits and signs to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ');
}

function parseAsciiNumber(s: string): number | null {
  if (!ASCII_NUMBER.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Classifies a text value (the content of a string cell). */
export function classifyText(text: string): Classification {
  const t = text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  if (t === '') return { cls: 'blank', value: null };
  if (ERROR_TEXT.test(t)) return { cls: 'error', value: null };
  if (PLACEHOLDER.test(t)) return { cls: 'placeholder', value: null };
  if (DASH.test(t)) return { cls: 'dash', value: null };

  const ascii = parseAsciiNumber(t);
  if (ascii !== null) return { cls: 'text-number', value: ascii };

  const half = toHalfWidth(t).replace(/\s+/g, '');
  if (FULLWIDTH_CHARS.test(t)) {
    const n = parseAsciiNumber(half);
    if (n !== null) return { cls: 'fullwidth-number', value: n };
  }

  const dm = ISO_DATE.exec(half);
  if (dm) {
    const iso = validDate(Number(dm[1]), Number(dm[2]), Number(dm[3]));
    if (iso) return { cls: 'date', value: null, date: iso };
  }

  if (APPROX_PREFIX.test(half) || APPROX_SUFFIX.test(half)) return { cls: 'approximation', value: null };

  // A placeholder followed by a measure word ("XX件") is still a placeholder.
  const ph = /^([xX×Ｘｘ]+|若干)\s*(\S+)$/u.exec(half);
  if (ph && UNIT_SUFFIX.test(ph[2])) return { cls: 'placeholder', value: null };

  const wu = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*(\S+)$/u.exec(half);
  if (wu && UNIT_SUFFIX.test(wu[2])) {
    const n = parseAsciiNumber(wu[1]);
    if (n !== null) return { cls: 'number-with-unit', value: n, unitText: wu[2] };
  }
  return { cls: 'text', value: null };
}

/** Excel serial day number → ISO date (1900 date system, with Excel's 1900-02-29 quirk). */
export function serialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Classifies a cell as described by a host. */
export function classifyCell(cell: RawCell): Classification {
  switch (cell.type) {
    case 'z':
      return { cls: 'blank', value: null };
    case 'e':
      return { cls: 'error', value: null };
    case 'b':
      return { cls: 'boolean', value: null };
    case 'd': {
      const iso = typeof cell.value === 'string' ? cell.value.slice(0, 10) : undefined;
      return { cls: 'date', value: null, date: iso };
    }
    case 'n': {
      const n = typeof cell.value === 'number' ? cell.value : Number(cell.value);
      if (Number.isNaN(n)) return { cls: 'error', value: null };
      // Infinity (a "1e400" in the file), denormals and magnitudes past Excel's 15 digits are no typed count
      if (!Number.isFinite(n) || (n !== 0 && Math.abs(n) < MIN_NORMAL) || Math.abs(n) >= MAX_PLAUSIBLE) {
        return { cls: 'out-of-range', value: null };
      }
      return { cls: 'number', value: n };
    }
    case 's':
      return classifyText(typeof cell.value === 'string' ? cell.value : String(cell.value ?? ''));
  }
}

/** Builds the reading of one named cell from a host's description of it. */
export function readingFromRaw(name: string, sheet: string, address: string, cell: RawCell): CellReading {
  const c = classifyCell(cell);
  const reading: CellReading = {
    name,
    sheet,
    address: address.replace(/\$/g, ''),
    raw: cell.type === 'z' ? null : cell.value,
    text: cell.text ?? (cell.value === null || cell.value === undefined ? '' : String(cell.value)),
    cls: c.cls,
    value: c.value,
  };
  if (cell.formula) reading.formula = cell.formula.replace(/^=/, '');
  if (c.unitText) reading.unitText = c.unitText;
  if (c.date) reading.date = c.date;
  return reading;
}
