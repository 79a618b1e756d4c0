import { db, Prisma } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";
import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/authorize";
import { createUserSchema, fieldErrorsOf } from "../schemas/user";
import { resolveAccountScope } from "./account-scope";
import { temporaryPassword } from "./temporary-password";
import { languageOf, say, translator } from "../i18n/translate";

export type CreateUserResult =
  | { ok: true; userId: number; username: string; temporaryPassword: string }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/** Creates an account in the actor's scope with a one-time password, to be changed at first sign-in. */
export async function createUser(actor: Actor, input: unknown): Promise<CreateUserResult> {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, status: 400, message: translator(languageOf(actor))("rules.accountInvalid"), fieldErrors: fieldErrorsOf(parsed.error, languageOf(actor)) };
  }
  const { username, fullName, role, scopeUnitCode } = parsed.data;
  const scope = await resolveAccountScope(actor, role, scopeUnitCode);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { username, fullName, role, ...scope, passwordHash, mustChangePassword: true, createdById: actor.id },
      });
      await writeAuditLog(tx, actor, {
        action: "users.create",
        entityType: "user",
        entityId: created.id,
        unitId: scope.scopeUnitId,
        after: { username, fullName, role, scopeUnitCode },
      });
      return created;
    });
    return { ok: true, userId: user.id, username, temporaryPassword: password };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const locale = languageOf(actor);
      return { ok: false, status: 409, message: say(locale, "errors.usernameTaken", { username }), fieldErrors: { username: [say(locale, "errors.usernameTakenField")] } };
    }
    throw error;
  }
}
