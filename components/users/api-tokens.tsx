"use client";

import { useActionStateOfflineSafe } from "@/components/ui/use-action-state-offline-safe";
import { useTranslations } from "next-intl";
import type { issueApiTokenAction, revokeApiTokenAction } from "@/app/(app)/admin/users/token-actions";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptForm } from "@/components/ui/use-kept-form";

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string | null;
  revoked: boolean;
}

/** Issue a read-API token (its secret shown once) and revoke old ones. */
export function ApiTokens({ userId, tokens, actions }: { userId: number; tokens: TokenRow[]; actions: { issue: typeof issueApiTokenAction; revoke: typeof revokeApiTokenAction } }) {
  const t = useTranslations("tokens");
  const [issued, issue, issuing] = useActionStateOfflineSafe<Awaited<ReturnType<typeof issueApiTokenAction>> | null, FormData>(actions.issue, null);
  const [revoked, revoke, revoking] = useActionStateOfflineSafe<Awaited<ReturnType<typeof revokeApiTokenAction>> | null, FormData>(actions.revoke, null);
  const onIssue = useKeptForm(issue);
  return (
    <section aria-labelledby="tokens-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
      <h2 id="tokens-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      <form onSubmit={onIssue} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <TextField id="token-name" name="name" label={t("name")} hint={t("nameHint")} />
        <button type="submit" disabled={issuing} className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("issue")}</button>
      </form>
      {issued?.ok && "token" in issued ? (
        <div role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3">
          <p>{t("issued")}</p>
          <p className="mt-1 break-all rounded bg-white p-2 font-mono text-sm" data-testid="new-token">{issued.token}</p>
        </div>
      ) : (
        <FormStatus state={issued} />
      )}
      {tokens.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-100">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{token.name}</span> · <span className="font-mono">{token.prefix}…</span> · {t("created", { date: token.created })}
                {token.lastUsed ? ` · ${t("lastUsed", { date: token.lastUsed })}` : ""}
                {token.revoked ? ` · ${t("revoked")}` : ""}
              </span>
              {!token.revoked && (
                <form action={revoke}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit" disabled={revoking} className="min-h-10 rounded-md border border-slate-400 bg-white px-3">{t("revoke")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormStatus state={revoked} success={t("revokedNow")} />
    </section>
  );
}
