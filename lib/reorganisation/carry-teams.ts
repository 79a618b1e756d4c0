/**
 * Teams and people follow their units through a merge or a split: one active
 * team per unit stays true, no member is dropped, and accounts keep working.
 */
import type { Prisma } from "../db";
import type { AuditActor } from "../audit/write-audit-log";
import { writeAuditLog } from "../audit/write-audit-log";

type Tx = Prisma.TransactionClient;

export interface TeamChanges {
  /** Teams that now belong to the receiving unit. */
  moved: string[];
  /** Teams whose active members joined the receiver's team; they are kept, inactive, with their history. */
  merged: string[];
  membersMoved: number;
  /** Former leaders who arrive in a team that already has one: they become members. */
  leadersDemoted: number;
}

export const noTeamChanges = (): TeamChanges => ({ moved: [], merged: [], membersMoved: 0, leadersDemoted: 0 });

/**
 * The active teams of the units that end go to the receiver: the largest one
 * moves there if the receiver has none; the others' active members join the
 * receiver's team (a leader arriving where there is one becomes a member).
 */
export async function carryTeams(tx: Tx, actor: AuditActor, sourceIds: number[], receiverId: number, changes: TeamChanges): Promise<void> {
  const teams = await tx.$queryRaw<{ id: number; code: string; unit_id: number; members: number }[]>`
    SELECT t.id, t.code, t.unit_id, count(m.id)::int AS members
    FROM team t LEFT JOIN team_member m ON m.team_id = t.id AND m.active
    WHERE t.active AND t.unit_id = ANY(${sourceIds}::int[])
    GROUP BY t.id ORDER BY members DESC, t.id`;
  if (teams.length === 0) return;
  let receiverTeam = await tx.team.findFirst({ where: { unitId: receiverId, active: true }, select: { id: true, code: true } });
  const incoming = [...teams];
  if (!receiverTeam) {
    const first = incoming.shift()!;
    await tx.team.update({ where: { id: first.id }, data: { unitId: receiverId } });
    await writeAuditLog(tx, actor, { action: "teams.move", entityType: "team", entityId: first.id, unitId: receiverId, before: { unitId: first.unit_id }, after: { unitId: receiverId } });
    changes.moved.push(first.code);
    receiverTeam = { id: first.id, code: first.code };
  }
  for (const team of incoming) {
    const hasLeader = (await tx.teamMember.count({ where: { teamId: receiverTeam.id, active: true, role: "LEADER" } })) > 0;
    const demoted = hasLeader ? await tx.teamMember.count({ where: { teamId: team.id, active: true, role: "LEADER" } }) : 0;
    const moved = await tx.$executeRaw`
      UPDATE team_member SET team_id = ${receiverTeam.id}, updated_at = now(),
             role = CASE WHEN role = 'LEADER' AND ${hasLeader} THEN 'MEMBER'::"MemberRole" ELSE role END
      WHERE team_id = ${team.id} AND active`;
    await tx.team.update({ where: { id: team.id }, data: { active: false } });
    // Team leaders' accounts follow their members to the team that carries on.
    await tx.user.updateMany({ where: { teamId: team.id }, data: { teamId: receiverTeam.id } });
    await writeAuditLog(tx, actor, {
      action: "teams.merge",
      entityType: "team",
      entityId: team.id,
      unitId: team.unit_id,
      before: { code: team.code, active: true, members: team.members },
      after: { active: false, mergedInto: receiverTeam.code, membersMoved: moved, leadersBecameMembers: demoted },
    });
    changes.merged.push(team.code);
    changes.membersMoved += moved;
    changes.leadersDemoted += demoted;
  }
}

/** Accounts scoped to units that end now act on the unit that carries them on. */
export async function rescopeUsers(tx: Tx, actor: AuditActor, sourceIds: number[], receiverId: number): Promise<string[]> {
  const users = await tx.user.findMany({ where: { scopeUnitId: { in: sourceIds } }, select: { id: true, username: true, scopeUnitId: true } });
  for (const user of users) {
    await tx.user.update({ where: { id: user.id }, data: { scopeUnitId: receiverId } });
    await writeAuditLog(tx, actor, { action: "users.rescope", entityType: "user", entityId: user.id, unitId: receiverId, before: { scopeUnitId: user.scopeUnitId }, after: { scopeUnitId: receiverId } });
  }
  return users.map((user) => user.username);
}
