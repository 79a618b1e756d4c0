/**
 * Messages outside a page's rendering: the results of server actions, rule
 * checks and refusals, in the acting user's language (their saved choice,
 * which the pages follow too; see request.ts). Works without a request, so
 * the use cases and their tests can call it.
 */
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../format";
import vi from "./messages/vi.json";
import en from "./messages/en.json";

const CATALOGUES = { vi, en } as const;

export function languageOf(user: { locale?: string | null } | null | undefined): Locale {
  return isLocale(user?.locale) ? user.locale : DEFAULT_LOCALE;
}

/** `t("errors.fileMissing")` in the given language; keys are typed from the Vietnamese catalogue. */
export function translator(locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: CATALOGUES[locale] as typeof vi, timeZone: "Asia/Ho_Chi_Minh" });
}

/** Any message of the catalogue, as a dotted key ("errors.network"). */
export type MessageKey = Parameters<ReturnType<typeof translator>>[0];

/** A value of a message: text or a number as is, or another catalogue entry (a role's name) said in the same language. */
export type MessageValue = string | number | { key: MessageKey };
export type MessageValues = Record<string, MessageValue>;

export function say(locale: Locale, key: MessageKey, values: MessageValues = {}): string {
  const t = translator(locale);
  const resolved = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "object" ? t(value.key) : value]),
  );
  return t(key, resolved as Record<string, string | number>);
}

