"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { setTeamActiveAction } from "@/app/(app)/teams/actions";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { FormStatus } from "@/components/ui/form-status";

/** Deactivate (or reactivate) a team, with the reason the audit log keeps. */
export function TeamStatusForm({ action, teamCode, active }: { action: typeof setTeamActiveAction; teamCode: string; active: boolean }) {
  const t = useTranslations("teams");
  const [state, formAction, pending] = useActionStateOfflineSafe<Awaited<ReturnType<typeof setTeamActiveAction>> | null, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  const onSubmit = useKeptForm(formAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="teamCode" value={teamCode} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <TextField id={`team-${teamCode}-reason`} name="reason" label={t("statusReason")} hint={active ? t("deactivateTeamHint") : undefined} required errors={errors?.reason} />
      <button type="submit" disabled={pending} className="min-h-12 rounded-md border border-slate-400 bg-white px-4 font-semibold">
        {active ? t("deactivateTeam") : t("activateTeam")}
      </button>
      <FormStatus state={state} success={t("saved")} />
    </form>
  );
}
