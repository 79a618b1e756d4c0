import { db } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";
import { authorize, type Actor } from "../auth/authorize";
import { hashPassword, verifyPassword } from "../auth/password";
import { changePasswordSchema, fieldErrorsOf } from "../schemas/user";
import { languageOf, say, translator } from "../i18n/translate";

/** The user replaces their password (required after an administrator set it). */
export async function changeOwnPassword(actor: Actor & { id: number }, input: unknown) {
  await authorize(actor, "profile.update", { userId: actor.id });
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false as const, status: 400, message: translator(languageOf(actor))("rules.passwordInvalid"), fieldErrors: fieldErrorsOf(parsed.error, languageOf(actor)) };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, username: true } });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    const message = say(languageOf(actor), "errors.wrongPassword");
    return { ok: false as const, status: 400, message, fieldErrors: { currentPassword: [message] } };
  }
  if (parsed.data.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
    const message = say(languageOf(actor), "errors.passwordHasUsername");
    return { ok: false as const, status: 400, message, fieldErrors: { newPassword: [message] } };
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    await writeAuditLog(tx, actor, { action: "users.change_own_password", entityType: "user", entityId: actor.id });
  });
  return { ok: true as const };
}
