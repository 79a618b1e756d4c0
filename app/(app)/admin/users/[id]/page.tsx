import { parseRowId } from "@/lib/ids";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ASSIGNABLE_ROLES } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { getManagedUser } from "@/lib/users/list-users";
import { unitDisplayName } from "@/lib/units/display-name";
import { UserAdminActions } from "@/components/users/user-admin-actions";
import { ApiTokens } from "@/components/users/api-tokens";
import { can } from "@/lib/auth/authorize";
import { listApiTokens } from "@/lib/api/api-tokens";
import { formatDateTime, isLocale } from "@/lib/format";
import { getLocale } from "next-intl/server";
import { changeUserScopeAction, resetPasswordAction, setUserActiveAction } from "../actions";
import { issueApiTokenAction, revokeApiTokenAction } from "../token-actions";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const id = parseRowId((await params).id);
  if (id < 0) notFound();
  const account = await getManagedUser(actor, id).catch((error: unknown) => {
    // Outside the scope, or a role the actor may not manage: as if it did not exist.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const t = await getTranslations("users");
  const roles = await getTranslations("roles");
  const localeText = await getLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  const tokens = (await can(actor, "tokens.manage", { userId: account.id })) ? await listApiTokens(actor, account.id) : null;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/users" className="text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-bold text-brand-900">{account.fullName}</h1>
      <p className="mb-4 text-slate-700">
        {account.username} · {roles(account.role)} · {account.scopeUnit ? unitDisplayName(account.scopeUnit) : t("wholeCountry")}
        {account.team ? ` · ${account.team.name}` : ""} · {account.active ? t("active") : t("inactive")}
      </p>
      <UserAdminActions
        userId={account.id}
        active={account.active}
        role={account.role}
        scopeUnitCode={account.scopeUnit?.code ?? ""}
        roles={ASSIGNABLE_ROLES[actor.role]}
        actions={{ reset: resetPasswordAction, setActive: setUserActiveAction, changeScope: changeUserScopeAction }}
      />
      {tokens && (
        <ApiTokens
          userId={account.id}
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            created: formatDateTime(token.createdAt, locale),
            lastUsed: token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : null,
            revoked: token.revokedAt !== null,
          }))}
          actions={{ issue: issueApiTokenAction, revoke: revokeApiTokenAction }}
        />
      )}
    </>
  );
}
