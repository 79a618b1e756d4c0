"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { createTeamAction, updateTeamAction } from "@/app/(app)/teams/actions";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export interface TeamValues {
  code: string;
  name: string;
  foundedOn: string | null;
  foundingDecision: string | null;
}

type Action = typeof createTeamAction | typeof updateTeamAction;

/** Set up a team at a unit (unitCode) or edit one (team); the same fields and rules either way. */
export function TeamForm({ action, unitCode, team, submitLabel }: { action: Action; unitCode?: string; team?: TeamValues; submitLabel: string }) {
  const t = useTranslations("teams");
  const [state, formAction, pending] = useActionStateOfflineSafe<Awaited<ReturnType<Action>> | null, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  const onSubmit = useKeptForm(formAction);
  const prefix = team ? `team-${team.code}-` : "new-team-";
  const created = state?.ok && "teamCode" in state ? state.teamCode : null;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      {unitCode ? <input type="hidden" name="unitCode" value={unitCode} /> : null}
      {team ? <input type="hidden" name="teamCode" value={team.code} /> : null}
      <div className="sm:col-span-2">
        <TextField id={`${prefix}name`} name="name" label={t("teamName")} hint={t("teamNameHint")} defaultValue={team?.name} required errors={errors?.name} />
      </div>
      <TextField id={`${prefix}foundedOn`} name="foundedOn" type="date" label={t("foundedOn")} defaultValue={team?.foundedOn ?? ""} errors={errors?.foundedOn} />
      <TextField id={`${prefix}decision`} name="foundingDecision" label={t("foundingDecision")} hint={t("foundingDecisionHint")} defaultValue={team?.foundingDecision ?? ""} errors={errors?.foundingDecision} />
      <div className="sm:col-span-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <div className="mt-2">
          <FormStatus
            state={state}
            success={created ? <a href={`/teams/${encodeURIComponent(created)}`} className="underline">{t("teamCreated", { code: created })}</a> : t("saved")}
          />
        </div>
      </div>
    </form>
  );
}
