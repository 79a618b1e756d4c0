/**
 * The check every use case makes before it reads or writes: the role must
 * allow the operation, and the target must lie inside the user's scope. A
 * refusal is written to the audit log and thrown as a typed AppError, which
 * routes turn into 403 (or 404 where existence itself must not leak).
 */
import { db } from "../db";
import { AppError } from "../errors";
import { writeAuditLog } from "../audit/write-audit-log";
import type { Role } from "../generated/prisma/enums";
import { POLICY, roleAllows, type Operation } from "./policy";
import { isWithin } from "../units/tree-queries";

export interface Actor {
  id: number | null;
  username: string;
  role: Role;
  /** NULL only for an administrator of the whole country. */
  scopeUnitId: number | null;
  teamId?: number | null;
  /** The acting user's language, for the messages a use case returns; Vietnamese when absent (the command line). */
  locale?: string;
}

export type Target = { unitId: number } | { teamId: number } | { userId: number } | undefined;

/** True when the unit lies within the actor's scope. */
export async function isInScope(actor: Pick<Actor, "role" | "scopeUnitId">, unitId: number): Promise<boolean> {
  if (actor.role === "ADMIN" && actor.scopeUnitId === null) return true;
  if (actor.scopeUnitId === null) return false;
  return isWithin(actor.scopeUnitId, unitId);
}

/**
 * A team leader's own residential group: the unit of the team their account is
 * bound to, while that team is active. A commune-level team (at a ward) has no
 * group of its own: the ward's figures are the ward official's.
 */
async function isOwnGroup(actor: Actor, unitId: number): Promise<boolean> {
  if (!actor.teamId) return false;
  const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { unitId: true, active: true, unit: { select: { level: true } } } });
  return team !== null && team.active && team.unitId === unitId && team.unit.level === "RESIDENTIAL_GROUP";
}

async function allowed(actor: Actor, operation: Operation, target: Target): Promise<boolean> {
  if (!roleAllows(actor.role, operation)) return false;
  const rule = POLICY[operation];
  if (rule.scope === "global") return true;
  if (rule.scope === "self") return target === undefined || ("userId" in target && target.userId === actor.id);
  if (target === undefined) return false;
  if ("userId" in target) {
    const user = await db.user.findUnique({ where: { id: target.userId }, select: { scopeUnitId: true } });
    if (!user) return false;
    // An account without a scope (a national administrator) is above every scope but the country's.
    if (user.scopeUnitId === null) return actor.role === "ADMIN" && actor.scopeUnitId === null;
    return isInScope(actor, user.scopeUnitId);
  }
  if ("teamId" in target) {
    if (rule.scope === "team" && actor.role === "TEAM_LEADER") return actor.teamId === target.teamId;
    const team = await db.team.findUnique({ where: { id: target.teamId }, select: { unitId: true } });
    return team !== null && isInScope(actor, team.unitId);
  }
  if (rule.scope === "team" && actor.role === "TEAM_LEADER") return false;
  if (rule.scope === "group" && actor.role === "TEAM_LEADER") return isOwnGroup(actor, target.unitId);
  return isInScope(actor, target.unitId);
}

/** Of these units, the ones inside the actor's scope: one query for a whole import file. */
export async function unitsInScope(actor: Pick<Actor, "role" | "scopeUnitId">, unitIds: number[]): Promise<Set<number>> {
  if (actor.role === "ADMIN" && actor.scopeUnitId === null) return new Set(unitIds);
  if (actor.scopeUnitId === null || unitIds.length === 0) return new Set();
  const links = await db.adminUnitClosure.findMany({
    where: { ancestorId: actor.scopeUnitId, descendantId: { in: unitIds } },
    select: { descendantId: true },
  });
  return new Set(links.map((link) => link.descendantId));
}

export async function can(actor: Actor, operation: Operation, target?: Target): Promise<boolean> {
  return allowed(actor, operation, target);
}

/**
 * For listings whose query is itself limited to the actor's scope (the where
 * clause goes through the closure table): only the role needs checking here.
 */
export async function authorizeListing(actor: Actor, operation: Operation): Promise<void> {
  if (roleAllows(actor.role, operation) && (actor.scopeUnitId !== null || actor.role === "ADMIN")) return;
  await writeAuditLog(db, { id: actor.id, username: actor.username }, { action: "auth.denied", entityType: "operation", entityId: operation });
  throw new AppError("FORBIDDEN", "errors.listRefused");
}

/**
 * Throws FORBIDDEN (or NOT_FOUND with `hideExistence`) unless the actor may
 * perform the operation on the target, and records the refusal.
 */
export async function authorize(
  actor: Actor,
  operation: Operation,
  target?: Target,
  options: { hideExistence?: boolean } = {},
): Promise<void> {
  if (await allowed(actor, operation, target)) return;
  await writeAuditLog(db, { id: actor.id, username: actor.username }, {
    action: "auth.denied",
    entityType: "operation",
    entityId: operation,
    after: target ? (target as Record<string, number>) : undefined,
  });
  if (options.hideExistence) throw new AppError("NOT_FOUND", "errors.notFoundInScope");
  throw new AppError("FORBIDDEN", "errors.unitRefused");
}
