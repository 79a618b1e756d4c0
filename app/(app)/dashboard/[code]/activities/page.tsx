import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getActivityPanel } from "@/lib/activities/get-activity-panel";
import { AppError } from "@/lib/errors";
import { dayFirst, isLocale } from "@/lib/format";
import { languageOf } from "@/lib/i18n/translate";
import { routeParam } from "@/lib/http/route-param";
import { ActivityTeamLists } from "@/components/dashboard/activity-team-lists";

export async function generateMetadata() {
  const t = await getTranslations("activityPanel");
  return { title: t("title") };
}

/** The lists of teams and members below a district, a ward or a group, linked from its dashboard's activity panel. */
export default async function UnitActivitiesPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ period?: string | string[] }> }) {
  const user = await requireUser();
  const code = routeParam((await params).code);
  const period = (await searchParams).period;
  const t = await getTranslations("activityPanel");
  const localeText = await getLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  const back = <a href={`/dashboard/${encodeURIComponent(code)}${typeof period === "string" ? `?period=${encodeURIComponent(period)}` : ""}#activity-heading`} className="inline-flex min-h-10 items-center text-brand-700 underline">{t("listsBack")}</a>;
  let panel;
  try {
    panel = await getActivityPanel(user, code, { period: typeof period === "string" ? period : null });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) {
      return (
        <>
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">{error.messageIn(languageOf(user))}</p>
          {back}
        </>
      );
    }
    throw error;
  }
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("listsPageTitle", { unit: panel.unit?.name ?? code })}</h1>
      <p className="text-slate-700">{t("listsPageIntro", { from: dayFirst(panel.from), to: dayFirst(panel.to) })} {back}</p>
      {panel.teamLists ? <ActivityTeamLists lists={panel.teamLists} locale={locale} /> : <p className="mt-4">{t("listsAbove")}</p>}
    </>
  );
}
