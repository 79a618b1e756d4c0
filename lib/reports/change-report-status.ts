/**
 * The report workflow: the ward submits; the steering committee above approves,
 * locks, or reopens with a reason. Every step is audited; a step that does not
 * fit the current status is refused with the reason.
 */
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import type { MessageKey } from "../i18n/translate";
import { writeAuditLog } from "../audit/write-audit-log";
import type { ReportStatus } from "../generated/prisma/enums";
import { findReportUnit, lockInForce, reportPeriod } from "./save-period-report";

type Step = "submit" | "approve" | "lock" | "reopen";

const STEPS: Record<Step, { from: ReportStatus[]; to: ReportStatus; operation: "values.ward" | "reports.approve"; refusal: MessageKey }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", operation: "values.ward", refusal: "errors.submitOnlyDraft" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", operation: "reports.approve", refusal: "errors.approveOnlySubmitted" },
  lock: { from: ["APPROVED"], to: "LOCKED", operation: "reports.approve", refusal: "errors.lockOnlyApproved" },
  reopen: { from: ["SUBMITTED", "APPROVED", "LOCKED"], to: "DRAFT", operation: "reports.approve", refusal: "errors.reopenOnlyFinal" },
};

/** What a client may send: anything else (a missing field, a number, an array) is refused, not passed to a query. */
const stepInput = z.object({
  unitCode: z.string().trim().min(1).max(32),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  step: z.enum(Object.keys(STEPS) as [Step, ...Step[]]),
  reason: z.string().max(500).optional(),
});

export async function changeReportStatus(actor: Actor, raw: { unitCode: string; period: string; step: Step; reason?: string } | unknown) {
  const parsed = stepInput.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw new AppError("INVALID_INPUT", field === "step" ? "errors.stepInvalid" : field === "period" ? "rules.periodFormat" : "rules.unitCodeMissing");
  }
  const input = parsed.data;
  const rule = STEPS[input.step];
  const reason = input.reason?.trim() ?? "";
  if (input.step === "reopen" && reason.length < 5) throw new AppError("INVALID_INPUT", "errors.reopenReason");
  const unit = await findReportUnit(actor, input.unitCode, rule.operation);
  const periodId = reportPeriod(input.period);
  return db.$transaction(async (tx) => {
    // A unit that a reorganisation closed meanwhile (or before): its months were carried on by another unit.
    if ((await lockInForce(tx, [unit.id])).endedCode) throw new AppError("INVALID_INPUT", "errors.unitEndedNoFigures");
    const [report] = await tx.$queryRaw<{ id: number; status: ReportStatus; version: number }[]>`
      SELECT id, status, version FROM period_report WHERE unit_id = ${unit.id} AND period_id = ${periodId} FOR UPDATE`;
    if (!report) throw new AppError("INVALID_INPUT", "errors.nothingToReview");
    if (!rule.from.includes(report.status)) throw new AppError("CONFLICT", rule.refusal);
    const now = new Date();
    await tx.periodReport.update({
      where: { id: report.id },
      data: {
        status: rule.to,
        version: report.version + 1,
        ...(input.step === "submit" ? { submittedAt: now, submittedById: actor.id } : {}),
        ...(input.step === "approve" ? { approvedAt: now, approvedById: actor.id } : {}),
        ...(input.step === "reopen" ? { reopenReason: reason, approvedAt: null, approvedById: null } : {}),
      },
    });
    await writeAuditLog(tx, actor, {
      action: `reports.${input.step}`,
      entityType: "period_report",
      entityId: `${unit.code}/${input.period}`,
      unitId: unit.id,
      before: { status: report.status },
      after: { status: rule.to },
      reason: reason || null,
    });
    return { ok: true as const, status: rule.to, version: report.version + 1 };
  });
}
