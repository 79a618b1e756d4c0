"use server";

import { defineAction } from "@/lib/auth/define-action";
import { AppError } from "@/lib/errors";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import type { SaveReportInput } from "@/lib/schemas/period-report";

export const saveReportAction = defineAction("values.write", (user, input: SaveReportInput) => savePeriodReport(user, input));

export const submitReportAction = defineAction("values.write", (user, input: { unitCode: string; period: string }) =>
  changeReportStatus(user, { unitCode: String(input.unitCode), period: String(input.period), step: "submit" }),
);

export const reviewReportAction = defineAction(
  "reports.approve",
  async (user, input: { unitCode: string; period: string; step: string; reason?: string }) => {
    if (input.step !== "approve" && input.step !== "lock" && input.step !== "reopen") throw new AppError("INVALID_INPUT", "errors.reviewStep");
    return changeReportStatus(user, { unitCode: String(input.unitCode), period: String(input.period), step: input.step, reason: input.reason });
  },
);
