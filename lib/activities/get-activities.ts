/**
 * A team's activity records, for its page and for the edit form: only for
 * users whose scope holds the team (the members' names come with them).
 */
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, can, type Actor } from "../auth/authorize";
import { HELPED_FIELDS } from "../schemas/activity";
import { editRightOf } from "./edit-right";

const ACTIVITY_SELECT = {
  id: true,
  occurredOn: true,
  kind: true,
  place: true,
  helpedVneid: true,
  helpedSignature: true,
  helpedOnlineFiling: true,
  helpedCashless: true,
  helpedBankAccount: true,
  helpedHealthBook: true,
  helpedOther: true,
  procedures: true,
  appsInstalled: true,
  attendees: true,
  version: true,
  createdById: true,
  createdBy: true,
  createdAt: true,
  members: { select: { member: { select: { id: true, fullName: true } } } },
} as const;

type Row = { helpedVneid: number } & Record<(typeof HELPED_FIELDS)[number], number>;
export const residentsHelpedOf = (row: Row) => HELPED_FIELDS.reduce((sum, field) => sum + row[field], 0);

/** The team's latest records (most recent first). */
export async function listTeamActivities(actor: Actor, teamId: number, take = 20) {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { unitId: true } });
  if (!team) throw new AppError("NOT_FOUND", "errors.teamNotFound", { code: String(teamId) });
  await authorize(actor, "units.read", { unitId: team.unitId }, { hideExistence: true });
  const rows = await db.activity.findMany({ where: { teamId }, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], take, select: ACTIVITY_SELECT });
  const mayWrite = await can(actor, "activities.write", { teamId });
  return rows.map((row) => ({ ...row, residentsHelped: residentsHelpedOf(row), editRight: mayWrite ? editRightOf(actor, row) : null }));
}

/** One record with its team, for the edit form. */
export async function getActivityForEdit(actor: Actor, activityId: number) {
  const activity = Number.isInteger(activityId) && activityId > 0
    ? await db.activity.findUnique({ where: { id: activityId }, select: { ...ACTIVITY_SELECT, team: { select: { id: true, code: true, name: true, unitId: true } } } })
    : null;
  if (!activity) throw new AppError("NOT_FOUND", "errors.activityNotFound");
  await authorize(actor, "units.read", { unitId: activity.team.unitId }, { hideExistence: true });
  const mayWrite = await can(actor, "activities.write", { teamId: activity.team.id });
  return { ...activity, editRight: mayWrite ? editRightOf(actor, activity) : null };
}

/** The team's active members, to tick who took part. */
export async function activeMembersOf(teamId: number) {
  return db.teamMember.findMany({ where: { teamId, active: true }, orderBy: [{ role: "asc" }, { fullName: "asc" }], select: { id: true, fullName: true } });
}
