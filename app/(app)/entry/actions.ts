"use server";

import { defineAction } from "@/lib/auth/define-action";
import { AppError } from "@/lib/errors";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import type { SaveReportInput } from "@/lib/schemas/period-report";
import { saveWardGrid, type WardGridInput } from "@/lib/reports/ward-grid";

export const saveReportAction = defineAction("values.write", (user, input: SaveReportInput) => savePeriodReport(user, input));

/** The ward's grid: every changed row of the ward at once, all or nothing. */
export const saveWardGridAction = defineAction("values.ward", (user, input: WardGridInput) => saveWardGrid(user, input));

// The use case checks the input's shape; the actions only fix which steps they offer.
export const submitReportAction = defineAction("values.ward", (user, input: { unitCode: string; period: string }) =>
  changeReportStatus(user, { ...Object(input), step: "submit" }),
);

export const reviewReportAction = defineAction(
  "reports.approve",
  async (user, input: { unitCode: string; period: string; step: string; reason?: string }) => {
    const step = (Object(input) as { step?: unknown }).step;
    if (step !== "approve" && step !== "lock" && step !== "reopen") throw new AppError("INVALID_INPUT", "errors.reviewStep");
    return changeReportStatus(user, input);
  },
);
