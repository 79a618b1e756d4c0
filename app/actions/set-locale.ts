"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale } from "@/lib/format";
import { LOCALE_COOKIE } from "@/lib/i18n/locale-cookie";
import { getCurrentUser } from "@/lib/auth/session";
import { saveUserLocale } from "@/lib/users/save-user-locale";

/** Switches the interface language; kept in a cookie and, when signed in, on the user. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await saveUserLocale(user, locale);
  revalidatePath("/", "layout");
}
