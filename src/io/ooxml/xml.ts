/**
 * Just enough XML handling to patch OOXML parts in place: a tag scanner that reports offsets, so
 * callers splice new text into the original string and leave every byte they did not touch alone.
 * It is not a validating parser; it assumes well-formed input, which every real package part is.
 */

export interface Tag {
  kind: 'start' | 'end' | 'empty';
  /** Qualified name as written, e.g. "c" or "x:c". */
  name: string;
  /** Offset of '<'. */
  start: number;
  /** Offset just after '>'. */
  end: number;
}

/** An element located in the text: [start, end) covers it whole; [openEnd, closeStart) is its content. */
export interface ElementSpan {
  name: string;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** Yields start, end and empty-element tags in [from, to), skipping comments, PIs, CDATA and DOCTYPE. */
export function* scanTags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < to) {
    if (xml.startsWith('<!--', i)) {
      i = skipPast(xml, '-->', i);
    } else if (xml.startsWith('<![CDATA[', i)) {
      i = skipPast(xml, ']]>', i);
    } else if (xml.startsWith('<?', i)) {
      i = skipPast(xml, '?>', i);
    } else if (xml.startsWith('<!', i)) {
      i = skipPast(xml, '>', i);
    } else {
      const end = tagEnd(xml, i);
      const closing = xml.charCodeAt(i + 1) === 47; /* '/' */
      const nameStart = closing ? i + 2 : i + 1;
      let nameEnd = nameStart;
      while (nameEnd < end && !isNameStop(xml.charCodeAt(nameEnd))) nameEnd++;
      const name = xml.slice(nameStart, nameEnd);
      const kind = closing ? 'end' : xml.charCodeAt(end - 2) === 47 ? 'empty' : 'start';
      yield { kind, name, start: i, end };
      i = end;
    }
    i = xml.indexOf('<', i);
  }
}

/** Whitespace, '/' or '>' end a tag name. */
function isNameStop(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

function skipPast(xml: string, marker: string, from: number): number {
  const j = xml.indexOf(marker, from);
  if (j < 0) throw new Error('unterminated XML construct');
  return j + marker.length;
}

/** End of a tag starting at `start`, honouring quoted attribute values (they may contain '>'). */
function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) {
      quote = ch;
    } else if (ch === 62) {
      return i + 1;
    }
  }
  throw new Error('unterminated XML tag');
}

/** Local part of a qualified name. */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Prefix of the document element ("" when it uses a default namespace). */
export function rootPrefix(xml: string): string {
  for (const tag of scanTags(xml)) {
    if (tag.kind === 'end') break;
    const colon = tag.name.indexOf(':');
    return colon < 0 ? '' : tag.name.slice(0, colon);
  }
  throw new Error('XML part has no root element');
}

/** Qualified name for `local` with `prefix`. */
export function qn(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}

/** Completes a span from its opening tag by finding the matching close tag. */
export function spanFrom(xml: string, open: Tag, limit = xml.length): ElementSpan {
  if (open.kind === 'empty') {
    return { name: open.name, start: open.start, openEnd: open.end, closeStart: open.end, end: open.end, selfClosing: true };
  }
  let depth = 0;
  for (const tag of scanTags(xml, open.end, limit)) {
    if (tag.kind === 'start') depth++;
    else if (tag.kind === 'end') {
      if (depth === 0) {
        return { name: open.name, start: open.start, openEnd: open.end, closeStart: tag.start, end: tag.end, selfClosing: false };
      }
      depth--;
    }
  }
  throw new Error(`element <${open.name}> is not closed`);
}

/** Elements that can be large and never contain an element of the same name. */
const NEVER_NESTED = new Set(['sheetData', 'row', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'commentList']);

/** Direct children of the element (or of the whole text range when `parent` is omitted). */
export function childElements(xml: string, parent?: ElementSpan): ElementSpan[] {
  const from = parent ? parent.openEnd : 0;
  const to = parent ? parent.closeStart : xml.length;
  const out: ElementSpan[] = [];
  let depth = 0;
  let open: Tag | null = null;
  let pos = from;
  // Names whose close tag is known to be absent from here on: never searched for twice, so a
  // damaged part costs one extra pass, not one pass per element.
  const unclosed = new Set<string>();
  scan: for (;;) {
    for (const tag of scanTags(xml, pos, to)) {
      if (depth === 0 && tag.kind === 'start' && NEVER_NESTED.has(localName(tag.name)) && !unclosed.has(tag.name)) {
        // Jump over the bulk of a sheet: these elements never contain themselves, so the first close tag is theirs.
        const close = findCloseTag(xml, tag.name, tag.end, to);
        if (close) {
          out.push({ name: tag.name, start: tag.start, openEnd: tag.end, closeStart: close.start, end: close.end, selfClosing: false });
          pos = close.end;
          continue scan;
        }
        unclosed.add(tag.name);
      }
      if (tag.kind === 'empty') {
        if (depth === 0) out.push({ name: tag.name, start: tag.start, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: true });
      } else if (tag.kind === 'start') {
        if (depth === 0) open = tag;
        depth++;
      } else {
        depth--;
        if (depth === 0 && open) {
          out.push({ name: open.name, start: open.start, openEnd: open.end, closeStart: tag.start, end: tag.end, selfClosing: false });
          open = null;
        }
      }
    }
    return out;
  }
}

/**
 * The first close tag `</name>` in [from, to), allowing whitespace before '>' (`</row >` is legal
 * XML). One forward search: the caller moves past the result, so a whole part is scanned once.
 */
export function findCloseTag(xml: string, name: string, from: number, to = xml.length): { start: number; end: number } | null {
  const needle = `</${name}`;
  for (let at = xml.indexOf(needle, from); at >= 0 && at < to; at = xml.indexOf(needle, at + needle.length)) {
    let i = at + needle.length;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i < to && xml.charCodeAt(i) === 62 /* '>' */) return { start: at, end: i + 1 };
    // `</rows>` or `</row-x>`: another name that starts the same way; keep looking.
  }
  return null;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * The document element. Its close tag is the last tag of the part (only comments, PIs and
 * whitespace may follow it), so this does not walk a large sheet.
 */
export function rootElement(xml: string): ElementSpan {
  let open: Tag | undefined;
  for (const tag of scanTags(xml)) {
    open = tag;
    break;
  }
  if (!open || open.kind === 'end') throw new Error('XML part has no root element');
  if (open.kind === 'empty') return spanFrom(xml, open);
  const close = xml.lastIndexOf(`</${open.name}`);
  const end = close < 0 ? -1 : xml.indexOf('>', close) + 1;
  if (close < open.end || end <= 0 || xml.slice(close + 2 + open.name.length, end - 1).trim() !== '') {
    throw new Error(`element <${open.name}> is not closed`);
  }
  return { name: open.name, start: open.start, openEnd: open.end, closeStart: close, end, selfClosing: false };
}

/** First direct child with the given local name. */
export function firstChild(xml: string, parent: ElementSpan, local: string): ElementSpan | undefined {
  return childElements(xml, parent).find((c) => localName(c.name) === local);
}

/** The opening tag text of an element. */
export function openTag(xml: string, el: ElementSpan): string {
  return xml.slice(el.start, el.openEnd);
}

/** Raw (still escaped) attribute values of a start tag, keyed by qualified name. */
export function attributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const nameEnd = tagText.search(/[\s/>]/);
  re.lastIndex = nameEnd < 0 ? tagText.length : nameEnd;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tagText))) out.set(m[1], m[3] ?? m[4] ?? '');
  return out;
}

/** One attribute, unescaped; undefined when absent. */
export function attr(tagText: string, name: string): string | undefined {
  const raw = attributes(tagText).get(name);
  return raw === undefined ? undefined : unescapeXml(raw);
}

/** Returns the tag with `name` set to `value` (escaped here), replacing an existing value or appending. */
export function setAttr(tagText: string, name: string, value: string): string {
  const escaped = escapeAttr(value);
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tagText)) return tagText.replace(re, `$1"${escaped}"`);
  const close = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  let insertAt = close;
  while (insertAt > 0 && /\s/.test(tagText[insertAt - 1])) insertAt--;
  return `${tagText.slice(0, insertAt)} ${name}="${escaped}"${tagText.slice(insertAt)}`;
}

/** Returns the tag without attribute `name`. */
export function removeAttr(tagText: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tagText.replace(re, '');
}

/** Text allowed in XML 1.0: drops control characters that would make the part unreadable. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, ent: string) => {
    switch (ent) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    }
  });
}

/** Concatenated text content of an element (tags stripped, entities decoded). */
export function textContent(xml: string, el: ElementSpan): string {
  if (el.selfClosing) return '';
  return unescapeXml(xml.slice(el.openEnd, el.closeStart).replace(/<[^>]*>/g, ''));
}

/** Namespace prefix the root element binds to `uri` (null when none; "" for a default namespace). */
export function prefixForNamespace(xml: string, uri: string): string | null {
  const root = rootElement(xml);
  for (const [name, value] of attributes(openTag(xml, root))) {
    if (unescapeXml(value) !== uri) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice(6);
  }
  return null;
}

/** A list of text edits applied in one pass, so earlier offsets stay valid while edits are collected. */
export class Splicer {
  private readonly edits: { at: number; to: number; text: string; seq: number }[] = [];

  constructor(private readonly source: string) {}

  replace(at: number, to: number, text: string): void {
    this.edits.push({ at, to, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.at - b.at || a.seq - b.seq);
    let out = '';
    let pos = 0;
    for (const e of sorted) {
      if (e.at < pos) throw new Error('overlapping XML edits');
      out += this.source.slice(pos, e.at) + e.text;
      pos = e.to;
    }
    return out + this.source.slice(pos);
  }
}
