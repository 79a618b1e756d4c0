"use server";

import { defineAction } from "@/lib/auth/define-action";
import { languageOf, translator } from "@/lib/i18n/translate";
import { importMembers } from "@/lib/imports/import-members";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importMembersAction = defineAction(
  "members.write",
  async (user, _previous: unknown, formData: FormData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: translator(languageOf(user))("errors.fileMissing"), errors: [], preview: [] };
    return importMembers(user, new Uint8Array(await file.arrayBuffer()), { commit: formData.get("commit") === "true" });
  },
  { revalidate: ["/teams", "/units"] },
);
