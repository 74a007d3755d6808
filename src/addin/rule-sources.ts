/**
 * The rule files of rules/, bundled by webpack (require.context) so the task pane reads them without
 * any request. schema.json describes the files and is not a rule file.
 */
interface WebpackContext {
  keys(): string[];
  (id: string): unknown;
}
type RequireWithContext = { context(dir: string, recursive: boolean, filter: RegExp): WebpackContext };

export interface RuleSource {
  path: string;
  json: unknown;
}

export function bundledRuleSources(): RuleSource[] {
  // Only webpack understands require.context; the cast keeps the Node typings out of it.
  const ctx = (require as unknown as RequireWithContext).context('../../rules', false, /\.json$/);
  return ctx
    .keys()
    .filter((key) => !/(^|\/)schema\.json$/.test(key))
    .sort()
    .map((key) => ({ path: `rules/${key.replace(/^\.\//, '')}`, json: ctx(key) }));
}
