"use server";

import { defineAction } from "@/lib/auth/define-action";
import { MAX_CSV_BYTES } from "@/lib/csv/read-csv";
import { importUnitsCsv } from "@/lib/units/import-units";

export const importUnitsAction = defineAction(
  "units.import",
  async (user, _previous: unknown, formData: FormData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: "Chọn một tệp CSV để tải lên.", errors: [] };
    if (file.size > MAX_CSV_BYTES) return { ok: false as const, message: `Tệp quá lớn; tối đa ${MAX_CSV_BYTES / 1048576} MB.`, errors: [] };
    return importUnitsCsv(user, new Uint8Array(await file.arrayBuffer()));
  },
  { revalidate: ["/"] },
);
