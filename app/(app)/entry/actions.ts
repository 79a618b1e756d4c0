"use server";

import { defineAction } from "@/lib/auth/define-action";
import { AppError } from "@/lib/errors";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import type { SaveReportInput } from "@/lib/schemas/period-report";
import { saveWardGrid, type WardGridInput } from "@/lib/reports/ward-grid";
import { remindGroup } from "@/lib/reports/remind-group";
import { importValues } from "@/lib/imports/import-values";
import { withUploadedFile } from "@/lib/imports/uploaded-file";

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

/** Records that a group's team leader was reminded of the month (copied text, SMS or call). */
export const remindGroupAction = defineAction("values.ward", (user, input: { unitCode: string; period: string; channel: string }) => remindGroup(user, input));

/** The ward's workbook, uploaded on its month's page: the figures import, held to that ward and month. */
export const importWorkbookAction = defineAction("values.ward", (user, _previous: unknown, formData: FormData) => {
  const expect = { wardCode: String(formData.get("wardCode") ?? ""), period: String(formData.get("period") ?? "") };
  return withUploadedFile(user, formData, (bytes) => importValues(user, bytes, { commit: formData.get("commit") === "true", expect }));
});
