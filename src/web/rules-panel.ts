/**
 * Local rules: rule files (or a folder of them) loaded from the computer, checked by the same code
 * as `zwgk rules check` (schema, linter, overrides against the standard rules). Problems are listed
 * one per line as the CLI prints them; the local rules are used only when they have none.
 */
import { formatRuleProblem, lintRuleSources, loadRuleSet } from '../core/validator';
import type { RuleProblem, RuleSource } from '../core/rules/types';
import type { App } from './app';
import { byId, fill, h } from './dom';
import { fromInput, type PickedFile } from './files';
import { tr } from './i18n';
import { pageRuleSources } from './rule-set';
import { pageSchemaCheck } from './schema-check';

/** A file that is not JSON: the problem `zwgk rules check` reports for it. */
function notJson(file: string, detail: string): RuleProblem {
  return {
    file,
    problem: { 'zh-CN': `不是有效的 JSON（${detail}）。请修改后重试。`, en: `is not valid JSON (${detail}). Fix it and try again.` },
  };
}

export class RulesPanel {
  private problems: RuleProblem[] = [];

  constructor(private readonly app: App) {
    byId('rules-files').addEventListener('click', () => this.pick(false));
    byId('rules-folder').addEventListener('click', () => this.pick(true));
    byId('rules-clear').addEventListener('click', () => {
      this.problems = [];
      app.setRules(null);
    });
    app.onChange(() => this.render());
    this.render();
  }

  private pick(folder: boolean): void {
    const input = h('input', { type: 'file', multiple: true, webkitdirectory: folder, accept: folder ? undefined : '.json', class: 'offscreen' });
    input.addEventListener('change', () => {
      void this.load(fromInput(input.files).filter((f) => /\.json$/i.test(f.name) && !/(^|\/)schema\.json$/i.test(f.name)));
      input.remove();
    });
    document.body.append(input);
    input.click();
  }

  /** Checks the files with the standard rules, as `zwgk rules check DIR` does; uses them when they pass. */
  async load(files: PickedFile[]): Promise<void> {
    const sources: RuleSource[] = [];
    const problems: RuleProblem[] = [];
    // Files of a folder by name, as the CLI reads a rules folder.
    for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const text = (await f.file.text()).replace(/^\uFEFF/, '');
      try {
        sources.push({ path: f.name, json: JSON.parse(text) as unknown });
      } catch (e) {
        problems.push(notJson(f.name, e instanceof Error ? e.message : String(e)));
      }
    }
    if (problems.length === 0) problems.push(...lintRuleSources(pageRuleSources(sources), { schemaCheck: pageSchemaCheck() }));
    this.problems = problems;
    this.app.setRules(problems.length === 0 && sources.length > 0 ? sources : null);
  }

  private render(): void {
    const L = this.app.locale;
    const local = this.app.rules;
    const checks = loadRuleSet(pageRuleSources(local), { schemaCheck: pageSchemaCheck() }).checks.length;
    const en = L === 'en';
    const files = local ? local.map((src) => src.path).join(en ? ', ' : '、') : '';
    const label = local
      ? en
        ? `${tr('rulesStandard', L)} + ${local.length} ${tr('rulesLocalFiles', L)} (${files}), ${checks} ${tr('rulesChecks', L)}`
        : `${tr('rulesStandard', L)} + ${local.length} ${tr('rulesLocalFiles', L)}（${files}），${checks} ${tr('rulesChecks', L)}`
      : `${tr('rulesStandard', L)}${en ? ', ' : '，'}${checks} ${tr('rulesChecks', L)}`;
    fill(byId('rules-status'), `${tr('rulesLabel', L)}${en ? ': ' : '：'}${label}`);
    byId('rules-clear').hidden = !local && this.problems.length === 0;
    const box = byId('rules-problems');
    box.hidden = this.problems.length === 0;
    fill(box, this.problems.length ? h('p', {}, tr('rulesBad', L)) : null, h('ul', {}, ...this.problems.map((p) => h('li', {}, formatRuleProblem(p, L)))));
  }
}

