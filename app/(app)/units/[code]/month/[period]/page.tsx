import Link from "@/components/ui/link";
import { ClientMessages } from "@/components/ui/client-messages";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { languageOf } from "@/lib/i18n/translate";
import { getWardCompleteness } from "@/lib/reports/get-ward-completeness";
import { unitDisplayName } from "@/lib/units/display-name";
import { ReviewButtons } from "@/components/entry/review-buttons";
import { importWorkbookAction, remindGroupAction, reviewReportAction } from "@/app/(app)/entry/actions";
import { ReminderButtons } from "@/components/entry/reminder-buttons";
import { ImportForm } from "@/components/imports/import-form";
import { VALUE_COLUMNS } from "@/lib/imports/import-values";
import { formatPeriod } from "@/lib/format";
import { parsePeriodCode } from "@/lib/periods";
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
  const roles = await getTranslations("roles");
  const monthName = formatPeriod(parsePeriodCode(period)!, languageOf(user));
  const wardCode = encodeURIComponent(view.ward.code);
  return (
    <ClientMessages namespaces={["completeness", "importActivities", "importMembers", "importTeams", "importValues"]}>
      <p className="mb-1 text-sm">
        <Link href={`/units/${encodeURIComponent(view.ward.code)}`} className="text-brand-700 underline">{unitDisplayName(view.ward)}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title", { month })}</h1>
      <p className="mb-4 text-lg" data-testid="completeness-summary">
        {t("summary", { reported: view.reportedGroups, total: view.totalGroups })}
      </p>

      {view.canWorkOnWard && (
        <section aria-labelledby="ward-tools" className="mb-6 space-y-3 rounded-md bg-white p-4 shadow-sm">
          <h2 id="ward-tools" className="font-semibold">{t("wardTools")}</h2>
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <Link href={`/units/${wardCode}/month/${period}/grid`} className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("openGrid")}</Link>
            <a href={`/api/v1/units/${wardCode}/workbook.xlsx?period=${period}`} download className="inline-flex min-h-12 items-center text-brand-700 underline">{t("downloadWorkbook")}</a>
          </p>
          <details>
            <summary className="min-h-10 cursor-pointer py-2 text-brand-700">{t("uploadWorkbook")}</summary>
            <p className="mb-2 text-sm text-slate-700">{t("uploadWorkbookHelp", { month: monthName })}</p>
            <ImportForm action={importWorkbookAction} namespace="importValues" columns={VALUE_COLUMNS} fields={{ wardCode: view.ward.code, period }} />
          </details>
        </section>
      )}

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
                    {row.leader.phone && !view.canWorkOnWard ? <> · <a href={`tel:${row.leader.phone}`} className="text-brand-700 underline">{row.leader.phone}</a></> : null}
                  </span>
                ) : (
                  <span className="text-slate-600">{t("noLeader")}</span>
                )}
                {view.canEnter && <Link href={`/entry/${encodeURIComponent(row.code)}/${period}`} className="flex min-h-10 items-center text-brand-700 underline">{t("enter")}</Link>}
                {view.canWorkOnWard && row.leader ? (
                  <ReminderButtons
                    unitCode={row.code}
                    period={period}
                    text={t("reminderText", { leader: row.leader.fullName, group: unitDisplayName(row), month: monthName, sender: user.fullName, ward: unitDisplayName(view.ward) })}
                    entryPath={`/entry/${encodeURIComponent(row.code)}/${period}`}
                    phone={row.leader.phone}
                    reminded={row.reminded ? { at: row.reminded.at.toISOString(), by: row.reminded.by, channel: row.reminded.channel } : null}
                    action={remindGroupAction}
                  />
                ) : null}
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
              <th scope="col" className="p-2">{t("updatedBy")}</th>
              <th scope="col" className="p-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.code} className="border-t border-slate-100 align-top">
                <td className="p-2">{unitDisplayName(row)}</td>
                <td className="p-2">{row.status ? status(row.status) : <strong className="text-amber-800">{t("notReported")}</strong>}</td>
                <td className="p-2">{row.updatedAt ? format.dateTime(row.updatedAt, "dateTime") : "–"}</td>
                <td className="p-2" data-testid={`updated-by-${row.code}`}>{row.updatedBy ? `${row.updatedBy.fullName} (${roles(row.updatedBy.role as "TEAM_LEADER")})` : "–"}</td>
                <td className="p-2">
                  {view.canEnter && <Link href={`/entry/${encodeURIComponent(row.code)}/${period}`} className="text-brand-700 underline">{t("open")}</Link>}
                  {view.canReview && row.status && <ReviewButtons unitCode={row.code} period={period} status={row.status} action={reviewReportAction} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </ClientMessages>
  );
}
