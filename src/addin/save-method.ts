/**
 * How the task pane can hand a file (the annual report's .docx) to the user. A task pane is a webview
 * inside Office, not a browser tab, and whether a download works depends on which one (which webview
 * an Office uses: https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins;
 * Microsoft's add-in documentation says nothing about downloads, so the rest comes from its issue tracker):
 *
 * - Office on Windows with Edge WebView2 and Office on the web: `<a download>` on a blob: URL works.
 *   On the desktop the download bar appears inside the task pane [1]; on the web Office gives the
 *   add-in's iframe `allow-downloads` since mid-2020 [2].
 * - Trident (IE 11 webview of Office 2016/2019 volume licence): no `download` attribute; IE's own
 *   `navigator.msSaveOrOpenBlob` is the way when the webview has it. Some Office webviews do not have it
 *   or refuse blob: URLs: the EdgeHTML webview [3]; Outlook 2016 on Windows 10 1903 and later, "SEC7134
 *   … not allowed to load" [4].
 * - Office on Mac (WKWebView) and on iPad: a download link does nothing, by design [5].
 *
 * [1] https://github.com/OfficeDev/office-js/issues/1793
 * [2] https://github.com/OfficeDev/office-js/issues/1221 and /issues/1241
 * [3] https://github.com/OfficeDev/office-js/issues/1006
 * [4] https://github.com/eligrey/FileSaver.js/issues/587
 * [5] https://github.com/OfficeDev/office-js/issues/2700 and /issues/3385
 *
 * Whether a download really reached the disk cannot be seen from script, so the pane always offers the
 * fallback too: the report shown in the pane with buttons that copy it for Word or for a website's CMS.
 * Pure: the environment is passed in (taskpane/save-file.ts reads it from the webview).
 */

export type SaveMethod = 'msSaveOrOpenBlob' | 'download' | 'none';

/** What the webview offers, as far as script can tell. */
export interface SaveEnvironment {
  /** Office.context.platform: "PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"; null when unknown. */
  platform: string | null;
  /** navigator.msSaveOrOpenBlob is a function (Trident, some EdgeHTML). */
  msSaveOrOpenBlob: boolean;
  /** HTMLAnchorElement has the `download` attribute. */
  anchorDownload: boolean;
  /** Blob and URL.createObjectURL exist. */
  blobUrls: boolean;
}

/** Platforms whose add-in webview never saves a download (see the module note). */
const NO_DOWNLOADS = ['Mac', 'iOS', 'Android'];

/** The way to try first in this webview; 'none' when only the copy fallback can work. */
export function chooseSaveMethod(env: SaveEnvironment): SaveMethod {
  if (env.platform !== null && NO_DOWNLOADS.indexOf(env.platform) >= 0) return 'none';
  if (env.msSaveOrOpenBlob) return 'msSaveOrOpenBlob';
  if (env.anchorDownload && env.blobUrls) return 'download';
  return 'none';
}
