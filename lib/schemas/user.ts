/** Rules for accounts, shared by the forms, the server actions and the command line. */
import { z } from "zod";
import { normalizeName } from "../text";
import { DEFAULT_LOCALE, type Locale } from "../format";
import { translator } from "../i18n/translate";

export const ROLES = ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"] as const;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "rules.usernameShort")
  .max(40, "rules.usernameLong")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "rules.usernameChars");

export const fullNameSchema = z
  .string()
  .transform(normalizeName)
  .pipe(z.string().min(2, "rules.fullNameShort").max(120, "rules.fullNameLong"));

export const unitCodeSchema = z.string().trim().max(32, "rules.unitCodeLong");

export const createUserSchema = z.object({
  username: usernameSchema,
  fullName: fullNameSchema,
  role: z.enum(ROLES, { error: "rules.role" }),
  /** Empty only for a national administrator. */
  scopeUnitCode: unitCodeSchema,
});

export const changeScopeSchema = z.object({
  role: z.enum(ROLES, { error: "rules.role" }),
  scopeUnitCode: unitCodeSchema,
});

export const PASSWORD_MIN_LENGTH = 10;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "rules.currentPassword"),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, "rules.newPasswordShort")
      .max(200, "rules.newPasswordLong"),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "rules.passwordsDiffer",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "rules.passwordUnchanged",
  });

/** Field errors by field name, in the reader's language, for the forms. */
export function fieldErrorsOf(error: z.ZodError, locale: Locale = DEFAULT_LOCALE): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issueMessage(issue, locale));
  return errors;
}

/**
 * The schemas' messages are catalogue keys ("rules.phone"); a bound the rule
 * checks (a year, a length) is passed to the message as {minimum} or {maximum}.
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale = DEFAULT_LOCALE): string {
  if (!issue.message.startsWith("rules.")) return issue.message;
  const values = { minimum: String("minimum" in issue ? issue.minimum : ""), maximum: String("maximum" in issue ? issue.maximum : "") };
  return translator(locale)(issue.message as Parameters<ReturnType<typeof translator>>[0], values);
}
