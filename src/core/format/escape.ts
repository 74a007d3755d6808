/**
 * Escaping of text that comes from a unit's workbook before it is shown anywhere. A cell may hold
 * `<img onerror=…>` or ANSI escape codes; they must show as text, never act.
 */

/**
 * Bidirectional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM):
 * in a unit's text they can only serve to make a name or a number read differently from what it is
 * ("Trojan Source"). Shown, they are replaced by a visible [U+202E]; nothing is reordered.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Bidi controls as visible text ([U+202E]), so they cannot reorder what follows them. */
export function isolateBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Line breaks and tabs as visible escapes (\n, \r, \t): a file name stays on its one line. */
export function oneLine(s: string): string {
  return s.replace(/[\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

/** Removes control characters (including ESC of ANSI sequences) except line feed and tab; makes bidi controls visible. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return isolateBidi(s.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, ''));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
