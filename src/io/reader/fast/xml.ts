/**
 * XML plumbing of the named-cell reader: decoding a part's bytes, a saxes parser set up for it, and
 * the few text and attribute rules in which SheetJS (the reference reader) differs from a
 * conforming XML parser. Wherever the two could disagree, the fast reader declines (Decline) and
 * the file is read by SheetJS instead.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** The fast reader cannot promise SheetJS's Snapshot for this file; `reason` says why (for tests and debugging). */
export class Decline extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A part's text. Only UTF-8 is taken (SheetJS also reads UTF-16 parts, rare enough to leave to it). */
export function partText(bytes: Uint8Array, part: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new Decline(`${part}: UTF-16`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Decline(`${part}: not UTF-8`);
  }
}

/**
 * What an XML parser and SheetJS's regular expressions read differently, declined before parsing:
 * raw carriage returns after the XML declaration (an XML parser turns them into line feeds, SheetJS
 * keeps some), comments, CDATA sections, DOCTYPE and processing instructions. Checked on the text
 * about to be parsed, once, rather than by parser event handlers, which made saxes several times
 * slower.
 */
function checkText(text: string, part: string): void {
  let from = 0;
  if (text.startsWith('<?xml')) from = text.indexOf('?>') + 2;
  while (from < text.length && (text[from] === '\r' || text[from] === '\n' || text[from] === ' ' || text[from] === '\t')) from++;
  if (text.indexOf('\r', from) >= 0) throw new Decline(`${part}: carriage return in content`);
  if (text.indexOf('<!', from) >= 0 || text.indexOf('<?', from) >= 0) throw new Decline(`${part}: comment, CDATA, DOCTYPE or processing instruction`);
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text?(text: string): void;
}

/**
 * Parses `text` with saxes (no namespace processing: SheetJS matches elements by local name, with
 * any prefix, and so does this reader). Encodings other than UTF-8 are declined, and so is what
 * checkText lists.
 */
export function parseXml(text: string, part: string, h: XmlHandlers): void {
  checkText(text, part);
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', h.open);
  parser.on('closetag', h.close);
  if (h.text) parser.on('text', h.text);
  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) throw new Decline(`${part}: encoding ${decl.encoding}`);
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Decline) throw err;
    // saxes throws on the first well-formedness error.
    throw new Decline(`${part}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The element name without its namespace prefix (SheetJS ignores prefixes). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * An element's attributes as SheetJS's tag parser keys them: prefixes dropped (r:id → id), and each
 * value also under the lower-cased key. Namespace declarations keep their "xmlns" + prefix key.
 */
export function sheetJsAttributes(attributes: Record<string, string>): Record<string, string> {
  // The usual case, plain lower-case names (r, s, t): the attributes are their own keys already.
  let plain = true;
  outer: for (const q in attributes) {
    for (let i = 0; i < q.length; i++) {
      const c = q.charCodeAt(i);
      if (c < 97 || c > 122) {
        plain = false;
        break outer;
      }
    }
  }
  if (plain) return attributes;
  const z: Record<string, string> = {};
  for (const q in attributes) {
    const v = attributes[q];
    const j = q.indexOf(':');
    let k: string;
    if (j < 0) k = q.indexOf('_') > 0 ? q.slice(0, q.indexOf('_')) : q;
    else k = (j === 5 && q.startsWith('xmlns') ? 'xmlns' : '') + q.slice(j + 1);
    z[k] = v;
    z[k.toLowerCase()] = v;
  }
  return z;
}

const OOXML_ESCAPE = /_x([\da-fA-F]{4})_/g;

/**
 * Text as SheetJS returns it after its entity decoding (saxes has done that part): the OOXML
 * escapes _xHHHH_ decoded and, for cell text, CR LF folded to LF.
 */
export function ooxmlText(s: string, cellText: boolean): string {
  const out = s.indexOf('_x') >= 0 ? s.replace(OOXML_ESCAPE, (_m, c: string) => String.fromCharCode(parseInt(c, 16))) : s;
  return cellText && out.indexOf('\r\n') >= 0 ? out.replace(/\r\n/g, '\n') : out;
}

/** SheetJS decodes character references with String.fromCharCode: beyond U+FFFF the two readers disagree. */
export function checkAstral(s: string, text: string, part: string): void {
  if (/[\uD800-\uDFFF]/.test(s) && text.includes('&#')) throw new Decline(`${part}: character reference beyond U+FFFF`);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function indexOfAscii(b: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = b.length - needle.length;
  outer: for (let i = b.indexOf(first, from); i >= 0 && i <= last; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Where an element name at `i` starts its tag: after "<" or "</" and an optional prefix; -1 if it does not. */
function tagStartBefore(b: Uint8Array, i: number, closing: boolean): number {
  let j = i - 1;
  if (b[j] === 58 /* : */) {
    j--;
    while (j >= 0 && isWordChar(b[j])) j--;
    if (j === i - 2) return -1; // ":" with no prefix before it
  }
  if (closing) {
    if (b[j] !== 47 /* / */) return -1;
    j--;
  }
  return b[j] === 60 /* < */ ? j : -1;
}

const encoder = new TextEncoder();

/**
 * The first `name` element of a part, from its start tag to the first end tag after it, located as
 * SheetJS locates the sections it reads (sheetData of a worksheet; numFmts and cellXfs of the
 * styles), so both readers look at the same text; the section is then decoded and parsed as XML.
 * Works on the bytes (the names are ASCII, which never occurs inside a UTF-8 multi-byte sequence),
 * so the rest of the part is never decoded. Null when there is no such section.
 */
export function section(bytes: Uint8Array, name: string, part: string): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new Decline(`${part}: UTF-16`);
  }
  const needle = encoder.encode(name);
  const endNeedle = encoder.encode(`${name}>`);
  let from = 0;
  for (;;) {
    const i = indexOfAscii(bytes, needle, from);
    if (i < 0) return null;
    from = i + needle.length;
    const start = tagStartBefore(bytes, i, false);
    if (start < 0 || isWordChar(bytes[from])) continue;
    const gt = bytes.indexOf(62 /* > */, from);
    const lt = bytes.indexOf(60 /* < */, from);
    if (gt < 0 || (lt >= 0 && lt < gt)) continue;
    let k = gt;
    for (;;) {
      const e = indexOfAscii(bytes, endNeedle, k);
      if (e < 0) return null;
      if (tagStartBefore(bytes, e, true) >= 0) {
        const end = e + endNeedle.length;
        if (bytes[gt - 1] === 47 /* / */) {
          // "<name/>" followed later by "</name>": SheetJS reads what lies between as the content.
          return `${partText(bytes.subarray(start, gt - 1), part)}>${partText(bytes.subarray(gt + 1, end), part)}`;
        }
        return partText(bytes.subarray(start, end), part);
      }
      k = e + endNeedle.length;
    }
  }
}
