/**
 * next-intl without locale routing: the language is a per-user choice kept in a
 * cookie (and, once signed in, on the user), so links stay the same in both
 * languages and can be shared in a meeting.
 */
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "../format";

export const LOCALE_COOKIE = "locale";

export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "Asia/Ho_Chi_Minh",
    // dd/MM/yyyy in both languages, on Vietnam's clock.
    formats: {
      dateTime: {
        date: { day: "2-digit", month: "2-digit", year: "numeric" },
        dateTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
        dateTimeSeconds: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" },
      },
    },
  };
});
