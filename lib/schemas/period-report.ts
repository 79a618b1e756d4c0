/**
 * The envelope of a month's save, checked on the server; the figures inside
 * it are checked by the rules of figure-rules.ts.
 */
import { z } from "zod";

/** The envelope the form sends; the figures themselves are checked by checkFigures. */
export const saveReportSchema = z.object({
  unitCode: z.string().trim().min(1, "rules.unitCodeMissing").max(32),
  period: z.string().regex(/^\d{4}-\d{2}$/, "rules.periodFormat"),
  version: z.coerce.number().int().min(0),
  requestId: z.uuid("rules.requestId"),
  values: z.record(z.string(), z.string().max(40)),
  reasons: z.record(z.string(), z.string().trim().max(500, "rules.reasonLong")).default({}),
  /** Stock figures confirmed as "unchanged since last month" rather than typed. */
  confirmed: z.array(z.string().max(64)).max(100).default([]),
});

export type SaveReportInput = z.input<typeof saveReportSchema>;
