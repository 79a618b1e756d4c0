"use client";

import { useEffect } from "react";
import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { changeOwnPasswordAction } from "@/app/(auth)/change-password/actions";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

type State = Awaited<ReturnType<typeof changeOwnPasswordAction>> | null;

export function ChangePasswordForm({ action }: { action: typeof changeOwnPasswordAction }) {
  const t = useTranslations("changePassword");
  const router = useRouter();
  const [state, formAction, pending] = useActionStateOfflineSafe<State, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) router.replace("/");
  }, [state, router]);
  return (
    <form id="change-password-form" action={formAction} className="space-y-4">
      <TextField id="currentPassword" label={t("current")} type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <TextField id="newPassword" label={t("new")} hint={t("rule")} type="password" autoComplete="new-password" required errors={errors?.newPassword} />
      <TextField id="confirmPassword" label={t("confirm")} type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <FormStatus state={state} success={t("done")} />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
