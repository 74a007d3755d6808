/**
 * Entry of the task pane: waits for Office.js, checks the host, and wires the Excel adapter and the
 * real validator into the controller.
 */
import { UserError } from '../../core/errors';
import { createPaneValidator } from '../create-validator';
import { ExcelAdapter, detectCapabilities } from '../excel-adapter';
import { localeFromDisplayLanguage, paneStrings } from '../i18n';
import { TaskPaneController } from './controller';
import { embeddedTemplate } from '../template-data';

function showOnly(root: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'message message-error';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(p);
}

interface BootWindow {
  /** Set by pane-boot.js when the engine lacks what no polyfill adds; it already shows why. */
  zwgkUnsupported?: boolean;
  /** pane-boot.js: the pane has started, remove any message it shows. */
  zwgkPaneStarted?: () => void;
}

const boot = window as unknown as BootWindow;

function start(info: { host: Office.HostType | null }): void {
  const root = document.getElementById('app');
  if (!root || boot.zwgkUnsupported) return;
  if (typeof boot.zwgkPaneStarted === 'function') boot.zwgkPaneStarted();
  const locale = localeFromDisplayLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  if (info.host !== Office.HostType.Excel) {
    showOnly(root, locale === 'en' ? 'Open this add-in in Excel.' : '请在 Excel 中使用此加载项。');
    return;
  }
  const isSetSupported = (name: string, version?: string): boolean => Office.context.requirements.isSetSupported(name, version);
  const adapter = new ExcelAdapter((batch) => Excel.run(batch), detectCapabilities(isSetSupported), {
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  });
  let validator;
  let skippedChecks: string[] = [];
  try {
    ({ validator, skipped: skippedChecks } = createPaneValidator());
  } catch (e) {
    // A broken rule file is a packaging error; say so in one sentence instead of an empty pane.
    const detail = e instanceof UserError ? e.messageIn(locale) : String(e instanceof Error ? e.message : e);
    showOnly(root, paneStrings(locale).failed(detail));
    return;
  }
  // Office.context.platform is undefined in some older hosts; the pane then tries to save and offers the copy.
  const platform = typeof Office.context.platform === 'string' ? String(Office.context.platform) : null;
  const controller = new TaskPaneController({ root, host: adapter, validator, locale, templateBase64: embeddedTemplate(), skippedChecks, platform });
  controller.start();
}

// Without Office.js (blocked or missing) pane-boot.js explains what happened; nothing to start here.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady(start);
