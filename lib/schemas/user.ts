/** Rules for accounts, shared by the forms, the server actions and the command line. */
import { z } from "zod";
import { normalizeName } from "../text";

export const ROLES = ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"] as const;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập cần ít nhất 3 ký tự.")
  .max(40, "Tên đăng nhập dài tối đa 40 ký tự.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -");

export const fullNameSchema = z
  .string()
  .transform(normalizeName)
  .pipe(z.string().min(2, "Nhập họ và tên (ít nhất 2 ký tự).").max(120, "Họ và tên dài tối đa 120 ký tự."));

export const unitCodeSchema = z.string().trim().max(32, "Mã đơn vị dài tối đa 32 ký tự.");

export const createUserSchema = z.object({
  username: usernameSchema,
  fullName: fullNameSchema,
  role: z.enum(ROLES, { error: "Chọn một vai trò." }),
  /** Empty only for a national administrator. */
  scopeUnitCode: unitCodeSchema,
});

export const changeScopeSchema = z.object({
  role: z.enum(ROLES, { error: "Chọn một vai trò." }),
  scopeUnitCode: unitCodeSchema,
});

export const PASSWORD_MIN_LENGTH = 10;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại."),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`)
      .max(200, "Mật khẩu mới dài tối đa 200 ký tự."),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Mật khẩu nhập lại không khớp với mật khẩu mới.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Mật khẩu mới phải khác mật khẩu hiện tại.",
  });

/** Field errors by field name, each in Vietnamese, for the forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return errors;
}
