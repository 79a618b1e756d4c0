"use server";

import { defineAction } from "@/lib/auth/define-action";
import { issueApiToken, revokeApiToken } from "@/lib/api/api-tokens";

const idOf = (formData: FormData, name: string) => Number.parseInt(String(formData.get(name) ?? ""), 10) || -1;

export const issueApiTokenAction = defineAction(
  "tokens.manage",
  (user, _previous: unknown, formData: FormData) => issueApiToken(user, idOf(formData, "userId"), String(formData.get("name") ?? "")),
  { revalidate: ["/admin/users"] },
);

export const revokeApiTokenAction = defineAction(
  "tokens.manage",
  (user, _previous: unknown, formData: FormData) => revokeApiToken(user, idOf(formData, "tokenId")),
  { revalidate: ["/admin/users"] },
);
