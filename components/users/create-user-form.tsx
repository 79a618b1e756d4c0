"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import type { createUserAction } from "@/app/(app)/admin/users/actions";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleSelect } from "./role-select";
import { useKeptForm } from "@/components/ui/use-kept-form";

type State = Awaited<ReturnType<typeof createUserAction>> | null;

export function CreateUserForm({ action, roles }: { action: typeof createUserAction; roles: readonly Role[] }) {
  const t = useTranslations("users");
  const [state, formAction, pending] = useActionStateOfflineSafe<State, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  const onSubmit = useKeptForm(formAction);
  return (
    <form key={state?.ok && "userId" in state ? `created-${state.userId}` : "form"} onSubmit={onSubmit} className="space-y-3 rounded-md bg-white p-4 shadow-sm" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="text-lg font-semibold">{t("createTitle")}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="username" label={t("username")} autoCapitalize="none" spellCheck={false} required errors={errors?.username} />
        <TextField id="fullName" label={t("fullName")} required errors={errors?.fullName} />
        <RoleSelect roles={roles} errors={errors?.role} />
        <TextField id="scopeUnitCode" label={t("scopeUnitCode")} hint={t("scopeUnitHint")} errors={errors?.scopeUnitCode} />
      </div>
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
      <FormStatus
        state={state}
        success={state?.ok && "temporaryPassword" in state ? <TemporaryPassword username={state.username} password={state.temporaryPassword} /> : null}
      />
    </form>
  );
}

export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const t = useTranslations("users");
  return (
    <>
      <p>{t("temporaryPasswordFor", { username })}</p>
      <p className="my-1 text-xl font-bold tracking-wider" data-testid="temporary-password">{password}</p>
      <p className="text-sm">{t("temporaryPasswordNote")}</p>
    </>
  );
}
