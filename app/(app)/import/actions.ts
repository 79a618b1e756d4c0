"use server";

import { defineAction } from "@/lib/auth/define-action";
import { languageOf, translator } from "@/lib/i18n/translate";
import { importValues } from "@/lib/imports/import-values";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importValuesAction = defineAction("values.ward", async (user, _previous: unknown, formData: FormData) => {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: translator(languageOf(user))("errors.fileMissing"), errors: [], preview: [] };
  return importValues(user, new Uint8Array(await file.arrayBuffer()), { commit: formData.get("commit") === "true" });
});
