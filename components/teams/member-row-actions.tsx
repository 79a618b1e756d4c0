"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { moveMemberAction, setMemberActiveAction } from "@/app/(app)/teams/actions";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptForm } from "@/components/ui/use-kept-form";

export function MemberRowActions({ memberId, active, actions }: { memberId: number; active: boolean; actions: { setActive: typeof setMemberActiveAction; move: typeof moveMemberAction } }) {
  const t = useTranslations("teams");
  const [activeState, toggle, toggling] = useActionStateOfflineSafe<Awaited<ReturnType<typeof setMemberActiveAction>> | null, FormData>(actions.setActive, null);
  const [moveState, move, moving] = useActionStateOfflineSafe<Awaited<ReturnType<typeof moveMemberAction>> | null, FormData>(actions.move, null);
  const submitMove = useKeptForm(move);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={toggle}>
        <input type="hidden" name="memberId" value={memberId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <button type="submit" disabled={toggling} className="min-h-12 rounded-md border border-slate-400 bg-white px-3">{active ? t("deactivate") : t("activate")}</button>
        <FormStatus state={activeState} success={t("saved")} />
      </form>
      {active && (
        <form onSubmit={submitMove} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="memberId" value={memberId} />
          <div>
            <label htmlFor={`move-${memberId}`} className="mb-1 block text-sm font-medium">{t("moveTo")}</label>
            <input id={`move-${memberId}`} name="targetTeamCode" placeholder="TCNS-20206-05" className="min-h-12 rounded-md border border-slate-400 px-2" />
          </div>
          <button type="submit" disabled={moving} className="min-h-12 rounded-md border border-slate-400 bg-white px-3">{t("move")}</button>
          <FormStatus state={moveState} success={t("moved")} />
        </form>
      )}
    </div>
  );
}
