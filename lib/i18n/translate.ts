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
