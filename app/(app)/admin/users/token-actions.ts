"use server";

import { defineAction } from "@/lib/auth/define-action";
import { parseRowId } from "@/lib/ids";
import { issueApiToken, revokeApiToken } from "@/lib/api/api-tokens";

const idOf = (formData: FormData, name: string) => parseRowId(formData.get(name));

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
