/**
 * 表二, 表三 and 表四 as document tables: the official labels and merged headers, taken from the
 * catalogue (the same source the template workbook is drawn from), with each value cell carrying
 * its indicator's name. `valueOf` supplies the text shown in a value cell.
 */
import {
  T2_BLOCKS,
  T2_ITEM_HEADER,
  T3_APPLICANT_LABEL,
  T3_COLUMNS,
  T3_GROUP_LABELS,
  T3_HEADER_NOTE,
  T3_ORG_COLUMNS,
  T3_ORG_LABEL,
  T3_ROWS,
  T4_GROUP_HEADERS,
  T4_GROUPS,
  T4_RESULTS,
  t3Name,
  t4Name,
  type T3Group,
} from '../catalogue';
import type { DocCell, DocTable } from './model';

export type ValueOf = (name: string) => string;

function value(name: string, valueOf: ValueOf, colSpan = 1): DocCell {
  const cell: DocCell = { text: valueOf(name), align: 'center', name };
  if (colSpan > 1) cell.colSpan = colSpan;
  return cell;
}

const head = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, header: true, align: 'center', ...extra });

/** 表二: four blocks, each a title row, a header row and its items; the widest block sets the columns. */
export function table2(valueOf: ValueOf): DocTable {
  const dataCols = Math.max(...T2_BLOCKS.map((b) => b.columns.length));
  const rows: DocCell[][] = [];
  for (const block of T2_BLOCKS) {
    rows.push([head(block.title, { colSpan: dataCols + 1 })]);
    rows.push([
      head(T2_ITEM_HEADER),
      ...block.columns.map((c, i) => head(c, i === block.columns.length - 1 ? spanRest(dataCols, block.columns.length) : {})),
    ]);
    for (const item of block.rows) {
      rows.push([
        { text: item.label, align: 'center' },
        ...item.names.map((n, i) => value(n, valueOf, i === item.names.length - 1 ? dataCols - item.names.length + 1 : 1)),
      ]);
    }
  }
  return { key: 't2', widths: [3, ...Array<number>(dataCols).fill(2)], rows, headerRows: 0 };
}

function spanRest(total: number, used: number): Partial<DocCell> {
  return total - used + 1 > 1 ? { colSpan: total - used + 1 } : {};
}

/**
 * 表三: the note over three label columns, 申请人情况 over seven columns, 法人或其他组织 over five;
 * 三、本年度办理结果 runs down the first label column, its sub-groups (三)–(六) down the second.
 */
export function table3(valueOf: ValueOf): DocTable {
  const header: DocCell[][] = [
    [head(T3_HEADER_NOTE, { colSpan: 3, rowSpan: 3 }), head(T3_APPLICANT_LABEL, { colSpan: T3_COLUMNS.length })],
    [],
    [],
  ];
  let orgDone = false;
  for (const col of T3_COLUMNS) {
    if (T3_ORG_COLUMNS.includes(col.key)) {
      if (!orgDone) header[1].push(head(T3_ORG_LABEL, { colSpan: T3_ORG_COLUMNS.length }));
      orgDone = true;
      header[2].push(head(col.label));
    } else {
      header[1].push(head(col.label, { rowSpan: 2 }));
    }
  }
  const rows: DocCell[][] = [...header];
  const resultCount = T3_ROWS.filter((r) => r.parent !== undefined).length;
  let resultStarted = false;
  const groupStarted = new Set<T3Group>();
  for (const row of T3_ROWS) {
    const cells: DocCell[] = [];
    if (!row.parent) {
      cells.push({ text: row.label, colSpan: 3, align: 'left' });
    } else {
      if (!resultStarted) cells.push({ text: T3_GROUP_LABELS.RESULT, rowSpan: resultCount, align: 'center' });
      resultStarted = true;
      if (row.parent === 'RESULT') {
        cells.push({ text: row.label, colSpan: 2, align: 'left' });
      } else {
        if (!groupStarted.has(row.parent)) {
          const size = T3_ROWS.filter((r) => r.parent === row.parent).length;
          cells.push({ text: T3_GROUP_LABELS[row.parent], rowSpan: size, align: 'center' });
          groupStarted.add(row.parent);
        }
        cells.push({ text: row.label, align: 'left' });
      }
    }
    for (const col of T3_COLUMNS) cells.push(value(t3Name(row.key, col.key), valueOf));
    rows.push(cells);
  }
  return { key: 't3', widths: [2, 4.5, 12.5, ...Array<number>(T3_COLUMNS.length).fill(2.6)], rows, headerRows: 3 };
}

/** 表四: 行政复议 over five columns, 行政诉讼 over ten, split into its two sub-groups; one data row. */
export function table4(valueOf: ValueOf): DocTable {
  const top: DocCell[] = [];
  const sub: DocCell[] = [];
  const results: DocCell[] = [];
  let i = 0;
  while (i < T4_GROUPS.length) {
    const label = T4_GROUP_HEADERS[T4_GROUPS[i].key]?.top ?? T4_GROUPS[i].label;
    let j = i;
    while (j + 1 < T4_GROUPS.length && T4_GROUP_HEADERS[T4_GROUPS[j + 1].key]?.top === label) j++;
    top.push(head(label, { colSpan: (j - i + 1) * T4_RESULTS.length }));
    i = j + 1;
  }
  for (const group of T4_GROUPS) {
    const subLabel = T4_GROUP_HEADERS[group.key]?.sub;
    if (subLabel) {
      sub.push(head(subLabel, { colSpan: T4_RESULTS.length }));
      for (const res of T4_RESULTS) results.push(head(res.label));
    } else {
      for (const res of T4_RESULTS) sub.push(head(res.label, { rowSpan: 2 }));
    }
  }
  const data = T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => value(t4Name(g.key, r.key), valueOf)));
  return { key: 't4', widths: Array<number>(T4_GROUPS.length * T4_RESULTS.length).fill(1), rows: [top, sub, results, data], headerRows: 3 };
}
