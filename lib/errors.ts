/**
 * Failures a use case reports on purpose; routes map the code to an HTTP
 * status and show the message. The message is a catalogue key with its
 * values, so that the boundary which knows the reader (an action, a page, the
 * API) says it in the reader's language; `message` itself is the Vietnamese
 * text, for logs, the command line and anyone who does not ask.
 */
import { DEFAULT_LOCALE, type Locale } from "./format";
import { say, type MessageKey, type MessageValues } from "./i18n/translate";

export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "INVALID_INPUT" | "CONFLICT";

/** A message that cannot be one key (several rule messages joined): it is built for the language asked. */
export type LocalisedText = (locale: Locale) => string;

export class AppError extends Error {
  private readonly text: LocalisedText;

  constructor(
    readonly code: AppErrorCode,
    key: MessageKey | LocalisedText,
    values: MessageValues = {},
  ) {
    const text: LocalisedText = typeof key === "function" ? key : (locale) => say(locale, key, values);
    super(text(DEFAULT_LOCALE));
    this.text = text;
    this.name = "AppError";
  }

  /** The message in the reader's language. */
  messageIn(locale: Locale): string {
    return this.text(locale);
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  CONFLICT: 409,
};
