/**
 * Finds a national-format report in a document's paragraphs and tables and turns it into the same
 * Snapshot a workbook gives, so the same rules run on it.
 *
 * - Title: "单位名称 + 年度 + 年政府信息公开工作年度报告" gives INFO_UNIT_NAME and INFO_YEAR.
 * - Sections 一 to 六 by their headings (the numeral and "、" at the start of a short paragraph, in
 *   increasing order): 一 → TXT_OVERVIEW, 五 → TXT_PROBLEMS, 六 → TXT_OTHER (+ TXT_FEE).
 * - 表二, 表三, 表四 by their labels, wherever they stand: merged cells resolved (./grid), labels
 *   compared after NFKC (full-width digits and brackets) with white space removed, header rows
 *   found again where a table repeats them after a page break, a table continued in a second table,
 *   label columns of any number and width. Values keep their text: "/" and blanks stay what they
 *   are and the rules report them.
 *
 * Each value's location is its place in the document: "表三 第5行「总计」列" (rows counted as a
 * reader counts them, header rows included, across the parts of a split table).
 */
import { RawCell, readingFromRaw } from '../classify';
import {
  columnLetter,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  T4_GROUP_HEADERS,
  t3Name,
  t4Name,
} from '../catalogue';
import type { CellReading, Snapshot } from '../snapshot';
import type { ReadBlock } from './blocks';
import { buildGrid, rowOrigins, type Origin, type TableGrid } from './grid';
import { FEE_LEAD, SECTIONS, type SectionKey } from './structure';

/** Sheet names a document's readings carry, in reading order (findings sort by it). */
export const DOCUMENT_SHEETS = {
  title: '标题',
  overview: '一、总体情况',
  t2: '表二',
  t3: '表三',
  t4: '表四',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

/** Comparable form of a label: NFKC (full-width → ASCII), no white space, one kind of comma. */
export function normLabel(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/gu, '').replace(/[,、]/g, ',');
}

const ASCII_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A value as typed in a document: plain digits are a number, anything else is classified as text. */
function rawOf(text: string): RawCell {
  const t = text.replace(/[\s\u00a0]+/gu, ' ').trim();
  if (t === '') return { type: 'z', value: null, text: '' };
  if (ASCII_NUMBER.test(t)) return { type: 'n', value: Number(t), text: t };
  return { type: 's', value: t, text: t };
}

interface Readings {
  cells: Record<string, CellReading>;
}

function put(out: Readings, name: string, sheet: string, row: number, col: number, text: string, location: string): void {
  if (out.cells[name]) return; // first occurrence wins (a repeated table does not overwrite)
  const reading = readingFromRaw(name, sheet, `${columnLetter(col + 1)}${row}`, rawOf(text));
  reading.location = location;
  out.cells[name] = reading;
}

// ------------------------------------------------------------------ 表三

const T3_COLUMN_LABELS = new Map(T3_COLUMNS.map((c) => [normLabel(c.label), c.key]));
const T3_HEADER_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '总计'].map(normLabel);

/** Strips the numbering at the start of a row label: "一、", "（一）", "1." … */
function withoutNumber(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十]+,|\([一二三四五六七八九十]+\)|\d+\.)/u, '');
}

/** The official 表三 row a label names, tolerant of numbering and of the long note after 部分公开. */
function t3RowOf(label: string): (typeof T3_ROWS)[number] | null {
  const n = normLabel(label);
  if (n === '') return null;
  for (const row of T3_ROWS) if (normLabel(row.label) === n) return row;
  const bare = withoutNumber(n);
  for (const row of T3_ROWS) {
    const official = withoutNumber(normLabel(row.label));
    if (official === bare) return row;
  }
  for (const row of T3_ROWS) {
    // "(二)部分公开(区分处理的…)": the part before the note is enough.
    const head = withoutNumber(normLabel(row.label)).replace(/\(.*$/, '');
    if (head.length >= 2 && bare.startsWith(head) && (row.key !== 'OT_OTHER' || bare === head)) return row;
  }
  return null;
}

interface T3State {
  /** column key → grid column, from the last header row seen. */
  columns: Map<string, number> | null;
  /** Rows of earlier parts of 表三, so row numbers continue across a split table. */
  rowOffset: number;
  found: boolean;
}

function t3HeaderColumns(grid: TableGrid, r: number): Map<string, number> | null {
  const hits = new Set(rowOrigins(grid, r).map(({ origin }) => normLabel(origin.text)).filter((t) => T3_HEADER_WORDS.includes(t)));
  // Two different column labels in one row: 表四's header repeats only 总计.
  if (hits.size < 2) return null;
  // Every grid column takes the label of the lowest header cell above it that names a column.
  const columns = new Map<string, number>();
  let top = r;
  while (top > 0 && !rowOrigins(grid, top - 1).some(({ origin }) => /\d/.test(origin.text) && ASCII_NUMBER.test(origin.text.trim()))) top--;
  for (let c = 0; c < grid.cols; c++) {
    for (let rr = r; rr >= top; rr--) {
      const o = grid.slots[rr][c];
      const key = o ? T3_COLUMN_LABELS.get(normLabel(o.text)) : undefined;
      if (key) {
        if (!columns.has(key)) columns.set(key, c);
        break;
      }
    }
  }
  return columns.size >= 2 ? columns : null;
}

function readT3(grid: TableGrid, state: T3State, out: Readings): number {
  let matched = 0;
  for (let r = 0; r < grid.rows; r++) {
    const header = t3HeaderColumns(grid, r);
    if (header) {
      state.columns = header;
      continue;
    }
    const columns = state.columns ?? fallbackColumns(grid);
    const firstData = Math.min(...columns.values());
    const labels = rowOrigins(grid, r)
      .filter(({ col }) => col < firstData)
      .map(({ origin }) => origin.text);
    let row: (typeof T3_ROWS)[number] | null = null;
    for (let i = labels.length - 1; i >= 0 && !row; i--) row = t3RowOf(labels[i]);
    if (!row) continue;
    matched++;
    const docRow = state.rowOffset + r + 1;
    for (const col of T3_COLUMNS) {
      const c = columns.get(col.key);
      if (c === undefined) continue;
      const o = grid.slots[r][c];
      const text = o && o.col >= firstData ? o.text : '';
      put(out, t3Name(row.key, col.key), DOCUMENT_SHEETS.t3, docRow, c, text, `表三 第${docRow}行「${col.label}」列`);
    }
  }
  state.rowOffset += grid.rows;
  state.found = state.found || matched > 0;
  return matched;
}

/** Without any header: the last seven columns, in the official order. */
function fallbackColumns(grid: TableGrid): Map<string, number> {
  const m = new Map<string, number>();
  T3_COLUMNS.forEach((c, i) => m.set(c.key, Math.max(0, grid.cols - T3_COLUMNS.length + i)));
  return m;
}

function looksLikeT3(grid: TableGrid): boolean {
  let labels = 0;
  for (let r = 0; r < grid.rows; r++) {
    if (t3HeaderColumns(grid, r)) return true;
    if (rowOrigins(grid, r).some(({ origin }) => t3RowOf(origin.text) !== null)) labels++;
  }
  return labels >= 3;
}

// ------------------------------------------------------------------ 表二

const T2_ITEMS = new Map<string, { names: readonly string[]; columns: readonly string[] }>();
for (const block of T2_BLOCKS) for (const row of block.rows) T2_ITEMS.set(normLabel(row.label), { names: row.names, columns: block.columns });
// A common drift of the label (the 2019 wording); the values still belong to the same row.
T2_ITEMS.set(normLabel('规范性文件'), T2_ITEMS.get(normLabel('行政规范性文件'))!);

function readT2(grid: TableGrid, out: Readings): number {
  let matched = 0;
  for (let r = 0; r < grid.rows; r++) {
    const origins = rowOrigins(grid, r);
    const at = origins.findIndex(({ origin }) => T2_ITEMS.has(normLabel(origin.text)));
    if (at < 0) continue;
    const item = T2_ITEMS.get(normLabel(origins[at].origin.text))!;
    // Values are the cells right of the label that start in this row or span down into it.
    const values = origins.slice(at + 1).filter(({ origin }) => !T2_ITEMS.has(normLabel(origin.text)));
    matched++;
    item.names.forEach((name, i) => {
      const v = values[i];
      const col = v ? v.col : origins[at].col + 1 + i;
      put(out, name, DOCUMENT_SHEETS.t2, r + 1, col, v ? v.origin.text : '', `表二 第${r + 1}行「${item.columns[i] ?? ''}」列`);
    });
  }
  return matched;
}

function looksLikeT2(grid: TableGrid): boolean {
  let items = 0;
  for (let r = 0; r < grid.rows; r++) if (rowOrigins(grid, r).some(({ origin }) => T2_ITEMS.has(normLabel(origin.text)))) items++;
  return items >= 2;
}

// ------------------------------------------------------------------ 表四

const T4_RESULT_LABELS = new Map(T4_RESULTS.map((r) => [normLabel(r.label), r.key]));

function t4GroupOf(texts: string[]): string | null {
  for (const g of T4_GROUPS) {
    const sub = T4_GROUP_HEADERS[g.key]?.sub;
    if (sub && texts.some((t) => t.includes(normLabel(sub)))) return g.key;
  }
  for (const g of T4_GROUPS) {
    const h = T4_GROUP_HEADERS[g.key];
    if (!h?.sub && texts.some((t) => t === normLabel(h?.top ?? g.label))) return g.key;
  }
  return null;
}

function isT4HeaderRow(grid: TableGrid, r: number): boolean {
  return rowOrigins(grid, r).some(({ origin }) => {
    const n = normLabel(origin.text);
    return T4_RESULT_LABELS.has(n) || n.includes('行政复议') || n.includes('行政诉讼') || n.includes('起诉');
  });
}

function readT4(grid: TableGrid, out: Readings): number {
  let lastHeader = -1;
  for (let r = 0; r < grid.rows; r++) if (isT4HeaderRow(grid, r)) lastHeader = r;
  const dataRow = lastHeader + 1;
  if (lastHeader < 0 || dataRow >= grid.rows) return 0;
  const columns: Array<{ col: number; name: string; label: string }> = [];
  const seen = new Set<string>();
  for (let c = 0; c < grid.cols; c++) {
    const texts: string[] = [];
    for (let r = 0; r <= lastHeader; r++) {
      const o = grid.slots[r][c];
      if (o) texts.push(normLabel(o.text));
    }
    const group = t4GroupOf(texts);
    const result = [...texts].reverse().map((t) => T4_RESULT_LABELS.get(t)).find((k) => k !== undefined);
    if (!group || !result) continue;
    const name = t4Name(group, result);
    if (seen.has(name)) continue;
    seen.add(name);
    const g = T4_GROUPS.find((x) => x.key === group)!;
    const res = T4_RESULTS.find((x) => x.key === result)!;
    columns.push({ col: c, name, label: `${g.label.replace('·', ' ')} ${res.label}` });
  }
  if (columns.length < T4_GROUPS.length * T4_RESULTS.length) {
    // Headers unreadable (single characters, pictures): the fifteen values of the data row in order.
    const values = rowOrigins(grid, dataRow).slice(-T4_GROUPS.length * T4_RESULTS.length);
    if (values.length < T4_GROUPS.length * T4_RESULTS.length) return 0;
    columns.length = 0;
    T4_GROUPS.forEach((g, gi) =>
      T4_RESULTS.forEach((res, ri) => {
        const v = values[gi * T4_RESULTS.length + ri];
        columns.push({ col: v.col, name: t4Name(g.key, res.key), label: `${g.label.replace('·', ' ')} ${res.label}` });
      }),
    );
  }
  for (const { col, name, label } of columns) {
    const o: Origin | null = grid.slots[dataRow][col];
    put(out, name, DOCUMENT_SHEETS.t4, dataRow + 1, col, o && o.row === dataRow ? o.text : '', `表四 第${dataRow + 1}行「${label}」列`);
  }
  return columns.length;
}

function looksLikeT4(grid: TableGrid): boolean {
  const all = grid.slots.flat().map((o) => (o ? normLabel(o.text) : ''));
  return all.some((t) => t.includes('行政复议')) && all.some((t) => t.includes('行政诉讼') || t.includes('起诉'));
}

// ------------------------------------------------------------------ title and sections

const TITLE = /^(.*?)(?:关于)?((?:19|20)\d{2})年度?(?:政府信息公开|政务公开)?(?:工作)?年度报告$/u;
const SECTION_HEAD = /^([一二三四五六])[、,.．]/u;

/** Unit name and year from the title ("XX县教育局2025年政府信息公开工作年度报告"). */
export function parseTitle(text: string): { unit: string; year: number } | null {
  const m = TITLE.exec(text.normalize('NFKC').replace(/[\s\u3000]+/gu, ''));
  return m ? { unit: m[1], year: Number(m[2]) } : null;
}

/** Website chrome around a posted report (footer, print and close links): never report text. */
const BOILERPLATE = /主办单位|承办单位|网站标识码|ICP备|公网安备|版权所有|技术支持|打印本页|关闭窗口|【打印】|【关闭】|^分享到|^扫一扫/u;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;

/** A signature line at the end of a report: the unit's name or the date of the report. */
function isSignature(text: string, unit: string | null): boolean {
  const t = text.normalize('NFKC').replace(/\s+/gu, '');
  return DATE_LINE.test(t) || (unit !== null && t === unit);
}

export interface RecognisedReport {
  snapshot: Snapshot;
  /** Which of 表二, 表三, 表四 were found as tables. */
  tables: { t2: boolean; t3: boolean; t4: boolean };
}

/**
 * Turns a document's blocks into a Snapshot (origin 'document'). Tables not found leave their
 * names absent; the caller refuses a document in which none of the three is found.
 */
export function recogniseReport(blocks: readonly ReadBlock[], source: string): RecognisedReport {
  const out: Readings = { cells: {} };
  const texts: Record<'overview' | 'problems' | 'other', string[]> = { overview: [], problems: [], other: [] };
  const t3: T3State = { columns: null, rowOffset: 0, found: false };
  const found = { t2: false, t3: false, t4: false };
  let section: SectionKey | null = null;
  let sectionIndex = -1;
  let title: { unit: string; year: number } | null = null;
  let titleText = '';
  const leading: string[] = [];

  for (const block of blocks) {
    if (block.kind === 'table') {
      const grid = buildGrid(block.rows);
      if (grid.rows === 0) continue;
      if (looksLikeT3(grid)) found.t3 = readT3(grid, t3, out) > 0 || found.t3;
      else if (looksLikeT4(grid)) found.t4 = readT4(grid, out) > 0 || found.t4;
      else if (looksLikeT2(grid)) found.t2 = readT2(grid, out) > 0 || found.t2;
      else if (section === 't3' && t3.columns) found.t3 = readT3(grid, t3, out) > 0 || found.t3;
      continue;
    }
    const text = block.text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (text === '') continue;
    const head = SECTION_HEAD.exec(text);
    if (head && text.length <= 40) {
      const index = SECTIONS.findIndex((s) => s.numeral === head[1]);
      if (index > sectionIndex) {
        sectionIndex = index;
        section = SECTIONS[index].key;
        continue;
      }
    }
    if (sectionIndex < 0) {
      // Before 一、: the title (possibly over two lines), site navigation, the preamble.
      if (!title) {
        leading.push(text.replace(/\n/g, ''));
        // The shortest run of lines that reads as a title: one line, or a title broken over two or three.
        for (let k = 1; k <= Math.min(3, leading.length) && !title; k++) {
          const candidate = leading.slice(-k).join('');
          title = parseTitle(candidate);
          if (title) titleText = candidate;
        }
      }
      continue;
    }
    if (BOILERPLATE.test(text)) continue;
    if (section === 'overview' || section === 'problems' || section === 'other') texts[section].push(...text.split('\n').map((l) => l.trim()).filter(Boolean));
  }

  const put1 = (name: string, sheet: string, value: RawCell, location: string) => {
    const r = readingFromRaw(name, sheet, 'A1', value);
    r.location = location;
    out.cells[name] = r;
  };
  if (!title) {
    // No title with a year: the preamble's statistical period still names the year.
    const period = leading.map((l) => /统计期限[^。]*?((?:19|20)\d{2})年0?1月0?1日/u.exec(l.normalize('NFKC'))).find((m) => m !== null);
    if (period) title = { unit: '', year: Number(period[1]) };
  }
  if (title?.unit) {
    put1('INFO_UNIT_NAME', DOCUMENT_SHEETS.title, { type: 's', value: title.unit, text: title.unit }, `标题“${titleText}”`);
  }
  if (title) {
    put1('INFO_YEAR', DOCUMENT_SHEETS.title, { type: 'n', value: title.year, text: String(title.year) }, titleText ? `标题“${titleText}”` : '导语（统计期限）');
  }
  // The end of 六 is where a page's footer and the report's signature (unit, date) follow.
  while (texts.other.length > 0 && isSignature(texts.other[texts.other.length - 1], title?.unit ?? null)) texts.other.pop();
  const other = texts.other.filter((p) => !p.startsWith(FEE_LEAD));
  const feeLine = texts.other.find((p) => p.startsWith(FEE_LEAD));
  const fee = feeLine !== undefined ? feeLine.slice(FEE_LEAD.length) : (texts.other.find((p) => p.includes('信息处理费')) ?? '');
  const narrative: Array<[string, string[], string]> = [
    ['TXT_OVERVIEW', texts.overview, DOCUMENT_SHEETS.overview],
    ['TXT_PROBLEMS', texts.problems, DOCUMENT_SHEETS.problems],
    ['TXT_OTHER', other, DOCUMENT_SHEETS.other],
    ['TXT_FEE', fee ? [fee] : [], DOCUMENT_SHEETS.other],
  ];
  for (const [name, paragraphs, sheet] of narrative) {
    const value = paragraphs.join('\n');
    put1(name, sheet, value === '' ? { type: 'z', value: null, text: '' } : { type: 's', value, text: value }, `正文“${sheet}”`);
  }
  found.t3 = t3.found;

  const snapshot: Snapshot = {
    source,
    templateId: null,
    templateVersion: null,
    cells: out.cells,
    nameIssues: [],
    sheetOrder: Object.values(DOCUMENT_SHEETS),
    origin: 'document',
  };
  return { snapshot, tables: found };
}
