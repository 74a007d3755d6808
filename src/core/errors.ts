/**
 * Errors meant for a person: a code for programs and one clear sentence per locale
 * (which file, what is wrong, what to do). Hosts print the message, never a stack trace.
 */
import type { Locale, LocalisedText } from './report';

export class UserError extends Error {
  readonly code: string;
  readonly messages: LocalisedText;

  constructor(code: string, messages: LocalisedText) {
    super(messages.en);
    this.name = 'UserError';
    this.code = code;
    this.messages = messages;
  }

  messageIn(locale: Locale): string {
    return this.messages[locale];
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
