/**
 * Batches of submissions: expands files and folders into the list of workbooks to read, in a
 * stable order. Runs in Node only (the core never touches the file system).
 *
 * Nothing in a folder is skipped in silence: every entry is either read or listed with its reason.
 * - Workbook-like names are read (the reader answers for formats it refuses, such as WPS .et),
 *   including .xlsb and templates (.xltx), and names that end in a space.
 * - Symbolic links are followed once; a link back into a folder already being searched is listed
 *   (loop), a link to nothing is an unreadable entry.
 * - FIFOs, sockets and devices are never opened (opening a FIFO blocks); they are listed.
 * - A sub-folder that may not be listed is an unreadable entry; the rest of the folder goes on.
 * - A name in GBK bytes (a zip made on Chinese Windows, unpacked on Linux) is found through its
 *   bytes and shown decoded.
 * - The tool's own outputs (summary workbooks, marked copies; see io/own-output) are listed and
 *   left out, whatever their file names.
 */
import { lstat, open, readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import * as iconv from 'iconv-lite';
import { UserError } from '../core/errors';
import type { LocalisedText } from '../core/report';
import { outputKindOfFile, reportSourceOfFile } from '../io/own-output';

/** Extensions read as submissions. Formats the reader refuses (WPS .et) are read so it can say why. */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb', '.xltx', '.xltm', '.xlt', '.et', '.ett', '.docx', '.html', '.htm'];

/** Excel's and LibreOffice's lock files (~$名称.xlsx, .~lock.名称.xlsx#) are not submissions. */
function isLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.');
}

/** The extension as a user sees it: "报告.xlsx " (a name ending in a space) is an .xlsx. */
function extensionOf(name: string): string {
  return extname(name.trim()).toLowerCase();
}

export function isWorkbookPath(path: string): boolean {
  const name = basename(path);
  if (isLockFile(name)) return false;
  return WORKBOOK_EXTENSIONS.includes(extensionOf(name));
}

/** A path given on the command line, or an entry of a folder, that yields no workbook to read. */
export class InputProblem extends UserError {
  readonly path: string;
  constructor(path: string, code: string, messages: LocalisedText) {
    super(code, messages);
    this.path = path;
  }
}

/** An entry of a folder that is not read, and why (listed in the report, not counted as a unit). */
export interface SkippedEntry {
  path: string;
  code: string;
  messages: LocalisedText;
}

export interface CollectOptions {
  /** Files larger than this are not looked at for the output marker (the reader refuses them anyway). */
  maxBytes?: number;
}

export interface Collected {
  files: string[];
  problems: InputProblem[];
  skipped: SkippedEntry[];
}

/**
 * Where a listed file lives on disk when its shown name differs: a name whose bytes are not UTF-8
 * is shown decoded from GBK but opened through its bytes.
 */
const diskPaths = new Map<string, Buffer>();

/** The path to open for a file of the batch: its bytes when its name is not UTF-8, else itself. */
export function diskPathOf(file: string): string | Buffer {
  return diskPaths.get(file) ?? file;
}

/** Shown name and disk path of a folder entry. */
function nameOf(raw: Buffer): { shown: string; gbk: boolean } {
  const utf8 = raw.toString('utf8');
  if (Buffer.from(utf8, 'utf8').equals(raw)) return { shown: utf8, gbk: false };
  return { shown: iconv.decode(raw, 'gb18030'), gbk: true };
}

/** Newlines and other control characters of a name, made visible (for one-line messages). */
export function visibleName(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

const SKIP = {
  notWorkbook: (p: string): SkippedEntry => ({
    path: p,
    code: 'not-a-workbook',
    messages: { 'zh-CN': `${visibleName(p)}：不是工作簿文件（扩展名不是 .xlsx、.xls、.ods 等），未读取。`, en: `${visibleName(p)}: not a workbook file (the extension is not .xlsx, .xls, .ods …); not read.` },
  }),
  lock: (p: string): SkippedEntry => ({
    path: p,
    code: 'lock-file',
    messages: { 'zh-CN': `${visibleName(p)}：Excel 或 WPS 打开文件时留下的临时锁定文件，未读取。`, en: `${visibleName(p)}: a temporary lock file left by Excel or WPS; not read.` },
  }),
  hidden: (p: string): SkippedEntry => ({
    path: p,
    code: 'hidden-folder',
    messages: { 'zh-CN': `${visibleName(p)}：隐藏文件夹或程序文件夹，未查找。`, en: `${visibleName(p)}: a hidden or program folder; not searched.` },
  }),
  loop: (p: string): SkippedEntry => ({
    path: p,
    code: 'link-loop',
    messages: { 'zh-CN': `${visibleName(p)}：链接指向已经查找过的文件夹（循环链接），未重复查找。`, en: `${visibleName(p)}: a link to a folder already searched (a link loop); not searched again.` },
  }),
  sameFile: (p: string, first: string): SkippedEntry => ({
    path: p,
    code: 'same-file',
    messages: { 'zh-CN': `${visibleName(p)}：与“${visibleName(first)}”是同一个文件（链接），只校验一次。`, en: `${visibleName(p)}: the same file as "${visibleName(first)}" (a link); checked once.` },
  }),
  special: (p: string): SkippedEntry => ({
    path: p,
    code: 'not-a-file',
    messages: { 'zh-CN': `${visibleName(p)}：不是普通文件（管道、设备或套接字），未读取。`, en: `${visibleName(p)}: not a regular file (a pipe, device or socket); not read.` },
  }),
  summary: (p: string): SkippedEntry => ({
    path: p,
    code: 'own-output',
    messages: {
      'zh-CN': `${visibleName(p)}：这是 zwgk 生成的汇总工作簿，不是单位报送，未计入（如确要校验它，请直接给出该文件）。`,
      en: `${visibleName(p)}: a summary workbook written by zwgk, not a unit's submission; left out (name the file itself to validate it).`,
    },
  }),
  report: (p: string): SkippedEntry => ({
    path: p,
    code: 'own-output',
    messages: { 'zh-CN': `${visibleName(p)}：这是 zwgk 生成的报告，不是单位报送，未读取。`, en: `${visibleName(p)}: a report written by zwgk, not a unit's submission; not read.` },
  }),
  reportOf: (p: string, workbook: string): SkippedEntry => ({
    path: p,
    code: 'own-output',
    messages: {
      'zh-CN': `${visibleName(p)}：这是 zwgk 由同一文件夹中的“${visibleName(workbook)}”生成的年度报告，数字与该工作簿相同，随工作簿校验，未重复计入（如确要校验它，请直接给出该文件）。`,
      en: `${visibleName(p)}: the annual report zwgk made from "${visibleName(workbook)}" in the same folder; its numbers are that workbook's, checked with it and not counted twice (name the file itself to validate it).`,
    },
  }),
  annotated: (p: string): SkippedEntry => ({
    path: p,
    code: 'own-output',
    messages: {
      'zh-CN': `${visibleName(p)}：这是 zwgk 生成的问题标注副本，不是单位报送，未读取（单位改正后请报送自己的文件；如确要校验它，请直接给出该文件）。`,
      en: `${visibleName(p)}: a marked copy written by zwgk, not a unit's submission; not read (units should submit their own corrected file; name the file itself to validate it).`,
    },
  }),
};

function folderDenied(p: string, code: string | undefined): InputProblem {
  return new InputProblem(p, 'input-folder-unreadable', {
    'zh-CN': `${visibleName(p)}：无法打开该文件夹（${code === 'EACCES' || code === 'EPERM' ? '没有权限' : code ?? '未知原因'}），其中的文件未校验；其余文件照常处理。请检查文件夹权限。`,
    en: `${visibleName(p)}: the folder cannot be opened (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'unknown reason'}); its files were not checked, the rest went on. Check the folder's permissions.`,
  });
}

function brokenLink(p: string): InputProblem {
  return new InputProblem(p, 'input-broken-link', {
    'zh-CN': `${visibleName(p)}：这是一个快捷方式（符号链接），但它指向的文件不存在，请检查。`,
    en: `${visibleName(p)}: a symbolic link whose target does not exist; check it.`,
  });
}

function specialWorkbook(p: string): InputProblem {
  return new InputProblem(p, 'input-not-file', {
    'zh-CN': `${visibleName(p)}：名称像工作簿，但不是普通文件（管道、设备或套接字），未读取。请报送真正的文件。`,
    en: `${visibleName(p)}: named like a workbook but not a regular file (a pipe, device or socket); not read. Submit a real file.`,
  });
}

/** The marker of an HTML report written by zwgk, in its first bytes. */
const REPORT_MARKER = '<meta name="generator" content="zwgk">';

/** Whether a file is an HTML report of zwgk (reads at most 4 KB of a regular file). */
async function isOwnReport(disk: string | Buffer, name: string): Promise<boolean> {
  if (!/\.html?$/i.test(name.trim())) return false;
  let handle;
  try {
    handle = await open(disk, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(REPORT_MARKER);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

interface Walk {
  files: string[];
  problems: InputProblem[];
  skipped: SkippedEntry[];
  /** dev:ino of the folders on the current path and already searched: a link never leads into one twice. */
  seenDirs: Set<string>;
}

const key = (st: Stats): string => `${st.dev}:${st.ino}`;

async function walk(disk: string | Buffer, shown: string, w: Walk): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(disk, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    w.problems.push(folderDenied(shown, (e as NodeJS.ErrnoException).code));
    return;
  }
  const named = entries.map((e) => ({ e, ...nameOf(e.name) }));
  named.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  for (const { e, shown: name, gbk } of named) {
    const p = join(shown, name);
    const d: string | Buffer = gbk || Buffer.isBuffer(disk) ? Buffer.concat([Buffer.isBuffer(disk) ? disk : Buffer.from(disk), Buffer.from(sep), e.name]) : join(disk, name);
    let st: Stats;
    if (e.isSymbolicLink()) {
      try {
        st = await stat(d); // follows the link (once per entry: the target itself is not re-listed)
      } catch {
        w.problems.push(brokenLink(p));
        continue;
      }
    } else if (e.isDirectory() || e.isFile()) {
      st = await lstat(d).catch(() => null as unknown as Stats);
      if (!st) continue; // removed meanwhile
    } else {
      if (isWorkbookPath(p)) w.problems.push(specialWorkbook(p));
      else w.skipped.push(SKIP.special(p));
      continue;
    }
    if (st.isDirectory()) {
      if (name.startsWith('.') || name === 'node_modules') {
        w.skipped.push(SKIP.hidden(p));
        continue;
      }
      if (w.seenDirs.has(key(st))) {
        w.skipped.push(SKIP.loop(p));
        continue;
      }
      w.seenDirs.add(key(st));
      await walk(d, p, w);
    } else if (st.isFile()) {
      if (isLockFile(name)) w.skipped.push(SKIP.lock(p));
      // An HTML report of zwgk is left out before the extension test: .html is also a report
      // document that units submit, so only the marker tells the two apart.
      else if (await isOwnReport(d, name)) w.skipped.push(SKIP.report(p));
      else if (!isWorkbookPath(p)) w.skipped.push(SKIP.notWorkbook(p));
      else {
        if (Buffer.isBuffer(d)) diskPaths.set(p, d);
        w.files.push(p);
      }
    } else if (isWorkbookPath(p)) w.problems.push(specialWorkbook(p));
    else w.skipped.push(SKIP.special(p));
  }
}

/**
 * Expands paths (files or folders, folders recursively) into workbook files. A path that does not
 * exist is a problem of its own; the other paths are still collected. A file named explicitly is
 * taken whatever its extension (and even when it is one of the tool's outputs), so a renamed file
 * still gets an answer from the reader. Files found in folders that the tool wrote itself are
 * listed in `skipped`.
 */
export async function collectInputs(paths: string[], opts: CollectOptions = {}): Promise<Collected> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const skipped: SkippedEntry[] = [];
  const fromFolders = new Set<string>();
  /** Folders given, with the files found in them, to answer a folder whose every file is left out. */
  const folders: Array<{ path: string; files: string[] }> = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      problems.push(
        new InputProblem(p, 'input-not-found', {
          'zh-CN': `${visibleName(p)}：找不到该文件或文件夹，请检查路径。`,
          en: `${visibleName(p)}: no such file or folder; check the path.`,
        }),
      );
      continue;
    }
    if (st.isDirectory()) {
      const w: Walk = { files: [], problems, skipped, seenDirs: new Set([key(st)]) };
      await walk(p, p, w);
      if (w.files.length === 0 && !problems.some((x) => x.path.startsWith(p))) problems.push(emptyFolder(p, 0));
      else folders.push({ path: p, files: w.files });
      for (const f of w.files) fromFolders.add(f);
      files.push(...w.files);
    } else if (st.isFile()) {
      files.push(p);
    } else {
      // Never opened: reading a FIFO blocks until someone writes to it.
      problems.push(specialWorkbook(p));
    }
  }
  // The same file named twice (directly and through its folder) is validated once; so is a file
  // reached a second time through a link (same device and inode), which is listed.
  const seen = new Set<string>();
  const seenFiles = new Map<string, string>();
  const unique: string[] = [];
  const found = new Map(files.map((f) => [resolve(f), f]));
  for (const f of files) {
    const k = resolve(f);
    if (seen.has(k)) continue;
    seen.add(k);
    const st = await stat(diskPathOf(f)).catch(() => null);
    const id = st ? key(st) : null;
    const first = id ? seenFiles.get(id) : undefined;
    if (first !== undefined) {
      skipped.push(SKIP.sameFile(f, first));
      continue;
    }
    if (id) seenFiles.set(id, f);
    if (fromFolders.has(f)) {
      const kind = await outputKindOfFile(f, opts.maxBytes ?? 20 * 1024 * 1024, diskPathOf(f));
      if (kind) {
        skipped.push(kind === 'summary' ? SKIP.summary(f) : SKIP.annotated(f));
        continue;
      }
      // A report `zwgk report` wrote next to its workbook: the same unit's numbers a second time.
      const source = await reportSourceOfFile(f, opts.maxBytes ?? 20 * 1024 * 1024, diskPathOf(f));
      const workbook = source !== null && basename(source) === source ? found.get(resolve(dirname(f), source)) : undefined;
      if (workbook !== undefined && workbook !== f) {
        skipped.push(SKIP.reportOf(f, workbook));
        continue;
      }
    }
    unique.push(f);
  }
  // A folder holding only the tool's outputs (or files already named) has no submission either:
  // answered like an empty folder, not a batch of 0 files that "passes".
  const kept = new Set(unique);
  for (const folder of folders) {
    if (folder.files.some((f) => kept.has(f))) continue;
    problems.push(emptyFolder(folder.path, folder.files.length));
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: unique, problems, skipped };
}

/** The answer for a folder without a submission; `leftOut` files were found but are outputs or repeats. */
function emptyFolder(path: string, leftOut: number): InputProblem {
  const kinds: [string, string] = ['.xlsx、.xlsm、.xls、.ods 工作簿或 .docx、.html 年度报告', '.xlsx, .xlsm, .xls, .ods workbook or .docx, .html report'];
  return new InputProblem(
    path,
    'input-empty-folder',
    leftOut === 0
      ? { 'zh-CN': `${visibleName(path)}：文件夹中没有报送文件（${kinds[0]}）。`, en: `${visibleName(path)}: the folder holds no submission (${kinds[1]}).` }
      : {
          'zh-CN': `${visibleName(path)}：文件夹中没有报送文件，只有 ${leftOut} 个本工具生成的或已经列出的文件（见“未读取”）。`,
          en: `${visibleName(path)}: the folder holds no submission, only ${leftOut} file(s) this tool wrote or already listed (see "not read").`,
        },
  );
}
