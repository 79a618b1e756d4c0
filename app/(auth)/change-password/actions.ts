"use server";

import { defineAction } from "@/lib/auth/define-action";
import { changeOwnPassword } from "@/lib/users/change-own-password";

export const changeOwnPasswordAction = defineAction("profile.update", (user, _previous: unknown, formData: FormData) =>
  changeOwnPassword(user, {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  }),
);
