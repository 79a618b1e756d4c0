import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { languageOf } from "@/lib/i18n/translate";
import { defaultReportingMonth, getDashboard } from "@/lib/dashboard/get-dashboard";
import { isNationalActor } from "@/lib/dashboard/dashboard-subject";
import type { SessionUser } from "@/lib/auth/session";
import { unitDisplayName } from "@/lib/units/display-name";
import { DashboardView } from "./dashboard-view";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** The dashboard of a unit (code) or of the country (null), read from the URL's period and indicator. */
export async function DashboardPage({ user, code, searchParams }: { user: SessionUser; code: string | null; searchParams: SearchParams }) {
  const t = await getTranslations("dashboard");
  const result = await getDashboard(user, code, { period: first(searchParams.period), from: first(searchParams.from), to: first(searchParams.to), indicator: first(searchParams.indicator), map: first(searchParams.map) }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!result.ok) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-900">{result.subject.unit ? unitDisplayName(result.subject.unit) : t("country")}</h1>
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t("errorTitle")}</p>
          <p>{result.error.messageIn(languageOf(user))}</p>
        </div>
      </>
    );
  }
  return <DashboardView dashboard={result} options={{ sort: first(searchParams.sort) ?? undefined, dir: first(searchParams.dir) ?? undefined, latestMonth: defaultReportingMonth(new Date()), national: isNationalActor(user) }} />;
}
