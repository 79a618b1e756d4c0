/**
 * The member list of a team: add, edit, deactivate, move to another team.
 * Every change checks members.write on the team(s) touched and is audited
 * with before and after. Nothing is deleted: a member who leaves is deactivated.
 */
import { isRowId } from "../ids";
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { memberSnapshot } from "./member-snapshot";
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

export async function addMember(actor: Actor, teamCode: string, input: unknown) {
  const team = await teamByCode(actor, teamCode);
  if (!team.active) throw new AppError("INVALID_INPUT", "errors.teamInactiveNoMembers");
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  await assertSingleLeader(team.id, parsed.data.role);
  const member = await db.$transaction(async (tx) => {
    const created = await tx.teamMember.create({ data: { ...parsed.data, trainedOn: dateOrNull(parsed.data.trainedOn), teamId: team.id } });
    await writeAuditLog(tx, actor, { action: "members.add", entityType: "team_member", entityId: created.id, unitId: team.unitId, after: memberSnapshot(created) });
    return created;
  });
  return { ok: true as const, memberId: member.id };
}

export async function updateMember(actor: Actor, memberId: number, input: unknown) {
  const member = await memberById(actor, memberId);
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  if (member.active) await assertSingleLeader(member.teamId, parsed.data.role, member.id);
  await db.$transaction(async (tx) => {
    const updated = await tx.teamMember.update({ where: { id: member.id }, data: { ...parsed.data, trainedOn: dateOrNull(parsed.data.trainedOn) } });
    await writeAuditLog(tx, actor, { action: "members.update", entityType: "team_member", entityId: member.id, before: memberSnapshot(member), after: memberSnapshot(updated) });
  });
  return { ok: true as const };
}

export async function setMemberActive(actor: Actor, memberId: number, active: boolean) {
  const member = await memberById(actor, memberId);
  if (active) await assertSingleLeader(member.teamId, member.role, member.id);
  await db.$transaction(async (tx) => {
    await tx.teamMember.update({ where: { id: member.id }, data: { active } });
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
    const moved = await tx.teamMember.update({ where: { id: member.id }, data: { teamId: target.id, role: member.role === "LEADER" ? "MEMBER" : member.role } });
    await writeAuditLog(tx, actor, { action: "members.move", entityType: "team_member", entityId: member.id, unitId: target.unitId, before: memberSnapshot(member), after: memberSnapshot(moved) });
  });
  return { ok: true as const };
}
