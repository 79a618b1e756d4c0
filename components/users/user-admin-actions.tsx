"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import type { changeUserScopeAction, resetPasswordAction, setUserActiveAction } from "@/app/(app)/admin/users/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { TemporaryPassword } from "./create-user-form";
import { RoleSelect } from "./role-select";
import { useKeptForm } from "@/components/ui/use-kept-form";

interface Props {
  userId: number;
  active: boolean;
  role: Role;
  scopeUnitCode: string;
  roles: readonly Role[];
  actions: { reset: typeof resetPasswordAction; setActive: typeof setUserActiveAction; changeScope: typeof changeUserScopeAction };
}

export function UserAdminActions({ userId, active, role, scopeUnitCode, roles, actions }: Props) {
  const t = useTranslations("users");
  const [resetState, reset, resetting] = useActionStateOfflineSafe<Awaited<ReturnType<typeof resetPasswordAction>> | null, FormData>(actions.reset, null);
  const [activeState, setActive, toggling] = useActionStateOfflineSafe<Awaited<ReturnType<typeof setUserActiveAction>> | null, FormData>(actions.setActive, null);
  const [scopeState, changeScope, moving] = useActionStateOfflineSafe<Awaited<ReturnType<typeof changeUserScopeAction>> | null, FormData>(actions.changeScope, null);
  const submitScope = useKeptForm(changeScope);
  const scopeErrors = scopeState && !scopeState.ok && "fieldErrors" in scopeState ? scopeState.fieldErrors : undefined;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <form action={reset} className="space-y-2 rounded-md bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("resetTitle")}</h2>
        <p className="text-sm text-slate-700">{t("resetHelp")}</p>
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton pending={resetting} tone="secondary">{t("reset")}</SubmitButton>
        <FormStatus state={resetState} success={resetState?.ok && "temporaryPassword" in resetState ? <TemporaryPassword username={resetState.username} password={resetState.temporaryPassword} /> : null} />
      </form>

      <form action={setActive} className="space-y-2 rounded-md bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{active ? t("deactivateTitle") : t("activateTitle")}</h2>
        <p className="text-sm text-slate-700">{active ? t("deactivateHelp") : t("activateHelp")}</p>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton pending={toggling} tone={active ? "danger" : "primary"}>{active ? t("deactivate") : t("activate")}</SubmitButton>
        <FormStatus state={activeState} success={t("saved")} />
      </form>

      <form onSubmit={submitScope} className="space-y-2 rounded-md bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("scopeTitle")}</h2>
        <input type="hidden" name="userId" value={userId} />
        <RoleSelect roles={roles} defaultValue={roles.includes(role) ? role : undefined} errors={scopeErrors?.role} />
        <TextField id="scopeUnitCode" label={t("scopeUnitCode")} defaultValue={scopeUnitCode} errors={scopeErrors?.scopeUnitCode} />
        <SubmitButton pending={moving} tone="secondary">{t("saveScope")}</SubmitButton>
        <FormStatus state={scopeState} success={t("saved")} />
      </form>
    </div>
  );
}
