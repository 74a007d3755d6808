/**
 * The offline web page: 校验, 汇总 and 模板 with the core of zwgk, entirely in the browser. Started once
 * the document is parsed (the script may be inline, in zwgk.html, or a deferred file, in index.html).
 */
import type { Locale } from '../core/report';
import { App } from './app';
import { CheckTab } from './check-tab';
import { byId } from './dom';
import { tr, type TextKey } from './i18n';
import { RulesPanel } from './rules-panel';
import { SummaryTab } from './summary-tab';
import { TemplateTab } from './template-tab';

type Tab = 'check' | 'summary' | 'template';

function showTab(tab: Tab): void {
  for (const t of ['check', 'summary', 'template'] as const) {
    byId(`tab-${t}`).hidden = t !== tab;
    const button = byId(`tab-btn-${t}`);
    button.setAttribute('aria-selected', String(t === tab));
    button.classList.toggle('active', t === tab);
  }
  // Local rules apply to 校验 and 汇总; the template has no rules.
  byId('rules-bar').hidden = tab === 'template';
}

function translate(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = tr('title', locale);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = tr(el.dataset.i18n as TextKey, locale);
  byId('lang-zh').classList.toggle('active', locale === 'zh-CN');
  byId('lang-en').classList.toggle('active', locale === 'en');
}

function start(): void {
  // legacy-check.js found the browser too old and shows its message instead.
  if ((window as unknown as { __zwgkLegacy?: boolean }).__zwgkLegacy) return;
  const app = new App();
  app.onChange(() => translate(app.locale));
  new RulesPanel(app);
  new CheckTab(app);
  new SummaryTab(app);
  new TemplateTab(app);
  for (const t of ['check', 'summary', 'template'] as const) byId(`tab-btn-${t}`).addEventListener('click', () => showTab(t));
  byId('lang-zh').addEventListener('click', () => app.setLocale('zh-CN'));
  byId('lang-en').addEventListener('click', () => app.setLocale('en'));
  const wanted = new URLSearchParams(location.search).get('lang');
  app.setLocale(wanted === 'en' ? 'en' : 'zh-CN');
  showTab('check');
  // The old-browser notice (legacy-check.js) stays hidden from here on.
  (window as unknown as { __zwgkStarted?: boolean }).__zwgkStarted = true;
  document.body.classList.add('ready');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
