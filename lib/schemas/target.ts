/** Rules for setting a target, shared by the form and the server; messages are catalogue keys (see issueMessage). */
import { z } from "zod";
import { parsePeriodCode } from "../periods";

const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const month = (message: "rules.targetFromFormat" | "rules.targetToFormat") =>
  z.preprocess(
    empty,
    z
      .string()
      .refine((text) => parsePeriodCode(text) !== null, message)
      .transform((text) => parsePeriodCode(text)!)
      .nullable(),
  );

export const targetSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, "rules.targetIndicator"),
    /** A percentage as people type it: 40, 40,5 or 40.5. */
    percent: z
      .string()
      .trim()
      .regex(/^\d{1,3}([.,]\d{1,2})?$/, "rules.targetPercent")
      .transform((text) => Number(text.replace(",", ".")))
      .refine((value) => value >= 0 && value <= 100, "rules.targetPercentRange"),
    fromPeriod: month("rules.targetFromFormat"),
    toPeriod: month("rules.targetToFormat"),
    reason: z.string().transform((text) => text.normalize("NFC").trim()).pipe(z.string().min(5, "rules.targetReasonShort").max(500, "rules.targetReasonLong")),
    source: z.preprocess(empty, z.string().trim().max(200, "rules.targetSourceLong").nullable()),
  })
  .refine((target) => target.fromPeriod === null || target.toPeriod === null || target.fromPeriod <= target.toPeriod, {
    path: ["toPeriod"],
    message: "rules.targetOrder",
  });

export type TargetInput = z.infer<typeof targetSchema>;
