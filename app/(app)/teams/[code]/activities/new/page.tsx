import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { activeMembersOf } from "@/lib/activities/get-activities";
import { vietnamDate } from "@/lib/periods";
import { routeParam } from "@/lib/http/route-param";
import { ActivityForm } from "@/components/activities/activity-form";

export default async function NewActivityPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  const team = await getTeamPage(user, routeParam(code)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("activities");
  const teamHref = `/teams/${encodeURIComponent(team.code)}`;
  return (
    <>
      <p className="mb-1 text-sm"><Link href={teamHref} className="text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-bold text-brand-900">{t("newTitle", { team: team.name })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      {team.canLogActivities && team.active ? (
        <ActivityForm teamCode={team.code} teamName={team.name} today={vietnamDate(new Date())} members={await activeMembersOf(team.id)} needsReason={false} backHref={teamHref} />
      ) : (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("notAllowed")}</p>
      )}
    </>
  );
}
