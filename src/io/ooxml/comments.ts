/**
 * Legacy notes ("comments" in the file format): the xl/commentsN.xml part holds the text, a VML
 * drawing holds the pop-up box of each note. Existing notes of the sheet are kept; text for a cell
 * that already has a note is appended to that note.
 */
import { CT_COMMENTS, CT_VML, type OoxmlPackage, REL_COMMENTS, REL_VML, relTypeIs, insertIntoElement } from './package';
import { addLegacyDrawing, legacyDrawingId, parseCellRef } from './sheet';
import { attr, childElements, escapeAttr, escapeText, localName, openTag, qn, rootElement, rootPrefix, Splicer, textContent } from './xml';

export const NOTE_AUTHOR = 'zwgk';
/** Excel refuses longer cell and note texts. */
const MAX_TEXT = 32767;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const VML_NAMESPACES: Record<string, string> = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/**
 * Adds notes to the sheet at `sheetPath` (whose current XML is `sheetXml`) and returns the sheet XML,
 * changed only when a <legacyDrawing> had to be added. `notes` maps "B3" addresses to note text.
 */
export function addNotes(pkg: OoxmlPackage, sheetPath: string, sheetXml: string, notes: Map<string, string>): string {
  if (notes.size === 0) return sheetXml;
  const rels = pkg.relationships(sheetPath);
  let xml = sheetXml;

  const commentsRel = rels.find((r) => relTypeIs(r.type, REL_COMMENTS) && !r.external);
  let commentsPath: string;
  if (commentsRel && pkg.has(pkg.resolve(sheetPath, commentsRel))) {
    commentsPath = pkg.resolve(sheetPath, commentsRel);
  } else {
    commentsPath = pkg.freePartName('xl', 'comments', '.xml');
    pkg.setText(commentsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors/><commentList/></comments>`);
    pkg.setOverride(commentsPath, CT_COMMENTS);
    pkg.addRelationship(sheetPath, REL_COMMENTS, commentsPath);
  }

  // A sheet has at most one legacy drawing; notes share it with form controls if there are any.
  const drawingId = legacyDrawingId(xml);
  const drawingRel = drawingId ? rels.find((r) => r.id === drawingId) : undefined;
  let vmlPath: string;
  if (drawingRel && pkg.has(pkg.resolve(sheetPath, drawingRel))) {
    vmlPath = pkg.resolve(sheetPath, drawingRel);
  } else {
    vmlPath = pkg.freePartName('xl/drawings', 'vmlDrawing', '.vml');
    const idmap = freeIdmap(pkg);
    pkg.setText(
      vmlPath,
      `<xml xmlns:v="${VML_NAMESPACES.v}" xmlns:o="${VML_NAMESPACES.o}" xmlns:x="${VML_NAMESPACES.x}">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${NOTE_SHAPETYPE}</xml>`,
    );
    pkg.ensureDefault('vml', CT_VML);
    const relId = pkg.addRelationship(sheetPath, REL_VML, vmlPath);
    xml = addLegacyDrawing(xml, relId);
  }

  const newCells = mergeComments(pkg, commentsPath, notes);
  if (newCells.length > 0) pkg.setText(vmlPath, addNoteShapes(pkg.text(vmlPath), newCells.map((a) => ({ address: a, lines: notes.get(a)?.split('\n').length ?? 1 }))));
  return xml;
}

/** Writes the texts into the comments part; returns the addresses that got a new comment (and need a shape). */
function mergeComments(pkg: OoxmlPackage, path: string, notes: Map<string, string>): string[] {
  const xml = pkg.text(path);
  const p = rootPrefix(xml);
  const root = rootElement(xml);
  const top = childElements(xml, root);
  const authors = top.find((c) => localName(c.name) === 'authors');
  const list = top.find((c) => localName(c.name) === 'commentList');
  if (!authors || !list) throw new Error(`${path} has no <authors> or <commentList>`);

  const edit = new Splicer(xml);
  const authorNames = childElements(xml, authors).filter((a) => localName(a.name) === 'author').map((a) => textContent(xml, a));
  let authorId = authorNames.indexOf(NOTE_AUTHOR);
  const run = (text: string, bold: boolean): string =>
    `<${qn(p, 'r')}><${qn(p, 'rPr')}>${bold ? `<${qn(p, 'b')}/>` : ''}<${qn(p, 'sz')} val="9"/></${qn(p, 'rPr')}>` +
    `<${qn(p, 't')} xml:space="preserve">${escapeText(text)}</${qn(p, 't')}></${qn(p, 'r')}>`;

  const existing = new Map<string, ReturnType<typeof childElements>[number]>();
  for (const comment of childElements(xml, list)) {
    if (localName(comment.name) !== 'comment') continue;
    const ref = attr(openTag(xml, comment), 'ref');
    if (ref) existing.set(ref.replace(/\$/g, '').toUpperCase(), comment);
  }

  const added: string[] = [];
  let newComments = '';
  for (const [address, text] of notes) {
    const body = text.slice(0, MAX_TEXT - NOTE_AUTHOR.length - 4);
    const comment = existing.get(address.toUpperCase());
    if (comment) {
      const textEl = childElements(xml, comment).find((c) => localName(c.name) === 'text');
      const appended = run(`\n${NOTE_AUTHOR}:`, true) + run(`\n${body}`, false);
      if (textEl && !textEl.selfClosing) {
        const phonetic = childElements(xml, textEl).find((c) => ['rPh', 'phoneticPr'].includes(localName(c.name)));
        edit.insert(phonetic ? phonetic.start : textEl.closeStart, appended);
        continue;
      }
      if (textEl) {
        edit.replace(textEl.start, textEl.end, `<${textEl.name}>${appended}</${textEl.name}>`);
        continue;
      }
    }
    if (authorId < 0) {
      authorId = authorNames.length;
      const author = `<${qn(p, 'author')}>${NOTE_AUTHOR}</${qn(p, 'author')}>`;
      if (authors.selfClosing) edit.replace(authors.start, authors.end, `<${authors.name}>${author}</${authors.name}>`);
      else edit.insert(authors.closeStart, author);
    }
    newComments +=
      `<${qn(p, 'comment')} ref="${escapeAttr(address)}" authorId="${authorId}"><${qn(p, 'text')}>` +
      run(`${NOTE_AUTHOR}:`, true) + run(`\n${body}`, false) + `</${qn(p, 'text')}></${qn(p, 'comment')}>`;
    added.push(address);
  }
  let out = edit.apply();
  if (newComments) {
    const newList = childElements(out, rootElement(out)).find((c) => localName(c.name) === 'commentList');
    if (!newList) throw new Error(`${path} lost its <commentList>`);
    out = insertIntoElement(out, newList, newComments);
  }
  pkg.setText(path, out);
  return added;
}

/** Smallest VML shape-id block (o:idmap) that no drawing of the package uses; Excel repairs files with duplicates. */
function freeIdmap(pkg: OoxmlPackage): number {
  const used = new Set<number>();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    const text = pkg.text(name);
    for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)) for (const n of m[1].split(/[\s,]+/)) if (n) used.add(Number(n));
    for (const m of text.matchAll(/_x0000_s(\d+)/g)) used.add(Math.floor(Number(m[1]) / 1024));
  }
  let id = 1;
  while (used.has(id)) id++;
  return id;
}

/**
 * Appends one hidden note box per address. VML written by Excel is not always well-formed XML, so
 * this works on the text around the closing </xml> rather than parsing the drawing.
 */
function addNoteShapes(vml: string, cells: { address: string; lines: number }[]): string {
  let out = vml;
  const rootOpen = /<xml\b[^>]*>/.exec(out);
  if (!rootOpen) throw new Error('VML drawing has no <xml> root');
  let rootTag = rootOpen[0];
  for (const [prefix, uri] of Object.entries(VML_NAMESPACES)) {
    if (!new RegExp(`xmlns:${prefix}\\s*=`).test(rootTag)) rootTag = rootTag.replace(/\s*>$/, ` xmlns:${prefix}="${uri}">`);
  }
  out = out.slice(0, rootOpen.index) + rootTag + out.slice(rootOpen.index + rootOpen[0].length);

  if (!/id="_x0000_t202"/.test(out)) {
    const firstShape = out.search(/<v:shape\b/);
    const at = firstShape >= 0 ? firstShape : out.lastIndexOf('</xml>');
    out = out.slice(0, at) + NOTE_SHAPETYPE + out.slice(at);
  }

  const idmapMatch = /<o:idmap\b[^>]*\bdata="(\d+)/.exec(out);
  const block = idmapMatch ? Number(idmapMatch[1]) : 1;
  let nextId = block * 1024 + 1;
  for (const m of out.matchAll(/_x0000_s(\d+)/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
  let zIndex = (out.match(/<v:shape\b/g) ?? []).length + 1;

  let shapes = '';
  for (const cell of cells) {
    const ref = parseCellRef(cell.address);
    if (!ref) continue;
    const row = ref.row - 1;
    const col = ref.col - 1;
    const height = Math.min(12, Math.max(4, cell.lines + 2));
    const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${Math.max(0, row - 1) + height}, 4`;
    shapes +=
      `<v:shape id="_x0000_s${nextId++}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:${height * 15}pt;z-index:${zIndex++};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  }
  const close = out.lastIndexOf('</xml>');
  if (close < 0) throw new Error('VML drawing has no closing </xml>');
  return out.slice(0, close) + shapes + out.slice(close);
}
