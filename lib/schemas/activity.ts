/**
 * Rules of an activity record, shared by the form, the server action and (later) the import.
 * Aggregates only: the place is free text, and text that looks like a resident's phone
 * number or citizen ID is refused (residents refuse to hand over personal data, and the
 * platform never keeps it).
 */
import { z } from "zod";
import { normalizeName } from "../text";
import { ACTIVITY_KINDS, COUNT_FIELDS, HELPED_FIELDS, MAX_COUNT } from "./activity-options";

export { ACTIVITY_KINDS, COUNT_FIELDS, HELPED_FIELDS, MAX_COUNT };

/** Nine or more digits in a row, spaces, dots and dashes allowed between them: a phone number or an ID, never a place. */
const PERSONAL_NUMBER = /(?:\d[\s.\-]?){8,}\d/;

export const looksPersonal = (text: string) => PERSONAL_NUMBER.test(text);

const count = z.preprocess(
  (value) => (value === "" || value === null || value === undefined ? 0 : typeof value === "string" ? value.replace(/[.\s]/g, "") : value),
  z.coerce.number({ error: "rules.countNumber" }).int("rules.countWhole").min(0, "rules.countNegative").max(MAX_COUNT, "rules.countMax"),
);

export function activitySchema(today: string) {
  return z
    .object({
      occurredOn: z.iso.date("rules.activityDateFormat").refine((date) => date <= today, "rules.activityDateFuture"),
      kind: z.enum(ACTIVITY_KINDS, { error: "rules.activityKind" }),
      place: z
        .string({ error: "rules.placeMissing" })
        .transform(normalizeName)
        .pipe(z.string().min(2, "rules.placeMissing").max(200, "rules.placeLong"))
        .refine((place) => !looksPersonal(place), "rules.placePersonal"),
      memberIds: z.array(z.coerce.number().int().positive(), { error: "rules.activityMembers" }).max(100).default([]),
      attendees: z.preprocess((value) => (value === "" || value === undefined ? null : value), count.nullable()),
      ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, count])),
    })
    .superRefine((activity, context) => {
      if (activity.kind !== "TRAINING" && activity.attendees !== null) context.addIssue({ code: "custom", path: ["attendees"], message: "rules.attendeesOnlyTraining" });
    });
}

export type ActivityInput = z.infer<ReturnType<typeof activitySchema>> & Record<(typeof COUNT_FIELDS)[number], number>;

/** A correction by the ward after the author's week, or of someone else's record, says why. */
export const correctionReasonSchema = z.string().transform(normalizeName).pipe(z.string().min(5, "rules.correctionReason").max(500, "rules.reasonLong"));
