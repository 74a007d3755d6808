/**
 * What the tabs share: the language, the reading workers, and the rules (standard + local).
 */
import type { Locale } from '../core/report';
import type { RuleSource } from '../core/rules/types';
import type { Validator } from '../core/validator';
import { ReadPool } from './pool';
import { pageValidator } from './rule-set';

declare const __ZWGK_WORKER_SOURCE__: string;

let workerUrl: string | null = null;

/** A reading worker from the embedded script, through a blob: URL (a page from file:// may not load worker files). */
export function createWorker(): Worker {
  if (!workerUrl) workerUrl = URL.createObjectURL(new Blob([__ZWGK_WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

export class App {
  locale: Locale = 'zh-CN';
  readonly pool = new ReadPool({ createWorker });
  private localRules: RuleSource[] | null = null;
  private validator: Validator | null = null;
  private readonly listeners: Array<() => void> = [];

  /** Called again whenever the language or the rules change. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    for (const l of this.listeners) l();
  }

  get rules(): RuleSource[] | null {
    return this.localRules;
  }

  /** Switches to the given local rules (already checked); null: standard rules only. */
  setRules(local: RuleSource[] | null): void {
    this.localRules = local;
    this.validator = null;
    this.pool.setRules(local);
    for (const l of this.listeners) l();
  }

  /** The validator of the page's thread (the summary validates here; checking validates in the workers). */
  mainValidator(): Validator {
    if (!this.validator) this.validator = pageValidator(this.localRules);
    return this.validator;
  }
}
