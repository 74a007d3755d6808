/**
 * Reads a web page (a report posted on a government website and saved from the browser, or
 * exported by Word, WPS or LibreOffice) into paragraphs and tables with parse5. The page's encoding
 * comes from its byte-order mark or <meta charset> (GB2312/GBK pages are common), else UTF-8, else
 * GB18030. Tables that hold other tables are page layout, not report tables: their content is read
 * as flowing text. Browser-safe (iconv-lite decodes a plain Uint8Array; its types only say Buffer).
 */
import { decode, encodingExists } from 'iconv-lite';
import { parse } from 'parse5';
import type { ReadBlock, ReadDocument } from '../../core/report-doc/blocks';
import type { SourceCell } from '../../core/report-doc/grid';

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const BLOCK = new Set(
  'address article aside blockquote body center dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary ul'.split(' '),
);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'title', 'iframe', 'object', 'svg', 'select', 'button', 'textarea']);

/** The bytes as iconv-lite's declared parameter type: it reads any Uint8Array. */
const asBuffer = (b: Uint8Array): Buffer => b as Buffer;

/** Picks the page's encoding and decodes it. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(asBuffer(bytes.subarray(2)), 'utf-16be');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && encodingExists(declared)) {
    // GB2312 pages routinely hold GBK characters; GB18030 reads them all.
    const enc = /^(gb2312|gbk|gb_2312-80|x-gbk|cp936)$/.test(declared) ? 'gb18030' : declared;
    return decode(asBuffer(bytes), enc);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decode(asBuffer(bytes), 'gb18030');
  }
}

const attr = (n: HtmlNode, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;
const tag = (n: HtmlNode): string => (n.tagName ?? '').toLowerCase();

function containsTable(n: HtmlNode): boolean {
  return (n.childNodes ?? []).some((c) => tag(c) === 'table' || containsTable(c));
}

/** The text of an element, with line breaks at block boundaries and <br>. */
function textOf(n: HtmlNode): string {
  if (n.nodeName === '#text') return (n.value ?? '').replace(/[\s\u00a0]+/g, ' ');
  const t = tag(n);
  if (SKIP.has(t)) return '';
  if (t === 'br') return '\n';
  const inner = (n.childNodes ?? []).map(textOf).join('');
  return BLOCK.has(t) || t === 'tr' ? `\n${inner}\n` : inner;
}

const clean = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

/** The rows of a <table> (through thead/tbody/tfoot), each cell with its spans. */
function tableRows(table: HtmlNode): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const visit = (n: HtmlNode) => {
    for (const c of n.childNodes ?? []) {
      const t = tag(c);
      if (t === 'tr') {
        rows.push(
          (c.childNodes ?? [])
            .filter((cell) => tag(cell) === 'td' || tag(cell) === 'th')
            .map((cell) => ({
              text: clean(textOf(cell)),
              colSpan: Math.max(1, Number.parseInt(attr(cell, 'colspan') ?? '1', 10) || 1),
              rowSpan: Math.max(1, Number.parseInt(attr(cell, 'rowspan') ?? '1', 10) || 1),
            })),
        );
      } else if (t === 'thead' || t === 'tbody' || t === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** Walks the page in reading order: running text becomes paragraphs, report tables become tables. */
export function blocksFromHtml(html: string): ReadBlock[] {
  const doc = parse(html) as unknown as HtmlNode;
  const blocks: ReadBlock[] = [];
  let buffer = '';
  const flush = () => {
    for (const line of clean(buffer).split('\n')) if (line !== '') blocks.push({ kind: 'paragraph', text: line });
    buffer = '';
  };
  const walk = (n: HtmlNode) => {
    if (n.nodeName === '#text') {
      buffer += (n.value ?? '').replace(/[\s\u00a0]+/g, ' ');
      return;
    }
    const t = tag(n);
    if (SKIP.has(t)) return;
    if (t === 'br') {
      buffer += '\n';
      return;
    }
    if (t === 'table' && !containsTable(n)) {
      flush();
      blocks.push({ kind: 'table', rows: tableRows(n) });
      return;
    }
    const block = BLOCK.has(t) || t === 'table' || t === 'tr' || t === 'td' || t === 'th';
    if (block) flush();
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
    if (block) flush();
  };
  walk(doc);
  flush();
  return blocks;
}

/** Elements without an end tag, and elements whose end tag authors (and the parser) may leave out. */
const NO_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr param p li td th tr option dt dd tbody thead tfoot colgroup'.split(' '),
);

/** Deepest nesting the page could have, by one linear pass over its tags (an upper bound). */
export function roughDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const tags = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_NESTING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** Real pages nest elements a few dozen deep; the HTML parser's time grows with the square of the depth. */
export const MAX_HTML_DEPTH = 3000;

/** Reads the bytes of a web page into paragraphs and tables. Throws RangeError for absurd nesting. */
export function readHtmlBlocks(bytes: Uint8Array): ReadDocument {
  const html = decodeHtml(bytes);
  if (roughDepth(html) > MAX_HTML_DEPTH) throw new RangeError('nesting too deep');
  const generator = /<meta[^>]+name\s*=\s*["']?(?:generator|Generator)["']?[^>]*content\s*=\s*["']([^"']*)/i.exec(html.slice(0, 8192))?.[1];
  return { blocks: blocksFromHtml(html), generator };
}
