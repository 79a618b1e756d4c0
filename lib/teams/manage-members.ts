/**
 * The member list of a team: add, edit, deactivate, move to another team.
 * Every change checks members.write on the team(s) touched and is audited
 * with before and after. Nothing is deleted: a member who leaves is deactivated.
 */
import { isRowId } from "../ids";
import { db } from "../db";
import { racedReplay, recordRequest, replayOf, requestIdOf } from "../write-requests";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { memberSnapshot, type AuditedMember } from "./member-snapshot";
import { fieldErrorsOf } from "../schemas/user";
import { memberSchema, type MemberInput } from "../schemas/member";
import { languageOf, translator } from "../i18n/translate";

type Failure = { ok: false; status: 400; message: string; fieldErrors: Record<string, string[]> };

async function teamByCode(actor: Actor, code: string) {
  const team = await db.team.findUnique({ where: { code }, select: { id: true, code: true, unitId: true, active: true } });
  if (!team) throw new AppError("NOT_FOUND", "errors.teamNotFound", { code });
  await authorize(actor, "members.write", { teamId: team.id });
  return team;
}

async function memberById(actor: Actor, memberId: number) {
  const member = isRowId(memberId) ? await db.teamMember.findUnique({ where: { id: memberId } }) : null;
  if (!member) throw new AppError("NOT_FOUND", "errors.memberNotFound");
  await authorize(actor, "members.write", { teamId: member.teamId });
  return member;
}

function parse(actor: Actor, input: unknown): { ok: true; data: MemberInput } | Failure {
  const parsed = memberSchema().safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, status: 400, message: translator(languageOf(actor))("rules.memberInvalid"), fieldErrors: fieldErrorsOf(parsed.error, languageOf(actor)) };
}

/** A team has at most one active leader: the committees ask "who leads this team?". */
async function assertSingleLeader(teamId: number, role: string, exceptMemberId?: number) {
  if (role !== "LEADER") return;
  const leader = await db.teamMember.findFirst({ where: { teamId, role: "LEADER", active: true, NOT: exceptMemberId ? { id: exceptMemberId } : undefined } });
  if (leader) throw new AppError("CONFLICT", "errors.teamHasLeader", { name: leader.fullName });
}

const dateOrNull = (value: string | null) => (value ? new Date(value) : null);

/**
 * How a write from a form or the device's queue is recognised when it is sent
 * again after a lost answer (requestId), and which copy of the member it was
 * typed over (version): an edit made from an older copy is a conflict, never
 * a silent overwrite of a colleague's later change.
 */
export interface WriteOptions {
  requestId?: string;
  version?: number;
}

/** The member's card as the form shows it, for the conflict panel. */
export const memberCard = (member: AuditedMember & { id: number; version: number; updatedAt: Date }) => ({
  ...memberSnapshot(member),
  id: member.id,
  version: member.version,
  updatedAt: member.updatedAt.toISOString(),
});

export type MemberConflict = { ok: false; status: 409; message: string; conflict: { member: ReturnType<typeof memberCard> } };

async function replayedAdd(memberId: number) {
  const member = await db.teamMember.findUnique({ where: { id: memberId }, select: { version: true } });
  return { ok: true as const, memberId, version: member?.version ?? 1, replayed: true };
}

export async function addMember(actor: Actor, teamCode: string, input: unknown, options: WriteOptions = {}) {
  const requestId = requestIdOf(options.requestId);
  const team = await teamByCode(actor, teamCode);
  const earlier = await replayOf(db, requestId);
  // Sent again after a lost answer: it was added once, and that is the answer.
  if (earlier !== null) return replayedAdd(earlier);
  if (!team.active) throw new AppError("INVALID_INPUT", "errors.teamInactiveNoMembers");
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  await assertSingleLeader(team.id, parsed.data.role);
  try {
    const member = await db.$transaction(async (tx) => {
      const created = await tx.teamMember.create({ data: { ...parsed.data, trainedOn: dateOrNull(parsed.data.trainedOn), teamId: team.id } });
      // The request id's primary key: the same add racing itself is refused here and answered below.
      await recordRequest(tx, requestId, "team_member", created.id);
      await writeAuditLog(tx, actor, { action: "members.add", entityType: "team_member", entityId: created.id, unitId: team.unitId, after: memberSnapshot(created) });
      return created;
    });
    return { ok: true as const, memberId: member.id, version: member.version, replayed: false };
  } catch (error) {
    const raced = await racedReplay(db, error, requestId);
    if (raced !== null) return replayedAdd(raced);
    throw error;
  }
}

export async function updateMember(actor: Actor, memberId: number, input: unknown, options: WriteOptions = {}) {
  const requestId = requestIdOf(options.requestId);
  const member = await memberById(actor, memberId);
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  return db.$transaction(async (tx): Promise<{ ok: true; memberId: number; version: number; replayed: boolean } | MemberConflict> => {
    // Locks the member: two saves of the same card queue here and see each other's version.
    const [current] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM team_member WHERE id = ${member.id} FOR UPDATE`;
    if ((await replayOf(tx, requestId)) !== null) return { ok: true, memberId: member.id, version: current.version, replayed: true };
    const fresh = await tx.teamMember.findUniqueOrThrow({ where: { id: member.id } });
    if (options.version !== undefined && options.version !== fresh.version) {
      const t = translator(languageOf(actor));
      return { ok: false, status: 409, message: t("errors.memberChangedMeanwhile", { name: fresh.fullName }), conflict: { member: memberCard(fresh) } };
    }
    if (fresh.active) await assertSingleLeader(fresh.teamId, parsed.data.role, fresh.id);
    const updated = await tx.teamMember.update({ where: { id: fresh.id }, data: { ...parsed.data, trainedOn: dateOrNull(parsed.data.trainedOn), version: { increment: 1 } } });
    await recordRequest(tx, requestId, "team_member", fresh.id);
    await writeAuditLog(tx, actor, { action: "members.update", entityType: "team_member", entityId: fresh.id, before: memberSnapshot(fresh), after: memberSnapshot(updated) });
    return { ok: true, memberId: member.id, version: updated.version, replayed: false };
  });
}

export async function setMemberActive(actor: Actor, memberId: number, active: boolean) {
  const member = await memberById(actor, memberId);
  if (active) await assertSingleLeader(member.teamId, member.role, member.id);
  await db.$transaction(async (tx) => {
    await tx.teamMember.update({ where: { id: member.id }, data: { active, version: { increment: 1 } } });
    await writeAuditLog(tx, actor, { action: active ? "members.activate" : "members.deactivate", entityType: "team_member", entityId: member.id, before: { active: member.active }, after: { active } });
  });
  return { ok: true as const };
}

/** Moves a member to another team; the user must keep both teams' lists. A leader arrives as a plain member. */
export async function moveMember(actor: Actor, memberId: number, targetTeamCode: string) {
  const member = await memberById(actor, memberId);
  const target = await teamByCode(actor, targetTeamCode.trim());
  if (target.id === member.teamId) throw new AppError("INVALID_INPUT", "errors.memberAlreadyInTeam");
  if (!target.active) throw new AppError("INVALID_INPUT", "errors.receivingTeamInactive");
  await db.$transaction(async (tx) => {
    const moved = await tx.teamMember.update({ where: { id: member.id }, data: { teamId: target.id, role: member.role === "LEADER" ? "MEMBER" : member.role, version: { increment: 1 } } });
    await writeAuditLog(tx, actor, { action: "members.move", entityType: "team_member", entityId: member.id, unitId: target.unitId, before: memberSnapshot(member), after: memberSnapshot(moved) });
  });
  return { ok: true as const };
}
