/**
 * Safety against crafted workbooks: names and text chosen to pollute prototypes leave
 * Object.prototype alone and give a sane Snapshot; markup and terminal escape codes in cells show
 * as text in the HTML and terminal reports; text written into annotated copies never becomes a
 * formula. (The task pane's side is covered in tests/e2e/taskpane.test.ts: cell text as text, a
 * Content-Security-Policy and no request beyond the add-in's own files and Office.js.)
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BatchReport } from '../src/core/batch-report';
import { INDICATORS } from '../src/core/catalogue';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/io/read-workbook';
import { captureStream, definedNames, exampleBytes, patchExample, renameSheet, setCell, setDefinedNames, setText, text, type Parts } from './helpers/hostile-fixtures';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-hostile-safety-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], tty = false): Promise<{ code: number; out: string; err: string }> {
  const stdout = captureStream(tty);
  const stderr = captureStream();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** Adds a comments part to the sheet in `part` with the given cell refs. */
function addComments(parts: Parts, part: string, refs: string[]): void {
  const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>__proto__</author></authors><commentList>${refs
    .map((r) => `<comment ref="${r}" authorId="0"><text><r><t>{"__proto__":{"polluted":true}}</t></r></text></comment>`)
    .join('')}</commentList></comments>`;
  setText(parts, 'xl/comments1.xml', comments);
  const relsPath = part.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  setText(
    parts,
    relsPath,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>',
  );
  const ct = text(parts, '[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
  );
  setText(parts, '[Content_Types].xml', ct);
}

const POLLUTING_TEXT = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';

function pollutingWorkbook(): Uint8Array {
  return patchExample((p) => {
    renameSheet(p, '填报说明', '__proto__');
    renameSheet(p, '基本信息', 'constructor');
    renameSheet(p, '文字部分', 'prototype');
    setDefinedNames(p, [
      { name: '__proto__', ref: "'__proto__'!$A$1" },
      { name: 'constructor', ref: 'constructor!$B$3' },
      { name: 'prototype', ref: '$A$1', localSheetId: 6 },
      { name: 'hasOwnProperty', ref: "'__proto__'!$A$2" },
      ...definedNames(p),
    ]);
    setCell(p, 'constructor', 'B3', { text: POLLUTING_TEXT });
    setCell(p, 'prototype', 'B3', { text: '__proto__' });
    addComments(p, 'xl/worksheets/sheet2.xml', ['__proto__', 'constructor', 'B3', 'prototype']);
  });
}

function prototypeState(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort(), Object.keys(Object.prototype)]);
}

describe('prototype pollution', () => {
  it('sheet names, defined names, comment refs and cell text named __proto__/constructor/prototype change nothing', async () => {
    const before = prototypeState();
    const snap = readWorkbook(pollutingWorkbook(), 'proto.xlsx');
    expect(prototypeState()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(snap.cells)).toBe(Object.prototype);

    expect(snap.sheetOrder).toEqual(['__proto__', 'constructor', '表二主动公开', '表三依申请公开', '表四复议诉讼', '工作指标', 'prototype']);
    expect(snap.nameIssues).toEqual([]);
    expect(Object.keys(snap.cells).sort()).toEqual(INDICATORS.map((i) => i.name).sort());
    expect(snap.cells.INFO_UNIT_NAME).toMatchObject({ cls: 'text', raw: POLLUTING_TEXT, sheet: 'constructor', address: 'B3' });
    expect(snap.cells.TXT_OVERVIEW).toMatchObject({ cls: 'text', raw: '__proto__', sheet: 'prototype', address: 'B3' });
    expect(snap.cells.INFO_YEAR).toMatchObject({ cls: 'number', value: 2025, sheet: 'constructor' });
    expect(snap.templateId).toBe('ZWGK-ANNUAL');

    const path = join(root, 'proto.xlsx');
    writeFileSync(path, pollutingWorkbook());
    const res = await cli(['validate', path, '--format', 'json']);
    expect(prototypeState()).toBe(before);
    const report = JSON.parse(res.out) as BatchReport;
    expect(report.files[0].status).not.toBe('unreadable');
    expect(report.files[0].unit.name).toBe(POLLUTING_TEXT);
  });
});

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const ANSI = '\u001b[31m红字\u001b[0m\u001b]0;title\u0007';

function hostileTextWorkbook(): Uint8Array {
  return patchExample((p) => {
    setCell(p, '基本信息', 'B3', { text: `${MARKUP}${ANSI}` }); // the unit name: shown in every report's heading
    setCell(p, '表二主动公开', 'B4', { text: `约${MARKUP}${ANSI}` }); // a finding quotes it
    setCell(p, '基本信息', 'B8', { text: '=HYPERLINK("http://example.invalid/x","点我")' }); // the contact
    setCell(p, '表二主动公开', 'C4', { text: '+cmd|\' /C calc\'!A0' });
  });
}

describe('escaping of cell text', () => {
  let file: string;
  beforeAll(() => {
    file = join(root, 'hostile-text.xlsx');
    writeFileSync(file, hostileTextWorkbook());
  });

  it('the HTML report shows markup as text', async () => {
    const out = join(root, 'report.html');
    const res = await cli(['validate', file, '--format', 'html', '-o', out]);
    expect(res.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<img|<script>alert|onerror="alert/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u0007');
    expect(html).toContain('红字');
  });

  it('the terminal report drops escape codes from cell text, with and without colour', async () => {
    const plain = await cli(['validate', file]);
    expect(plain.code).toBe(1);
    expect(plain.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(plain.out).toContain('红字');
    expect(plain.out).toContain(MARKUP); // a terminal shows markup as the characters it is
    const colour = await cli(['validate', file], true);
    expect(colour.out).not.toContain('\u001b[31m红字');
    expect(colour.out).not.toContain('\u001b]0;');
    expect(colour.out).not.toContain('\u0007');
    expect(colour.out).toContain('红字');
  });

  it('the annotated copy writes cell text and messages as text, never as a formula', async () => {
    const dir = join(root, 'annotated');
    mkdirSync(dir);
    const res = await cli(['validate', file, '--annotate', dir, '--format', 'json']);
    expect(res.code).toBe(1);
    const findings = (JSON.parse(res.out) as BatchReport).files[0].findings;
    expect(findings.some((f) => f.message.includes('<img'))).toBe(true);
    // One copy, named by the unit; the markup and control characters of the name are not in the file name.
    const [copyName, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(copyName).toMatch(/-问题标注\.xlsx$/);
    expect(copyName).not.toMatch(/[<>\u0000-\u001f]/);
    const formulas = (parts: Record<string, Uint8Array>): string[] =>
      Object.entries(parts)
        .filter(([name]) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
        .flatMap(([, data]) => [...strFromU8(data).matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
    const before = formulas(unzipSync(hostileTextWorkbook()));
    const copy = unzipSync(new Uint8Array(readFileSync(join(dir, copyName))));
    // The copy adds a findings sheet (links to the cells are hyperlinks, not formulas) and notes.
    expect(formulas(copy)).toEqual(before);
    const all = Object.values(copy).map((d) => strFromU8(d)).join('\n');
    expect(all).not.toMatch(/<f[^>]*>[^<]*(HYPERLINK|cmd)/);
    expect(all).toContain('HYPERLINK(&quot;http://example.invalid/x&quot;'); // still there, as text
  });
});
