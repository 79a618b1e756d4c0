/** The file of an import form, read whole; no file (or an empty one) is the form's plain refusal, not an error. */
import { languageOf, translator } from "../i18n/translate";
import type { ImportRefusal } from "./import-result";

export async function withUploadedFile<R>(user: { locale?: string | null }, formData: FormData, run: (bytes: Uint8Array) => Promise<R>): Promise<R | ImportRefusal> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: translator(languageOf(user))("errors.fileMissing"), errors: [], preview: [] };
  return run(new Uint8Array(await file.arrayBuffer()));
}
