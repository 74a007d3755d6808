/**
 * Rich and plain strings (18.4.8 si, and a cell's inline string 18.3.1.53 is) as SheetJS reads
 * them: a plain string is the text of its first <t>; a rich string (one with runs <r>) is the text
 * of every <t> outside the phonetic runs <rPh>; anything else reads as empty.
 */
import type { SaxesTagPlain } from 'saxes';
import { Decline, checkAstral, localName, ooxmlText, parseXml } from './xml';

/** Collects one si or is element's text from the parser events inside it. */
export class StringCollector {
  private depth = 0;
  private started = false;
  private plain = false;
  private plainText: string | null = null;
  private rich = '';
  private hasRun = false;
  private phonetic = 0;
  private inT = false;
  private t = '';

  constructor(private readonly part: string) {}

  open(tag: SaxesTagPlain): void {
    const local = localName(tag.name);
    if (this.depth === 0 && !this.started) {
      this.started = true;
      this.plain = local === 't';
      if (this.plain && tag.isSelfClosing) throw new Decline(`${this.part}: empty first <t>`);
    }
    if (this.inT) throw new Decline(`${this.part}: element inside <t>`);
    if (local === 'r' || tag.name.startsWith('r:')) this.hasRun = true;
    if (local === 'rPh') {
      if (tag.isSelfClosing) throw new Decline(`${this.part}: empty <rPh>`);
      this.phonetic++;
    }
    if (local === 't' && !tag.isSelfClosing) {
      this.inT = true;
      this.t = '';
    }
    if (!tag.isSelfClosing) this.depth++;
  }

  text(s: string): void {
    if (this.inT) this.t += s;
    else if (this.depth === 0 && !this.started && s.trim() !== '') {
      this.started = true;
      this.plain = false;
    }
  }

  close(tag: SaxesTagPlain): void {
    if (tag.isSelfClosing) return;
    this.depth--;
    const local = localName(tag.name);
    if (local === 't' && this.inT) {
      this.inT = false;
      if (this.plain && this.plainText === null) this.plainText = this.t;
      if (this.phonetic === 0) this.rich += this.t;
    } else if (local === 'rPh') this.phonetic--;
  }

  /** The string's text (SheetJS: empty when neither plain nor rich). */
  result(source: string): string {
    const raw = this.plain ? (this.plainText ?? '') : this.hasRun ? this.rich : '';
    checkAstral(raw, source, this.part);
    return ooxmlText(raw, true);
  }
}

export interface SharedStrings {
  /** The strings asked for, by index. */
  byIndex: Map<number, string>;
  /** Number of si elements. SheetJS also answers index `count` (with an empty string). */
  count: number;
}

/**
 * Reads the shared-string table (18.4.9 sst), keeping only the entries at `wanted`. Elements other
 * than si, si with attributes, and prefixed element names are declined (SheetJS splits the table
 * by text and would read those differently).
 */
export function parseSharedStrings(text: string, part: string, wanted: ReadonlySet<number>): SharedStrings {
  const byIndex = new Map<number, string>();
  let depth = 0;
  let index = -1;
  let collector: StringCollector | null = null;
  let sawRoot = false;
  parseXml(text, part, {
    open(tag) {
      if (tag.name.includes(':')) throw new Decline(`${part}: prefixed element ${tag.name}`);
      if (depth === 0) {
        if (tag.name !== 'sst') throw new Decline(`${part}: root is not sst`);
        sawRoot = true;
      } else if (depth === 1) {
        if (tag.name !== 'si' || tag.isSelfClosing || Object.keys(tag.attributes).length > 0) {
          throw new Decline(`${part}: unexpected <${tag.name}> in sst`);
        }
        index++;
        collector = wanted.has(index) ? new StringCollector(part) : null;
      } else if (collector) collector.open(tag);
      if (!tag.isSelfClosing) depth++;
    },
    close(tag) {
      if (tag.isSelfClosing) return;
      depth--;
      if (depth === 1 && collector) {
        byIndex.set(index, collector.result(text));
        collector = null;
      } else if (depth > 1 && collector) collector.close(tag);
    },
    text(s) {
      if (depth === 1 && s.trim() !== '') throw new Decline(`${part}: text between strings`);
      if (depth > 1 && collector) collector.text(s);
    },
  });
  if (!sawRoot) throw new Decline(`${part}: no sst`);
  return { byIndex, count: index + 1 };
}
