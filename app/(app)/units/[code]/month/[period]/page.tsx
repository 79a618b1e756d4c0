import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { languageOf } from "@/lib/i18n/translate";
import { getWardCompleteness } from "@/lib/reports/get-ward-completeness";
import { unitDisplayName } from "@/lib/units/display-name";
import { ReviewButtons } from "@/components/entry/review-buttons";
import { reviewReportAction } from "@/app/(app)/entry/actions";
import { ScrollBox } from "@/components/ui/scroll-box";
import { routeParam } from "@/lib/http/route-param";

export default async function WardMonthPage({ params }: { params: Promise<{ code: string; period: string }> }) {
  const user = await requireUser();
  const { code, period } = await params;
  const t = await getTranslations("completeness");
  const status = await getTranslations("entry.status");
  const format = await getFormatter();
  const view = await getWardCompleteness(user, routeParam(code), period).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return error;
    throw error;
  });
  if (view instanceof AppError) return <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{view.messageIn(languageOf(user))}</p>;
  const month = period.split("-").reverse().join("/");
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/units/${encodeURIComponent(view.ward.code)}`} className="text-brand-700 underline">{unitDisplayName(view.ward)}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title", { month })}</h1>
      <p className="mb-4 text-lg" data-testid="completeness-summary">
        {t("summary", { reported: view.reportedGroups, total: view.totalGroups })}
      </p>

      {view.notReported.length > 0 && (
        <section aria-labelledby="missing-heading" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="missing-heading" className="mb-2 font-semibold">{t("missingTitle", { count: view.notReported.length })}</h2>
          <ul className="space-y-1">
            {view.notReported.map((row) => (
              <li key={row.code} className="flex flex-wrap items-center gap-x-3">
                <span className="font-medium">{unitDisplayName(row)}</span>
                {row.leader ? (
                  <span>
                    {t("leader", { name: row.leader.fullName })}
                    {row.leader.phone ? <> · <a href={`tel:${row.leader.phone}`} className="text-brand-700 underline">{row.leader.phone}</a></> : null}
                  </span>
                ) : (
                  <span className="text-slate-600">{t("noLeader")}</span>
                )}
                {view.canEnter && <Link href={`/entry/${encodeURIComponent(row.code)}/${period}`} className="flex min-h-10 items-center text-brand-700 underline">{t("enter")}</Link>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ScrollBox label={t("title", { month })} className="rounded-md bg-white shadow-sm">
        <table className="w-full min-w-[36rem] text-left">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">{t("unit")}</th>
              <th scope="col" className="p-2">{t("state")}</th>
              <th scope="col" className="p-2">{t("updated")}</th>
              <th scope="col" className="p-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.code} className="border-t border-slate-100 align-top">
                <td className="p-2">{unitDisplayName(row)}</td>
                <td className="p-2">{row.status ? status(row.status) : <strong className="text-amber-800">{t("notReported")}</strong>}</td>
                <td className="p-2">{row.updatedAt ? format.dateTime(row.updatedAt, "dateTime") : "–"}</td>
                <td className="p-2">
                  {view.canEnter && <Link href={`/entry/${encodeURIComponent(row.code)}/${period}`} className="text-brand-700 underline">{t("open")}</Link>}
                  {view.canReview && row.status && <ReviewButtons unitCode={row.code} period={period} status={row.status} action={reviewReportAction} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
