/** A team leader's own residential group: where their home page sends them to report. */
import "server-only";
import { db } from "../db";
import { can, type Actor } from "../auth/authorize";

export async function ownGroupOf(actor: Actor) {
  if (actor.role !== "TEAM_LEADER" || !actor.teamId) return null;
  const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { code: true, unit: { select: { id: true, code: true, name: true, kind: true } } } });
  if (!team || !(await can(actor, "values.write", { unitId: team.unit.id }))) return null;
  return { teamCode: team.code, unit: team.unit };
}
