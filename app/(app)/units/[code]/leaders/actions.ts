"use server";

import { defineAction } from "@/lib/auth/define-action";
import { parseRowId } from "@/lib/ids";
import { createLeaderAccounts, resetLeaderPassword, setLeaderActive } from "@/lib/users/leader-accounts";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** One team's account (teamCode), or every team of the ward without one (all=true). */
export const createLeaderAccountsAction = defineAction(
  "leaders.manage",
  (user, _previous: unknown, formData: FormData) =>
    createLeaderAccounts(user, text(formData, "wardCode"), text(formData, "all") === "true" ? "missing" : formData.getAll("teamCode").map(String)),
  { revalidate: ["/units"] },
);

export const resetLeaderPasswordAction = defineAction(
  "leaders.manage",
  (user, _previous: unknown, formData: FormData) => resetLeaderPassword(user, parseRowId(text(formData, "userId"))),
  { revalidate: ["/units"] },
);

export const setLeaderActiveAction = defineAction(
  "leaders.manage",
  (user, _previous: unknown, formData: FormData) => setLeaderActive(user, parseRowId(text(formData, "userId")), text(formData, "active") === "true"),
  { revalidate: ["/units"] },
);
