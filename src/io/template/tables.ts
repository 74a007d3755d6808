/**
 * 表二, 表三 and 表四 drawn like the official format (国办公开办函〔2021〕30号): the same row and column
 * labels, the same merged group headers. Only labels are drawn here; every position comes from the
 * catalogue's input addresses, and the input cells themselves are styled by the caller.
 */
import type ExcelJS from 'exceljs';
import {
  T2_BLOCKS,
  T2_ITEM_HEADER,
  T3_APPLICANT_LABEL,
  T3_COLUMNS,
  T3_FIRST_COLUMN,
  T3_FIRST_ROW,
  T3_GROUP_LABELS,
  T3_HEADER_NOTE,
  T3_ORG_COLUMNS,
  T3_ORG_LABEL,
  T3_ROWS,
  T3Group,
  T4_DATA_ROW,
  T4_GROUP_HEADERS,
  T4_GROUPS,
  T4_RESULTS,
  TABLE_TITLES,
  indicator,
  parseAddress,
  t4Name,
} from '../../core/catalogue';
import { ALL_BORDERS, INPUT_FILL, ensureHeight, heightFor, label, mergedLabel, printSetup, title } from './style';

function at(name: string): { col: number; row: number } {
  const ind = indicator(name);
  if (!ind) throw new Error(`catalogue has no indicator ${name}`);
  return parseAddress(ind.address);
}

// ------------------------------------------------------------------ 表二

const T2_LABEL_WIDTH = 30;
const T2_DATA_WIDTH = 18;

export function drawT2(ws: ExcelJS.Worksheet): void {
  const dataCols = Math.max(...T2_BLOCKS.map((b) => b.columns.length));
  const firstDataCol = at(T2_BLOCKS[0].rows[0].names[0]).col;
  const lastCol = firstDataCol + dataCols - 1;
  ws.getColumn(1).width = T2_LABEL_WIDTH;
  for (let c = firstDataCol; c <= lastCol; c++) ws.getColumn(c).width = T2_DATA_WIDTH;
  title(ws, 1, lastCol, TABLE_TITLES.t2);

  for (const block of T2_BLOCKS) {
    const firstRow = at(block.rows[0].names[0]).row;
    const titleRow = firstRow - 2;
    const headerRow = firstRow - 1;
    mergedLabel(ws, titleRow, 1, titleRow, lastCol, block.title, { header: true, align: 'center' });
    ws.getRow(titleRow).height = 22;
    label(ws.getCell(headerRow, 1), T2_ITEM_HEADER, { header: true, align: 'center' });
    // A block with fewer columns than the widest spreads its last column over the remaining width.
    block.columns.forEach((text, i) => {
      const left = firstDataCol + i;
      const right = i === block.columns.length - 1 ? lastCol : left;
      mergedLabel(ws, headerRow, left, headerRow, right, text, { header: true, align: 'center' });
    });
    ws.getRow(headerRow).height = 22;
    for (const item of block.rows) {
      const row = at(item.names[0]).row;
      label(ws.getCell(row, 1), item.label, { align: 'center' });
      const lastName = item.names[item.names.length - 1];
      const lastInput = at(lastName).col;
      if (lastInput < lastCol) {
        // The merged-over cells keep the input look, so the widened input reads as one cell.
        for (let c = lastInput + 1; c <= lastCol; c++) {
          ws.getCell(row, c).border = ALL_BORDERS;
          ws.getCell(row, c).fill = INPUT_FILL;
        }
        ws.mergeCells(row, lastInput, row, lastCol);
      }
      ws.getRow(row).height = 24;
    }
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  printSetup(ws, { landscape: false });
}

// ------------------------------------------------------------------ 表三

const T3_WIDTHS = { group: 5, subgroup: 15, item: 44, data: 11 };

export function drawT3(ws: ExcelJS.Worksheet): void {
  const firstCol = T3_FIRST_COLUMN;
  const lastCol = firstCol + T3_COLUMNS.length - 1;
  const headerTop = T3_FIRST_ROW - 3;
  const [groupCol, subCol, itemCol] = [firstCol - 3, firstCol - 2, firstCol - 1];
  ws.getColumn(groupCol).width = T3_WIDTHS.group;
  ws.getColumn(subCol).width = T3_WIDTHS.subgroup;
  ws.getColumn(itemCol).width = T3_WIDTHS.item;
  for (let c = firstCol; c <= lastCol; c++) ws.getColumn(c).width = T3_WIDTHS.data;

  title(ws, 1, lastCol, TABLE_TITLES.t3);

  // Header: the note over the label columns, 申请人情况 over all seven, 法人或其他组织 over five.
  mergedLabel(ws, headerTop, groupCol, headerTop + 2, itemCol, T3_HEADER_NOTE, { header: true, align: 'center' });
  mergedLabel(ws, headerTop, firstCol, headerTop, lastCol, T3_APPLICANT_LABEL, { header: true, align: 'center' });
  const colOf = (key: string) => firstCol + T3_COLUMNS.findIndex((c) => c.key === key);
  const orgCols = T3_ORG_COLUMNS.map(colOf);
  mergedLabel(ws, headerTop + 1, Math.min(...orgCols), headerTop + 1, Math.max(...orgCols), T3_ORG_LABEL, {
    header: true,
    align: 'center',
  });
  T3_COLUMNS.forEach((col) => {
    const c = colOf(col.key);
    if (T3_ORG_COLUMNS.includes(col.key)) label(ws.getCell(headerTop + 2, c), col.label, { header: true, align: 'center' });
    else mergedLabel(ws, headerTop + 1, c, headerTop + 2, c, col.label, { header: true, align: 'center' });
  });
  ws.getRow(headerTop).height = 22;
  ws.getRow(headerTop + 1).height = 22;
  ws.getRow(headerTop + 2).height = heightFor('社会公益组织', T3_WIDTHS.data);

  // Rows: top-level items span the three label columns; 三、本年度办理结果 runs down the first
  // column; its sub-groups (三)–(六) run down the second column beside their numbered items.
  const rowOf = (i: number) => T3_FIRST_ROW + i;
  const resultRows = T3_ROWS.map((r, i) => ({ r, i })).filter(({ r }) => r.parent !== undefined);
  T3_ROWS.forEach((row, i) => {
    const r = rowOf(i);
    if (!row.parent) {
      mergedLabel(ws, r, groupCol, r, itemCol, row.label);
      ensureHeight(ws, r, heightFor(row.label, T3_WIDTHS.group + T3_WIDTHS.subgroup + T3_WIDTHS.item));
    } else if (row.parent === 'RESULT') {
      mergedLabel(ws, r, subCol, r, itemCol, row.label);
      ensureHeight(ws, r, heightFor(row.label, T3_WIDTHS.subgroup + T3_WIDTHS.item));
    } else {
      label(ws.getCell(r, itemCol), row.label);
      ensureHeight(ws, r, heightFor(row.label, T3_WIDTHS.item));
    }
  });
  if (resultRows.length > 0) {
    const top = rowOf(resultRows[0].i);
    const bottom = rowOf(resultRows[resultRows.length - 1].i);
    mergedLabel(ws, top, groupCol, bottom, groupCol, T3_GROUP_LABELS.RESULT, { align: 'center', vertical: true });
  }
  for (const group of ['DENY', 'NA', 'NP', 'OT'] as const satisfies readonly T3Group[]) {
    const idx = T3_ROWS.map((r, i) => (r.parent === group ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    mergedLabel(ws, rowOf(idx[0]), subCol, rowOf(idx[idx.length - 1]), subCol, T3_GROUP_LABELS[group], { align: 'center' });
  }

  ws.views = [{ state: 'frozen', xSplit: itemCol, ySplit: T3_FIRST_ROW - 1 }];
  printSetup(ws, { landscape: true, pagesTall: 1, titleRows: `1:${T3_FIRST_ROW - 1}` });
}

// ------------------------------------------------------------------ 表四

const T4_DATA_WIDTH = 9.5;

export function drawT4(ws: ExcelJS.Worksheet): void {
  const cols = (group: string) => T4_RESULTS.map((res) => at(t4Name(group, res.key)).col);
  const lastCol = Math.max(...T4_GROUPS.flatMap((g) => cols(g.key)));
  for (let c = 1; c <= lastCol; c++) ws.getColumn(c).width = T4_DATA_WIDTH;
  title(ws, 1, lastCol, TABLE_TITLES.t4);

  const [topRow, subRow, resultRow] = [T4_DATA_ROW - 3, T4_DATA_ROW - 2, T4_DATA_ROW - 1];
  // Top headers: consecutive groups with the same top label (the two 行政诉讼 groups) share one cell.
  let i = 0;
  while (i < T4_GROUPS.length) {
    const top = T4_GROUP_HEADERS[T4_GROUPS[i].key]?.top ?? T4_GROUPS[i].label;
    let j = i;
    while (j + 1 < T4_GROUPS.length && (T4_GROUP_HEADERS[T4_GROUPS[j + 1].key]?.top ?? '') === top) j++;
    const left = Math.min(...cols(T4_GROUPS[i].key));
    const right = Math.max(...cols(T4_GROUPS[j].key));
    mergedLabel(ws, topRow, left, topRow, right, top, { header: true, align: 'center' });
    i = j + 1;
  }
  for (const group of T4_GROUPS) {
    const groupCols = cols(group.key);
    const sub = T4_GROUP_HEADERS[group.key]?.sub;
    if (sub) {
      mergedLabel(ws, subRow, Math.min(...groupCols), subRow, Math.max(...groupCols), sub, { header: true, align: 'center' });
      T4_RESULTS.forEach((res, k) => label(ws.getCell(resultRow, groupCols[k]), res.label, { header: true, align: 'center' }));
    } else {
      // A group without a second-level label (行政复议) runs its result labels down both rows.
      T4_RESULTS.forEach((res, k) =>
        mergedLabel(ws, subRow, groupCols[k], resultRow, groupCols[k], res.label, { header: true, align: 'center' }),
      );
    }
  }
  ws.getRow(topRow).height = 24;
  ws.getRow(subRow).height = 24;
  ws.getRow(resultRow).height = heightFor('结果维持', T4_DATA_WIDTH);
  ws.getRow(T4_DATA_ROW).height = 30;

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: T4_DATA_ROW - 1 }];
  printSetup(ws, { landscape: true, pagesTall: 1, titleRows: `1:${T4_DATA_ROW - 1}` });
}
