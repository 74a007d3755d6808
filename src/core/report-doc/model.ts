/**
 * The 政府信息公开工作年度报告 as a document, independent of any file format: a title, an optional
 * notice on the first page, and a list of blocks (headings, paragraphs, the three official tables).
 * The .docx and HTML writers only draw this model; the readers of Word and web reports find the same
 * structure again. Pure: no Node I/O, no DOM.
 */

/** One cell of a table as laid out on paper: spans as in HTML (rowSpan/colSpan ≥ 1). */
export interface DocCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A header cell (bold, shaded). */
  header?: boolean;
  /** Alignment; label cells are left-aligned, numbers and headers centred. */
  align?: 'left' | 'center';
  /** Catalogue name of the indicator the cell shows, for value cells only. */
  name?: string;
}

export type TableKey = 't2' | 't3' | 't4';

export interface DocTable {
  key: TableKey;
  /** Relative column widths (any unit; writers scale them to the text width). */
  widths: number[];
  /** Rows of cells; a cell covered by a span from above or from the left is not listed. */
  rows: DocCell[][];
  /** How many leading rows form the header (repeated on every page the table runs over). */
  headerRows: number;
}

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: DocTable };

export interface ReportDocument {
  /** "单位名称 + 年度 + 年政府信息公开工作年度报告". */
  title: string;
  unitName: string;
  year: number | null;
  /**
   * Set when the report was written from a workbook that failed the checks (--force): one or more
   * sentences printed prominently on the first page.
   */
  notice: string[] | null;
  blocks: DocBlock[];
}
