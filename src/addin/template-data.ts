/**
 * The standard template workbook, embedded by webpack at build time (DefinePlugin) so that inserting
 * template sheets needs no network request. Empty when the build had no template to embed.
 */
declare const __ZWGK_TEMPLATE_BASE64__: string | undefined;

export function embeddedTemplate(): string | null {
  const value = typeof __ZWGK_TEMPLATE_BASE64__ === 'string' ? __ZWGK_TEMPLATE_BASE64__ : '';
  return value === '' ? null : value;
}
