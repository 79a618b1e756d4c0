"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import { ImportFailure } from "@/components/ui/import-failure";
import type { importUnitsAction } from "@/app/(app)/admin/units/import/actions";

type ImportUnitsState = Awaited<ReturnType<typeof importUnitsAction>> | null;

export function ImportUnitsForm({ action }: { action: (state: ImportUnitsState, data: FormData) => Promise<ImportUnitsState> }) {
  const t = useTranslations("importUnits");
  const [state, formAction, pending] = useActionStateOfflineSafe(action, null);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3 rounded-md bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="file" className="mb-1 block font-medium">{t("file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required className="block min-h-12 w-full text-base" />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>

      {state?.ok === true && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("success", { created: state.created, unchanged: state.unchanged })}
        </p>
      )}
      {state?.ok === false && (
        <ImportFailure message={state.message} errors={"errors" in state ? state.errors : []} labels={{ title: t("errorsTitle"), line: t("colLine"), column: t("colColumn"), error: t("colMessage") }} />
      )}
    </div>
  );
}
