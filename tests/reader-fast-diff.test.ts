/**
 * The named-cell reader against SheetJS, the reference: every fixture is read by both, and the
 * Snapshots must be identical, or the named-cell reader must decline (and the file is then read by
 * SheetJS). Fixtures: the examples, the ExcelJS template writer, SheetJS-written workbooks of every
 * cell class, hand-made packages for what the OOXML standard allows and the template does not use
 * (shared formulas, inline strings, rich text, Strict namespaces, the 1904 date system, ZIP64,
 * number formats, formulas without a cached value), a LibreOffice round trip, and a seeded corpus
 * of mutated packages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { isUserError } from '../src/core/errors';
import type { Snapshot } from '../src/core/snapshot';
import { BUILTIN_FORMATS } from '../src/io/reader/fast/styles';
import { readWorkbook, readWorkbookFast } from '../src/io/reader/named-first';
import { readWorkbookWithSheetJs } from '../src/io/reader/workbook-bytes';
import { writeTemplate } from '../src/io/template-writer';
import { EXAMPLE_UNITS } from '../src/examples/units';
import {
  EXAMPLES_DIR,
  exampleBytes,
  patchExample,
  setCell,
  sheetPart,
  text,
  setText,
  unzipParts,
  zipParts,
  renameSheet,
  hideSheet,
  makeMacroEnabled,
  insertRows,
  appendRows,
  type Parts,
} from './helpers/hostile-fixtures';
import { CLASS_CASES, filledValues, fixtureBytes, type FixtureValue } from './helpers/sheetjs-fixtures';
import { convertWithLibreOffice, sofficePath } from './helpers/libreoffice';
import { INDICATORS } from '../src/core/catalogue';

type Outcome = { snapshot: Snapshot } | { refused: string };

function reference(bytes: Uint8Array, name: string): Outcome {
  try {
    return { snapshot: readWorkbookWithSheetJs(bytes, name) };
  } catch (e) {
    if (isUserError(e)) return { refused: e.code };
    throw e;
  }
}

/** Compares both readers on one file; returns 'same' or the decline reason. Fails the test on a difference. */
function compare(bytes: Uint8Array, name: string): string {
  const ref = reference(bytes, name);
  let fast: ReturnType<typeof readWorkbookFast>;
  try {
    fast = readWorkbookFast(bytes, name);
  } catch (e) {
    // The checks before either reader (size, container, zip bomb) refuse alike.
    if (isUserError(e) && 'refused' in ref) {
      expect(e.code).toBe(ref.refused);
      return 'refused';
    }
    throw e;
  }
  if ('declined' in fast) return `declined: ${fast.declined}`;
  if ('refused' in ref) throw new Error(`${name}: SheetJS refuses (${ref.refused}), the named-cell reader reads it`);
  expect(fast.snapshot).toEqual(ref.snapshot);
  // toEqual ignores undefined properties; the Snapshot must match exactly.
  expect(JSON.stringify(fast.snapshot)).toBe(JSON.stringify(ref.snapshot));
  return 'same';
}

/** A fixture the named-cell reader must read itself (not decline). */
function expectSame(bytes: Uint8Array, name: string): void {
  expect(compare(bytes, name)).toBe('same');
}

function edit(source: Uint8Array, fn: (parts: Parts) => void): Uint8Array {
  return patchExample(fn, source);
}

const GOOD = exampleBytes();
const INFO = '基本信息';
const T3 = '表三依申请公开';

/** Replaces the text of one named cell's <c> element in its sheet. */
function replaceCell(parts: Parts, sheet: string, address: string, xml: string): void {
  const part = sheetPart(parts, sheet);
  const body = text(parts, part);
  const re = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(body)) throw new Error(`no cell ${address}`);
  setText(parts, part, body.replace(re, () => xml));
}

function styleOf(parts: Parts, sheet: string, address: string): string {
  const m = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>)`).exec(text(parts, sheetPart(parts, sheet)));
  return / s="\d+"/.exec(m?.[1] ?? '')?.[0] ?? '';
}

function addressOf(name: string): { sheet: string; address: string } {
  const ind = INDICATORS.find((i) => i.name === name);
  if (!ind) throw new Error(name);
  const sheet = ({ info: INFO, t3: T3 } as Record<string, string>)[ind.sheet];
  if (!sheet) throw new Error(`${name} is not on 基本信息 or 表三`);
  return { sheet, address: ind.address };
}

/** Adds a number format and a cell style using it; returns the style index. */
function addFormat(parts: Parts, id: number, code: string): number {
  let xml = text(parts, 'xl/styles.xml');
  const fmt = `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`;
  if (xml.includes('<numFmts')) xml = xml.replace(/<numFmts count="\d+">/, (m) => m + fmt);
  else xml = xml.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${fmt}</numFmts>`);
  const count = Number(/<cellXfs count="(\d+)"/.exec(xml)?.[1]);
  xml = xml.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, body: string) =>
    `<cellXfs count="${count + 1}">${body}<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
  setText(parts, 'xl/styles.xml', xml);
  return count;
}

/** Rewrites a zip's end records as ZIP64 (a ZIP64 end record and locator; the classic record points to them). */
function asZip64(zip: Uint8Array): Uint8Array {
  const b = Buffer.from(zip);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cdSize), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(eocd), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.from(b.subarray(eocd, eocd + 22));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([b.subarray(0, eocd), z64, loc, end]));
}

describe('named-cell reader = SheetJS', () => {
  it('the built-in number formats are SheetJS’s', () => {
    // A workbook written by SheetJS has no formats of its own: reading it leaves SheetJS's fresh table.
    XLSX.read(fixtureBytes({ values: { T2_LICENSE: 1 } }), { type: 'buffer' });
    const table = XLSX.SSF.get_table() as Record<number, string>;
    expect(Object.fromEntries(Object.entries(table))).toEqual(Object.fromEntries(Object.entries(BUILTIN_FORMATS)));
  });

  it('the examples', () => {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expectSame(exampleBytes(join(EXAMPLES_DIR, f)), f);
  });

  it('readWorkbook takes the named-cell reader’s Snapshot', () => {
    expect(readWorkbook(GOOD, 'a.xlsx')).toEqual(readWorkbookWithSheetJs(GOOD, 'a.xlsx'));
  });

  it('template writer output, blank and filled', async () => {
    expectSame(new Uint8Array(await writeTemplate({})), 'blank.xlsx');
    for (const unit of EXAMPLE_UNITS.slice(0, 3)) expectSame(new Uint8Array(await writeTemplate({ values: unit.values })), 'unit.xlsx');
  });

  it('SheetJS-written workbooks: every cell class, moved tables, renamed sheets, broken names, 1904', () => {
    const classes: Record<string, FixtureValue> = {};
    for (const [name, v] of CLASS_CASES) classes[name] = v;
    expectSame(new Uint8Array(fixtureBytes({ values: classes })), 'classes.xlsx');
    expectSame(new Uint8Array(fixtureBytes({ values: filledValues() })), 'filled.xlsx');
    expectSame(new Uint8Array(fixtureBytes({ values: filledValues(), date1904: true })), '1904.xlsx');
    expectSame(new Uint8Array(fixtureBytes({ values: filledValues(), rowOffset: { t3: 5, info: 2 } })), 'moved.xlsx');
    expectSame(new Uint8Array(fixtureBytes({ values: filledValues(), sheetNames: { t3: "Unit's 表三", info: 'Info & more' } })), 'renamed.xlsx');
    expectSame(new Uint8Array(fixtureBytes({ values: filledValues(), noNames: true })), 'nonames.xlsx');
    expectSame(
      new Uint8Array(
        fixtureBytes({
          values: filledValues(),
          extraNames: [
            { Name: 'T2_LICENSE', Ref: '#REF!' },
            { Name: 'T2_PENALTY', Ref: "'No such'!$B$3" },
            { Name: 'T2_FEE', Ref: '基本信息!$B$3:$C$4' },
            { Name: 'T2_COERCE', Ref: '基本信息!$B$3', Sheet: 1 },
          ],
        }),
      ),
      'broken-names.xlsx',
    );
    const compressed = XLSX.write(XLSX.read(fixtureBytes({ values: filledValues() })), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    expectSame(new Uint8Array(compressed), 'compressed.xlsx');
  });

  it('shared formulas: the anchor’s text moved to each cell, with the cached values', () => {
    const bytes = edit(GOOD, (parts) => {
      const cols = ['NAT', 'BIZ', 'RES', 'NGO', 'LAW', 'ORG', 'SUM'];
      cols.forEach((col, i) => {
        const { sheet, address } = addressOf(`T3_NEW_${col}`);
        const s = styleOf(parts, sheet, address);
        const f = i === 0 ? '<f t="shared" ref="D5:J5" si="0">D6+D7+$A$1+SUM(D8:D9)</f>' : i % 2 ? '<f t="shared" si="0"/>' : '<f t="shared" si="0"></f>';
        replaceCell(parts, sheet, address, `<c r="${address}"${s}>${f}<v>${i + 1}</v></c>`);
      });
    });
    expectSame(bytes, 'shared.xlsx');
    const snap = readWorkbook(bytes, 'shared.xlsx');
    const first = addressOf('T3_NEW_NAT').address;
    expect(snap.cells.T3_NEW_NAT.formula).toBe('D6+D7+$A$1+SUM(D8:D9)');
    expect(first).toMatch(/^D/);
    expect(snap.cells.T3_NEW_BIZ.formula).toBe('E6+E7+$A$1+SUM(E8:E9)');
    expect(snap.cells.T3_NEW_SUM.value).toBe(7);
  });

  it('array formulas, formulas without a cached value, str / boolean / error cells', () => {
    const bytes = edit(GOOD, (parts) => {
      const put = (name: string, inner: string, t = ''): void => {
        const { sheet, address } = addressOf(name);
        replaceCell(parts, sheet, address, `<c r="${address}"${styleOf(parts, sheet, address)}${t}>${inner}</c>`);
      };
      put('T3_NEW_NAT', '<f t="array" ref="D5:E5">D6:E6*2</f><v>4</v>');
      put('T3_NEW_BIZ', '');
      put('T3_NEW_RES', '<f>1+1</f>');
      put('T3_NEW_NGO', '<f>1+1</f>', ' t="n"');
      put('T3_NEW_LAW', '<f>"a"&amp;"b"</f><v>ab</v>', ' t="str"');
      put('T3_NEW_ORG', '<f>_xlfn.CONCAT("x")</f><v>1</v>', ' t="b"');
      put('T3_CARRY_NAT', '<v>#N/A</v>', ' t="e"');
      put('T3_CARRY_BIZ', '<f>1/0</f><v>#DIV/0!</v>', ' t="e"');
      put('T3_CARRY_RES', '<f>"x"</f>', ' t="str"');
    });
    expectSame(bytes, 'formulas.xlsx');
    const snap = readWorkbook(bytes, 'formulas.xlsx');
    expect(snap.cells.T3_NEW_BIZ.raw).toBeNull(); // inside the array formula's range, no value: a stub
    expect([snap.cells.T3_NEW_RES.raw, snap.cells.T3_NEW_RES.formula]).toEqual([null, '1+1']); // formula without its result
    expect(snap.cells.T3_NEW_LAW.raw).toBe('ab');
    expect(snap.cells.T3_CARRY_NAT.raw).toBe('#N/A');
  });

  it('inline strings, rich text with phonetic runs, escapes, number formats', () => {
    const bytes = edit(GOOD, (parts) => {
      const put = (name: string, inner: string, t = '', style?: string): void => {
        const { sheet, address } = addressOf(name);
        replaceCell(parts, sheet, address, `<c r="${address}"${style ?? styleOf(parts, sheet, address)}${t}>${inner}</c>`);
      };
      put('T3_NEW_NAT', '<is><t xml:space="preserve"> 12 </t></is>', ' t="inlineStr"');
      put('T3_NEW_BIZ', '<is><r><rPr><b/></rPr><t>2</t></r><r><t>3件</t></r><rPh sb="0" eb="1"><t>に</t></rPh></is>', ' t="inlineStr"');
      put('T3_NEW_RES', '<is><t>a_x000D_&#10;b&amp;c&#x4e2d;</t></is>', ' t="inlineStr"');
      put('T3_NEW_NGO', '', ' t="inlineStr"');
      const pct = addFormat(parts, 170, '0.0%');
      const date = addFormat(parts, 171, 'yyyy"年"m"月"d"日"');
      const money = addFormat(parts, 172, '#,##0.00_);[Red](#,##0.00)');
      put('T3_NEW_LAW', '<v>0.256</v>', '', ` s="${pct}"`);
      put('T3_NEW_ORG', '<v>45678</v>', '', ` s="${date}"`);
      put('T3_NEW_SUM', '<v>1234567.891</v>', '', ` s="${money}"`);
      put('T3_CARRY_NAT', '<v>45678.75</v>', '', ' s="0"');
      const sst = text(parts, 'xl/sharedStrings.xml');
      const count = (sst.match(/<si>/g) ?? []).length;
      setText(parts, 'xl/sharedStrings.xml', sst.replace('</sst>', '<si><r><t>近</t></r><r><rPr><i/></rPr><t xml:space="preserve">50 </t></r><rPh sb="0" eb="1"><t>ちか</t></rPh></si></sst>'));
      put('T3_CARRY_BIZ', `<v>${count}</v>`, ' t="s"');
      put('T3_CARRY_RES', `<v>${count + 1}</v>`, ' t="s"');
    });
    expectSame(bytes, 'strings.xlsx');
    const snap = readWorkbook(bytes, 'strings.xlsx');
    expect(snap.cells.T3_NEW_BIZ.raw).toBe('23件');
    expect(snap.cells.T3_NEW_RES.raw).toBe('a\nb&c中');
    expect(snap.cells.T3_CARRY_BIZ.raw).toBe('近50 ');
    expect(snap.cells.T3_NEW_LAW.text).toBe('25.6%');
    expect(snap.cells.T3_NEW_ORG.cls).toBe('date');
  });

  it('Strict OOXML namespaces, prefixed elements, .xlsm, renamed and hidden sheets, inserted rows', () => {
    const strict = edit(GOOD, (parts) => {
      for (const name of Object.keys(parts)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = text(parts, name)
          .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
          .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
        setText(parts, name, xml);
      }
    });
    expectSame(strict, 'strict.xlsx');
    const prefixed = edit(GOOD, (parts) => {
      const part = sheetPart(parts, T3);
      const xml = text(parts, part)
        .replace(/<worksheet /, '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
        .replace(/<\/worksheet>/, '</x:worksheet>')
        .replace(/<(\/?)(sheetData|row|c|v|f|is|t)([ >/])/g, '<$1x:$2$3');
      setText(parts, part, xml);
    });
    expectSame(prefixed, 'prefixed.xlsx');
    expectSame(edit(GOOD, makeMacroEnabled), 'macro.xlsm');
    expectSame(edit(GOOD, (p) => renameSheet(p, T3, "O'Brien 表三")), 'renamed.xlsx');
    expectSame(edit(GOOD, (p) => hideSheet(p, T3, 'veryHidden')), 'hidden.xlsx');
    expectSame(edit(GOOD, (p) => insertRows(p, T3, 3, 4)), 'inserted.xlsx');
    expectSame(edit(GOOD, (p) => setCell(p, INFO, 'B3', { text: '=cmd|calc <b>' })), 'text.xlsx');
  });

  it('ZIP64 end records and stored (uncompressed) parts', () => {
    expectSame(asZip64(GOOD), 'zip64.xlsx');
    expectSame(zipParts(unzipParts(GOOD), 0), 'stored.xlsx');
  });

  it('the 1904 date system on a date cell', () => {
    const dated = (date1904: boolean): Uint8Array =>
      edit(GOOD, (parts) => {
        const style = addFormat(parts, 173, 'yyyy-mm-dd');
        const { sheet, address } = addressOf('INFO_DATE');
        replaceCell(parts, sheet, address, `<c r="${address}" s="${style}"><v>45000</v></c>`);
        if (date1904) setText(parts, 'xl/workbook.xml', text(parts, 'xl/workbook.xml').replace(/<workbookPr([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>'));
      });
    expectSame(dated(false), '1900.xlsx');
    expectSame(dated(true), '1904.xlsx');
    expect(readWorkbook(dated(false), 'x.xlsx').cells.INFO_DATE?.date).toBe('2023-03-15');
    expect(readWorkbook(dated(true), 'x.xlsx').cells.INFO_DATE?.date).toBe('2027-03-16');
  });

  it('declines what SheetJS reads its own way, and readWorkbook then gives SheetJS’s Snapshot', () => {
    const cases: Array<[string, Uint8Array]> = [
      ['comment', edit(GOOD, (p) => setText(p, 'xl/workbook.xml', text(p, 'xl/workbook.xml').replace('<sheets>', '<!-- x --><sheets>')))],
      ['date cell', edit(GOOD, (p) => replaceCell(p, T3, addressOf('T3_NEW_NAT').address, `<c r="${addressOf('T3_NEW_NAT').address}" t="d"><v>2024-01-01</v></c>`))],
      ['string index past the table', edit(GOOD, (p) => replaceCell(p, T3, addressOf('T3_NEW_NAT').address, `<c r="${addressOf('T3_NEW_NAT').address}" t="s"><v>99999</v></c>`))],
      ['carriage return', edit(GOOD, (p) => setCell(p, INFO, 'B3', { text: 'a\rb' }))],
    ];
    for (const [label, bytes] of cases) {
      expect([label, compare(bytes, `${label}.xlsx`).startsWith('declined')]).toEqual([label, true]);
      expect(readWorkbook(bytes, 'x.xlsx')).toEqual(readWorkbookWithSheetJs(bytes, 'x.xlsx'));
    }
  });

  it('a sheet above 4 MB is left to SheetJS’s planned read', () => {
    const big = edit(GOOD, (p) => appendRows(p, '文字部分', 100, 120_000));
    expect(compare(big, 'big.xlsx')).toMatch(/^declined: sheet 文字部分 is larger than/);
  }, 120000);

  const lo = sofficePath();
  (lo ? it : it.skip)(
    'a LibreOffice round trip',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'zwgk-fastdiff-'));
      try {
        const src = join(dir, 'src.xlsx');
        writeFileSync(src, fixtureBytes({ values: filledValues() }));
        const out = convertWithLibreOffice(src, 'xlsx', join(dir, 'out'));
        expectSame(new Uint8Array(readFileSync(out)), 'libreoffice.xlsx');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120000,
  );

  it('a seeded corpus of mutated packages: identical, or declined', () => {
    const sources = readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => exampleBytes(join(EXAMPLES_DIR, f)));
    const seed = Number(process.env.FASTDIFF_SEED ?? 20261129);
    const runs = Number(process.env.FASTDIFF_RUNS ?? 200);
    const r = rng(seed);
    const tally: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      const parts = unzipParts(sources[Math.floor(r() * sources.length)]);
      const how = mutatePart(r, parts);
      let result: string;
      const bytes = zipParts(parts);
      try {
        result = compare(bytes, `mutant-${run}.xlsx`).split(':')[0];
      } catch (e) {
        if (process.env.FASTDIFF_DEBUG) {
          console.log(`run ${run} (${how}): ${(e as Error).message.slice(0, 3000)}`);
          writeFileSync(join(process.env.FASTDIFF_DEBUG, `mutant-${run}.xlsx`), bytes);
          result = 'DIFFERENT';
        } else throw e;
      }
      tally[result] = (tally[result] ?? 0) + 1;
      void how;
    }
    console.log(`named-cell reader on ${runs} mutants (seed ${seed}): ${JSON.stringify(tally)}`);
    expect(tally.same).toBeGreaterThan(runs / 4);
  });
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD = ['', '-1', '0', '1', '2.5', 's', 'str', 'inlineStr', 'e', 'b', 'n', 'shared', 'array', '#REF!', 'A0', 'XFD1048576', '$A$1:$B$2', '&amp;', '"\'<>', '_x0041_', '表', '1e3', ' 7 ', '0x10'];

/** One XML part of the package changed the ways that reach the readers: attributes, text, elements. */
function mutatePart(r: () => number, parts: Parts): string {
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  const name = names[Math.floor(r() * names.length)];
  let xml = strFromU8(parts[name]);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const times = 1 + Math.floor(r() * 3);
  for (let i = 0; i < times; i++) {
    switch (Math.floor(r() * 6)) {
      case 0: {
        const attrs = [...xml.matchAll(/ ([\w:]+)="([^"]*)"/g)];
        if (attrs.length === 0) break;
        const m = pick(attrs);
        const at = m.index ?? 0;
        xml = xml.slice(0, at) + ` ${m[1]}="${pick(ODD).replace(/"/g, '&quot;').replace(/</g, '&lt;')}"` + xml.slice(at + m[0].length);
        break;
      }
      case 1: {
        const attrs = [...xml.matchAll(/ ([\w:]+)="([^"]*)"/g)];
        if (attrs.length === 0) break;
        const m = pick(attrs);
        xml = xml.slice(0, m.index ?? 0) + xml.slice((m.index ?? 0) + m[0].length);
        break;
      }
      case 2: {
        const texts = [...xml.matchAll(/>([^<]+)</g)];
        if (texts.length === 0) break;
        const m = pick(texts);
        const at = (m.index ?? 0) + 1;
        xml = xml.slice(0, at) + pick(ODD).replace(/</g, '&lt;') + xml.slice(at + m[1].length);
        break;
      }
      case 3: {
        const els = [...xml.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:<[^c][\s\S]*?)?<\/c>|<(\w+)[^>]*\/>/g)];
        if (els.length === 0) break;
        const m = pick(els);
        xml = xml.slice(0, m.index ?? 0) + m[0].repeat(2) + xml.slice(m.index ?? 0);
        break;
      }
      case 4: {
        const tags = [...xml.matchAll(/<(\w+)([ >/])/g)];
        if (tags.length === 0) break;
        const m = pick(tags);
        const at = (m.index ?? 0) + 1;
        xml = xml.slice(0, at) + pick(['x', 'c', 'row', 'f', 'v', 'is', 't', 'r', 'si', 'definedName', 'sheet']) + xml.slice(at + m[1].length);
        break;
      }
      default: {
        const at = Math.floor(r() * xml.length);
        xml = xml.slice(0, at) + pick(['<', '&', '<c r="B5"><v>1</v></c>', '<f t="shared" si="0"/>', '&#x1F600;', '\uFFFF', ' ']) + xml.slice(at);
      }
    }
  }
  parts[name] = strToU8(xml);
  return `${name} ×${times}`;
}
