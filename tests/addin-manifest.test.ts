/** The offline manifest check (scripts/check-manifest.js) on the real manifest and on broken copies. */
import * as fs from 'node:fs';
import * as path from 'node:path';

// The script is plain Node JS shared with `npm run validate:manifest`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require('../scripts/check-manifest.js') as {
  checkManifest: (xml: string, opts?: { rootDir?: string }) => { zh: string; en: string; line?: number }[];
};

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const en = (xml: string): string[] => checkManifest(xml, { rootDir: ROOT }).map((p) => p.en);

test('the shipped manifest passes', () => {
  expect(checkManifest(MANIFEST, { rootDir: ROOT })).toEqual([]);
});

test('requires ExcelApi 1.7 and a Home-tab button that opens the pane', () => {
  expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.7" />');
  expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
  expect(MANIFEST).toContain('<bt:String id="Button.Label" DefaultValue="校验年报">');
});

test.each([
  ['http URL', (x: string) => x.replace('https://localhost:3000/taskpane.html" />\n  </DefaultSettings>', 'http://localhost:3000/taskpane.html" />\n  </DefaultSettings>'), 'URL must use https: http://localhost:3000/taskpane.html'],
  ['two hosts', (x: string) => x.replace('https://localhost:3000/support.html" />\n  <Hosts>', 'https://example.org/support.html" />\n  <Hosts>'), 'all URLs must be on one host; found localhost:3000, example.org'],
  ['element order', (x: string) => x.replace(/(\s*<Requirements>[\s\S]*?<\/Requirements>)([\s\S]*?<\/DefaultSettings>)/, '$2$1'), '<Requirements> is out of order: it must come before <DefaultSettings>'],
  ['missing icon', (x: string) => x.split('assets/icon-80.png').join('assets/icon-81.png'), 'icon file not found: https://localhost:3000/assets/icon-81.png'],
  ['wrong icon size', (x: string) => x.replace('IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"', 'IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"'), 'icon assets/icon-16.png must be 32×32 px, is 16×16'],
  ['requirement set', (x: string) => x.replace('MinVersion="1.7"', 'MinVersion="1.9"'), 'ExcelApi MinVersion must be 1.7 (the code is written against it and detects newer sets at run time)'],
  ['unknown resid', (x: string) => x.replace('<Label resid="Button.Label" />', '<Label resid="Button.Lable" />'), 'resid is not defined: Button.Lable'],
  ['resid of the wrong kind', (x: string) => x.replace('<Description resid="Button.Tooltip" />', '<Description resid="Button.Label" />'), '<Description> resid Button.Label must refer to LongStrings, found in ShortStrings'],
  ['no en-US override', (x: string) => x.replace('<Override Locale="en-US" Value="Annual report check" />', ''), '<DisplayName> has no en-US Override'],
  ['bad Id', (x: string) => x.replace(/<Id>[^<]*<\/Id>/, '<Id>zwgk</Id>'), 'Id must be a GUID'],
  ['not a task pane app', (x: string) => x.replace('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), 'OfficeApp must have xsi:type="TaskPaneApp"'],
])('reports %s', (_label, mutate, expected) => {
  const broken = mutate(MANIFEST);
  expect(broken).not.toBe(MANIFEST);
  expect(en(broken)).toEqual([expected]);
});

test('reports malformed XML with its line', () => {
  const broken = MANIFEST.replace('</ProviderName>', '</Provider>');
  expect(checkManifest(broken, { rootDir: ROOT })).toEqual([
    { zh: 'XML 格式错误：end tag </Provider> does not match <ProviderName>', en: 'XML is not well-formed: end tag </Provider> does not match <ProviderName>', line: 10 },
  ]);
});
