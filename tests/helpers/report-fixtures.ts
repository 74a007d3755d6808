/**
 * Report documents laid out the way real authors lay them out, built by code: Word documents
 * written as WordprocessingML by hand (Word's vMerge/gridSpan, WPS's extra namespaces, a 表三 split
 * over two tables with its header repeated, extra label columns, tables inside layout tables on web
 * pages, GB2312 pages …), filled with the published figures of real reports (names replaced).
 */
import { zipSync, strToU8 } from 'fflate';
import { encode } from 'iconv-lite';
import {
  T2_BLOCKS,
  T2_ITEM_HEADER,
  T3_COLUMNS,
  T3_GROUP_LABELS,
  T3_HEADER_NOTE,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  t3Name,
  t4Name,
} from '../../src/core/catalogue';
import { table3 } from '../../src/examples/units';

export type Values = Record<string, number | string | null>;

/** A cell in the HTML model: spans down (rowSpan) and across (colSpan). */
export interface FxCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}
export type FxRows = FxCell[][];

export type FxBlock = { p: string } | { table: FxRows };

// ------------------------------------------------------------------ figures

/** 表三 from the non-zero rows per applicant column; 总计 column summed. Every other cell 0. */
export const t3: (rows: Record<string, Partial<Record<string, number>>>) => Values = table3;

export function t4(groups: Partial<Record<string, Partial<Record<string, number>>>>): Values {
  const out: Values = {};
  for (const g of T4_GROUPS) {
    let sum = 0;
    for (const r of T4_RESULTS) {
      if (r.key === 'TOTAL') continue;
      const v = groups[g.key]?.[r.key] ?? 0;
      out[t4Name(g.key, r.key)] = v;
      sum += v;
    }
    out[t4Name(g.key, 'TOTAL')] = sum;
  }
  return out;
}

export function t2(v: Partial<Record<string, number | string>> = {}): Values {
  const names = T2_BLOCKS.flatMap((b) => b.rows.flatMap((r) => r.names));
  const out: Values = {};
  for (const n of names) out[n] = v[n] ?? 0;
  return out;
}

const text = (values: Values, name: string): string => {
  const v = values[name];
  return v === null || v === undefined ? '' : String(v);
};

// ------------------------------------------------------------------ table layouts

export interface T3LayoutOptions {
  /** Extra label columns: the numbering ("1.") in a column of its own left of the item text. */
  numberColumn?: boolean;
  /** Header as one row of column labels only (no 申请人情况 / 法人或其他组织 rows). */
  flatHeader?: boolean;
  /** Spaces inside labels ("商业 企业"), as copied from PDFs. */
  spacedLabels?: boolean;
}

const spaced = (s: string, on: boolean | undefined): string => (on ? s.split('').join(' ') : s);

export function t3Header(opts: T3LayoutOptions = {}): FxRows {
  const labelCols = opts.numberColumn ? 4 : 3;
  if (opts.flatHeader) {
    return [[{ text: '项目', colSpan: labelCols }, ...T3_COLUMNS.map((c) => ({ text: spaced(c.label, opts.spacedLabels) }))]];
  }
  return [
    [{ text: T3_HEADER_NOTE, colSpan: labelCols, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
    T3_COLUMNS.slice(1, 6).map((c) => ({ text: spaced(c.label, opts.spacedLabels) })),
  ];
}

/** The 25 data rows of 表三 (optionally only rows [from, to)), with the group labels merged down. */
export function t3Body(values: Values, opts: T3LayoutOptions = {}, from = 0, to = T3_ROWS.length): FxRows {
  const rows: FxRows = [];
  const labelCols = opts.numberColumn ? 4 : 3;
  const slice = T3_ROWS.slice(from, to);
  slice.forEach((row, i) => {
    const cells: FxCell[] = [];
    const prev = slice[i - 1];
    if (!row.parent) cells.push({ text: row.label, colSpan: labelCols });
    else {
      if (!prev || !prev.parent) cells.push({ text: T3_GROUP_LABELS.RESULT, rowSpan: slice.filter((r) => r.parent).length });
      if (row.parent === 'RESULT') cells.push({ text: row.label, colSpan: labelCols - 1 });
      else {
        if (prev?.parent !== row.parent) cells.push({ text: T3_GROUP_LABELS[row.parent], rowSpan: slice.filter((r) => r.parent === row.parent).length });
        if (opts.numberColumn) {
          const m = /^(\d+\.)(.*)$/.exec(row.label);
          cells.push({ text: m ? m[1] : '' }, { text: m ? m[2] : row.label });
        } else cells.push({ text: row.label });
      }
    }
    for (const col of T3_COLUMNS) cells.push({ text: text(values, t3Name(row.key, col.key)) });
    rows.push(cells);
  });
  return rows;
}

export interface T2LayoutOptions {
  /** The item number (第二十条第（一）项) as a merged column left of the items instead of a title row. */
  itemColumn?: boolean;
  /** The 2019 label "规范性文件" instead of "行政规范性文件". */
  oldNormLabel?: boolean;
}

export function t2Table(values: Values, opts: T2LayoutOptions = {}): FxRows {
  const rows: FxRows = [];
  for (const block of T2_BLOCKS) {
    if (!opts.itemColumn) rows.push([{ text: block.title, colSpan: 4 }]);
    const header: FxCell[] = [{ text: T2_ITEM_HEADER }];
    block.columns.forEach((c, i) => header.push({ text: c, colSpan: i === block.columns.length - 1 ? 4 - block.columns.length : 1 }));
    if (opts.itemColumn) header.unshift({ text: block.title, rowSpan: block.rows.length + 1 });
    rows.push(header);
    for (const item of block.rows) {
      const label = opts.oldNormLabel && item.label === '行政规范性文件' ? '规范性文件' : item.label;
      rows.push([
        { text: label },
        ...item.names.map((n, i) => ({ text: text(values, n), colSpan: i === item.names.length - 1 ? 4 - item.names.length : 1 })),
      ]);
    }
  }
  return rows;
}

export interface T4LayoutOptions {
  /** Header cells written one character a line ("结\n果\n维\n持"), as flipbooks and PDFs show them. */
  verticalHeader?: boolean;
}

export function t4Table(values: Values, opts: T4LayoutOptions = {}): FxRows {
  const v = (s: string) => (opts.verticalHeader ? s.split('').join('\n') : s);
  const results = T4_RESULTS.map((r) => r.label);
  return [
    [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
    [...results.map((r) => ({ text: v(r), rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
    [...results, ...results].map((r) => ({ text: v(r) })),
    T4_GROUPS.flatMap((g) => T4_RESULTS.map((r) => ({ text: text(values, t4Name(g.key, r.key)) }))),
  ];
}

// ------------------------------------------------------------------ whole reports

export interface ReportParts {
  title: string;
  values: Values;
  overview?: string[];
  problems?: string[];
  other?: string[];
  t2?: FxRows | null;
  t3?: FxRows[] | null;
  t4?: FxRows | null;
  /** The opening paragraph (default: the legal basis without the statistical period). */
  preamble?: string;
}

/** The report in reading order: title, preamble, six sections; 表三 may come in several parts. */
export function reportBlocks(parts: ReportParts): FxBlock[] {
  const blocks: FxBlock[] = [
    { p: parts.title },
    { p: parts.preamble ?? '本报告根据《中华人民共和国政府信息公开条例》要求编制。' },
    { p: '一、总体情况' },
    ...(parts.overview ?? []).map((p) => ({ p })),
    { p: '二、主动公开政府信息情况' },
  ];
  if (parts.t2) blocks.push({ table: parts.t2 });
  blocks.push({ p: '三、收到和处理政府信息公开申请情况' });
  for (const t of parts.t3 ?? []) blocks.push({ table: t });
  blocks.push({ p: '四、政府信息公开行政复议、行政诉讼情况' });
  if (parts.t4) blocks.push({ table: parts.t4 });
  blocks.push({ p: '五、存在的主要问题及改进情况' }, ...(parts.problems ?? []).map((p) => ({ p })));
  blocks.push({ p: '六、其他需要报告的事项' }, ...(parts.other ?? []).map((p) => ({ p })));
  return blocks;
}

// ------------------------------------------------------------------ WordprocessingML

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxStyle {
  /** Imitate WPS Office: its namespaces and attributes, runs split mid-word, app.xml "WPS Office". */
  wps?: boolean;
  /** Mark the first n rows of each table as repeated header rows (w:tblHeader). */
  headerRows?: number;
}

function runs(textValue: string, style: DocxStyle): string {
  // Lines of a cell become separate paragraphs; WPS splits runs at arbitrary points.
  const run = (t: string) =>
    style.wps
      ? `<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`
      : `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  if (!style.wps || textValue.length < 2) return run(textValue);
  const cut = Math.ceil(textValue.length / 2);
  return run(textValue.slice(0, cut)) + run(textValue.slice(cut));
}

function para(textValue: string, style: DocxStyle): string {
  const pid = style.wps ? ' w14:paraId="1A2B3C4D" w14:textId="5E6F7A8B"' : '';
  return `<w:p${pid}><w:pPr><w:jc w:val="left"/></w:pPr>${textValue === '' ? '' : runs(textValue, style)}</w:p>`;
}

/** HTML-model rows → Word rows: a rowSpan becomes vMerge restart plus continue cells below. */
export function docxTable(rows: FxRows, style: DocxStyle = {}): string {
  const pending = new Map<number, { left: number; span: number }>();
  const out: string[] = [];
  const width = Math.max(...rows.map((r) => r.reduce((a, c) => a + (c.colSpan ?? 1), 0))) + 0;
  rows.forEach((cells, r) => {
    const xml: string[] = [];
    let col = 0;
    const flushPending = () => {
      for (;;) {
        const p = pending.get(col);
        if (!p) return;
        xml.push(`<w:tc><w:tcPr>${p.span > 1 ? `<w:gridSpan w:val="${p.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        p.left -= 1;
        if (p.left === 0) pending.delete(col);
        col += p.span;
      }
    };
    for (const cell of cells) {
      flushPending();
      const span = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      if (rs > 1) pending.set(col, { left: rs - 1, span });
      const lines = cell.text.split('\n');
      xml.push(
        `<w:tc><w:tcPr><w:tcW w:w="${600 * span}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${rs > 1 ? '<w:vMerge w:val="restart"/>' : ''}<w:vAlign w:val="center"/></w:tcPr>${lines.map((l) => para(l, style)).join('')}</w:tc>`,
      );
      col += span;
    }
    flushPending();
    const header = style.headerRows && r < style.headerRows ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
    out.push(`<w:tr${style.wps ? ' w:rsidR="00A1B2C3"' : ''}>${header}${xml.join('')}</w:tr>`);
  });
  const grid = Array.from({ length: width }, () => '<w:gridCol w:w="600"/>').join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${out.join('')}</w:tbl>`;
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WPS_NS =
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' +
  ' xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"' +
  ' mc:Ignorable="w14 wp14"';

/** A .docx package around the given blocks. */
export function buildDocx(blocks: FxBlock[], style: DocxStyle = {}): Uint8Array {
  const body = blocks.map((b) => ('p' in b ? para(b.p, style) : docxTable(b.table, style))).join('');
  // WPS keeps a fallback copy of drawn shapes; the text inside must not be read twice.
  const shape = style.wps
    ? '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:t>印章文字</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    : '';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}${style.wps ? WPS_NS : ''}><w:body>${body}${shape}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
    'docProps/app.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${style.wps ? 'WPS Office_12.1.0.17827_F1E327BC-269C-435d-A152-05C5408002CA' : 'Microsoft Office Word'}</Application></Properties>`,
    ),
  };
  if (style.wps) files['customXml/item1.xml'] = strToU8('<s:customData xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"/>');
  return zipSync(files);
}

// ------------------------------------------------------------------ HTML

export interface HtmlStyle {
  /** Encode the page as GB2312/GBK with a <meta charset>, as many government sites serve it. */
  gbk?: boolean;
  /** Wrap the report in a layout table with site navigation around it. */
  layoutTable?: boolean;
}

function htmlTable(rows: FxRows): string {
  const tr = rows.map(
    (cells) =>
      `<tr>${cells
        .map((c) => `<td${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}><p>${esc(c.text).replace(/\n/g, '<br>')}</p></td>`)
        .join('')}</tr>`,
  );
  return `<table border="1" cellspacing="0"><tbody>${tr.join('\n')}</tbody></table>`;
}

export function buildHtml(blocks: FxBlock[], style: HtmlStyle = {}): Uint8Array {
  const [titleBlock, ...rest] = blocks;
  const title = 'p' in titleBlock ? titleBlock.p : '';
  const body = rest.map((b) => ('p' in b ? `<p style="text-indent:2em">${esc(b.p)}</p>` : htmlTable(b.table))).join('\n');
  const article = `<h1 class="title">${esc(title)}</h1>\n<div class="TRS_Editor">${body}</div>`;
  const content = style.layoutTable
    ? `<table width="1000" align="center"><tr><td><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</td></tr><tr><td>${article}</td></tr><tr><td>主办单位：某某县人民政府办公室 网站标识码 1234567890</td></tr></table>`
    : article;
  const charset = style.gbk ? 'gb2312' : 'utf-8';
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(title)}</title><script>var x = "<table>";</script></head><body>${content}</body></html>`;
  return style.gbk ? new Uint8Array(encode(html, 'gbk')) : strToU8(html);
}

/**
 * A page as Word's "Save as Web Page (filtered)" writes it: GB2312, MsoNormal paragraphs with
 * <o:p> and &nbsp; in empty cells, conditional comments, spacer cells at the end of rows.
 */
export function buildWordHtml(blocks: FxBlock[]): Uint8Array {
  const p = (t: string) => `<p class=MsoNormal><span lang=EN-US style='font-family:仿宋_GB2312'>${t === '' ? '&nbsp;' : esc(t)}<o:p></o:p></span></p>`;
  const table = (rows: FxRows) =>
    `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>` +
    rows
      .map(
        (cells, r) =>
          `<tr style='mso-yfti-irow:${r}'>` +
          cells
            .map(
              (c) =>
                `<td width=${57 * (c.colSpan ?? 1)} valign=top${c.rowSpan && c.rowSpan > 1 ? ` rowspan=${c.rowSpan}` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan=${c.colSpan}` : ''} style='width:42.5pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>${c.text.split('\n').map(p).join('')}</td>`,
            )
            .join('') +
          `<![if !supportMisc]><td style='border:none' width=0><p class='MsoNormal'>&nbsp;</p></td><![endif]></tr>`,
      )
      .join('\n') +
    '</table>';
  const body = blocks.map((b) => ('p' in b ? p(b.p) : table(b.table))).join('\n');
  const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15 (filtered)">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>${body}</div></body></html>`;
  return new Uint8Array(encode(html, 'gbk'));
}
