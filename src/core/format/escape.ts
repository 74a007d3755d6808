/**
 * Escaping of text that comes from a unit's workbook before it is shown anywhere. A cell may hold
 * `<img onerror=…>` or ANSI escape codes; they must show as text, never act.
 */

/** Removes control characters (including ESC of ANSI sequences) except line feed and tab. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
