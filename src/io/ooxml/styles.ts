/**
 * Additive edits to xl/styles.xml: new fills, fonts and cell formats (xf) are appended; existing
 * entries keep their index and text, so every cell that is not marked looks exactly as before.
 */
import type { Severity } from '../../core/report';
import { attr, childElements, type ElementSpan, localName, openTag, qn, rootElement, rootPrefix, setAttr, Splicer } from './xml';

/**
 * Mark colours (ARGB) by severity. They must stand apart from the template's light-yellow input
 * fill (FFF2CC) on screen and in grey print: as grey levels (0.299R+0.587G+0.114B) error 151,
 * warning 189 (amber, not yellow), information 209, input 241; a border in a darker shade of each
 * adds an edge that survives any printer.
 */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFFF6B6B',
  warning: 'FFFFC000',
  info: 'FFBDD7EE',
};
export const SEVERITY_BORDER: Record<Severity, string> = {
  error: 'FFC00000',
  warning: 'FF9C5700',
  info: 'FF2F5597',
};
const HEADER_FILL = 'FFD9D9D9';
const LINK_COLOUR = 'FF0563C1';

/** Order of the collections inside <styleSheet> (CT_Stylesheet), needed when one must be created. */
const COLLECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type Collection = 'fonts' | 'fills' | 'cellXfs' | 'dxfs';

export const DEFAULT_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleBook {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly existing: Record<Collection, ElementSpan[]>;
  private readonly added: Record<Collection, string[]> = { fonts: [], fills: [], cellXfs: [], dxfs: [] };
  private readonly hasCellStyleXfs: boolean;
  private readonly fillCache = new Map<string, number>();
  private readonly sheetXfCache = new Map<string, number>();
  private readonly dxfCache = new Map<Severity, number>();

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = rootPrefix(xml);
    const root = rootElement(xml);
    const collections = childElements(xml, root);
    const find = (name: string): ElementSpan | undefined => collections.find((c) => localName(c.name) === name);
    const items = (name: Collection, item: string): ElementSpan[] => {
      const el = find(name);
      return el ? childElements(xml, el).filter((c) => localName(c.name) === item) : [];
    };
    this.existing = { fonts: items('fonts', 'font'), fills: items('fills', 'fill'), cellXfs: items('cellXfs', 'xf'), dxfs: items('dxfs', 'dxf') };
    this.hasCellStyleXfs = find('cellStyleXfs') !== undefined;
    // Indexes 0 and 1 of <fills> are reserved (none, gray125); make sure appended fills never land there.
    if (this.existing.fills.length === 0) this.added.fills.push(this.patternFill('none'), this.patternFill('gray125'));
    else if (this.existing.fills.length === 1) this.added.fills.push(this.patternFill('gray125'));
  }

  private el(local: string): string {
    return qn(this.prefix, local);
  }

  private patternFill(type: string, rgb?: string): string {
    const inner = rgb ? `<${this.el('fgColor')} rgb="${rgb}"/><${this.el('bgColor')} indexed="64"/>` : '';
    const pf = inner ? `<${this.el('patternFill')} patternType="${type}">${inner}</${this.el('patternFill')}>` : `<${this.el('patternFill')} patternType="${type}"/>`;
    return `<${this.el('fill')}>${pf}</${this.el('fill')}>`;
  }

  private append(kind: Collection, markup: string): number {
    this.added[kind].push(markup);
    return this.existing[kind].length + this.added[kind].length - 1;
  }

  private solidFill(rgb: string): number {
    let id = this.fillCache.get(rgb);
    if (id === undefined) {
      id = this.append('fills', this.patternFill('solid', rgb));
      this.fillCache.set(rgb, id);
    }
    return id;
  }

  get xfCount(): number {
    return this.existing.cellXfs.length + this.added.cellXfs.length;
  }

  /**
   * Index of the differential format (dxf) a conditional-format mark of `severity` applies: a solid
   * fill (a dxf's solid fill takes its colour from bgColor; fgColor is set too for other readers)
   * and a thin border in a darker shade. The cell's own format stays untouched underneath.
   */
  markDxf(severity: Severity): number {
    const cached = this.dxfCache.get(severity);
    if (cached !== undefined) return cached;
    const e = (local: string): string => this.el(local);
    const rgb = SEVERITY_FILL[severity];
    const edge = (side: string): string => `<${e(side)} style="thin"><${e('color')} rgb="${SEVERITY_BORDER[severity]}"/></${e(side)}>`;
    const markup =
      `<${e('dxf')}><${e('fill')}><${e('patternFill')} patternType="solid"><${e('fgColor')} rgb="${rgb}"/><${e('bgColor')} rgb="${rgb}"/></${e('patternFill')}></${e('fill')}>` +
      `<${e('border')}>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}</${e('border')}></${e('dxf')}>`;
    const id = this.append('dxfs', markup);
    this.dxfCache.set(severity, id);
    return id;
  }

  /** Cell formats for the findings sheet: header (bold, grey), link (blue underline), wrapped text. */
  findingsXf(kind: 'header' | 'link' | 'wrap' | 'plain' | 'title' | 'bold'): number {
    const cached = this.sheetXfCache.get(kind);
    if (cached !== undefined) return cached;
    const xfId = this.hasCellStyleXfs ? ' xfId="0"' : '';
    let markup: string;
    if (kind === 'header') {
      const fontId = this.append('fonts', this.fontLike({ bold: true }));
      const fillId = this.solidFill(HEADER_FILL);
      markup = `<${this.el('xf')} numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0"${xfId} applyFont="1" applyFill="1" applyAlignment="1"><${this.el('alignment')} vertical="center" wrapText="1"/></${this.el('xf')}>`;
    } else if (kind === 'title' || kind === 'bold') {
      const fontId = this.append('fonts', this.fontLike({ bold: true, size: kind === 'title' ? '14' : undefined }));
      markup = `<${this.el('xf')} numFmtId="0" fontId="${fontId}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1"><${this.el('alignment')} vertical="center"/></${this.el('xf')}>`;
    } else if (kind === 'link') {
      const fontId = this.append('fonts', this.fontLike({ underline: true, colour: LINK_COLOUR }));
      markup = `<${this.el('xf')} numFmtId="0" fontId="${fontId}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1"><${this.el('alignment')} vertical="top" wrapText="1"/></${this.el('xf')}>`;
    } else if (kind === 'wrap') {
      markup = `<${this.el('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId} applyAlignment="1"><${this.el('alignment')} vertical="top" wrapText="1"/></${this.el('xf')}>`;
    } else {
      markup = `<${this.el('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId} applyAlignment="1"><${this.el('alignment')} vertical="top"/></${this.el('xf')}>`;
    }
    const id = this.append('cellXfs', markup);
    this.sheetXfCache.set(kind, id);
    return id;
  }

  /** A font with the default font's size and face plus the requested emphasis, children in schema order. */
  private fontLike(opts: { bold?: boolean; underline?: boolean; colour?: string; size?: string }): string {
    const base = this.existing.fonts[0];
    const val = (local: string): string | undefined => {
      if (!base) return undefined;
      const child = childElements(this.xml, base).find((c) => localName(c.name) === local);
      return child ? attr(openTag(this.xml, child), 'val') : undefined;
    };
    const e = (local: string, v?: string): string => (v === undefined ? '' : `<${this.el(local)} val="${v.replace(/"/g, '&quot;')}"/>`);
    const parts = [
      opts.bold ? `<${this.el('b')}/>` : '',
      opts.underline ? `<${this.el('u')}/>` : '',
      e('sz', opts.size ?? val('sz') ?? '11'),
      opts.colour ? `<${this.el('color')} rgb="${opts.colour}"/>` : '',
      e('name', val('name') ?? 'Calibri'),
      e('family', val('family')),
      e('charset', val('charset')),
      e('scheme', val('scheme')),
    ];
    return `<${this.el('font')}>${parts.join('')}</${this.el('font')}>`;
  }

  /** The styles part with the additions; the original text when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    for (const kind of ['dxfs', 'cellXfs', 'fills', 'fonts'] as Collection[]) {
      if (this.added[kind].length === 0) continue;
      xml = this.appendTo(xml, kind, this.added[kind].join(''), this.existing[kind].length + this.added[kind].length);
    }
    return xml;
  }

  /** Appends items to a collection and sets its count; creates the collection in schema order if absent. */
  private appendTo(xml: string, kind: Collection, markup: string, count: number): string {
    const root = rootElement(xml);
    const collections = childElements(xml, root);
    const el = collections.find((c) => localName(c.name) === kind);
    const edit = new Splicer(xml);
    if (el) {
      edit.replace(el.start, el.openEnd, setAttr(openTag(xml, el), 'count', String(count)).replace(/\s*\/>$/, '>'));
      if (el.selfClosing) edit.insert(el.end, `${markup}</${el.name}>`);
      else edit.insert(el.closeStart, markup);
      return edit.apply();
    }
    const after = COLLECTION_ORDER.slice(COLLECTION_ORDER.indexOf(kind) + 1);
    const next = collections.find((c) => after.includes(localName(c.name)));
    const created = `<${this.el(kind)} count="${count}">${markup}</${this.el(kind)}>`;
    edit.insert(next ? next.start : root.closeStart, created);
    return edit.apply();
  }
}
