/**
 * What every command receives: the language, and the two output streams. stdout carries only the
 * command's result (a report, a file list); progress and logs go to stderr.
 */
import type { Locale } from '../core/report';

export interface CliContext {
  locale: Locale;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Picks the text of the context's language. */
export function t(ctx: CliContext, zh: string, en: string): string {
  return ctx.locale === 'en' ? en : zh;
}

/**
 * Exit codes of every command (documented in the README):
 * 0 done, nothing at or above --fail-on; 1 findings at or above --fail-on (rules check: problems);
 * 2 usage error (bad option, missing path, bad rule file or roster, output refused);
 * 3 some submission could not be read (the others were checked and reported).
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREADABLE = 3;
