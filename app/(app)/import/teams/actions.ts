"use server";

import { defineAction } from "@/lib/auth/define-action";
import { languageOf, translator } from "@/lib/i18n/translate";
import { importTeams } from "@/lib/imports/import-teams";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importTeamsAction = defineAction(
  "teams.write",
  async (user, _previous: unknown, formData: FormData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: translator(languageOf(user))("errors.fileMissing"), errors: [], preview: [] };
    return importTeams(user, new Uint8Array(await file.arrayBuffer()), { commit: formData.get("commit") === "true" });
  },
  { revalidate: ["/teams", "/units"] },
);
