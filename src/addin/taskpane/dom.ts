/**
 * The few DOM helpers the pane's views share. Every piece of workbook text goes in through
 * textContent (a text node), never as markup; only methods Trident (IE 11) has are used.
 */
import { isUserError } from '../../core/errors';
import type { Locale } from '../../core/report';
import type { PaneStrings } from '../i18n';

export type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Element.replaceChildren and ParentNode.append are missing in Trident (IE 11) and older webviews. */
export function replaceContent(root: HTMLElement, nodes: Node[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  for (const n of nodes) root.appendChild(n);
}

export type StatusKind = 'info' | 'success' | 'error';

/** A status line, rendered in the pane's current language. */
export interface Status {
  kind: StatusKind;
  text: (s: PaneStrings, locale: Locale) => string;
}

/** The status line for a failed action: the UserError's own words, else Excel's (English-only) message in a sentence. */
export function failureStatus(e: unknown): Status {
  const detail = (l: Locale): string =>
    isUserError(e)
      ? e.messageIn(l)
      : (l === 'en' ? 'Excel reported an error' : 'Excel 返回了错误') + (e instanceof Error && e.message ? ` (${e.message})` : '');
  return { kind: 'error', text: (s, l) => s.failed(detail(l)) };
}

/** The status line as an element (#status or #summary-status). */
export function statusElement(id: string, status: Status, s: PaneStrings, locale: Locale): HTMLElement {
  return el('div', { id, class: `message message-${status.kind}`, role: status.kind === 'error' ? 'alert' : 'status' }, [status.text(s, locale)]);
}
