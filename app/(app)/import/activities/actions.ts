"use server";

import { defineAction } from "@/lib/auth/define-action";
import { importActivities } from "@/lib/imports/import-activities";
import { withUploadedFile } from "@/lib/imports/uploaded-file";

/** Checks the file and shows a preview (commit=false), or writes it all (commit=true). Stateless: the form sends the file each time. */
export const importActivitiesAction = defineAction(
  "activities.write",
  (user, _previous: unknown, formData: FormData) => withUploadedFile(user, formData, (bytes) => importActivities(user, bytes, { commit: formData.get("commit") === "true" })),
  { revalidate: ["/teams", "/units", "/dashboard"] },
);
