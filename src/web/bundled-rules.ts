/**
 * The standard rule files of rules/, bundled by webpack at build time (require.context) so the page
 * reads them without any request. schema.json describes the files and is not a rule file.
 */
import type { RuleSource } from '../core/rules/types';

interface WebpackContext {
  keys(): string[];
  (id: string): unknown;
}
type RequireWithContext = { context(dir: string, recursive: boolean, filter: RegExp): WebpackContext };

/** The standard rule files, sorted by name as `zwgk` reads the rules/ folder; paths as `rules/t3.json`. */
export function bundledRuleSources(): RuleSource[] {
  // Only webpack understands require.context; the cast keeps the Node typings out of it.
  const ctx = (require as unknown as RequireWithContext).context('../../rules', false, /\.json$/);
  return ctx
    .keys()
    .filter((key) => !/(^|\/)schema\.json$/.test(key))
    .map((key) => ({ path: `rules/${key.replace(/^\.\//, '')}`, json: ctx(key) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
