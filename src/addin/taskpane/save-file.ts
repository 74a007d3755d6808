/**
 * The webview side of saving and copying the annual report: reads what the webview offers (see
 * ../save-method.ts for which Office webview can do what, with sources), hands the .docx over, and copies
 * the report for Word or for a CMS. Only what Trident (IE 11) has is used; nothing leaves the computer.
 */
import { type SaveEnvironment, type SaveMethod } from '../save-method';

interface MsNavigator {
  msSaveOrOpenBlob?: (blob: Blob, name?: string) => boolean;
}

/** The save environment of this webview; `platform` is Office.context.platform (null when unknown). */
export function currentSaveEnvironment(platform: string | null): SaveEnvironment {
  return {
    platform,
    msSaveOrOpenBlob: typeof (navigator as unknown as MsNavigator).msSaveOrOpenBlob === 'function',
    anchorDownload: typeof HTMLAnchorElement !== 'undefined' && 'download' in HTMLAnchorElement.prototype,
    blobUrls: typeof Blob === 'function' && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function',
  };
}

/**
 * Hands `bytes` to the webview as the file `name`. True when the webview took it (it may still show
 * its own save prompt); false when this method is 'none' or the webview refused. Never throws.
 */
export function saveBytes(method: SaveMethod, bytes: Uint8Array, name: string, type: string): boolean {
  if (method === 'none') return false;
  try {
    // A typed array is a BlobPart in every engine the pane runs in, IE 11 included.
    const blob = new Blob([bytes as unknown as BlobPart], { type });
    if (method === 'msSaveOrOpenBlob') {
      const save = (navigator as unknown as MsNavigator).msSaveOrOpenBlob;
      return typeof save === 'function' ? save.call(navigator, blob, name) !== false : false;
    }
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.className = 'visually-hidden';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // The webview has taken the blob by the next task; later is safer for a slow disk.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return true;
  } catch {
    return false;
  }
}

/** Selects the contents of `node` (a textarea: its text), so that Ctrl+C copies them if the copy below fails. */
function selectContents(node: HTMLElement): void {
  if (node instanceof HTMLTextAreaElement) {
    node.focus();
    node.select();
    return;
  }
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Copies to the clipboard: `html` as text/html (when given) and `plain` as text/plain, through the copy
 * command on a selection of `node`. The asynchronous Clipboard API is not used: Office on the web blocks
 * it in add-in frames by permissions policy (https://github.com/OfficeDev/office-js/issues/1991 and
 * /issues/3480) and Trident lacks it.
 * Trident's copy event has no clipboardData on the event: there the selection itself is copied.
 * Returns false when the webview refused; the contents then stay selected for Ctrl+C.
 */
export function copyToClipboard(node: HTMLElement, plain: string, html: string | null): boolean {
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    if (html !== null) e.clipboardData.setData('text/html', html);
    e.clipboardData.setData('text/plain', plain);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  selectContents(node);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  // Copied: the highlight goes. Refused: the selection stays for Ctrl+C.
  if (ok) {
    const selection = window.getSelection();
    if (selection) selection.removeAllRanges();
    if (node instanceof HTMLTextAreaElement) node.blur();
  }
  return ok;
}
