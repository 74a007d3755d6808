/**
 * Errors meant for a person: a code and its data for programs, and one clear sentence per locale
 * (which file, what is wrong, what to do) rendered from the code registry (core/codes).
 * Hosts print the message, never a stack trace.
 */
import type { Locale, LocalisedText } from './report';

export class UserError extends Error {
  readonly code: string;
  readonly messages: LocalisedText;
  /** The facts behind the message (file, sizes, limits …), for programs; see core/codes. */
  readonly data: Readonly<Record<string, unknown>>;

  constructor(code: string, messages: LocalisedText, data: Readonly<Record<string, unknown>> = {}) {
    super(messages.en);
    this.name = 'UserError';
    this.code = code;
    this.messages = messages;
    this.data = data;
  }

  messageIn(locale: Locale): string {
    return this.messages[locale];
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
