/**
 * "Reminded on …": a ward official records that they reminded a group's team
 * leader of a month not yet reported (a text copied to Zalo, an SMS, a call),
 * so that a colleague sees it and does not call the same leader twice.
 */
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { findReportUnit, reportPeriod } from "./save-period-report";

export const REMINDER_CHANNELS = ["copy", "sms", "call"] as const;

const reminderInput = z.object({
  unitCode: z.string().trim().min(1).max(32),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  channel: z.enum(REMINDER_CHANNELS),
});

export async function remindGroup(actor: Actor, raw: unknown) {
  const parsed = reminderInput.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "errors.reminderInvalid");
  const { unitCode, period, channel } = parsed.data;
  const unit = await findReportUnit(actor, unitCode, "values.ward");
  if (unit.level !== "RESIDENTIAL_GROUP") throw new AppError("INVALID_INPUT", "errors.reminderGroupOnly");
  const periodId = reportPeriod(period);
  const reminder = await db.$transaction(async (tx) => {
    const created = await tx.reportReminder.create({
      data: { unitId: unit.id, periodId, channel, remindedById: actor.id, remindedBy: actor.username },
      select: { id: true, remindedAt: true },
    });
    await writeAuditLog(tx, actor, { action: "reports.remind", entityType: "period_report", entityId: `${unit.code}/${period}`, unitId: unit.id, after: { channel } });
    return created;
  });
  return { ok: true as const, at: reminder.remindedAt.toISOString(), channel };
}
