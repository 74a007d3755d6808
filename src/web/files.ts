/**
 * The files a person picks or drops: single files, whole folders (dropped, or picked with a folder
 * input), expanded to the workbooks in them as `zwgk validate DIR` does: recursively, sorted by
 * name, without hidden folders and Office/LibreOffice lock files.
 */

export interface PickedFile {
  /** The name shown and reported: the file name, or its path inside a dropped or picked folder. */
  name: string;
  file: File;
}

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
/** Published reports (Word documents, web pages), read like workbooks as `zwgk validate` does. */
const REPORT_DOCUMENT = /\.(docx|html|htm)$/i;

function isLock(base: string): boolean {
  return base.startsWith('~$') || base.startsWith('.~lock.');
}

/** A workbook inside a folder (the CLI's rule: extension, and not a lock file ~$… or .~lock.…#). */
export function isWorkbookName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return !isLock(base) && WORKBOOK.test(base);
}

/** A file inside a folder the page reads: a workbook or a report document (not a lock file). */
export function isSubmissionName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return !isLock(base) && (WORKBOOK.test(base) || REPORT_DOCUMENT.test(base));
}

function byName(a: PickedFile, b: PickedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Files chosen in a file input: files named one by one are taken whatever their extension (the reader answers); a picked folder is filtered. */
export function fromInput(list: FileList | null): PickedFile[] {
  const files = Array.from(list ?? []);
  const folder = files.some((f) => f.webkitRelativePath);
  if (!folder) return files.map((file) => ({ name: file.name, file }));
  return files
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }))
    .filter((p) => isSubmissionName(p.name) && !p.name.split('/').slice(0, -1).some((d) => d.startsWith('.') || d === 'node_modules'))
    .sort(byName);
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most 100 entries a call: read until it returns none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: PickedFile[], top: boolean): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (entry.isFile) {
    // A file dropped on its own is always taken; inside a folder only workbooks are.
    if (top || isSubmissionName(path)) out.push({ name: top ? entry.name : path, file: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!top && (entry.name.startsWith('.') || entry.name === 'node_modules')) return;
  const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
  const found: PickedFile[] = [];
  for (const c of children) await walk(c, found, false);
  out.push(...found.sort(byName));
}

/** Files and folders dropped on the page. */
export async function fromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items)
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return Array.from(data.files).map((file) => ({ name: file.name, file }));
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e as FileSystemEntry, out, true);
  return out;
}

/**
 * Makes an element a drop zone: it is highlighted (class "over") while files are dragged over it,
 * and the dropped files and folders go to `onFiles`; a folder that cannot be read goes to `onError`.
 */
export function dropZone(el: HTMLElement, onFiles: (files: PickedFile[]) => void, onError: (err: unknown) => void): void {
  el.addEventListener('dragover', (e) => {
    e.preventDefault();
    el.classList.add('over');
  });
  el.addEventListener('dragleave', () => el.classList.remove('over'));
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    el.classList.remove('over');
    if (e.dataTransfer) void fromDrop(e.dataTransfer).then(onFiles, onError);
  });
}
