/**
 * The host-neutral picture of one workbook: for each catalogue name, where the cell is, what it
 * holds and how that value reads. The file reader (SheetJS) and the Office.js adapter both build
 * a Snapshot; the rules only ever see this.
 */

/**
 * How a cell's value reads. Every class gets its own precise finding, nothing is coerced silently:
 * - blank: empty cell or only white space
 * - number: a real number cell (or a formula whose cached value is a number)
 * - text-number: a number stored as text ("12", " 12 ")
 * - fullwidth-number: full-width digits ("１２")
 * - number-with-unit: a number followed by a unit or measure word ("12件", "26.5万元")
 * - placeholder: template residue ("XX", "X", "若干", "××")
 * - dash: a dash, slash or "none" ("/", "—", "－", "无")
 * - approximation: "230余", "近50", "400多", "约30"
 * - error: an Excel error value (#REF!, #VALUE!, #DIV/0! …)
 * - date: a date (a date-formatted number, a Date, or text such as 2024-01-15 / 2024年1月15日)
 * - text: any other text
 * - boolean: TRUE/FALSE
 * - out-of-range: a number cell no person typed: infinite ("1e400" in the file), denormal (5e-324),
 *   or beyond 15 significant digits of magnitude (≥ 1e15)
 */
export type CellClass =
  | 'blank'
  | 'number'
  | 'text-number'
  | 'fullwidth-number'
  | 'number-with-unit'
  | 'placeholder'
  | 'dash'
  | 'approximation'
  | 'error'
  | 'date'
  | 'text'
  | 'boolean'
  | 'out-of-range';

export type RawValue = string | number | boolean | null;

export interface CellReading {
  /** Defined name (catalogue name). */
  name: string;
  /** Sheet name as found in the workbook (may differ from the template's). */
  sheet: string;
  /** A1 address without $ signs. */
  address: string;
  /** The stored value: number, string, boolean, or null for an empty cell. Dates are ISO strings (yyyy-mm-dd). */
  raw: RawValue;
  /** The text a person sees in the cell (formatted). */
  text: string;
  cls: CellClass;
  /**
   * The number a person meant, when one can be read with certainty: number, text-number,
   * fullwidth-number and number-with-unit; null otherwise. An approximation is never a number.
   */
  value: number | null;
  /** The formula (without "="), when the cell holds one; raw/text then are its cached value. */
  formula?: string;
  /** Only for 'number-with-unit': the unit text after the number ("件"). */
  unitText?: string;
  /** Only for 'date': ISO yyyy-mm-dd. */
  date?: string;
  /**
   * Where a person finds the value when it is not a worksheet cell, e.g. "表三 第5行「总计」列" for a
   * report read from a Word document or web page. Shown instead of sheet!address when present.
   */
  location?: string;
}

/** Why a defined name could not be read. */
export type NameProblem =
  | 'missing' // the workbook has no such defined name
  | 'broken-ref' // the name points to #REF! or to nothing
  | 'bad-sheet' // the name points to a sheet that does not exist
  | 'not-a-cell'; // the name points to a range of more than one cell or to a constant

export interface NameIssue {
  name: string;
  problem: NameProblem;
  /** What the name refers to, as written in the workbook. */
  ref?: string;
}

export interface Snapshot {
  /** File name or workbook title, for messages. */
  source: string;
  /** Value of the TEMPLATE_ID / TEMPLATE_VERSION cells, null when absent. */
  templateId: string | null;
  templateVersion: string | null;
  /** Readings keyed by catalogue name; a name that could not be read is absent here and listed in nameIssues. */
  cells: Record<string, CellReading>;
  nameIssues: NameIssue[];
  /** Sheet names of the workbook in workbook order (used to sort findings). */
  sheetOrder: string[];
  /**
   * 'document' for a published report read from a Word document or web page: it carries the tables
   * and texts but not the workbook's basic information (credit code, contact, unit type) or work
   * indicators, so the checks of those are not run. Absent for a workbook.
   */
  origin?: 'document';
}

/** The unit a report belongs to, read from the basic-information cells. */
export interface UnitInfo {
  name: string | null;
  code: string | null;
  type: string | null;
  year: number | null;
}
