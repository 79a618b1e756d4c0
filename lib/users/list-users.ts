import "server-only";
import { db } from "../db";
import { authorizeListing, type Actor } from "../auth/authorize";
import { findManageableUser } from "./account-scope";
import { compareVietnamese } from "../text";

const accountSelect = {
  id: true,
  username: true,
  fullName: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  scopeUnit: { select: { code: true, name: true, kind: true } },
} as const;

/** The accounts whose scope lies within the actor's; a national administrator sees all. */
export async function listUsers(actor: Actor) {
  await authorizeListing(actor, "users.manage");
  const users = await db.user.findMany({
    where: actor.scopeUnitId === null ? {} : { scopeUnit: { ancestors: { some: { ancestorId: actor.scopeUnitId } } } },
    select: accountSelect,
  });
  return users.sort((a, b) => compareVietnamese(a.username, b.username));
}

export async function getManagedUser(actor: Actor, userId: number) {
  const user = await findManageableUser(actor, userId);
  const details = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { ...accountSelect, createdAt: true, team: { select: { code: true, name: true } } },
  });
  return details;
}
