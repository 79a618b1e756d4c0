"use client";

import { useTranslations } from "next-intl";
import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import type { createMissingTeamsAction } from "@/app/(app)/teams/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** One tap to set up a ward: a team for every residential group that has none. */
export function CreateMissingTeams({ wardCode, count, action }: { wardCode: string; count: number; action: typeof createMissingTeamsAction }) {
  const t = useTranslations("teams");
  const [state, run, pending] = useActionStateOfflineSafe<Awaited<ReturnType<typeof createMissingTeamsAction>> | null, FormData>(action, null);
  return (
    <form action={run} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="wardCode" value={wardCode} />
      <SubmitButton pending={pending} tone="secondary">{t("createMissing", { count })}</SubmitButton>
      <FormStatus state={state} success={state?.ok && "created" in state ? t("createdMissing", { count: state.created }) : null} />
    </form>
  );
}
