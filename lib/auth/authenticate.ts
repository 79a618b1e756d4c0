/**
 * Checks a username and password at sign-in: throttled, timed the same for
 * known and unknown usernames, and recorded in the audit log either way.
 */
import { hasControlCharacters } from "../http/control-characters";
import { db } from "../db";
import { normalizeName } from "../text";
import { isLocale } from "../format";
import { writeAuditLog } from "../audit/write-audit-log";
import { hashPassword, verifyPassword } from "./password";
import { recordSignInAttempt, SignInThrottledError, throttledUntil } from "./sign-in-throttle";

export interface AuthenticatedUser {
  id: string;
  name: string;
  sessionVersion: number;
}

// Verifying against a real hash when the user does not exist keeps the response
// time the same, so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;

export function normalizeUsername(value: string): string {
  return normalizeName(value).toLowerCase().slice(0, 100);
}

/**
 * Returns the user, null for a wrong username or password, or throws SignInThrottledError.
 * A language chosen on the sign-in page becomes the user's language, which every page and message then follows.
 */
export async function authenticate(usernameInput: unknown, passwordInput: unknown, ipAddress = "unknown", chosenLocale?: string): Promise<AuthenticatedUser | null> {
  if (typeof usernameInput !== "string" || typeof passwordInput !== "string") return null;
  // No account name holds a control character; PostgreSQL would refuse a NUL in the lookup.
  if (hasControlCharacters(usernameInput)) return null;
  const username = normalizeUsername(usernameInput);
  const password = passwordInput.slice(0, 200);
  if (!username || !password) return null;

  const retryAt = await throttledUntil(username, ipAddress);
  if (retryAt) {
    await writeAuditLog(db, { id: null, username }, { action: "auth.sign_in_throttled", entityType: "user", reason: `until ${retryAt.toISOString()} from ${ipAddress}` });
    throw new SignInThrottledError(retryAt);
  }

  const user = await db.user.findUnique({ where: { username } });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  const ok = Boolean(user && user.active && valid);

  await recordSignInAttempt(username, ipAddress, ok);
  await writeAuditLog(db, user && ok ? { id: user.id, username: user.username } : { id: null, username }, {
    action: ok ? "auth.sign_in" : "auth.sign_in_failed",
    entityType: "user",
    entityId: user?.id ?? null,
    reason: ok ? `from ${ipAddress}` : `${!user ? "unknown user" : !user.active ? "inactive" : "wrong password"} from ${ipAddress}`,
  });
  if (!user || !ok) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), ...(isLocale(chosenLocale) ? { locale: chosenLocale } : {}) } });
  return { id: String(user.id), name: user.fullName, sessionVersion: user.sessionVersion };
}
