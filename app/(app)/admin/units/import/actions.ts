"use server";

import { defineAction } from "@/lib/auth/define-action";
import { MAX_CSV_BYTES } from "@/lib/csv/read-csv";
import { importUnitsCsv } from "@/lib/units/import-units";
import { languageOf, translator } from "@/lib/i18n/translate";

export const importUnitsAction = defineAction(
  "units.import",
  async (user, _previous: unknown, formData: FormData) => {
    const file = formData.get("file");
    const t = translator(languageOf(user));
    if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: t("errors.fileMissingCsv"), errors: [] };
    if (file.size > MAX_CSV_BYTES) return { ok: false as const, message: t("errors.fileTooLarge", { megabytes: MAX_CSV_BYTES / 1048576 }), errors: [] };
    return importUnitsCsv(user, new Uint8Array(await file.arrayBuffer()));
  },
  { revalidate: ["/"] },
);
