/**
 * What a tab of the pane gets from the pane around it: the options (host, validator, template) and
 * the current language, and a way to have the whole pane drawn again after a change of state.
 */
import type { Locale } from '../../core/report';
import type { PaneOptions } from './controller';

export interface TabContext {
  readonly opts: PaneOptions;
  readonly locale: Locale;
  render(): void;
}
