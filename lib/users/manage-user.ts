/** Changes to an existing account by an administrator or a steering committee within its scope. */
import { db } from "../db";
import { AppError } from "../errors";
import { writeAuditLog } from "../audit/write-audit-log";
import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/authorize";
import { changeScopeSchema, fieldErrorsOf } from "../schemas/user";
import { findManageableUser, resolveAccountScope } from "./account-scope";
import { temporaryPassword } from "./temporary-password";
import { languageOf, translator } from "../i18n/translate";

/** A new one-time password; every session of the account ends. */
export async function resetUserPassword(actor: Actor, userId: number) {
  const user = await findManageableUser(actor, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await writeAuditLog(tx, actor, { action: "users.reset_password", entityType: "user", entityId: user.id, unitId: user.scopeUnitId });
  });
  return { ok: true as const, username: user.username, temporaryPassword: password };
}

/** Deactivating ends the account's sessions at its next request; nothing is deleted. */
export async function setUserActive(actor: Actor, userId: number, active: boolean) {
  const user = await findManageableUser(actor, userId);
  if (user.id === actor.id && !active) throw new AppError("INVALID_INPUT", "errors.selfLock");
  if (user.active === active) return { ok: true as const, changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) } });
    await writeAuditLog(tx, actor, {
      action: active ? "users.activate" : "users.deactivate",
      entityType: "user",
      entityId: user.id,
      unitId: user.scopeUnitId,
      before: { active: user.active },
      after: { active },
    });
  });
  return { ok: true as const, changed: true };
}

/** Moves an account to another role or scope; both the old and the new scope must be the actor's. */
export async function changeUserScope(actor: Actor, userId: number, input: unknown) {
  const user = await findManageableUser(actor, userId);
  const parsed = changeScopeSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false as const, status: 400, message: translator(languageOf(actor))("rules.scopeInvalid"), fieldErrors: fieldErrorsOf(parsed.error, languageOf(actor)) };
  }
  if (user.id === actor.id) throw new AppError("INVALID_INPUT", "errors.selfScope");
  const scope = await resolveAccountScope(actor, parsed.data.role, parsed.data.scopeUnitCode);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: parsed.data.role, ...scope } });
    await writeAuditLog(tx, actor, {
      action: "users.change_scope",
      entityType: "user",
      entityId: user.id,
      unitId: scope.scopeUnitId,
      before: { role: user.role, scopeUnitId: user.scopeUnitId, teamId: user.teamId },
      after: { role: parsed.data.role, ...scope },
    });
  });
  return { ok: true as const };
}
