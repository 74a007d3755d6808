/**
 * Batches of submissions: expands files and folders into the list of workbooks to read, in a
 * stable order. Runs in Node only (the core never touches the file system).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import type { LocalisedText } from '../core/report';

export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods', '.docx', '.html', '.htm'];

export function isWorkbookPath(path: string): boolean {
  const name = basename(path);
  // Excel's and LibreOffice's lock files (~$名称.xlsx, .~lock.名称.xlsx#) are not submissions.
  if (name.startsWith('~$') || name.startsWith('.~lock.')) return false;
  return WORKBOOK_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** A path given on the command line that yields no workbook. */
export class InputProblem extends UserError {
  readonly path: string;
  constructor(path: string, code: string, messages: LocalisedText) {
    super(code, messages);
    this.path = path;
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p, out);
    } else if (e.isFile() && isWorkbookPath(p)) {
      out.push(p);
    }
  }
}

/**
 * Expands paths (files or folders, folders recursively) into workbook files. A path that does not
 * exist is a problem of its own; the other paths are still collected. A file named explicitly is
 * taken whatever its extension, so a renamed file still gets an answer from the reader.
 */
export async function collectInputs(paths: string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      problems.push(
        new InputProblem(p, 'input-not-found', {
          'zh-CN': `${p}：找不到该文件或文件夹，请检查路径。`,
          en: `${p}: no such file or folder; check the path.`,
        }),
      );
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      if (found.length === 0) {
        problems.push(
          new InputProblem(p, 'input-empty-folder', {
            'zh-CN': `${p}：文件夹中没有 .xlsx、.xlsm、.xls 或 .ods 文件。`,
            en: `${p}: the folder holds no .xlsx, .xlsm, .xls or .ods file.`,
          }),
        );
      }
      files.push(...found);
    } else {
      files.push(p);
    }
  }
  // The same file named twice (directly and through its folder) is validated once.
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems };
}
