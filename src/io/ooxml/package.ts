/**
 * An OOXML package (the zip behind .xlsx/.xlsm) held as parts in their original order. Only parts
 * that are written back change; all others keep their exact bytes.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { attr, childElements, escapeAttr, localName, openTag, rootElement, Splicer } from './xml';

export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_OFFICE_DOCUMENT = `${NS_REL}/officeDocument`;
export const REL_WORKSHEET = `${NS_REL}/worksheet`;
export const REL_STYLES = `${NS_REL}/styles`;
export const REL_COMMENTS = `${NS_REL}/comments`;
export const REL_VML = `${NS_REL}/vmlDrawing`;
/** Strict OOXML uses other URIs; match relationship types on their last segment so both work. */
export function relTypeIs(type: string, wanted: string): boolean {
  return type.slice(type.lastIndexOf('/')) === wanted.slice(wanted.lastIndexOf('/'));
}

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class OoxmlPackage {
  private readonly parts = new Map<string, Uint8Array>();

  constructor(data: Uint8Array) {
    const files = unzipSync(data);
    for (const name of Object.keys(files)) this.parts.set(name, files[name]);
    if (!this.has('[Content_Types].xml')) throw new Error('not an OOXML package: [Content_Types].xml is missing');
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** Text of a part (UTF-8; a byte-order mark is kept so writing back restores it). */
  text(path: string): string {
    const bytes = this.parts.get(path);
    if (!bytes) throw new Error(`package part ${path} is missing`);
    return decoder.decode(bytes);
  }

  setText(path: string, text: string): void {
    this.parts.set(path, strToU8(text));
  }

  toBytes(): Uint8Array {
    const zippable: Zippable = {};
    for (const [name, bytes] of this.parts) {
      // Directory entries carry no data; storing them uncompressed mirrors what writers emit.
      zippable[name] = name.endsWith('/') ? [bytes, { level: 0 }] : bytes;
    }
    return zipSync(zippable, { level: 6, mem: 8 });
  }

  /** Relationships of a part (empty when it has no .rels part). */
  relationships(partPath: string): Relationship[] {
    const relsPath = relsPathOf(partPath);
    if (!this.has(relsPath)) return [];
    const xml = this.text(relsPath);
    return childElements(xml, rootElement(xml))
      .filter((el) => localName(el.name) === 'Relationship')
      .map((el) => {
        const tag = openTag(xml, el);
        return {
          id: attr(tag, 'Id') ?? '',
          type: attr(tag, 'Type') ?? '',
          target: attr(tag, 'Target') ?? '',
          external: attr(tag, 'TargetMode') === 'External',
        };
      });
  }

  /** Adds a relationship from `partPath` to `targetPath` (package path) and returns its new id. */
  addRelationship(partPath: string, type: string, targetPath: string): string {
    const relsPath = relsPathOf(partPath);
    const existing = new Set(this.relationships(partPath).map((r) => r.id));
    let n = existing.size + 1;
    while (existing.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(partPath, targetPath);
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    if (!this.has(relsPath)) {
      this.setText(
        relsPath,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
      );
      return id;
    }
    const xml = this.text(relsPath);
    const root = rootElement(xml);
    const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const prefixed = prefix ? rel.replace('<Relationship', `<${prefix}Relationship`) : rel;
    this.setText(relsPath, insertIntoElement(xml, root, prefixed));
    return id;
  }

  /** Package path a relationship of `partPath` points at. */
  resolve(partPath: string, rel: Relationship): string {
    return resolveTarget(partPath, rel.target);
  }

  /** Registers an Override content type for a part (replacing an existing one for that part). */
  setOverride(partPath: string, contentType: string): void {
    const xml = this.text('[Content_Types].xml');
    const root = rootElement(xml);
    const partName = `/${partPath}`;
    const edit = new Splicer(xml);
    for (const el of childElements(xml, root)) {
      if (localName(el.name) === 'Override' && (attr(openTag(xml, el), 'PartName') ?? '').toLowerCase() === partName.toLowerCase()) {
        edit.replace(el.start, el.end, '');
      }
    }
    const tagName = prefixOf(root.name) + 'Override';
    const applied = edit.apply();
    this.setText(
      '[Content_Types].xml',
      insertIntoElement(applied, rootElement(applied), `<${tagName} PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`),
    );
  }

  /** Ensures a Default content type for an extension exists (keeps an existing one). */
  ensureDefault(extension: string, contentType: string): void {
    const xml = this.text('[Content_Types].xml');
    const root = rootElement(xml);
    const has = childElements(xml, root).some(
      (el) => localName(el.name) === 'Default' && (attr(openTag(xml, el), 'Extension') ?? '').toLowerCase() === extension.toLowerCase(),
    );
    if (has) return;
    const tagName = prefixOf(root.name) + 'Default';
    // Defaults conventionally come first; Excel accepts either order, so prepend to keep them grouped.
    const at = root.openEnd;
    this.setText('[Content_Types].xml', xml.slice(0, at) + `<${tagName} Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(contentType)}"/>` + xml.slice(at));
  }

  /** A part path like `${dir}/${stem}${n}${ext}` not used yet, n counting from 1. */
  freePartName(dir: string, stem: string, ext: string): string {
    const lower = new Set(this.names().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const candidate = `${dir}/${stem}${n}${ext}`;
      if (!lower.has(candidate.toLowerCase())) return candidate;
    }
  }
}

function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon + 1);
}

/** Inserts markup as the last child of `el` (turning a self-closing element into an open one). */
export function insertIntoElement(xml: string, el: { name: string; start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean }, markup: string): string {
  if (!el.selfClosing) return xml.slice(0, el.closeStart) + markup + xml.slice(el.closeStart);
  const open = xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>');
  return xml.slice(0, el.start) + open + markup + `</${el.name}>` + xml.slice(el.end);
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Package path of a relationship target relative to the source part (or absolute with a leading '/'). */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = safeDecode(target.split('#')[0]);
  const base = clean.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of clean.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Target string for a relationship from `sourcePart` to `targetPart`, relative like Excel writes it. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
