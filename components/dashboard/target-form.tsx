"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { setTargetAction } from "@/app/(app)/dashboard/[code]/targets/actions";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";

/** Set a target for one indicator of the unit, for a range of months, with the reason the audit log keeps. */
export function TargetForm({ action, unitCode, indicators, defaultFrom }: { action: typeof setTargetAction; unitCode: string; indicators: { code: string; label: string }[]; defaultFrom: string }) {
  const t = useTranslations("targets");
  const [state, formAction, pending] = useActionStateOfflineSafe<Awaited<ReturnType<typeof setTargetAction>> | null, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  const onSubmit = useKeptForm(formAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 rounded-md bg-white p-4 shadow-sm sm:grid-cols-2">
      <input type="hidden" name="unitCode" value={unitCode} />
      <div className="sm:col-span-2">
        <label htmlFor="indicatorCode" className="mb-1 block font-medium">{t("indicator")}</label>
        <select id="indicatorCode" name="indicatorCode" className="block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base">
          {indicators.map((indicator) => <option key={indicator.code} value={indicator.code}>{indicator.label}</option>)}
        </select>
        {errors?.indicatorCode ? <p className="mt-1 text-sm text-red-700">{errors.indicatorCode.join(" ")}</p> : null}
      </div>
      <TextField id="percent" name="percent" label={t("percent")} hint={t("percentHint")} inputMode="decimal" required errors={errors?.percent} />
      <TextField id="source" name="source" label={t("source")} hint={t("sourceHint")} errors={errors?.source} />
      <TextField id="fromPeriod" name="fromPeriod" type="month" label={t("from")} defaultValue={defaultFrom} errors={errors?.fromPeriod} />
      <TextField id="toPeriod" name="toPeriod" type="month" label={t("to")} hint={t("toHint")} errors={errors?.toPeriod} />
      <div className="sm:col-span-2">
        <TextField id="reason" name="reason" label={t("reason")} hint={t("reasonHint")} required errors={errors?.reason} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        <div className="mt-2"><FormStatus state={state} success={t("saved")} /></div>
      </div>
    </form>
  );
}
