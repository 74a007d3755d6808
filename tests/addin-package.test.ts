/**
 * `ADDIN_BASE_URL=https://… OFFICE_JS=local npm run package:addin`: one .zip that IT unzips onto a static
 * HTTPS server. Checked as IT would use it: unzipped, the manifest points only at the base URL, every file
 * the manifest and the pages refer to is inside, Office.js is inside, nothing points to Microsoft's CDN.
 */
import { execFileSync } from 'node:child_process';
import * as parse5 from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_BASE_URL, ROOT, packagedAddin, type PackagedAddin } from './helpers/addin-package';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { references } = require('../scripts/package-addin.js') as { references: (dir: string, base: string) => { from: string; ref: string }[] };

let pkg: PackagedAddin;

beforeAll(() => {
  pkg = packagedAddin();
}, 15 * 60_000);

test('the .zip is named after the version and holds the site at its root', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(path.basename(pkg.zip)).toBe(`zwgk-addin-${version}.zip`);
  expect(pkg.entries).toEqual(
    expect.arrayContaining([
      'manifest.xml',
      'taskpane.html',
      'taskpane.js',
      'taskpane.css',
      'pane-boot.js',
      'commands.html',
      'commands.js',
      'summary.js',
      'support.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'office-js/office.js',
    ]),
  );
  // No source maps, no temp files.
  expect(pkg.entries.filter((e) => /\.map$|\.tmp$/.test(e))).toEqual([]);
});

test('every URL in the manifest starts with the base URL', () => {
  const manifest = fs.readFileSync(path.join(pkg.site, 'manifest.xml'), 'utf8');
  const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBe(10);
  expect(urls.filter((u) => !u.startsWith(PACKAGE_BASE_URL))).toEqual([]);
  expect(manifest).not.toContain('localhost');
  expect(manifest).toContain(`<SourceLocation DefaultValue="${PACKAGE_BASE_URL}taskpane.html" />`);
});

test('every file the manifest and the pages refer to is in the package', () => {
  const refs = references(pkg.site, PACKAGE_BASE_URL);
  expect(refs.map((r) => r.ref)).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'support.html', 'assets/icon-32.png', 'pane-boot.js', 'office-js/office.js', 'taskpane.js', 'taskpane.css']));
  expect(refs.filter((r) => !pkg.entries.includes(r.ref))).toEqual([]);
});

test('with OFFICE_JS=local the pages load Office.js from the site, never from the CDN', () => {
  const page = (file: string): { scripts: string[]; meta: Record<string, string> } => {
    const scripts: string[] = [];
    const meta: Record<string, string> = {};
    const walk = (node: DefaultTreeAdapterMap['node']): void => {
      if ('attrs' in node) {
        const attr = (name: string): string | undefined => node.attrs.find((a) => a.name === name)?.value;
        if (node.nodeName === 'script' && attr('src')) scripts.push(attr('src')!);
        if (node.nodeName === 'meta' && attr('name')) meta[attr('name')!] = attr('content') ?? '';
      }
      if ('childNodes' in node) for (const c of node.childNodes) walk(c);
    };
    walk(parse5.parse(fs.readFileSync(path.join(pkg.site, file), 'utf8')));
    return { scripts, meta };
  };
  // The boot script comes before Office.js, so it sees Office.js fail; the bundle comes last.
  expect(page('taskpane.html')).toEqual({ scripts: ['pane-boot.js', 'office-js/office.js', 'taskpane.js'], meta: { viewport: expect.any(String), 'zwgk-office-js': 'local' } });
  expect(page('commands.html').scripts).toEqual(['office-js/office.js', 'commands.js']);
  expect(pkg.entries.filter((e) => e.startsWith('office-js/')).length).toBeGreaterThan(100);
});

test('a base URL that is not https, or none, is refused with a message and exit code 2', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-pkg-bad-'));
  for (const base of ['http://zwgk.example.gov.cn/', undefined]) {
    const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_PACKAGE_DIR: out };
    if (base) env.ADDIN_BASE_URL = base;
    else delete env.ADDIN_BASE_URL;
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/package-addin.js')], { env, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(base ? /must be an https:\/\/ address/ : /set ADDIN_BASE_URL/);
  }
  expect(fs.readdirSync(out)).toEqual([]);
});
