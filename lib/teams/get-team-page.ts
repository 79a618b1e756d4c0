import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, can, type Actor } from "../auth/authorize";
import { TEAM_HEADER_SELECT } from "./team-select";

/** A team and its whole member list (inactive members too), for users whose scope contains the team. */
export async function getTeamPage(actor: Actor, code: string) {
  const team = await db.team.findUnique({
    where: { code },
    select: {
      ...TEAM_HEADER_SELECT,
      unit: { select: { id: true, code: true, name: true, kind: true } },
      members: {
        orderBy: [{ active: "desc" }, { role: "asc" }, { fullName: "asc" }],
        select: { id: true, fullName: true, role: true, affiliation: true, birthYear: true, gender: true, phone: true, trainedOn: true, active: true, version: true },
      },
    },
  });
  if (!team) throw new AppError("NOT_FOUND", "errors.teamNotFound", { code });
  // Personal data below: only for users whose scope contains the team.
  await authorize(actor, "units.read", { unitId: team.unit.id }, { hideExistence: true });
  return {
    ...team,
    canEdit: await can(actor, "members.write", { teamId: team.id }),
    canLogActivities: await can(actor, "activities.write", { teamId: team.id }),
    canManageTeam: await can(actor, "teams.write", { unitId: team.unit.id }),
  };
}

export type TeamPage = Awaited<ReturnType<typeof getTeamPage>>;
