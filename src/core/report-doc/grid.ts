/**
 * A table as a grid of slots, with merged cells resolved: Word's gridSpan / vMerge and HTML's
 * colspan / rowspan both end up as one origin cell covering several slots. The table finders then
 * ask "what text is at row r, column c" without caring how the author merged cells.
 */

/** One cell as a reader finds it in the file. */
export interface SourceCell {
  text: string;
  /** Grid columns the cell covers (Word gridSpan, HTML colspan). */
  colSpan: number;
  /** HTML rowspan (rows the cell covers, from here down). */
  rowSpan?: number;
  /** Word vMerge: 'restart' starts a vertical merge, 'continue' extends the cell above. */
  vMerge?: 'restart' | 'continue';
}

/** The cell that covers a slot: where it starts and its text. */
export interface Origin {
  row: number;
  col: number;
  text: string;
}

export interface TableGrid {
  rows: number;
  cols: number;
  /** slots[row][col]: the covering cell, or null where a row is shorter than the widest row. */
  slots: Array<Array<Origin | null>>;
}

/** Resolves the spans of a table's rows into a grid. Rows shorter than the widest are padded with null. */
export function buildGrid(sourceRows: readonly SourceCell[][]): TableGrid {
  const slots: Array<Array<Origin | null>> = [];
  // HTML rowspans still to place: column → remaining rows and the origin.
  const pending = new Map<number, { left: number; origin: Origin; span: number }>();
  sourceRows.forEach((cells, r) => {
    const row: Array<Origin | null> = [];
    let c = 0;
    const placePending = () => {
      for (;;) {
        const p = pending.get(c);
        if (!p) return;
        for (let k = 0; k < p.span; k++) row[c + k] = p.origin;
        p.left -= 1;
        if (p.left === 0) pending.delete(c);
        c += p.span;
      }
    };
    for (const cell of cells) {
      placePending();
      const span = Math.max(1, Math.min(cell.colSpan || 1, 1000));
      let origin: Origin = { row: r, col: c, text: cell.text };
      if (cell.vMerge === 'continue') {
        const above = r > 0 ? slots[r - 1][c] : null;
        if (above) origin = above;
      }
      for (let k = 0; k < span; k++) row[c + k] = origin;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, 1000));
      if (rowSpan > 1) pending.set(c, { left: rowSpan - 1, origin, span });
      c += span;
    }
    placePending();
    slots.push(row);
  });
  const cols = Math.max(0, ...slots.map((r) => r.length));
  for (const row of slots) for (let c = 0; c < cols; c++) if (row[c] === undefined) row[c] = null;
  return { rows: slots.length, cols, slots };
}

/** The origin cells of a row, left to right, each once (a cell spanning columns is listed once). */
export function rowOrigins(grid: TableGrid, r: number): Array<{ col: number; origin: Origin }> {
  const out: Array<{ col: number; origin: Origin }> = [];
  let last: Origin | null = null;
  grid.slots[r].forEach((o, col) => {
    if (o && o !== last) out.push({ col, origin: o });
    last = o;
  });
  return out;
}
