import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { languageOf } from "@/lib/i18n/translate";
import { routeParam } from "@/lib/http/route-param";
import { listLeaderAccounts } from "@/lib/users/leader-accounts";
import { unitDisplayName } from "@/lib/units/display-name";
import { LeaderAccountsPanel } from "@/components/users/leader-accounts-panel";
import { createLeaderAccountsAction, resetLeaderPasswordAction, setLeaderActiveAction } from "./actions";

export default async function LeaderAccountsPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  const t = await getTranslations("leaders");
  const listing = await listLeaderAccounts(user, routeParam(code)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return error;
    throw error;
  });
  if (listing instanceof AppError) return <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{listing.messageIn(languageOf(user))}</p>;
  return (
    <>
      <p className="mb-1 text-sm print:hidden">
        <Link href={`/units/${encodeURIComponent(listing.ward.code)}`} className="text-brand-700 underline">{unitDisplayName(listing.ward)}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900 print:hidden">{t("title", { ward: unitDisplayName(listing.ward) })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700 print:hidden">{t("intro")}</p>
      <LeaderAccountsPanel listing={listing} actions={{ create: createLeaderAccountsAction, reset: resetLeaderPasswordAction, setActive: setLeaderActiveAction }} />
    </>
  );
}
