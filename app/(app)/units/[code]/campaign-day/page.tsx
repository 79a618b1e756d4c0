import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCampaignTeams } from "@/lib/activities/campaign-day";
import { routeParam } from "@/lib/http/route-param";
import { vietnamDate } from "@/lib/periods";
import { CampaignDayForm } from "@/components/activities/campaign-day-form";
import { campaignDayAction } from "./actions";

export default async function CampaignDayPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  const campaign = await getCampaignTeams(user, routeParam(code)).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const t = await getTranslations("campaignDay");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/units/${encodeURIComponent(campaign.unit.code)}`} className="text-brand-700 underline">← {campaign.unit.name}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title", { unit: campaign.unit.name })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      {campaign.teams.length === 0 ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("noTeams")}</p>
      ) : (
        <CampaignDayForm unitCode={campaign.unit.code} teams={campaign.teams} today={vietnamDate(new Date())} action={campaignDayAction} />
      )}
    </>
  );
}
