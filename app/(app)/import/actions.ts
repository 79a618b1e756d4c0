"use server";

import { defineAction } from "@/lib/auth/define-action";
import { importValues } from "@/lib/imports/import-values";
import { withUploadedFile } from "@/lib/imports/uploaded-file";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importValuesAction = defineAction("values.ward", (user, _previous: unknown, formData: FormData) =>
  withUploadedFile(user, formData, (bytes) => importValues(user, bytes, { commit: formData.get("commit") === "true" })),
);
