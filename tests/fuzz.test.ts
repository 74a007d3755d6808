/**
 * Fuzzing the reader and the validator with seeded mutations of the example submissions: bytes
 * flipped, the file cut short, package parts dropped, swapped or truncated, XML attributes and
 * values altered (unzipped with fflate, one part mutated, zipped again). Every run must end in a
 * report or a UserError, never another exception, within a bounded time.
 *
 * FUZZ_SEED picks the seed (default below), FUZZ_RUNS the number of runs (default 300). A failure
 * names the seed and the run, so it can be replayed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { UserError } from '../src/core/errors';
import { Validator, loadRuleSet } from '../src/core/validator';
import { loadRuleSources } from '../src/io/load-rules';
import { readWorkbook } from '../src/io/read-workbook';
import { annotateWorkbook } from '../src/io/annotate';
import { main } from '../src/cli/main';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as XLSX from 'xlsx';
import { EXAMPLES_DIR, captureStream, exampleBytes, hashTree, unzipParts, zipParts, type Parts } from './helpers/hostile-fixtures';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125) >>> 0;
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** One run (read + validate of a ~30 KB workbook) takes tens of milliseconds; this bounds a pathological one. */
const MAX_RUN_MS = 5000;

/** mulberry32: small, fast and good enough to spread mutations. */
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

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];

const ODD_VALUES = ['', '-1', '0', '1048577', '99999999999', 'NaN', '1e308', 'A0', 'XFE1', '$A$1:$XFD$1048576', '#REF!', '__proto__', 'constructor', '&amp;', '\u0000', '"\'<>', '表'.repeat(300), 'Sheet1!A1'];

function mutateXml(r: Rand, xml: string): string {
  switch (int(r, 9)) {
    case 7:
      // Legal variants every scan must accept: whitespace before '>' in end tags, and in empty tags.
      return xml.replace(/<\/([\w:]+)>/g, (_m, n: string) => `</${n}${pick(r, [' ', '\n', '\t '])}>`).replace(/"\/>/g, '" />');
    case 8: {
      // Attributes of one tag in reverse order (order carries no meaning in XML).
      const tags = [...xml.matchAll(/<([\w:]+)((?:\s+[\w:]+="[^"]*")+)\s*(\/?)>/g)];
      if (tags.length === 0) return xml;
      const m = pick(r, tags);
      const attrs = [...m[2].matchAll(/\s+([\w:]+="[^"]*")/g)].map((a) => a[1]).reverse();
      const at = m.index ?? 0;
      return xml.slice(0, at) + `<${m[1]} ${attrs.join(' ')}${m[3]}>` + xml.slice(at + m[0].length);
    }
    case 0: {
      // Change one attribute value.
      const attrs = [...xml.matchAll(/ ([\w:]+)="([^"]*)"/g)];
      if (attrs.length === 0) return xml;
      const m = pick(r, attrs);
      const at = m.index ?? 0;
      return xml.slice(0, at) + ` ${m[1]}="${pick(r, ODD_VALUES).replace(/"/g, '&quot;')}"` + xml.slice(at + m[0].length);
    }
    case 1: {
      // Drop one attribute.
      const attrs = [...xml.matchAll(/ ([\w:]+)="([^"]*)"/g)];
      if (attrs.length === 0) return xml;
      const m = pick(r, attrs);
      const at = m.index ?? 0;
      return xml.slice(0, at) + xml.slice(at + m[0].length);
    }
    case 2: {
      // Replace one text node (a value, a shared string, a defined name).
      const texts = [...xml.matchAll(/>([^<]+)</g)];
      if (texts.length === 0) return xml;
      const m = pick(r, texts);
      const at = (m.index ?? 0) + 1;
      return xml.slice(0, at) + pick(r, ODD_VALUES) + xml.slice(at + m[1].length);
    }
    case 3:
      // Cut the part short (an unterminated element).
      return xml.slice(0, int(r, xml.length));
    case 4: {
      // Duplicate one element.
      const els = [...xml.matchAll(/<(\w+)[^>]*\/>/g)];
      if (els.length === 0) return xml;
      const m = pick(r, els);
      const at = m.index ?? 0;
      return xml.slice(0, at) + m[0].repeat(1 + int(r, 50)) + xml.slice(at);
    }
    case 5: {
      // Rename one element (unknown or mismatched tags).
      const tags = [...xml.matchAll(/<(\w+)[ >]/g)];
      if (tags.length === 0) return xml;
      const m = pick(r, tags);
      const at = (m.index ?? 0) + 1;
      return xml.slice(0, at) + pick(r, ['x', 'c', 'row', 'f', 'v', 'definedName', 'sheet']) + xml.slice(at + m[1].length);
    }
    default: {
      // Insert raw garbage.
      const at = int(r, xml.length);
      return xml.slice(0, at) + pick(r, ['<', '&', ']]>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '\uFFFF', '<c r="A1"><v>1</v></c>']) + xml.slice(at);
    }
  }
}

function mutateParts(r: Rand, parts: Parts): string {
  const names = Object.keys(parts).filter((n) => !n.endsWith('/'));
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  switch (int(r, 5)) {
    case 0: {
      const n = pick(r, names);
      delete parts[n];
      return `drop ${n}`;
    }
    case 1: {
      const a = pick(r, names);
      const b = pick(r, names);
      [parts[a], parts[b]] = [parts[b], parts[a]];
      return `swap ${a} ${b}`;
    }
    case 2: {
      const n = pick(r, names);
      parts[n] = parts[n].slice(0, int(r, parts[n].length));
      return `truncate ${n}`;
    }
    default: {
      // XML mutations weigh double: they reach deepest into the parser.
      const n = pick(r, xmlNames.some((x) => x === 'xl/workbook.xml') && r() < 0.3 ? ['xl/workbook.xml'] : xmlNames);
      const times = 1 + int(r, 3);
      let xml = strFromU8(parts[n]);
      for (let i = 0; i < times; i++) xml = mutateXml(r, xml);
      parts[n] = strToU8(xml);
      return `xml ${n} ×${times}`;
    }
  }
}

function mutate(r: Rand, source: Uint8Array): { bytes: Uint8Array; how: string } {
  const kind = int(r, 4);
  if (kind === 0) {
    const b = new Uint8Array(source);
    const flips = 1 + int(r, 20);
    for (let i = 0; i < flips; i++) b[int(r, b.length)] ^= 1 + int(r, 255);
    return { bytes: b, how: `flip ${flips} bytes` };
  }
  if (kind === 1) {
    const at = int(r, source.length);
    return { bytes: source.slice(0, at), how: `cut at ${at}` };
  }
  const parts = unzipParts(source);
  const how = mutateParts(r, parts);
  return { bytes: zipParts(parts), how };
}

describe('fuzz: mutated example submissions', () => {
  it(`every run ends in a report or a UserError (seed ${SEED}, ${RUNS} runs)`, async () => {
    const validator = new Validator(loadRuleSet(await loadRuleSources()));
    const sources = readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => exampleBytes(join(EXAMPLES_DIR, f)));
    const r = rng(SEED);
    const refused: Record<string, number> = {};
    let ok = 0;
    let annotated = 0;
    let slowest = 0;
    const failures: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { bytes, how } = mutate(r, pick(r, sources));
      let started = Date.now();
      let annotateMs = 0;
      try {
        const snapshot = readWorkbook(bytes, `fuzz-${run}.xlsx`);
        const report = await validator.validate(snapshot, { locale: 'zh-CN' });
        if (!Array.isArray(report.findings)) throw new Error('no findings list');
        ok++;
        // The annotate path too: a marked copy, or a UserError; a copy reads back.
        if (report.findings.length > 0) {
          // Timed on its own: each step has the same bound.
          const readMs = Date.now() - started;
          started = Date.now();
          try {
            const copy = annotateWorkbook(bytes, report.findings, { locale: 'zh-CN', sourceName: `fuzz-${run}.xlsx` });
            readWorkbook(copy, `fuzz-${run}-marked.xlsx`);
            annotated++;
          } catch (e) {
            if (!(e instanceof UserError)) throw e;
          } finally {
            annotateMs = Date.now() - started;
            started = Date.now() - readMs;
          }
        }
      } catch (e) {
        if (e instanceof UserError) refused[e.code] = (refused[e.code] ?? 0) + 1;
        else failures.push(`seed ${SEED} run ${run} (${how}): ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
      const ms = Math.max(Date.now() - started, annotateMs);
      slowest = Math.max(slowest, ms);
      if (ms > MAX_RUN_MS) failures.push(`seed ${SEED} run ${run} (${how}): took ${ms} ms`);
    }
    console.log(`fuzz: seed ${SEED}, runs ${RUNS}, ok ${ok}, annotated ${annotated}, refused ${JSON.stringify(refused)}, slowest ${slowest} ms`);
    expect(failures).toEqual([]);
    expect(ok + Object.values(refused).reduce((a, b) => a + b, 0)).toBe(RUNS);
  });
});

describe('fuzz: summary and --annotate over a folder of mutated submissions', () => {
  it(`every file gets its answer, the summary opens, inputs are unchanged (seed ${SEED})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-fuzz-batch-'));
    try {
      const sources = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.xlsx')).sort().map((f) => exampleBytes(join(EXAMPLES_DIR, f)));
      const r = rng(SEED ^ 0x5eed);
      const n = Math.min(40, RUNS);
      const inDir = join(dir, 'in');
      mkdirSync(inDir);
      for (let i = 0; i < n; i++) writeFileSync(join(inDir, `${String(i).padStart(2, '0')}.xlsx`), mutate(r, pick(r, sources)).bytes);
      const before = hashTree(inDir);
      const out = captureStream();
      const err = captureStream();
      // The examples are of several unit types, and mutated files may leave no unit in the totals.
      const code = await main(['summary', inDir, '-o', join(dir, '汇总.xlsx'), '--unit-type', '县级人民政府', '--allow-empty'], { stdout: out, stderr: err });
      expect([0, 1, 3]).toContain(code);
      expect(err.text()).not.toMatch(/内部错误|Internal error|at .+\.(?:ts|js):\d+/);
      const wb = XLSX.read(readFileSync(join(dir, '汇总.xlsx')));
      const table = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1 });
      const header = table.findIndex((row) => row[1] === '单位名称');
      expect(header).toBeGreaterThanOrEqual(0);
      expect(table.slice(header + 1).filter((row) => typeof row[0] === 'number')).toHaveLength(n);
      const marked = join(dir, 'marked');
      const v = await main(['validate', inDir, '--annotate', marked, '--format', 'json'], { stdout: captureStream(), stderr: err });
      expect([0, 1, 3]).toContain(v);
      expect(hashTree(inDir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
