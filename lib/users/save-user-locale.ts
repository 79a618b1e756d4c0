import "server-only";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Locale } from "../format";

/** A user may change only their own language preference. */
export async function saveUserLocale(user: SessionUser, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { locale } });
}
