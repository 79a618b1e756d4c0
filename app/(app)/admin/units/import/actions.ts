"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_CSV_BYTES } from "@/lib/csv/read-csv";
import { importUnitsCsv, type UnitImportResult } from "@/lib/units/import-units";

export type ImportUnitsState = UnitImportResult | { ok: false; message: string; errors: [] } | null;

export async function importUnitsAction(_previous: ImportUnitsState, formData: FormData): Promise<ImportUnitsState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.", errors: [] };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Chọn một tệp CSV để tải lên.", errors: [] };
  if (file.size > MAX_CSV_BYTES) {
    return { ok: false, message: `Tệp quá lớn; tối đa ${MAX_CSV_BYTES / 1048576} MB.`, errors: [] };
  }
  try {
    const result = await importUnitsCsv(user, new Uint8Array(await file.arrayBuffer()));
    if (result.ok) revalidatePath("/");
    return result;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, errors: [] };
    throw error;
  }
}
