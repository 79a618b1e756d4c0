/** Rules for teams and their members, shared by the registry forms, the server actions and the members import. */
import { z } from "zod";
import { normalizeName } from "../text";
import { AFFILIATIONS, GENDERS, MEMBER_ROLES } from "./member-options";

export { AFFILIATIONS, GENDERS, MEMBER_ROLES };

const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/**
 * A Vietnamese mobile number: 10 digits starting with 0, or +84 / 84 in place
 * of the 0; spaces, dots and dashes are allowed and removed. Stored as 0xxxxxxxxx.
 */
export const phoneSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[\s.\-()]/g, "").replace(/^\+?84(?=\d{9}$)/, "0") : value),
  z.string().regex(/^0[35789]\d{8}$/, "rules.phone"),
);

export function memberSchema(now = new Date()) {
  const thisYear = now.getFullYear();
  return z.object({
    fullName: z.string().transform(normalizeName).pipe(z.string().min(2, "rules.memberNameShort").max(120, "rules.memberNameLong")),
    role: z.enum(MEMBER_ROLES, { error: "rules.memberRole" }),
    affiliation: z.enum(AFFILIATIONS, { error: "rules.affiliation" }),
    birthYear: z.preprocess(
      empty,
      z.coerce
        .number({ error: "rules.birthYearNumber" })
        .int("rules.birthYearWhole")
        .min(1920, "rules.birthYearMin")
        .max(thisYear - 10, "rules.birthYearMax")
        .nullable(),
    ),
    gender: z.preprocess(empty, z.enum(GENDERS, { error: "rules.gender" }).nullable()),
    phone: z.preprocess(empty, phoneSchema.nullable()),
    trainedOn: z.preprocess(
      empty,
      z.iso
        .date("rules.trainedOnFormat")
        .refine((date) => date <= now.toISOString().slice(0, 10), "rules.trainedOnFuture")
        .nullable(),
    ),
  });
}

export type MemberInput = z.infer<ReturnType<typeof memberSchema>>;

export const teamSchema = z.object({
  name: z.string().transform(normalizeName).pipe(z.string().min(3, "rules.teamNameShort").max(200, "rules.teamNameLong")),
  foundedOn: z.preprocess(empty, z.iso.date("rules.foundedOnFormat").nullable()),
  foundingDecision: z.preprocess(empty, z.string().trim().max(80, "rules.decisionLong").nullable()),
});

export type TeamInput = z.infer<typeof teamSchema>;
