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

/** Largest rule file read (the standard files are under 20 KB each). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** Every *.json of `dir` except schema.json, sorted by file name, parsed; a file over MAX_RULE_FILE_BYTES is refused. */
export function readRuleSources(dir: string = DEFAULT_RULES_DIR): RuleSource[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json') && n.toLowerCase() !== 'schema.json');
  } catch (e) {
    // A rule file named where its folder is expected is the usual slip: say so, not "not found".
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new UserError('rules-dir', {
        'zh-CN': `--rules 需要的是规则文件夹，“${dir}”是一个文件：请给出它所在的文件夹（${path.dirname(dir)}），文件夹中的每个 .json 规则文件都会读取。`,
        en: `--rules takes a folder of rule files; "${dir}" is a file: give its folder (${path.dirname(dir)}), whose every .json rule file is read.`,
      });
    }
    throw new UserError('rules-dir', {
      'zh-CN': `找不到规则文件夹 ${dir}。请检查路径。`,
      en: `Cannot read the rules folder ${dir}. Check the path.`,
    });
  }
  names.sort();
  const bundled = path.resolve(dir) === DEFAULT_RULES_DIR;
  return names.map((n) => {
    const file = path.join(dir, n);
    let size: number;
    try {
      const st = fs.statSync(file);
      size = st.isFile() ? st.size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      throw new UserError('rules-dir', {
        'zh-CN': `无法读取规则文件 ${file}：它不是普通文件或没有读取权限。`,
        en: `Cannot read the rule file ${file}: it is not a regular file or not readable.`,
      });
    }
    if (size > MAX_RULE_FILE_BYTES) {
      throw new UserError('rules-too-large', {
        'zh-CN': `规则文件 ${file} 有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_RULE_FILE_BYTES / 1048576} MB 的上限：规则文件只放规则，请检查是否放错了文件。`,
        en: `The rule file ${file} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_RULE_FILE_BYTES / 1048576} MB limit: a rule file holds only rules; check that it is the right file.`,
      });
    }
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    try {
      const json = JSON.parse(text) as unknown;
      return bundled ? { path: file, json, bundled } : { path: file, json };
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const at = jsonErrorPlace(text, detail);
      throw new UserError('rules-invalid', {
        'zh-CN': `规则文件 ${file} 不是有效的 JSON（${at ? `第 ${at.line} 行第 ${at.column} 列附近` : '文件不完整，缺少结尾的括号或引号'}）。请修改后重试。`,
        en: `Rule file ${file} is not valid JSON (${at ? `near line ${at.line}, column ${at.column}` : 'the file ends early: a closing bracket or quote is missing'}: ${detail}). Fix it and try again.`,
      });
    }
  });
}

/**
 * Rule sources of several folders, in order; `undefined` (or no list at all) stands for the
 * package's own rules/ folder. Async so callers can await it like any other read.
 */
export async function loadRuleSources(dirs?: ReadonlyArray<string | undefined>): Promise<RuleSource[]> {
  const list = dirs && dirs.length > 0 ? dirs : [undefined];
  return list.flatMap((d) => readRuleSources(d ?? DEFAULT_RULES_DIR));
}

/**
 * Line and column (1-based) of a JSON.parse error, from the position V8 puts in its message
 * ("… in JSON at position 42 (line 3 column 5)"); null when the text ended early (no position).
 */
export function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (!pos) return null;
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
