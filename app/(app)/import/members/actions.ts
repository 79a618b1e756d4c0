"use server";

import { defineAction } from "@/lib/auth/define-action";
import { importMembers } from "@/lib/imports/import-members";
import { withUploadedFile } from "@/lib/imports/uploaded-file";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importMembersAction = defineAction(
  "members.write",
  (user, _previous: unknown, formData: FormData) => withUploadedFile(user, formData, (bytes) => importMembers(user, bytes, { commit: formData.get("commit") === "true" })),
  { revalidate: ["/teams", "/units"] },
);
