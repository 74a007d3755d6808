/** The rule files of rules/ read from disk, as webpack bundles them for the task pane. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validator, loadRuleSet } from '../../src/core/validator';

export function ruleSourcesFromDisk(): { path: string; json: unknown }[] {
  const dir = path.resolve(__dirname, '../../rules');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((f) => ({ path: `rules/${f}`, json: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown }));
}

export function realValidator(): Validator {
  return new Validator(loadRuleSet(ruleSourcesFromDisk()));
}
