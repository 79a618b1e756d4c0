"use client";

import { startTransition, useState } from "react";
import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import { ImportFailure } from "@/components/ui/import-failure";
import type { ImportRefusal, PreviewRow } from "@/lib/imports/import-result";
import { ScrollBox } from "@/components/ui/scroll-box";
import { MAX_CSV_BYTES } from "@/lib/csv/upload-limit";

/** What an import action answers: a refusal with its errors, or counts that the messages name ({rows}, {changed}, {added}…). */
type ImportState = ImportRefusal | ({ ok: true; committed: boolean; rows: number; preview: PreviewRow[] } & Record<string, unknown>) | { ok: false; status?: number; message: string };

/**
 * Step 1 checks and previews; step 2 sends the same file again with commit=true.
 * One form for every bulk import: the messages come from the import's own
 * catalogue namespace, the preview shows the file's own columns.
 */
export function ImportForm({ action, namespace, columns, fields = {} }: {
  action: (previous: unknown, data: FormData) => Promise<ImportState>;
  namespace: "importValues" | "importMembers" | "importTeams" | "importActivities";
  columns: readonly string[];
  /** Sent with the file: what the page holds the import to (the ward and month of a workbook). */
  fields?: Record<string, string>;
}) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionStateOfflineSafe<ImportState | null, FormData>(action, null);
  // React resets a form after its action; the chosen file is kept here so step 2 sends the same file.
  const [file, setFile] = useState<File | null>(null);
  // A file over the limit is refused here, before an old phone spends minutes sending it to be refused.
  const tooLarge = file !== null && file.size > MAX_CSV_BYTES;
  const checked = state?.ok === true && !state.committed;
  const counts = state?.ok === true ? (Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value === "number")) as Record<string, number>) : {};

  function send(commit: boolean) {
    if (!file || tooLarge) return;
    const data = new FormData();
    data.set("file", file);
    data.set("commit", String(commit));
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    startTransition(() => formAction(data));
  }
  return (
    <div className="space-y-4">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        className="space-y-3 rounded-md bg-white p-4 shadow-sm"
      >
        <div>
          <label htmlFor="file" className="mb-1 block font-medium">{t("file")}</label>
          <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv" required aria-describedby={tooLarge ? "file-too-large" : undefined} className="block min-h-12 w-full text-base" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          {tooLarge && (
            <p id="file-too-large" role="alert" className="mt-2 text-red-800">
              {t("tooLarge", { size: (file.size / 1048576).toFixed(1), maximum: MAX_CSV_BYTES / 1048576 })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending || !file || tooLarge} className="min-h-12 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700 disabled:opacity-60">
            {pending ? t("working") : t("check")}
          </button>
          {checked && (
            <button type="button" disabled={pending} onClick={() => send(true)} className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">
              {t("commit", counts)}
            </button>
          )}
        </div>
      </form>

      {state?.ok === true && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {state.committed ? t("committed", counts) : t("checked", counts)}
        </p>
      )}
      {state?.ok === false && (
        <ImportFailure message={state.message} errors={"errors" in state ? state.errors : []} labels={{ title: t("errorsTitle"), line: t("line"), column: t("column"), error: t("error") }} />
      )}
      {state && "preview" in state && state.preview.length > 0 && (
        <ScrollBox label={t("previewTitle", { count: state.preview.length })} className="rounded-md bg-white shadow-sm">
          <table className="w-full min-w-[28rem] text-left text-sm">
            <caption className="p-2 text-left font-semibold">{t("previewTitle", { count: state.preview.length })}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("line")}</th>
                {columns.map((column) => <th key={column} scope="col" className="p-2">{column}</th>)}
              </tr>
            </thead>
            <tbody>
              {state.preview.map((row) => (
                <tr key={row.line} className="border-t border-slate-100">
                  <td className="p-2 tabular-nums">{row.line}</td>
                  {columns.map((column) => <td key={column} className="p-2">{row.values[column]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
