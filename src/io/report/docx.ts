/**
 * ReportDocument → .docx bytes with the `docx` package, laid out as an official document (see
 * ./typography). Browser-safe: no Node modules, so the web page and the Excel add-in can offer
 * "生成年度报告" with the same code (buildReportDocx returns the bytes; the host saves them).
 *
 * The package is re-zipped with fflate so that the same snapshot and date give the same bytes
 * (the `docx` package stamps the current time into the zip and the document properties).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Finding } from '../../core/report';
import { buildReportDocument } from '../../core/report-doc/build';
import type { DocBlock, DocCell, DocTable, ReportDocument, TableKey } from '../../core/report-doc/model';
import type { Snapshot } from '../../core/snapshot';
import { TITLE_SUFFIX } from '../../core/report-doc/structure';
import { REPORT_SOURCE_PROPERTY } from '../output-marker';
import { BODY_LINE, FIRST_LINE_INDENT, FONTS, PAGE, SIZE, TEXT_WIDTH, TEXT_WIDTH_LANDSCAPE } from './typography';

export interface ReportDocxOptions {
  /** Findings of a workbook that failed the checks (written with --force): the first page says so. */
  failedFindings?: readonly Finding[] | null;
  /** Date stamped into the document properties and the zip (default: now). Fixed for reproducible files. */
  date?: Date;
  /** Tables printed on a landscape page of their own. Default: none (all tables fit the portrait page). */
  landscape?: readonly TableKey[];
  /** File name of the workbook the report is made from, kept as the report's mark (REPORT_SOURCE_PROPERTY). */
  source?: string;
}

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

/** A level-2 lead such as "（一）主动公开。" at the start of a paragraph, set in 楷体 by custom. */
const LEVEL2_LEAD = /^（[一二三四五六七八九十]{1,3}）[^。：:（）]{0,30}[。：:]?/u;

function bodyParagraph(text: string): Paragraph {
  const lead = LEVEL2_LEAD.exec(text)?.[0] ?? '';
  const runs: TextRun[] = [];
  if (lead) runs.push(new TextRun({ text: lead, font: font(FONTS.heading2), size: SIZE.body }));
  if (text.length > lead.length) runs.push(new TextRun({ text: text.slice(lead.length), font: font(FONTS.body), size: SIZE.body }));
  return new Paragraph({
    children: runs,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
  });
}

/** A level-1 heading; after a table it keeps a little air (half a line) above it. */
function heading(text: string, afterTable: boolean): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(FONTS.heading1), size: SIZE.body })],
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: afterTable ? Math.round(BODY_LINE / 2) : 0 },
    keepNext: true,
  });
}

/** 2号 type on the 156 mm text block holds 20 characters a line. */
const TITLE_LINE_CHARS = 20;

function titleParagraphs(doc: ReportDocument): Paragraph[] {
  // A long title breaks before "政府信息公开工作年度报告" rather than wherever the line ends.
  const cut = doc.title.length > TITLE_LINE_CHARS ? doc.title.lastIndexOf(TITLE_SUFFIX) : -1;
  const lines = cut > 0 ? [doc.title.slice(0, cut), doc.title.slice(cut)] : [doc.title];
  return [
    new Paragraph({
      children: lines.map((text, i) => new TextRun({ text, font: font(FONTS.title), size: SIZE.title, break: i > 0 ? 1 : undefined })),
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: BODY_LINE },
    }),
  ];
}

function noticeParagraphs(lines: readonly string[]): Paragraph[] {
  const box = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
  return lines.map(
    (line, i) =>
      new Paragraph({
        children: [new TextRun({ text: line, font: font(i === 0 ? FONTS.heading1 : FONTS.body), size: 24, color: 'C00000' })],
        // Identical borders on every line: Word and Writer draw consecutive bordered paragraphs as one box.
        border: { top: box, bottom: box, left: box, right: box },
        spacing: { line: 360, lineRule: LineRuleType.AUTO, after: i === lines.length - 1 ? BODY_LINE : 0 },
      }),
  );
}

function cellParagraph(cell: DocCell): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: cell.text, font: font(FONTS.table), size: SIZE.table })],
    alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: 260, lineRule: LineRuleType.AUTO },
  });
}

/** Column widths in twips, scaled to the text width; each cell gets the sum of the columns it spans. */
function drawTable(table: DocTable, width: number): Table {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const cols = table.widths.map((w) => Math.floor((w / total) * width));
  // Which grid columns are taken by cells spanning down from rows above.
  const busy: number[] = Array<number>(cols.length).fill(0);
  const rows = table.rows.map((cells, r) => {
    let c = 0;
    const children = cells.map((cell) => {
      while (busy[c] > 0) c++;
      const span = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0);
      for (let k = c; k < c + span; k++) busy[k] = Math.max(busy[k], rowSpan);
      c += span;
      return new TableCell({
        children: [cellParagraph(cell)],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: rowSpan > 1 ? rowSpan : undefined,
        width: { size: w, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { top: 30, bottom: 30, left: 60, right: 60 },
      });
    });
    for (let k = 0; k < busy.length; k++) busy[k] = Math.max(0, busy[k] - 1);
    // 表四 stays on one page; 表二 may break between its four blocks (a block starts with a one-cell
    // title row) but not inside one; 表三 runs on, its header repeated on the next page.
    const next = table.rows[r + 1];
    const keepNext = next !== undefined && (table.key === 't4' || (table.key === 't2' && next.length > 1));
    return new TableRow({ children, tableHeader: r < table.headerRows ? true : undefined, cantSplit: true, keepNext });
  });
  return new Table({
    rows,
    columnWidths: cols,
    width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: SIZE.pageNumber }),
        ],
      }),
    ],
  });
}

function section(children: Array<Paragraph | Table>, landscape: boolean): ISectionOptions {
  const m = PAGE.margin;
  return {
    properties: {
      page: {
        size: landscape
          ? { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }
          : { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        // On a landscape page the text block is turned with the sheet: 上 28, 下 26, 左 37, 右 35 mm.
        margin: landscape
          ? { top: m.left, bottom: m.right, left: m.top, right: m.bottom, footer: Math.round(PAGE.footer * 0.75), header: PAGE.header }
          : { ...m, footer: PAGE.footer, header: PAGE.header },
      },
    },
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
    children,
  };
}

/** Draws a report document as a Word document (docx `Document`), sections split around landscape tables. */
export function reportToDocx(doc: ReportDocument, opts: ReportDocxOptions = {}): Document {
  const landscape = new Set(opts.landscape ?? []);
  const sections: ISectionOptions[] = [];
  let current: Array<Paragraph | Table> = [...titleParagraphs(doc), ...(doc.notice ? noticeParagraphs(doc.notice) : [])];
  const flush = (isLandscape: boolean) => {
    if (current.length > 0) sections.push(section(current, isLandscape));
    current = [];
  };
  const blocks: DocBlock[] = doc.blocks;
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') current.push(heading(block.text, blocks[i - 1]?.kind === 'table'));
    else if (block.kind === 'paragraph') current.push(bodyParagraph(block.text));
    else if (landscape.has(block.table.key)) {
      // The heading above the table moves with it onto the landscape page.
      const prev = blocks[i - 1];
      const carried = prev?.kind === 'heading' ? current.pop() : undefined;
      flush(false);
      if (carried) current.push(carried);
      current.push(drawTable(block.table, TEXT_WIDTH_LANDSCAPE), new Paragraph({ children: [] }));
      flush(true);
    } else {
      current.push(drawTable(block.table, TEXT_WIDTH));
    }
  });
  flush(false);
  return new Document({
    creator: doc.unitName || 'zwgk',
    title: doc.title,
    description: '政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）',
    evenAndOddHeaderAndFooters: true,
    ...(opts.source ? { customProperties: [{ name: REPORT_SOURCE_PROPERTY, value: opts.source }] } : {}),
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body } },
      },
    },
    sections,
  });
}

/** "2026-01-15T00:00:00Z" without milliseconds, as the document properties carry it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Re-zips the package with one date everywhere, so equal input gives equal bytes. */
function stampPackage(bytes: Uint8Array, date: Date): Uint8Array {
  const entries = unzipSync(bytes);
  const core = entries['docProps/core.xml'];
  if (core) {
    const stamp = w3cdtf(date);
    entries['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        (_m, open: string, close: string) => `${open}${stamp}${close}`,
      ),
    );
  }
  const zippable: Zippable = {};
  // [Content_Types].xml first, as Office writes it; the rest in name order.
  const names = Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) zippable[name] = [entries[name], { mtime: date, level: 6 }];
  return zipSync(zippable);
}

/**
 * The .docx of a unit's annual report, from its snapshot: bytes ready to save or download.
 * Works in Node and in browsers (web page, add-in task pane). Refusing a workbook with errors is
 * the caller's decision; pass its findings as `failedFindings` to print the first-page notice.
 */
export async function buildReportDocx(snapshot: Snapshot, opts: ReportDocxOptions = {}): Promise<Uint8Array> {
  const doc = buildReportDocument(snapshot, { failedFindings: opts.failedFindings });
  return reportDocumentToDocx(doc, opts);
}

/** The .docx bytes of an already built report document. */
export async function reportDocumentToDocx(doc: ReportDocument, opts: ReportDocxOptions = {}): Promise<Uint8Array> {
  const date = opts.date ?? new Date();
  const buffer = await Packer.toArrayBuffer(reportToDocx(doc, opts));
  return stampPackage(new Uint8Array(buffer), date);
}
