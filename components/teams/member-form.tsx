"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { addMemberAction, updateMemberAction } from "@/app/(app)/teams/actions";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { AFFILIATIONS, GENDERS, MEMBER_ROLES } from "@/lib/schemas/member";

export interface MemberValues {
  id?: number;
  fullName: string;
  role: string;
  affiliation: string;
  birthYear: number | null;
  gender: string | null;
  phone: string | null;
  trainedOn: string | null;
}

type Action = typeof addMemberAction | typeof updateMemberAction;

/** Add a member (teamCode) or edit one (member.id); the same fields and rules either way. */
export function MemberForm({ action, teamCode, member, submitLabel }: { action: Action; teamCode: string; member?: MemberValues; submitLabel: string }) {
  const t = useTranslations("teams");
  const roles = useTranslations("memberRoles");
  const affiliations = useTranslations("affiliations");
  const [state, formAction, pending] = useActionStateOfflineSafe<Awaited<ReturnType<Action>> | null, FormData>(action, null);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : undefined;
  const onSubmit = useKeptForm(formAction);
  // A new member's form empties after a success, ready for the next; an edit keeps its values.
  const formKey = !member?.id && state?.ok && "memberId" in state ? `added-${state.memberId}` : "form";
  const prefix = member?.id ? `m${member.id}-` : "new-";
  const select = "block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base";
  return (
    <form key={formKey} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="teamCode" value={teamCode} />
      {member?.id ? <input type="hidden" name="memberId" value={member.id} /> : null}
      <TextField id={`${prefix}fullName`} name="fullName" label={t("fullName")} defaultValue={member?.fullName} required errors={errors?.fullName} />
      <div>
        <label htmlFor={`${prefix}role`} className="mb-1 block font-medium">{t("role")}</label>
        <select id={`${prefix}role`} name="role" defaultValue={member?.role ?? "MEMBER"} className={select}>
          {MEMBER_ROLES.map((role) => <option key={role} value={role}>{roles(role)}</option>)}
        </select>
        {errors?.role ? <p className="mt-1 text-sm text-red-700">{errors.role.join(" ")}</p> : null}
      </div>
      <div>
        <label htmlFor={`${prefix}affiliation`} className="mb-1 block font-medium">{t("affiliation")}</label>
        <select id={`${prefix}affiliation`} name="affiliation" defaultValue={member?.affiliation ?? "OTHER"} className={select}>
          {AFFILIATIONS.map((affiliation) => <option key={affiliation} value={affiliation}>{affiliations(affiliation)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}gender`} className="mb-1 block font-medium">{t("gender")}</label>
        <select id={`${prefix}gender`} name="gender" defaultValue={member?.gender ?? ""} className={select}>
          <option value="">{t("unspecified")}</option>
          {GENDERS.map((gender) => <option key={gender} value={gender}>{t(`genders.${gender}`)}</option>)}
        </select>
      </div>
      <TextField id={`${prefix}birthYear`} name="birthYear" label={t("birthYear")} inputMode="numeric" defaultValue={member?.birthYear ?? ""} errors={errors?.birthYear} />
      <TextField id={`${prefix}phone`} name="phone" label={t("phone")} inputMode="tel" defaultValue={member?.phone ?? ""} errors={errors?.phone} />
      <TextField id={`${prefix}trainedOn`} name="trainedOn" label={t("trainedOn")} type="date" defaultValue={member?.trainedOn ?? ""} errors={errors?.trainedOn} />
      <div className="sm:col-span-2">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <div className="mt-2">
          <FormStatus state={state} success={t("saved")} />
        </div>
      </div>
    </form>
  );
}
