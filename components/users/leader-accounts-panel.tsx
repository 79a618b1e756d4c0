"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useFormatter, useTranslations } from "next-intl";
import type { createLeaderAccountsAction, resetLeaderPasswordAction, setLeaderActiveAction } from "@/app/(app)/units/[code]/leaders/actions";
import type { listLeaderAccounts } from "@/lib/users/leader-accounts";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { ScrollBox } from "@/components/ui/scroll-box";
import { LeaderSheet } from "./leader-sheet";

type Listing = Awaited<ReturnType<typeof listLeaderAccounts>>;
interface Actions {
  create: typeof createLeaderAccountsAction;
  reset: typeof resetLeaderPasswordAction;
  setActive: typeof setLeaderActiveAction;
}

/** The ward's teams and their leaders' accounts: create (one or all missing), reset, deactivate; the sheet of one-time passwords after each. */
export function LeaderAccountsPanel({ listing, actions }: { listing: Listing; actions: Actions }) {
  const t = useTranslations("leaders");
  const format = useFormatter();
  const [created, create, creating] = useActionStateOfflineSafe<Awaited<ReturnType<typeof createLeaderAccountsAction>> | null, FormData>(actions.create, null);
  const [resetState, reset, resetting] = useActionStateOfflineSafe<Awaited<ReturnType<typeof resetLeaderPasswordAction>> | null, FormData>(actions.reset, null);
  const [activeState, setActive, toggling] = useActionStateOfflineSafe<Awaited<ReturnType<typeof setLeaderActiveAction>> | null, FormData>(actions.setActive, null);
  const sheet = created?.ok && "sheet" in created ? created.sheet : resetState?.ok && "sheet" in resetState ? resetState.sheet : null;
  const wardName = listing.ward.name;
  return (
    <div className="space-y-4">
      <FormStatus state={created && !created.ok ? created : null} />
      <FormStatus state={resetState && !resetState.ok ? resetState : null} />
      <FormStatus state={activeState && !activeState.ok ? activeState : null} />
      {sheet ? <LeaderSheet rows={sheet} wardName={wardName} /> : null}

      <div className="print:hidden">
        {listing.withoutAccount > 0 ? (
          <form action={create} className="mb-4 rounded-md bg-white p-4 shadow-sm">
            <input type="hidden" name="wardCode" value={listing.ward.code} />
            <input type="hidden" name="all" value="true" />
            <p className="mb-2">{t("missingIntro", { count: listing.withoutAccount })}</p>
            <SubmitButton pending={creating}>{t("createAll", { count: listing.withoutAccount })}</SubmitButton>
          </form>
        ) : (
          <p className="mb-4 rounded-md bg-white p-4 shadow-sm">{t("allHaveAccounts")}</p>
        )}

        <ScrollBox label={t("tableLabel")} className="rounded-md bg-white shadow-sm">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("team")}</th>
                <th scope="col" className="p-2">{t("leaderMember")}</th>
                <th scope="col" className="p-2">{t("account")}</th>
                <th scope="col" className="p-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {listing.teams.map((team) => (
                <tr key={team.code} className="border-t border-slate-100 align-top" data-team={team.code}>
                  <td className="p-2">{team.name}<span className="block text-slate-600">{team.group}</span></td>
                  <td className="p-2">{team.leader ? team.leader.fullName : <span className="text-slate-600">{t("noLeaderMember")}</span>}</td>
                  <td className="p-2">
                    {team.accounts.length === 0 ? <span className="text-amber-800">{t("noAccount")}</span> : null}
                    {team.accounts.map((account) => (
                      <span key={account.id} className="block">
                        <span className="font-mono">{account.username}</span> · {!account.active ? t("inactive") : account.mustChangePassword ? t("notYetSignedIn") : t("active")}
                        {account.lastSignInAt ? ` · ${t("lastSignIn", { time: format.dateTime(new Date(account.lastSignInAt), "dateTime") })}` : ""}
                      </span>
                    ))}
                  </td>
                  <td className="space-y-1 p-2">
                    {!team.accounts.some((account) => account.active) ? (
                      <form action={create}>
                        <input type="hidden" name="wardCode" value={listing.ward.code} />
                        <input type="hidden" name="teamCode" value={team.code} />
                        <SubmitButton pending={creating} tone="secondary">{t("createOne")}</SubmitButton>
                      </form>
                    ) : null}
                    {team.accounts.map((account) => (
                      <span key={account.id} className="flex flex-wrap gap-1">
                        {account.active ? (
                          <form action={reset}>
                            <input type="hidden" name="userId" value={account.id} />
                            <SubmitButton pending={resetting} tone="secondary">{t("reset", { username: account.username })}</SubmitButton>
                          </form>
                        ) : null}
                        <form action={setActive}>
                          <input type="hidden" name="userId" value={account.id} />
                          <input type="hidden" name="active" value={String(!account.active)} />
                          <SubmitButton pending={toggling} tone={account.active ? "danger" : "secondary"}>{account.active ? t("deactivate", { username: account.username }) : t("activate", { username: account.username })}</SubmitButton>
                        </form>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </div>
    </div>
  );
}
