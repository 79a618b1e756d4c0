/**
 * A team's activity record: logged by the team's leader for their own team or
 * by the ward for any team of the ward; editable by its author for 7 days,
 * then corrected only by the ward (or an administrator) with a reason. Every
 * change is audited; a record sent twice (a phone's queue after a lost answer)
 * is written once; an edit typed over an older copy is a conflict.
 */
import { db, Prisma } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { fieldErrorsOf } from "../schemas/user";
import { activitySchema, correctionReasonSchema, COUNT_FIELDS, type ActivityInput } from "../schemas/activity";
import { languageOf, translator } from "../i18n/translate";
import { parsePeriodCode, periodOfDate, vietnamDate } from "../periods";
import { racedReplay, recordRequest, replayOf, requestIdOf } from "../write-requests";
import { AUTHOR_EDIT_DAYS, editRightOf } from "./edit-right";
import { syncResidentsHelped } from "./residents-helped";

type Failure = { ok: false; status: 400; message: string; fieldErrors: Record<string, string[]> };
type Stored = Prisma.ActivityGetPayload<{ include: { members: { select: { memberId: true } } } }>;

export interface ActivityWriteOptions {
  requestId?: string;
  /** The record's version the edit was typed over. */
  version?: number;
  /** Why, when the ward corrects a record after the author's week or someone else's record. */
  reason?: string;
  now?: Date;
}

const snapshot = (activity: Stored) => ({
  teamId: activity.teamId,
  occurredOn: activity.occurredOn.toISOString().slice(0, 10),
  kind: activity.kind,
  place: activity.place,
  ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, activity[field]])),
  attendees: activity.attendees,
  memberIds: activity.members.map((member) => member.memberId).sort((a, b) => a - b),
});

function fail(actor: Actor, fieldErrors: Record<string, string[]>): Failure {
  return { ok: false, status: 400, message: translator(languageOf(actor))("rules.activityInvalid"), fieldErrors };
}

async function teamOf(actor: Actor, teamCode: string) {
  const team = await db.team.findUnique({ where: { code: String(teamCode ?? "").trim() }, select: { id: true, code: true, unitId: true, active: true, foundedOn: true } });
  if (!team) throw new AppError("NOT_FOUND", "errors.teamNotFound", { code: teamCode });
  await authorize(actor, "activities.write", { teamId: team.id });
  return team;
}

/** The input checked against the rules, the team's founding date and its member list (one record here, every line of a batch in log-activities.ts). */
export async function checkActivity(actor: Actor, team: { id: number; foundedOn: Date | null }, input: unknown, now: Date): Promise<{ ok: true; data: ActivityInput } | Failure> {
  const parsed = activitySchema(vietnamDate(now)).safeParse(input);
  if (!parsed.success) return fail(actor, fieldErrorsOf(parsed.error, languageOf(actor)));
  const data = parsed.data as ActivityInput;
  const t = translator(languageOf(actor));
  const founded = team.foundedOn?.toISOString().slice(0, 10);
  if (founded && data.occurredOn < founded) return fail(actor, { occurredOn: [t("rules.activityBeforeFounded", { date: founded.split("-").reverse().join("/") })] });
  const memberIds = [...new Set(data.memberIds)];
  if (memberIds.length > 0) {
    const found = await db.teamMember.findMany({ where: { id: { in: memberIds }, teamId: team.id, active: true }, select: { id: true } });
    if (found.length !== memberIds.length) return fail(actor, { memberIds: [t("rules.activityMembersOfTeam")] });
  }
  return { ok: true, data: { ...data, memberIds } };
}

/** A checked record as the activity table's columns. */
export const activityColumns = (data: ActivityInput) => ({
  occurredOn: new Date(`${data.occurredOn}T00:00:00Z`),
  kind: data.kind,
  place: data.place,
  attendees: data.attendees,
  ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, data[field]])),
});

/** An add sent again: the record as it stands now (an edit since may have raised its version). */
async function replayedAdd(activityId: number) {
  const stored = await db.activity.findUnique({ where: { id: activityId }, select: { version: true } });
  return { ok: true as const, activityId, version: stored?.version ?? 1, replayed: true };
}

export async function logActivity(actor: Actor & { fullName?: string }, teamCode: string, input: unknown, options: ActivityWriteOptions = {}) {
  const requestId = requestIdOf(options.requestId);
  const team = await teamOf(actor, teamCode);
  const earlier = await replayOf(db, requestId);
  if (earlier !== null) return replayedAdd(earlier);
  if (!team.active) throw new AppError("INVALID_INPUT", "errors.teamInactiveNoActivities");
  const checked = await checkActivity(actor, team, input, options.now ?? new Date());
  if (!checked.ok) return checked;
  try {
    const created = await db.$transaction(async (tx) => {
      const activity = await tx.activity.create({
        data: { ...activityColumns(checked.data), teamId: team.id, unitId: team.unitId, createdById: actor.id, createdBy: actor.username, members: { create: checked.data.memberIds.map((memberId) => ({ memberId })) } },
        include: { members: { select: { memberId: true } } },
      });
      await recordRequest(tx, requestId, "activity", activity.id);
      await syncResidentsHelped(tx, actor, team.unitId, [parsePeriodCode(checked.data.occurredOn.slice(0, 7))!]);
      await writeAuditLog(tx, actor, { action: "activities.add", entityType: "activity", entityId: activity.id, unitId: team.unitId, after: snapshot(activity) });
      return activity;
    });
    return { ok: true as const, activityId: created.id, version: created.version, replayed: false };
  } catch (error) {
    const raced = await racedReplay(db, error, requestId);
    if (raced !== null) return replayedAdd(raced);
    throw error;
  }
}

export type ActivityConflict = { ok: false; status: 409; message: string; conflict: { activity: ReturnType<typeof snapshot> & { version: number; updatedAt: string } } };

export async function editActivity(actor: Actor, activityId: number, input: unknown, options: ActivityWriteOptions = {}) {
  const requestId = requestIdOf(options.requestId);
  const now = options.now ?? new Date();
  const existing = Number.isInteger(activityId) && activityId > 0 ? await db.activity.findUnique({ where: { id: activityId }, select: { id: true, teamId: true, team: { select: { code: true } } } }) : null;
  if (!existing) throw new AppError("NOT_FOUND", "errors.activityNotFound");
  const team = await teamOf(actor, existing.team.code);
  const checked = await checkActivity(actor, team, input, now);
  if (!checked.ok) return checked;
  return db.$transaction(async (tx): Promise<{ ok: true; activityId: number; version: number; replayed: boolean } | ActivityConflict> => {
    const [locked] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM activity WHERE id = ${existing.id} FOR UPDATE`;
    if ((await replayOf(tx, requestId)) !== null) return { ok: true, activityId: existing.id, version: locked.version, replayed: true };
    const before = await tx.activity.findUniqueOrThrow({ where: { id: existing.id }, include: { members: { select: { memberId: true } } } });
    const right = editRightOf(actor, before, now);
    if (right === null) throw new AppError("FORBIDDEN", "errors.activityEditWeek", { days: AUTHOR_EDIT_DAYS });
    let reason: string | null = null;
    if (right === "correction") {
      const parsed = correctionReasonSchema.safeParse(options.reason ?? "");
      if (!parsed.success) throw new AppError("INVALID_INPUT", "errors.activityCorrectionReason");
      reason = parsed.data;
    }
    if (options.version !== undefined && options.version !== before.version) {
      const t = translator(languageOf(actor));
      return { ok: false, status: 409, message: t("errors.activityChangedMeanwhile"), conflict: { activity: { ...snapshot(before), version: before.version, updatedAt: before.updatedAt.toISOString() } } };
    }
    await tx.activityMember.deleteMany({ where: { activityId: before.id } });
    const updated = await tx.activity.update({
      where: { id: before.id },
      data: { ...activityColumns(checked.data), version: { increment: 1 }, members: { create: checked.data.memberIds.map((memberId) => ({ memberId })) } },
      include: { members: { select: { memberId: true } } },
    });
    await recordRequest(tx, requestId, "activity", before.id);
    // A record moved to another month changes both months' figures; it stays on the unit it was logged for.
    await syncResidentsHelped(tx, actor, before.unitId, [periodOfDate(before.occurredOn), parsePeriodCode(checked.data.occurredOn.slice(0, 7))!]);
    await writeAuditLog(tx, actor, { action: right === "author" ? "activities.update" : "activities.correct", entityType: "activity", entityId: before.id, unitId: before.unitId, before: snapshot(before), after: snapshot(updated), reason });
    return { ok: true, activityId: before.id, version: updated.version, replayed: false };
  });
}
