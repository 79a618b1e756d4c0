/**
 * next-intl without locale routing: the language is a per-user choice kept in a
 * cookie and, once signed in, on the user, so links stay the same in both
 * languages and can be shared in a meeting. Signed in, the user's saved
 * choice applies on every device (a choice made on the sign-in page is saved
 * at sign-in), so pages and the messages of actions (lib/i18n/translate.ts)
 * speak the same language; signed out, the cookie does.
 */
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../format";
import { getCurrentUser } from "../auth/session";
import { LOCALE_COOKIE } from "./locale-cookie";


export default getRequestConfig(async () => {
  const user = await getCurrentUser();
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(user?.locale) ? user.locale : isLocale(stored) ? stored : DEFAULT_LOCALE;
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

