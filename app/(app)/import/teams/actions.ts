"use server";

import { defineAction } from "@/lib/auth/define-action";
import { importTeams } from "@/lib/imports/import-teams";
import { withUploadedFile } from "@/lib/imports/uploaded-file";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importTeamsAction = defineAction(
  "teams.write",
  (user, _previous: unknown, formData: FormData) => withUploadedFile(user, formData, (bytes) => importTeams(user, bytes, { commit: formData.get("commit") === "true" })),
  { revalidate: ["/teams", "/units"] },
);
