/**
 * Reads a Word document (.docx, as saved by Word, WPS or LibreOffice) into paragraphs and tables,
 * with fflate (through the zip guard) and saxes. Only the main document part is read; text in
 * deleted revisions, field codes, text boxes and the fallback copies of mc:AlternateContent is left
 * out, so each piece of text is read once. Browser-safe.
 */
import { isUserError } from '../../core/errors';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Inflate } from 'fflate';
import { ZipStructureError, entryData, readSmallEntry, readZipDirectory, type ZipEntry } from '../reader/zip';
import type { ReadBlock, ReadDocument } from '../../core/report-doc/blocks';
import type { SourceCell } from '../../core/report-doc/grid';
import { documentCorrupt, documentTooLarge } from './refusals';

/** WordprocessingML main namespace: Transitional (Word, WPS) and Strict. */
const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements whose whole content is skipped. */
const SKIP_W = new Set(['del', 'txbxContent', 'instrText', 'delText', 'moveFrom', 'rPr', 'pPr']);

interface CellBuild {
  paragraphs: string[];
  colSpan: number;
  vMerge?: 'restart' | 'continue';
}

interface TableBuild {
  rows: SourceCell[][];
  row: SourceCell[] | null;
  cell: CellBuild | null;
}

/** Parses the main document part's XML into blocks. */
export function blocksFromDocumentXml(xml: string): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  const parser = new SaxesParser({ xmlns: true });
  const tables: TableBuild[] = [];
  let paragraph: string | null = null;
  let inText = false;
  let skipDepth = 0;
  let depth = 0;

  const local = (tag: SaxesTagNS): string | null => (W_NS.has(tag.uri) ? tag.local : null);
  const attr = (tag: SaxesTagNS, name: string): string | undefined => {
    for (const a of Object.values(tag.attributes)) if (a.local === name && W_NS.has(a.uri)) return a.value;
    return undefined;
  };

  parser.on('opentag', (tag) => {
    depth++;
    if (skipDepth > 0) return;
    const name = local(tag);
    if ((tag.uri === MC_NS && tag.local === 'Fallback') || (name !== null && SKIP_W.has(name))) {
      // Span and merge properties live in tcPr, which is not skipped; rPr/pPr hold no text.
      skipDepth = depth;
      return;
    }
    const table = tables[tables.length - 1];
    switch (name) {
      case 'tbl':
        // A table inside a cell is flattened into that cell's text.
        if (!table || !table.cell) tables.push({ rows: [], row: null, cell: null });
        break;
      case 'tr':
        if (table && !table.cell) table.row = [];
        break;
      case 'gridBefore': {
        const n = Number(attr(tag, 'val') ?? '0');
        if (table?.row && !table.cell && n > 0) table.row.push({ text: '', colSpan: Math.min(n, 1000) });
        break;
      }
      case 'tc':
        if (table && !table.cell) table.cell = { paragraphs: [], colSpan: 1 };
        break;
      case 'gridSpan':
        if (table?.cell) table.cell.colSpan = Math.max(1, Number(attr(tag, 'val') ?? '1') || 1);
        break;
      case 'vMerge':
        if (table?.cell) table.cell.vMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        if (paragraph === null) paragraph = '';
        break;
      case 't':
        inText = true;
        break;
      case 'tab':
        if (paragraph !== null) paragraph += ' ';
        break;
      case 'br':
      case 'cr':
        if (paragraph !== null) paragraph += '\n';
        break;
      default:
        break;
    }
  });

  parser.on('text', (text) => {
    if (skipDepth === 0 && inText && paragraph !== null) paragraph += text;
  });

  parser.on('closetag', (tag) => {
    const closing = depth--;
    if (skipDepth > 0) {
      if (closing === skipDepth) skipDepth = 0;
      return;
    }
    const name = local(tag);
    const table = tables[tables.length - 1];
    switch (name) {
      case 't':
        inText = false;
        break;
      case 'p':
        if (paragraph !== null) {
          if (table?.cell) table.cell.paragraphs.push(paragraph);
          else if (!table) blocks.push({ kind: 'paragraph', text: paragraph });
        }
        paragraph = null;
        break;
      case 'tc':
        if (table?.cell && table.row) {
          const c = table.cell;
          table.row.push({ text: c.paragraphs.join('\n'), colSpan: c.colSpan, vMerge: c.vMerge });
        }
        if (table) table.cell = null;
        break;
      case 'tr':
        if (table?.row && !table.cell) {
          table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'tbl':
        if (table && !table.cell) {
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.paragraphs.push(...table.rows.map((r) => r.map((c) => c.text).join(' ')));
          else blocks.push({ kind: 'table', rows: table.rows });
        }
        break;
      default:
        break;
    }
  });

  parser.write(xml).close();
  return blocks;
}

/** The main document part's name, from [Content_Types].xml (Word and WPS: word/document.xml). */
function mainPartName(contentTypes: string | null): string {
  const m = contentTypes ? /PartName="\/([^"]+)"[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"/.exec(contentTypes) : null;
  return m ? m[1] : 'word/document.xml';
}

/**
 * Inflates one entry to text, stopping as soon as the output passes `limit` bytes: declared sizes
 * can lie, and a crafted entry must not be inflated to the end first.
 */
function inflateText(bytes: Uint8Array, entry: ZipEntry, limit: number, file: string): string {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.length > limit) throw documentTooLarge(file, limit);
    return new TextDecoder('utf-8').decode(data);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw documentTooLarge(file, limit);
    parts.push(chunk);
  });
  for (let i = 0; i < data.length; i += 64 * 1024) inflater.push(data.subarray(i, i + 64 * 1024), i + 64 * 1024 >= data.length);
  const out = new Uint8Array(size);
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return new TextDecoder('utf-8').decode(out);
}

/** Reads the bytes of a .docx into paragraphs and tables. Throws a UserError for a damaged file. */
export function readDocxBlocks(bytes: Uint8Array, file: string, maxUncompressed: number): ReadDocument {
  try {
    const dir = readZipDirectory(bytes);
    const byName = new Map(dir.entries.map((e) => [e.name, e]));
    const types = byName.get('[Content_Types].xml');
    const mainName = mainPartName(types ? readSmallEntry(bytes, types, 1024 * 1024) : null);
    const main = byName.get(mainName);
    if (!main) throw new ZipStructureError(`no ${mainName}`);
    if (main.declaredSize > maxUncompressed) throw documentTooLarge(file, maxUncompressed);
    const xml = inflateText(bytes, main, maxUncompressed, file);
    const app = byName.get('docProps/app.xml');
    const generator = app ? /<Application>([^<]*)<\/Application>/.exec(readSmallEntry(bytes, app, 64 * 1024))?.[1] : undefined;
    return { blocks: blocksFromDocumentXml(xml), generator };
  } catch (e) {
    if (isUserError(e)) throw e;
    if (e instanceof ZipStructureError) throw documentCorrupt(file, '压缩结构损坏');
    // saxes reports malformed XML ("1:23: unclosed tag …"): the document part is damaged.
    throw documentCorrupt(file, 'XML 内容无法解析');
  }
}
