/**
 * The report workflow: the ward submits; the steering committee above approves,
 * locks, or reopens with a reason. Every step is audited; a step that does not
 * fit the current status is refused with the reason.
 */
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import type { MessageKey } from "../i18n/translate";
import { writeAuditLog } from "../audit/write-audit-log";
import type { ReportStatus } from "../generated/prisma/enums";
import { findReportUnit, reportPeriod } from "./save-period-report";

type Step = "submit" | "approve" | "lock" | "reopen";

const STEPS: Record<Step, { from: ReportStatus[]; to: ReportStatus; operation: "values.write" | "reports.approve"; refusal: MessageKey }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", operation: "values.write", refusal: "errors.submitOnlyDraft" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", operation: "reports.approve", refusal: "errors.approveOnlySubmitted" },
  lock: { from: ["APPROVED"], to: "LOCKED", operation: "reports.approve", refusal: "errors.lockOnlyApproved" },
  reopen: { from: ["SUBMITTED", "APPROVED", "LOCKED"], to: "DRAFT", operation: "reports.approve", refusal: "errors.reopenOnlyFinal" },
};

export async function changeReportStatus(actor: Actor, input: { unitCode: string; period: string; step: Step; reason?: string }) {
  const rule = STEPS[input.step];
  if (!rule) throw new AppError("INVALID_INPUT", "errors.stepInvalid");
  const reason = input.reason?.trim() ?? "";
  if (input.step === "reopen" && reason.length < 5) throw new AppError("INVALID_INPUT", "errors.reopenReason");
  const unit = await findReportUnit(actor, input.unitCode, rule.operation);
  const periodId = reportPeriod(input.period);
  return db.$transaction(async (tx) => {
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
