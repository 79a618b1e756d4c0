/**
 * What an account's role and scope unit must look like, and the checks an
 * account manager passes before creating or changing one.
 */
import { isRowId } from "../ids";
import { db } from "../db";
import { AppError } from "../errors";
import { say } from "../i18n/translate";
import type { Role, UnitLevel } from "../generated/prisma/enums";
import { authorize, type Actor } from "../auth/authorize";
import { ASSIGNABLE_ROLES } from "../auth/policy";

const SCOPE_LEVELS: Record<Role, readonly UnitLevel[]> = {
  ADMIN: ["PROVINCE", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"],
  STEERING: ["PROVINCE", "DISTRICT"],
  WARD_OFFICIAL: ["WARD"],
  TEAM_LEADER: ["RESIDENTIAL_GROUP", "WARD"],
};

export interface ResolvedScope {
  scopeUnitId: number | null;
  teamId: number | null;
}

/**
 * Checks that the actor may give this role at this unit, and finds the unit
 * (and, for a team leader, the team they lead). Throws an AppError with the rule.
 */
export async function resolveAccountScope(actor: Actor, role: Role, scopeUnitCode: string): Promise<ResolvedScope> {
  if (!ASSIGNABLE_ROLES[actor.role].includes(role)) {
    throw new AppError("FORBIDDEN", "errors.roleNotGrantable", { role: { key: `roles.${role}` } });
  }
  if (scopeUnitCode === "") {
    if (role === "ADMIN" && actor.role === "ADMIN" && actor.scopeUnitId === null) return { scopeUnitId: null, teamId: null };
    throw new AppError("INVALID_INPUT", "errors.scopeMissing");
  }
  const unit = await db.adminUnit.findUnique({ where: { code: scopeUnitCode }, select: { id: true, level: true, validTo: true } });
  if (!unit || unit.validTo !== null) throw new AppError("INVALID_INPUT", "errors.scopeUnitUnknown", { code: scopeUnitCode });
  await authorize(actor, "users.manage", { unitId: unit.id });
  if (!SCOPE_LEVELS[role].includes(unit.level)) {
    throw new AppError("INVALID_INPUT", (locale) =>
      say(locale, "errors.scopeLevel", { role: { key: `roles.${role}` }, levels: SCOPE_LEVELS[role].map((level) => say(locale, `levels.${level}`)).join(say(locale, "errors.or")) }));
  }
  if (role !== "TEAM_LEADER") return { scopeUnitId: unit.id, teamId: null };
  const team = await db.team.findFirst({ where: { unitId: unit.id, active: true }, select: { id: true }, orderBy: { id: "asc" } });
  if (!team) throw new AppError("INVALID_INPUT", "errors.scopeNoTeam", { code: scopeUnitCode });
  return { scopeUnitId: unit.id, teamId: team.id };
}

/** Loads an account the actor may manage; outside the scope it does not exist for them. */
export async function findManageableUser(actor: Actor, userId: number) {
  const user = !isRowId(userId) ? null : await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, fullName: true, role: true, scopeUnitId: true, teamId: true, active: true, sessionVersion: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "errors.accountNotFound");
  await authorize(actor, "users.manage", { userId }, { hideExistence: true });
  if (!ASSIGNABLE_ROLES[actor.role].includes(user.role)) {
    throw new AppError("FORBIDDEN", "errors.roleNotChangeable", { role: { key: `roles.${user.role}` } });
  }
  return user;
}
