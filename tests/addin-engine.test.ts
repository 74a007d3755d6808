/**
 * What an older engine can run: rules whose regular expressions do not compile there are left out and
 * named (Trident knows neither the `u` flag nor lookbehind, Safari before 16.4 no lookbehind), and the
 * TextDecoder stand-in for Trident decodes exactly as the WHATWG decoder does.
 */
import { createPaneValidator } from '../src/addin/create-validator';
import { canCompile, rulePatterns, runnableRuleSources } from '../src/addin/engine-support';
import { decodeUtf16, decodeUtf8 } from '../src/addin/taskpane/text-decoder';
import { ruleSourcesFromDisk } from './e2e/node-rules';
import { NOW } from './helpers/rules';
import { snapshotWith } from './helpers/snapshot';

jest.mock('../src/addin/rule-sources', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundledRuleSources: () => (require('./e2e/node-rules') as typeof import('./e2e/node-rules')).ruleSourcesFromDisk(),
}));

/** Trident: every pattern the core compiles uses the `u` flag, which IE 11 rejects. */
const trident = (): boolean => false;
/** Safari before 16.4: `u` is fine, lookbehind is not. */
const oldSafari = (p: string): boolean => !/\(\?<[=!]/.test(p);

describe('rules this engine cannot run', () => {
  test('patterns are found in fact params and in matches operators, not in messages', () => {
    expect(rulePatterns({ all: [{ fact: 'text', params: { pattern: 'a+' } }, { any: [{ fact: 'x', operator: 'matches', value: '^b$' }] }] })).toEqual(['a+', '^b$']);
    expect(rulePatterns({ all: [{ fact: 'x', operator: 'equal', value: '^b$' }] })).toEqual([]);
  });

  test('canCompile: lookbehind and forEach placeholders', () => {
    expect(canCompile('(?<!未)收')).toBe(true);
    expect(canCompile('T3_${col}_SUM')).toBe(true);
    expect(canCompile('(')).toBe(false);
  });

  test('Trident leaves out exactly the rules with patterns; old Safari only those with lookbehind', () => {
    const sources = ruleSourcesFromDisk();
    // the narrative checks read the text in compiled code, not with rule patterns: they run everywhere
    expect(runnableRuleSources(sources, trident).skipped).toEqual(['INFO-PHONE', 'T4-CORRECTED-TEXT', 'TXT-FEE', 'TXT-PLACEHOLDER']);
    expect(runnableRuleSources(sources, oldSafari).skipped).toEqual(['TXT-FEE']);
    expect(runnableRuleSources(sources).skipped).toEqual([]);
    // The sources themselves are not changed.
    expect(ruleSourcesFromDisk()).toEqual(sources);
  });

  test('the pane validator without the pattern rules still runs every other check', async () => {
    const snap = snapshotWith({ TXT_OVERVIEW: '本年度共收到申请XX件，均已按时答复办结，未发生行政复议和行政诉讼案件，工作平稳有序开展。', T3_NEW_SUM: 99 });
    const full = await createPaneValidator().validator.validate(snap, { now: NOW });
    const old = createPaneValidator(trident);
    const partial = await old.validator.validate(snap, { now: NOW });
    const rules = (r: typeof full): string[] => [...new Set(r.findings.map((f) => f.rule))].sort();
    expect(rules(full)).toContain('TXT-PLACEHOLDER');
    expect(rules(partial)).not.toContain('TXT-PLACEHOLDER');
    expect(rules(partial)).toContain('T3-ROWSUM');
    expect(rules(full).filter((r) => !old.skipped.includes(r))).toEqual(rules(partial));
  });
});

describe('TextDecoder stand-in', () => {
  const real = (bytes: Uint8Array, fatal = false): string => new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);

  test('UTF-8: Chinese text, astral characters, and every kind of broken sequence as the real decoder', () => {
    const cases = [
      new TextEncoder().encode('表三依申请公开 J5：总计 13 件 😀 ＸＸ'),
      Uint8Array.from([0xe8, 0xa1]), // truncated
      Uint8Array.from([0xc0, 0x80, 0x41]), // overlong
      Uint8Array.from([0xed, 0xa0, 0x80]), // surrogate
      Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), // above U+10FFFF
      Uint8Array.from([0x80, 0xbf, 0xfe, 0xff, 0x41]),
      Uint8Array.from([0xe2, 0x28, 0xa1]),
      Uint8Array.from([0xf0, 0x9f, 0x98]),
    ];
    for (const bytes of cases) expect([...bytes].join(',') + ' ' + decodeUtf8(bytes)).toBe([...bytes].join(',') + ' ' + real(bytes));
    // Random bytes, biased towards the high range where the rules are.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    for (let i = 0; i < 3000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 12) }, () => (next() < 64 ? next() & 0x7f : 0x80 | next()));
      expect(decodeUtf8(bytes)).toBe(real(bytes));
    }
    // Long input crosses the slices String.fromCharCode is called with.
    const long = new TextEncoder().encode('公开'.repeat(20000));
    expect(decodeUtf8(long)).toBe('公开'.repeat(20000));
  });

  test('fatal throws a TypeError where the real decoder does', () => {
    expect(() => decodeUtf8(Uint8Array.from([0xe8, 0xa1]), true)).toThrow(TypeError);
    // The real decoder's TypeError comes from another realm under jest: compare the message.
    expect(() => real(Uint8Array.from([0xe8, 0xa1]), true)).toThrow('The encoded data was not valid for encoding utf-8');
    expect(decodeUtf8(new TextEncoder().encode('年报'), true)).toBe('年报');
  });

  test('UTF-16 little and big endian, odd length', () => {
    const le = Uint8Array.from([0x74, 0x5e, 0xa5, 0x62, 0x3d, 0xd8, 0x00, 0xde]);
    expect(decodeUtf16(le)).toBe(new TextDecoder('utf-16le').decode(le));
    const be = Uint8Array.from([0x5e, 0x74, 0x62, 0xa5]);
    expect(decodeUtf16(be, true)).toBe('年报');
    expect(decodeUtf16(Uint8Array.from([0x41, 0x00, 0x42]))).toBe(new TextDecoder('utf-16le').decode(Uint8Array.from([0x41, 0x00, 0x42])));
  });
});
