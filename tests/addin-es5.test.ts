/**
 * Office 2016 and 2019 (volume licence) show add-ins in Trident, the IE 11 engine: every script the
 * add-in build writes must be ES5. Each .js of the production build (the package for IT) is parsed
 * with acorn at ecmaVersion 5, which also rejects regular-expression syntax newer than ES5 (the `u`, `s`
 * and `y` flags, lookbehind, named groups). Office.js itself (office-js/, Microsoft's files) is not ours.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as acorn from 'acorn';
import { packagedAddin } from './helpers/addin-package';

let site: string;
let scripts: string[];

beforeAll(() => {
  site = packagedAddin().site;
  scripts = packagedAddin().entries.filter((f) => f.endsWith('.js') && !f.startsWith('office-js/'));
}, 15 * 60_000);

/** "taskpane.js:1:2345: Unexpected token … near `…`" for the first ES2015+ construct, or null. */
function es5Problem(file: string, code: string): string | null {
  try {
    acorn.parse(code, { ecmaVersion: 5, sourceType: 'script', locations: true });
    return null;
  } catch (e) {
    const err = e as SyntaxError & { pos?: number; loc?: { line: number; column: number } };
    const at = err.pos ?? 0;
    return `${file}:${err.loc?.line}:${err.loc?.column}: ${err.message} near \`${code.slice(Math.max(0, at - 40), at + 40)}\``;
  }
}

test('the build writes the pane, the commands, the boot script and the lazy chunks', () => {
  expect(scripts).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js', 'pane-boot.js', 'summary.js', 'report.js']));
  // At least one chunk besides the named ones: SheetJS, loaded when a summary is written.
  expect(scripts.filter((f) => /^\d+\.js$/.test(f)).length).toBeGreaterThan(0);
});

test('the Word writer (docx) is a lazy chunk of 生成年度报告, its constant patterns without the u and s flags IE 11 refuses', () => {
  const read = (f: string): string => fs.readFileSync(path.join(site, f), 'utf8');
  // A WordprocessingML element name that only the docx package writes.
  expect(read('taskpane.js')).not.toContain('w:tblPr');
  const docx = scripts.filter((f) => /^\d+\.js$/.test(f) && read(f).includes('w:tblPr'));
  expect(docx.length).toBe(1);
  const flagged = read(docx[0]).match(/RegExp\("(?:\\.|[^"\\])*", ?"[a-z]*[su][a-z]*"\)/g) ?? [];
  expect(flagged).toEqual([]);
});

test('every script of the production build is ES5', () => {
  const problems = scripts.map((f) => es5Problem(f, fs.readFileSync(path.join(site, f), 'utf8'))).filter((p) => p !== null);
  expect(problems).toEqual([]);
});

test('the ES5 check catches newer syntax and names the file and position', () => {
  expect(es5Problem('a.js', 'var x = 1;\nconst y = () => x;')).toMatch(/^a\.js:2:0: /);
  expect(es5Problem('b.js', 'var r = /(?<!a)b/;')).toMatch(/^b\.js:1:9: Invalid regular expression/);
  expect(es5Problem('c.js', 'var r = /a/u;')).toMatch(/^c\.js:1:\d+: /);
  expect(es5Problem('d.js', 'var s = `t`;')).toMatch(/^d\.js:1:8: /);
  expect(es5Problem('e.js', 'var o = { a: 1 }; for (var k in o) {}')).toBeNull();
});

test('no feature that a polyfill cannot add in Trident', () => {
  // Proxy, WebAssembly and Workers do not exist in Trident and cannot be polyfilled; the pane must not use them.
  // (core-js mentions "WebAssembly" only to polyfill Error causes of WebAssembly errors when it exists.)
  for (const f of scripts) {
    const code = fs.readFileSync(path.join(site, f), 'utf8');
    expect([f, /new Proxy\b|new (?:Shared)?Worker\b|WebAssembly\.(?:instantiate|compile|Module)\b|\.replaceChildren\(/.exec(code)?.[0]]).toEqual([f, undefined]);
  }
});

test('Promise, Map, Set, Symbol and TextDecoder are provided before the pane code runs', () => {
  const pane = fs.readFileSync(path.join(site, 'taskpane.js'), 'utf8');
  // core-js registers its polyfills under these names; the TextDecoder stand-in installs itself on the global.
  for (const marker of ['Promise', 'Map', 'Set', 'Symbol.iterator', 'Object.entries', 'Array.from']) {
    expect([marker, pane.includes(marker.split('.').pop()!)]).toEqual([marker, true]);
  }
  expect(pane).toMatch(/\.TextDecoder=/);
});
