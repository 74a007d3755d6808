/**
 * Reads rule files from folders (Node only). The core loader gets plain `{path, json}` pairs, so
 * the add-in can bundle the same files instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../core/errors';
import type { RuleSource } from '../core/rules/types';

/** The package's rules/ folder, found from this module whether it runs from src/ (ts-jest) or dist/. */
export const DEFAULT_RULES_DIR = path.resolve(__dirname, '..', '..', 'rules');

/** Every *.json of `dir` except schema.json, sorted by file name, parsed. */
export function readRuleSources(dir: string = DEFAULT_RULES_DIR): RuleSource[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json') && n.toLowerCase() !== 'schema.json');
  } catch {
    throw new UserError('rules-dir', {
      'zh-CN': `找不到规则文件夹 ${dir}。请检查路径。`,
      en: `Cannot read the rules folder ${dir}. Check the path.`,
    });
  }
  names.sort();
  const bundled = path.resolve(dir) === DEFAULT_RULES_DIR;
  return names.map((n) => {
    const file = path.join(dir, n);
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    try {
      const json = JSON.parse(text) as unknown;
      return bundled ? { path: file, json, bundled } : { path: file, json };
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new UserError('rules-invalid', {
        'zh-CN': `规则文件 ${file} 不是有效的 JSON（${detail}）。请修改后重试。`,
        en: `Rule file ${file} is not valid JSON (${detail}). Fix it and try again.`,
      });
    }
  });
}

/** Rule sources of several folders, in order (a later folder may override checks of an earlier one). */
export function readRuleFolders(dirs: readonly string[]): RuleSource[] {
  return (dirs.length > 0 ? dirs : [DEFAULT_RULES_DIR]).flatMap((d) => readRuleSources(d));
}

/**
 * Rule sources of several folders, in order; `undefined` (or no list at all) stands for the
 * package's own rules/ folder. Async so callers can await it like any other read.
 */
export async function loadRuleSources(dirs?: ReadonlyArray<string | undefined>): Promise<RuleSource[]> {
  const list = dirs && dirs.length > 0 ? dirs : [undefined];
  return list.flatMap((d) => readRuleSources(d ?? DEFAULT_RULES_DIR));
}
