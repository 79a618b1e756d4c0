/** Checks a username and password at sign-in, and records the attempt in the audit log. */
import { db } from "../db";
import { normalizeName } from "../text";
import { writeAuditLog } from "../audit/write-audit-log";
import { hashPassword, verifyPassword } from "./password";

export interface AuthenticatedUser {
  id: string;
  name: string;
}

// Verifying against a real hash when the user does not exist keeps the response
// time the same, so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;

export async function authenticate(usernameInput: unknown, passwordInput: unknown): Promise<AuthenticatedUser | null> {
  if (typeof usernameInput !== "string" || typeof passwordInput !== "string") return null;
  const username = normalizeName(usernameInput).toLowerCase().slice(0, 100);
  const password = passwordInput.slice(0, 200);
  if (!username || !password) return null;

  const user = await db.user.findUnique({ where: { username } });
  decoyHash ??= hashPassword("decoy-password-for-timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  const ok = Boolean(user && user.active && valid);

  await writeAuditLog(db, user && ok ? { id: user.id, username: user.username } : { id: null, username }, {
    action: ok ? "auth.sign_in" : "auth.sign_in_failed",
    entityType: "user",
    entityId: user?.id ?? null,
    reason: ok ? null : !user ? "unknown user" : !user.active ? "inactive" : "wrong password",
  });
  if (!user || !ok) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: String(user.id), name: user.fullName };
}
