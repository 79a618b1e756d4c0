"use server";

import { defineAction } from "@/lib/auth/define-action";
import { parseRowId } from "@/lib/ids";
import { createUser } from "@/lib/users/create-user";
import { changeUserScope, resetUserPassword, setUserActive } from "@/lib/users/manage-user";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const userIdOf = (formData: FormData) => parseRowId(text(formData, "userId"));

export const createUserAction = defineAction(
  "users.manage",
  (user, _previous: unknown, formData: FormData) =>
    createUser(user, {
      username: text(formData, "username"),
      fullName: text(formData, "fullName"),
      role: text(formData, "role"),
      scopeUnitCode: text(formData, "scopeUnitCode"),
    }),
  { revalidate: ["/admin/users"] },
);

export const resetPasswordAction = defineAction(
  "users.manage",
  (user, _previous: unknown, formData: FormData) => resetUserPassword(user, userIdOf(formData)),
  { revalidate: ["/admin/users"] },
);

export const setUserActiveAction = defineAction(
  "users.manage",
  (user, _previous: unknown, formData: FormData) => setUserActive(user, userIdOf(formData), text(formData, "active") === "true"),
  { revalidate: ["/admin/users"] },
);

export const changeUserScopeAction = defineAction(
  "users.manage",
  (user, _previous: unknown, formData: FormData) =>
    changeUserScope(user, userIdOf(formData), { role: text(formData, "role"), scopeUnitCode: text(formData, "scopeUnitCode") }),
  { revalidate: ["/admin/users"] },
);
