/**
 * Who has reported for a ward and a month: the ward's own one-stop-office figures
 * and each residential group's, with the report state. For the groups that have
 * not reported, the team leader's name and phone so the official can call them.
 */
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import { can } from "../auth/authorize";
import { compareVietnamese } from "../text";
import type { ReportStatus } from "../generated/prisma/enums";
import { findReportUnit, reportPeriod } from "./save-period-report";
import { addMonths } from "../periods";
import { dayBefore, firstDayOf } from "../reorganisation/map-changes";

export interface CompletenessRow {
  code: string;
  name: string;
  kind: string;
  level: "WARD" | "RESIDENTIAL_GROUP";
  status: ReportStatus | null;
  figures: number;
  updatedAt: Date | null;
  /** Who last saved the month's figures, and in which role (a team leader's own report, or the ward's). */
  updatedBy: { fullName: string; role: string } | null;
  leader: { fullName: string; phone: string | null } | null;
  /** The latest reminder of the month: when, by whom, how. */
  reminded: { at: Date; by: string; channel: string } | null;
}

export async function getWardCompleteness(actor: Actor, wardCode: string, period: string) {
  const ward = await findReportUnit(actor, wardCode, "units.read");
  if (ward.level !== "WARD") throw new AppError("INVALID_INPUT", "errors.completenessWard");
  const periodId = reportPeriod(period);
  // The groups in force that month, wherever they hang today (a group merged since hangs under the group that carries it on).
  const monthStart = firstDayOf(periodId);
  const monthEnd = dayBefore(addMonths(periodId, 1));
  const units = await db.adminUnit.findMany({
    where: {
      OR: [
        { id: ward.id },
        {
          level: "RESIDENTIAL_GROUP",
          ancestors: { some: { ancestorId: ward.id } },
          validFrom: { lte: monthEnd },
          OR: [{ validTo: null }, { validTo: { gte: monthStart } }],
        },
      ],
    },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      level: true,
      reports: { where: { periodId }, select: { status: true, updatedAt: true, updatedById: true } },
      reminders: { where: { periodId }, orderBy: { remindedAt: "desc" }, take: 1, select: { remindedAt: true, remindedById: true, remindedBy: true, channel: true } },
      values: { where: { periodId }, select: { id: true } },
      teams: {
        where: { active: true },
        select: { members: { where: { active: true, role: "LEADER" }, select: { fullName: true, phone: true }, take: 1 } },
        take: 1,
      },
    },
  });
  const userIds = [...new Set(units.flatMap((unit) => [unit.reports[0]?.updatedById, unit.reminders[0]?.remindedById]).filter((id): id is number => typeof id === "number"))];
  const people = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true, role: true } })).map((user) => [user.id, { fullName: user.fullName, role: user.role as string }]));
  const rows: CompletenessRow[] = units.map((unit) => ({
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    level: unit.level as CompletenessRow["level"],
    status: unit.values.length > 0 ? (unit.reports[0]?.status ?? "DRAFT") : null,
    figures: unit.values.length,
    updatedAt: unit.reports[0]?.updatedAt ?? null,
    updatedBy: people.get(unit.reports[0]?.updatedById ?? -1) ?? null,
    leader: unit.teams[0]?.members[0] ?? null,
    reminded: unit.reminders[0]
      ? { at: unit.reminders[0].remindedAt, by: people.get(unit.reminders[0].remindedById ?? -1)?.fullName ?? unit.reminders[0].remindedBy, channel: unit.reminders[0].channel }
      : null,
  }));
  rows.sort((a, b) => (a.level === b.level ? compareVietnamese(a.name, b.name) : a.level === "WARD" ? -1 : 1));
  const groups = rows.filter((row) => row.level === "RESIDENTIAL_GROUP");
  return {
    ward: { code: ward.code, name: ward.name, kind: ward.kind },
    period,
    rows,
    reportedGroups: groups.filter((row) => row.status !== null).length,
    totalGroups: groups.length,
    notReported: groups.filter((row) => row.status === null),
    canEnter: await can(actor, "values.write", { unitId: ward.id }),
    canWorkOnWard: await can(actor, "values.ward", { unitId: ward.id }),
    canReview: await can(actor, "reports.approve", { unitId: ward.id }),
  };
}
